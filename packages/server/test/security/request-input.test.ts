/**
 * Finding 13.12: record ids are bigint, but the API took any run of digits, so an id beyond
 * 9223372036854775807 reached PostgreSQL and came back as a 500; a NUL byte in a search did the
 * same (PostgreSQL text cannot hold U+0000). Both must be a 400 that names the field. The routes
 * and their fields are read from the app's OpenAPI document, so new routes are covered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../test-database.js';
import { addUser, login, type ApiSession } from '../api-client.js';

const HUGE = '99999999999999999999'; // 20 digits: beyond bigint's 9223372036854775807
const BIGINT_PLUS_ONE = '9223372036854775808';

interface Param {
  name: string;
  in: 'path' | 'query';
  schema?: { type?: string; enum?: unknown[] };
}
interface Operation {
  parameters?: Param[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, JsonSchema> } }> };
}
interface JsonSchema {
  type?: string | string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
}
interface Route {
  method: string;
  path: string;
  op: Operation;
}

let tdb: TestDatabase;
let app: FastifyInstance;
let admin: ApiSession;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'sec-input-root', 'admin', '');
  admin = await login(app, 'sec-input-root');
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

function routes(): Route[] {
  const spec = app.swagger() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/api/v1/') && path !== '/api/v1/auth/login' && path !== '/api/v1/auth/logout')
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
}

/** Record ids (bigint columns). Rule ids and audit entity ids are text codes, not record ids. */
const isRecordId = (route: Route, name: string) =>
  (name === 'id' || /Id$/.test(name)) && name !== 'ruleId' && name !== 'entityId' && !route.path.includes('/rules/{id}');

const VALID: Record<string, string> = { ledger: 'persons', period: '2026-05', year: '2026', code: 'none', revision: '1', name: 'x' };
function url(route: Route, override: Record<string, string> = {}, query = ''): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => override[name] ?? VALID[name] ?? '1');
  return query ? `${path}?${query}` : path;
}
const params = (route: Route, where: 'path' | 'query') => (route.op.parameters ?? []).filter((p) => p.in === where);
const isText = (s: JsonSchema | undefined): boolean =>
  !!s && !s.enum && (s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string')) || (s.anyOf ?? []).some(isText));
function bodyTextFields(route: Route): string[] {
  const properties = route.op.requestBody?.content?.['application/json']?.schema?.properties ?? {};
  return Object.entries(properties).filter(([, s]) => isText(s)).map(([name]) => name);
}
const names = (body: { details?: { path: string }[] }) => (body.details ?? []).map((d) => d.path);

describe('13.12 ids beyond bigint and NUL bytes are a 400 that names the field', () => {
  it('13.12 an id beyond bigint in any path, query or body field answers 400 naming it', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes()) {
      const tries: { what: string; field: string; send: () => ReturnType<ApiSession['request']> }[] = [];
      for (const p of params(route, 'path')) if (isRecordId(route, p.name)) tries.push({ what: 'path', field: p.name, send: () => admin.request(route.method as 'GET', url(route, { [p.name]: HUGE })) });
      for (const p of params(route, 'query')) if (isRecordId(route, p.name)) tries.push({ what: 'query', field: p.name, send: () => admin.request(route.method as 'GET', url(route, {}, `${p.name}=${HUGE}`)) });
      for (const f of bodyTextFields(route)) if (isRecordId(route, f)) tries.push({ what: 'body', field: f, send: () => admin.request(route.method as 'GET', url(route), { [f]: HUGE }) });
      for (const t of tries) {
        const res = await t.send();
        checked++;
        if (res.status !== 400 || !names(res.body).includes(t.field)) failures.push(`${route.method} ${route.path} ${t.what} ${t.field} → ${res.status} ${names(res.body).join(',')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it('13.12 the bound is bigint itself: 9223372036854775807 is an id (404), one more is not (400)', async () => {
    const last = await admin.request('GET', '/api/v1/persons/9223372036854775807');
    expect(last.status).toBe(404);
    const over = await admin.request('GET', `/api/v1/persons/${BIGINT_PLUS_ONE}`);
    expect(over.status).toBe(400);
    expect(over.body.details).toEqual([{ path: 'id', message: expect.stringContaining('9223372036854775807') }]);
    expect(over.body.message).toContain('编号');
  });

  it('13.12 a NUL byte in any path, query or body text answers 400 naming the field', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes()) {
      const tries: { field: string; send: () => ReturnType<ApiSession['request']> }[] = [];
      for (const p of params(route, 'path')) if (!p.schema?.enum) tries.push({ field: p.name, send: () => admin.request(route.method as 'GET', url(route, { [p.name]: 'a%00b' })) });
      for (const p of params(route, 'query')) if (isText(p.schema ?? {})) tries.push({ field: p.name, send: () => admin.request(route.method as 'GET', url(route, {}, `${p.name}=a%00b`)) });
      for (const f of bodyTextFields(route)) tries.push({ field: f, send: () => admin.request(route.method as 'GET', url(route), { [f]: 'a\u0000b' }) });
      for (const t of tries) {
        const res = await t.send();
        checked++;
        if (res.status !== 400 || !names(res.body).includes(t.field)) failures.push(`${route.method} ${route.path} ${t.field} → ${res.status} ${names(res.body).join(',')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  it('13.12 the search from the report: a NUL in q', async () => {
    const res = await admin.request('GET', '/api/v1/persons?q=%E5%BC%A0%00');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ path: 'q', message: expect.stringContaining('空字符') }]);
  });
});
