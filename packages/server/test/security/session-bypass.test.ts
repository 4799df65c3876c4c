/**
 * Finding 13.5: the session check read the raw URL, so a percent-encoded path (`/api/%761/…`)
 * reached the router as `/api/v1/…` without a session. Every route the app has is walked from
 * its OpenAPI document, so a route added later is covered without editing this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../test-database.js';

/** The only routes meant to answer without a session; a new public route must be added here on purpose. */
const PUBLIC = new Set(['POST /api/v1/auth/login', 'GET /api/v1/health']);

let tdb: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await buildApp(testContext(tdb.database));
  // A public route (no session required) whose handler still reads the actor: it must not crash.
  app.get('/test-public-reads-actor', { config: { public: true } }, (request) => ({ who: request.actor.username }));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

function routes(): { method: string; path: string }[] {
  const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })));
}

const fill = (path: string) => path.replace('{ledger}', 'persons').replace(/\{(\w+)\}/g, '1');

/** Spellings of one path that the router decodes to the same route. */
function spellings(url: string): string[] {
  return [url, url.replace('/api/v1/', '/api/%761/'), url.replace('/api/v1/', '/%61pi/v1/'), url.replace('/api/v1/', '/api/v%31/')];
}

describe('13.5 the session check cannot be skipped', () => {
  it('13.5 every non-public API route answers 401 without a session, however its path is spelled', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { method, path } of routes()) {
      if (!path.startsWith('/api/v1/') || PUBLIC.has(`${method} ${path}`)) continue;
      for (const url of spellings(fill(path))) {
        const res = await app.inject({ method: method as 'GET', url });
        checked++;
        if (res.statusCode !== 401 || res.json().code !== 'UNAUTHENTICATED') failures.push(`${method} ${url} → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(400);
  });

  it('13.5 the example from the report: /api/%761/templates/persons', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/%761/templates/persons' });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toContain('未登录');
  });

  it('13.5 public routes still answer without a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/%761/health' })).statusCode).toBe(200);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'wrong-password' } });
    expect(login.statusCode).toBe(401);
    expect(login.json().message).not.toContain('未登录');
  });

  it('13.5 a handler that reads a missing actor answers 401, never 500', async () => {
    const res = await app.inject({ method: 'GET', url: '/test-public-reads-actor' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '未登录或登录已失效，请重新登录' });
  });
});
