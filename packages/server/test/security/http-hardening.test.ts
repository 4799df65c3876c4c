/**
 * Issue 13.14: personal data must not stay in browser or proxy caches, the session cookie must be
 * Secure whenever the login came over HTTPS, and the API documentation is for logged-in users.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../test-database.js';
import { addUser, login, TEST_PASSWORD, type ApiSession } from '../api-client.js';
import { buildHousehold, buildPerson, buildSite, TOWNSHIP_A } from '../factories.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let clerk: ApiSession;
let personId: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  // One proxy in front (as in production behind nginx): its X-Forwarded-Proto says how the client came.
  const ctx = testContext(tdb.database, { trustProxy: 1 });
  app = await buildApp(ctx);
  await addUser(ctx, 'hh-clerk', 'clerk', TOWNSHIP_A);
  clerk = await login(app, 'hh-clerk');
  const site = await clerk.request('POST', '/api/v1/sites', buildSite());
  const household = await clerk.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
  personId = (await clerk.request('POST', '/api/v1/persons', buildPerson(Number(household.body.id)))).body.id;
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

async function loginOver(proto: 'http' | 'https') {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-proto': proto }, payload: { username: 'hh-clerk', password: TEST_PASSWORD } });
}

describe('13.14 HTTP hardening', () => {
  it('13.14 personal-data JSON, exports and errors under /api are sent with Cache-Control: no-store', async () => {
    for (const url of [
      '/api/v1/persons',
      `/api/v1/persons/${personId}`,
      `/api/v1/persons/${personId}/sensitive`,
      '/api/v1/exports/persons?format=csv',
      '/api/v1/persons/999999',
    ]) {
      const res = await clerk.request(url.endsWith('/sensitive') ? 'POST' : 'GET', url);
      expect(res.status, url).toBeLessThan(500);
      expect(String(res.headers['cache-control']), url).toContain('no-store');
    }
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/persons' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['cache-control']).toContain('no-store');
  });

  it('13.14 the session cookie is Secure when the login came over HTTPS, and still works on the plain-http demo', async () => {
    const secure = (await loginOver('https')).cookies.find((c) => c.name === 'anju_session');
    expect(secure?.secure).toBe(true);
    expect(secure?.httpOnly).toBe(true);
    const plain = (await loginOver('http')).cookies.find((c) => c.name === 'anju_session');
    expect(plain?.value).toBeTruthy();
    expect(plain?.secure).toBeFalsy();
  });

  it('13.14 the API documentation needs a login', async () => {
    for (const url of ['/api/docs', '/api/docs/json', '/api/docs/static/index.html']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.body, url).not.toContain('/api/v1/persons');
    }
    const session = (await loginOver('http')).cookies.find((c) => c.name === 'anju_session')!;
    const docs = await app.inject({ method: 'GET', url: '/api/docs/json', cookies: { anju_session: session.value } });
    expect(docs.statusCode).toBe(200);
    expect(docs.json().paths).toHaveProperty('/api/v1/persons');
  });
});
