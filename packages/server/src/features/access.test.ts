/**
 * Access: every endpoint refuses anonymous callers, and a user outside a record's division gets
 * exactly the answer a non-existent record gets — so they learn nothing, not even existence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A } from '../../test/factories.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let clerkA: ApiSession;
let clerkB: ApiSession;
let leader: ApiSession;
let dept: ApiSession;
let adminB: ApiSession;
const ids: Record<string, string> = {};
const NONE = '999999999';

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'clerk-a', 'clerk', TOWNSHIP_A);
  await addUser(ctx, 'clerk-b', 'clerk', TOWNSHIP_B);
  await addUser(ctx, 'leader-a', 'leader', TOWNSHIP_A);
  await addUser(ctx, 'dept-county', 'department', COUNTY, 'hrss');
  await addUser(ctx, 'admin-b', 'admin', TOWNSHIP_B);
  const userA = await addUser(ctx, 'collector-a', 'collector', TOWNSHIP_A);
  clerkA = await login(app, 'clerk-a');
  clerkB = await login(app, 'clerk-b');
  leader = await login(app, 'leader-a');
  dept = await login(app, 'dept-county');
  adminB = await login(app, 'admin-b');
  const site = await clerkA.request('POST', '/api/v1/sites', buildSite());
  const household = await clerkA.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
  const person = await clerkA.request('POST', '/api/v1/persons', buildPerson(Number(household.body.id)));
  const employer = await clerkA.request('POST', '/api/v1/employers', { name: '测试帮扶车间', kind: 'workshop', divisionCode: TOWNSHIP_A, siteId: Number(site.body.id) });
  expect([site.status, household.status, person.status, employer.status]).toEqual([201, 201, 201, 201]);
  Object.assign(ids, { site: site.body.id, household: household.body.id, person: person.body.id, employer: employer.body.id, user: userA.id });
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

function fill(path: string, id: string): string {
  return path.replace(/\{(\w+)\}/g, () => id).replace(/:(\w+)/g, () => id);
}

describe('anonymous callers', () => {
  it('get 401 on every API path except login and health', async () => {
    const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      if (!path.startsWith('/api/v1/') || path === '/api/v1/auth/login' || path === '/api/v1/health') continue;
      for (const method of Object.keys(methods)) {
        const res = await app.inject({ method: method.toUpperCase() as 'GET', url: fill(path.replace('{ledger}', 'persons'), '1') });
        expect(res.statusCode, `${method} ${path}`).toBe(401);
        expect(res.json().code).toBe('UNAUTHENTICATED');
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThan(25);
  });
});

describe('a user outside the division', () => {
  const cases: [string, string, (id: string) => unknown][] = [
    ['GET', '/api/v1/sites/{id}', () => undefined],
    ['PUT', '/api/v1/sites/{id}', () => ({ ...buildSite({ divisionCode: TOWNSHIP_B }), version: 1 })],
    ['GET', '/api/v1/households/{id}', () => undefined],
    ['GET', '/api/v1/households/{id}/history', () => undefined],
    ['PUT', '/api/v1/households/{id}', () => ({ ...buildHousehold(1), version: 1 })],
    ['DELETE', '/api/v1/households/{id}?version=1', () => undefined],
    ['GET', '/api/v1/persons/{id}', () => undefined],
    ['POST', '/api/v1/persons/{id}/sensitive', () => undefined],
    ['PUT', '/api/v1/persons/{id}', () => ({ ...buildPerson(1), version: 1 })],
    ['DELETE', '/api/v1/persons/{id}?version=1', () => undefined],
    ['GET', '/api/v1/employers/{id}', () => undefined],
    ['PUT', '/api/v1/employers/{id}', () => ({ name: '改名', kind: 'workshop', divisionCode: TOWNSHIP_B, version: 1 })],
    ['DELETE', '/api/v1/employers/{id}?version=1', () => undefined],
    ['DELETE', '/api/v1/sites/{id}?version=1', () => undefined],
  ];
  const entity = (path: string) => path.split('/')[3]!.replace(/s$/, '');

  it.each(cases)('%s %s answers as if the record did not exist', async (method, path, body) => {
    const real = await clerkB.request(method as 'GET', fill(path, ids[entity(path)]!), body(ids[entity(path)]!));
    const none = await clerkB.request(method as 'GET', fill(path, NONE), body(NONE));
    expect(real.status).toBeGreaterThanOrEqual(400);
    expect(real.status).toBe(none.status);
    expect(real.body).toEqual(none.body);
  });

  it('finds nothing of it in any list or search', async () => {
    const personId = (await clerkA.request('POST', `/api/v1/persons/${ids.person}/sensitive`)).body.idNumber;
    for (const url of [
      `/api/v1/sites?q=测试安置点`,
      `/api/v1/households?siteId=${ids.site}`,
      `/api/v1/households?idNumber=${personId}`,
      `/api/v1/persons?idNumber=${personId}`,
      `/api/v1/persons?householdId=${ids.household}`,
      `/api/v1/employers?q=测试帮扶车间`,
    ]) {
      const res = await clerkB.request('GET', url);
      expect(res.status, url).toBe(200);
      expect(res.body.total, url).toBe(0);
    }
    // The owner does see it, so the lists above could have failed.
    expect((await clerkA.request('GET', `/api/v1/persons?idNumber=${personId}`)).body.total).toBe(1);
  });

  it('cannot add a member to its household, and is told the same as for a missing one', async () => {
    const real = await clerkB.request('POST', '/api/v1/persons', buildPerson(Number(ids.household)));
    const none = await clerkB.request('POST', '/api/v1/persons', buildPerson(Number(NONE)));
    expect(real.status).toBe(400);
    expect(real.body).toEqual({ ...none.body, message: real.body.message, details: real.body.details });
    expect(real.body.details).toEqual(none.body.details);
  });

  it('cannot manage users of another division, as an administrator either', async () => {
    const real = await adminB.request('PATCH', `/api/v1/users/${ids.user}`, { version: 1, disabled: true });
    const none = await adminB.request('PATCH', `/api/v1/users/${NONE}`, { version: 1, disabled: true });
    expect(real.status).toBe(404);
    expect(real.body).toEqual(none.body);
    const reset = await adminB.request('POST', `/api/v1/users/${ids.user}/password`, { password: 'Another123x' });
    expect(reset.status).toBe(404);
    const create = await adminB.request('POST', '/api/v1/users', { username: 'sneaky', displayName: 'x', password: 'Qiaomu-2026x', role: 'clerk', divisionCode: TOWNSHIP_A });
    expect(create.status).toBe(400);
    expect(create.body.details[0].path).toBe('divisionCode');
  });
});

describe('roles', () => {
  it('a leader reads but cannot write, and sees only masked personal data', async () => {
    expect((await leader.request('GET', `/api/v1/persons/${ids.person}`)).status).toBe(200);
    expect((await leader.request('POST', '/api/v1/sites', buildSite())).status).toBe(403);
    expect((await leader.request('POST', `/api/v1/persons/${ids.person}/sensitive`)).status).toBe(403);
  });

  it('a department user cannot change the registry', async () => {
    expect((await dept.request('POST', '/api/v1/sites', buildSite())).status).toBe(403);
    expect((await dept.request('PUT', `/api/v1/households/${ids.household}`, { ...buildHousehold(Number(ids.site)), version: 1 })).status).toBe(403);
  });

  it('only administrators manage users; audit is for administrators and leaders', async () => {
    expect((await clerkA.request('GET', '/api/v1/users')).status).toBe(403);
    expect((await clerkA.request('GET', '/api/v1/audit')).status).toBe(403);
    expect((await leader.request('GET', '/api/v1/audit')).status).toBe(200);
    expect((await leader.request('POST', '/api/v1/audit/verify')).status).toBe(403);
  });

  it('a state-changing request without the CSRF header is refused', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk-a', password: 'Test1234pass' } });
    const cookie = login.cookies.find((c) => c.name === 'anju_session')!.value;
    const res = await app.inject({ method: 'POST', url: '/api/v1/sites', cookies: { anju_session: cookie }, payload: buildSite() });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('CSRF');
    const sites = await clerkA.request('GET', '/api/v1/sites');
    expect(sites.body.total).toBe(1);
  });
});

describe('cross-county relocation (SPEC §2)', () => {
  it('the origin side sees land and forest rights of households that left its villages, not the people', async () => {
    const originClerk = await addUser(testContext(tdb.database), 'clerk-origin', 'clerk', VILLAGE_A.slice(0, 9));
    expect(originClerk.divisionCode).toBe(VILLAGE_A.slice(0, 9));
    const origin = await login(app, 'clerk-origin');
    const list = await origin.request('GET', '/api/v1/households?side=origin');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ view: 'origin', contractedLandMu: 2.5, building: null, room: null });
    const detail = await origin.request('GET', `/api/v1/households/${ids.household}`);
    expect(detail.status).toBe(200);
    expect(detail.body.memberList).toEqual([]);
    expect(detail.body.view).toBe('origin');
    expect((await origin.request('GET', `/api/v1/persons?householdId=${ids.household}`)).body.total).toBe(0);
    expect((await origin.request('PUT', `/api/v1/households/${ids.household}`, { ...buildHousehold(Number(ids.site)), version: 1 })).status).toBe(403);
    expect((await origin.request('GET', `/api/v1/households/${ids.household}/history`)).status).toBe(404);
  });
});
