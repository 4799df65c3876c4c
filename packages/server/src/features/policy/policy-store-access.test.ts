/**
 * Access to the pack and entitlement endpoints, endpoint by endpoint: anonymous callers get 401;
 * each role gets exactly what its permissions allow (reading: everyone who reads the registry;
 * packs: administrators; proposing and rejecting: clerks, monitors, administrators; approving and
 * paying: monitors and administrators); and a user outside the division is answered as if the
 * record did not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Role } from '@anju/core';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { COUNTY, TOWNSHIP_A, TOWNSHIP_B } from '../../../test/factories.js';
import { insertProposals } from './entitlement-repo.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let app: FastifyInstance;
const as: Partial<Record<Role, ApiSession>> = {};
let outsideMonitor: ApiSession;
let entitlementId: string;
const NONE = '999999999';

/** A proposed entitlement in township A, as a proposal run would store it. */
async function addEntitlement(ruleId: string): Promise<string> {
  const { ids } = await insertProposals(
    ctx.db,
    [{
      pack_code: 'GZ-2022', rule_id: ruleId, rule_version_from: '2022-07-20', subject_kind: 'person', subject_id: '1', subject_label: '测试人员',
      payee: 'subject', division_code: TOWNSHIP_A, household_id: null, kind: 'cash', per: 'once', amount: 500, months: null,
    }],
    { asOf: '2024-06-30', proposedBy: null, at: new Date() },
  );
  return ids[0]!;
}

const param = { from: '2030-01-01', value: 600, change: '权限测试' };
const rule = { from: '2030-01-01', condition: 'person.age >= 16', benefit: { kind: 'cash', amount: '100', per: 'once' }, change: '权限测试' };

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  const roles: [Role, string][] = [['collector', TOWNSHIP_A], ['clerk', TOWNSHIP_A], ['monitor', COUNTY], ['department', COUNTY], ['leader', COUNTY], ['admin', '']];
  for (const [role, division] of roles) {
    await addUser(ctx, `pa-${role}`, role, division, role === 'department' ? 'hrss' : null);
    as[role] = await login(app, `pa-${role}`);
  }
  await addUser(ctx, 'pa-monitor-b', 'monitor', TOWNSHIP_B);
  outsideMonitor = await login(app, 'pa-monitor-b');
  entitlementId = await addEntitlement('GZ-2022-6-transport-poor');
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

interface Endpoint {
  method: 'GET' | 'PUT' | 'POST';
  url: () => string;
  body?: () => unknown;
  /** Roles that get through; every other role gets 403. */
  allowed: Role[];
}

const everyone: Role[] = ['collector', 'clerk', 'monitor', 'department', 'leader', 'admin'];
const endpoints: Endpoint[] = [
  { method: 'GET', url: () => '/api/v1/policy/packs', allowed: everyone },
  { method: 'GET', url: () => '/api/v1/policy/packs/GZ-2022', allowed: everyone },
  { method: 'GET', url: () => '/api/v1/policy/packs/GZ-2022/revisions/1', allowed: everyone },
  { method: 'PUT', url: () => '/api/v1/policy/packs/GZ-2022/parameters/returnHireSubsidy', body: () => param, allowed: ['admin'] },
  { method: 'PUT', url: () => '/api/v1/policy/packs/GZ-2022/rules/GZ-2022-6-transport-other', body: () => rule, allowed: ['admin'] },
  { method: 'POST', url: () => '/api/v1/policy/packs', body: () => ({ text: 'code: XX' }), allowed: ['admin'] },
  { method: 'POST', url: () => '/api/v1/policy/entitlements/proposals', body: () => ({ division: TOWNSHIP_A, asOf: '2024-06-30' }), allowed: ['clerk', 'monitor', 'admin'] },
  { method: 'GET', url: () => '/api/v1/policy/entitlements', allowed: everyone },
  { method: 'POST', url: () => `/api/v1/policy/entitlements/${entitlementId}/approve`, body: () => ({ version: 99 }), allowed: ['monitor', 'admin'] },
  { method: 'POST', url: () => `/api/v1/policy/entitlements/${entitlementId}/pay`, body: () => ({ version: 99 }), allowed: ['monitor', 'admin'] },
  { method: 'POST', url: () => `/api/v1/policy/entitlements/${entitlementId}/reject`, body: () => ({ version: 99, reason: '权限测试理由' }), allowed: ['clerk', 'monitor', 'admin'] },
];

describe('anonymous callers', () => {
  it.each(endpoints.map((e) => [e.method, e] as const))('%s get 401', async (method, e) => {
    const res = await app.inject({ method, url: e.url(), ...(e.body ? { payload: e.body() as object } : {}) });
    expect(res.statusCode, e.url()).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });
});

describe('each role', () => {
  it.each(endpoints.map((e) => [`${e.method} ${e.url().replace(/\d{3,}/, ':id')}`, e] as const))('%s: allowed roles pass, others get 403', async (_, e) => {
    for (const role of everyone) {
      const res = await as[role]!.request(e.method, e.url(), e.body?.());
      // Allowed callers are stopped later, if at all: by a stale version (409), an invalid pack (422).
      if (e.allowed.includes(role)) expect([200, 201, 409, 422], `${role} ${JSON.stringify(res.body)}`).toContain(res.status);
      else expect(res.status, `${role} ${e.url()}`).toBe(403);
    }
  });
});

describe('a user outside the division', () => {
  it.each(['approve', 'pay', 'reject'])('%s: is answered as for a missing entitlement', async (action) => {
    const body = { version: 1, reason: '越权尝试操作' };
    const real = await outsideMonitor.request('POST', `/api/v1/policy/entitlements/${entitlementId}/${action}`, body);
    const none = await outsideMonitor.request('POST', `/api/v1/policy/entitlements/${NONE}/${action}`, body);
    expect(real.status).toBe(404);
    expect(real.body).toEqual(none.body);
  });

  it('lists nothing of it, and cannot ask for its division', async () => {
    expect((await outsideMonitor.request('GET', '/api/v1/policy/entitlements')).body.total).toBe(0);
    expect((await as.clerk!.request('GET', '/api/v1/policy/entitlements')).body.total).toBeGreaterThan(0);
    const real = await outsideMonitor.request('GET', `/api/v1/policy/entitlements?division=${TOWNSHIP_A}`);
    const none = await outsideMonitor.request('GET', '/api/v1/policy/entitlements?division=520628999');
    expect(real.status).toBe(404);
    expect(real.body).toEqual(none.body);
    expect((await outsideMonitor.request('POST', '/api/v1/policy/entitlements/proposals', { division: TOWNSHIP_A })).status).toBe(404);
  });

  it('left the entitlement untouched', async () => {
    const row = await ctx.db.selectFrom('entitlement').where('id', '=', entitlementId).select(['status', 'version']).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'proposed', version: 1 });
  });
});
