/**
 * Finding 13.13: searches put the user's text into LIKE patterns as it came, so `%` and `_`
 * acted as wildcards (`/divisions?q=%` matched all 665,276 division names). Every list with a
 * `q` search is read from the app's OpenAPI document; `%`, `_` and `\` must find only records
 * that contain those characters, which none of the records here do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../test-database.js';
import { addUser, login, type ApiSession } from '../api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, TOWNSHIP_A } from '../factories.js';

interface Param {
  name: string;
  in: string;
  required?: boolean;
}

let tdb: TestDatabase;
let app: FastifyInstance;
let clerk: ApiSession;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'sec-like-admin', 'admin', COUNTY);
  clerk = await login(app, 'sec-like-admin');
  const site = await clerk.request('POST', '/api/v1/sites', buildSite({ name: '搜索安置点' }));
  const household = await clerk.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
  const person = await clerk.request('POST', '/api/v1/persons', buildPerson(Number(household.body.id), { name: '张三' }));
  const employer = await clerk.request('POST', '/api/v1/employers', { name: '搜索帮扶车间', kind: 'workshop', divisionCode: TOWNSHIP_A, siteId: Number(site.body.id) });
  expect([site.status, household.status, person.status, employer.status]).toEqual([201, 201, 201, 201]);
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

const REQUIRED: Record<string, string> = { period: '2026-05' };
const count = (body: { total?: number; items?: unknown[] } | unknown[]) => (Array.isArray(body) ? body.length : (body.total ?? body.items?.length ?? 0));

function searchRoutes(): { path: string; base: string }[] {
  const spec = app.swagger() as { paths: Record<string, { get?: { parameters?: Param[] } }> };
  return Object.entries(spec.paths)
    .filter(([, m]) => m.get?.parameters?.some((p) => p.in === 'query' && p.name === 'q'))
    .map(([path, m]) => {
      const required = (m.get!.parameters ?? []).filter((p) => p.in === 'query' && p.required && p.name !== 'q');
      return { path, base: required.map((p) => `${p.name}=${REQUIRED[p.name] ?? ''}`).join('&') };
    });
}

describe('13.13 % and _ in searches are literal characters', () => {
  it('13.13 /divisions?q=% and q=_ match no division name', async () => {
    expect(count((await clerk.request('GET', '/api/v1/divisions?q=%E6%9D%BE%E6%A1%83')).body)).toBeGreaterThan(0); // 松桃
    for (const q of ['%25', '_', '%25%25', '%5C']) {
      const res = await clerk.request('GET', `/api/v1/divisions?q=${q}`);
      expect(res.status, q).toBe(200);
      expect(count(res.body), q).toBe(0);
    }
  });

  it('13.13 every list with a q search treats %, _ and \\ as themselves', async () => {
    const routes = searchRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(8);
    const failures: string[] = [];
    let withData = 0;
    for (const { path, base } of routes) {
      const url = (q: string) => `${path}?${[base, `q=${q}`].filter(Boolean).join('&')}`;
      const all = await clerk.request('GET', `${path}${base ? `?${base}` : ''}`);
      if (all.status !== 200) failures.push(`${path} without q → ${all.status}`);
      if (count(all.body) > 0) withData++;
      for (const q of ['%25', '_', '%5C', '%25%E6%90%9C', '_%E6%90%9C']) {
        const res = await clerk.request('GET', url(q));
        if (res.status !== 200 || count(res.body) !== 0) failures.push(`${path} q=${decodeURIComponent(q)} → ${res.status}, ${count(res.body)} found`);
      }
    }
    expect(failures).toEqual([]);
    expect(withData).toBeGreaterThanOrEqual(5);
  });

  it('13.13 the search itself still works: a name prefix and a substring', async () => {
    expect(count((await clerk.request('GET', `/api/v1/persons?q=${encodeURIComponent('张')}`)).body)).toBe(1);
    expect(count((await clerk.request('GET', `/api/v1/sites?q=${encodeURIComponent('安置')}`)).body)).toBe(1);
    expect(count((await clerk.request('GET', `/api/v1/employers?q=${encodeURIComponent('帮扶')}`)).body)).toBe(1);
  });
});
