/**
 * Assistance workshops at the edges of the rules (the test clock stands on 2026-06-01): exactly 5
 * poverty-alleviated workers against 4, recognised 12 against 11 months ago, 10 yearly contracts
 * against 9; a dated setting that moves a threshold; the refused upgrade; access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { WorkshopFacts } from '@anju/core';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildSite, COUNTY, TOWNSHIP_A, TOWNSHIP_B } from '../../../test/factories.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let clerk: ApiSession;
let clerkB: ApiSession;
let leader: ApiSession;
let civil: ApiSession;
let hrss: ApiSession;
let admin: ApiSession;
const NONE = '999999999';

const facts = (over: Partial<WorkshopFacts> = {}): WorkshopFacts => ({
  workshopKind: 'factory',
  jobs: 20,
  povertyWorkers: 5,
  relocatedWorkers: 12,
  insuredWorkers: 20,
  yearlyContractWorkers: 10,
  recognisedOn: '2025-06-01',
  upgradedOn: null,
  ...over,
});

async function addWorkshop(name: string, kind = 'workshop', as = clerk, divisionCode = TOWNSHIP_A): Promise<string> {
  const res = await as.request('POST', '/api/v1/employers', { name, kind, divisionCode });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function save(id: string, f: WorkshopFacts, as = clerk) {
  const current = await clerk.request('GET', `/api/v1/workshops/${id}`);
  return as.request('PUT', `/api/v1/workshops/${id}`, { ...f, version: current.body.version });
}

async function checksOf(id: string): Promise<Record<'poverty_workers' | 'insured' | 'upgrade', { passed: boolean; reason: string }>> {
  const res = await clerk.request('GET', `/api/v1/workshops/${id}`);
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.checks.map((c: { key: string; passed: boolean; reason: string }) => [c.key, c])) as Record<'poverty_workers' | 'insured' | 'upgrade', { passed: boolean; reason: string }>;
}

async function auditCount(): Promise<number> {
  const row = await tdb.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('entity', 'in', ['workshop', 'setting']).executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'ws-clerk', 'clerk', TOWNSHIP_A);
  await addUser(ctx, 'ws-clerk-b', 'clerk', TOWNSHIP_B);
  await addUser(ctx, 'ws-leader', 'leader', COUNTY);
  await addUser(ctx, 'ws-civil', 'department', COUNTY, 'civil_affairs');
  await addUser(ctx, 'ws-hrss', 'department', COUNTY, 'hrss');
  await addUser(ctx, 'ws-admin', 'admin', COUNTY);
  clerk = await login(app, 'ws-clerk');
  clerkB = await login(app, 'ws-clerk-b');
  leader = await login(app, 'ws-leader');
  civil = await login(app, 'ws-civil');
  hrss = await login(app, 'ws-hrss');
  admin = await login(app, 'ws-admin');
  await clerk.request('POST', '/api/v1/sites', buildSite());
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

describe('workshop checks', () => {
  it('lists a workshop whose facts were never filled in, with the reason instead of a refusal', async () => {
    const id = await addWorkshop('未登记车间');
    const list = await clerk.request('GET', '/api/v1/workshops?q=未登记车间');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ employerId: id, facts: null, version: null, upgradeEligible: false });
    expect(list.body.items[0].checks.every((c: { passed: boolean; reason: string }) => !c.passed && c.reason === '尚未登记帮扶车间信息')).toBe(true);
    expect(list.body.items[0].rules).toMatchObject({ minPovertyWorkers: 5, upgradeMinYears: 1, upgradeMinYearlyWorkers: 10, source: '省级帮扶车间认定办法（常见规定）' });
  });

  it('passes with exactly 5 poverty-alleviated workers and fails with 4, saying why', async () => {
    const five = await addWorkshop('五人车间');
    const four = await addWorkshop('四人车间');
    expect((await save(five, facts({ povertyWorkers: 5 }))).status).toBe(200);
    const saved = await save(four, facts({ povertyWorkers: 4 }));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await checksOf(five)).poverty_workers).toEqual({ key: 'poverty_workers', label: '吸纳脱贫劳动力', passed: true, reason: '吸纳脱贫劳动力 5 人，达到 5 人' });
    expect((await checksOf(four)).poverty_workers).toMatchObject({ passed: false, reason: '吸纳脱贫劳动力 4 人，少于 5 人' });
    // Failing a check keeps the workshop in the list.
    const list = await clerk.request('GET', '/api/v1/workshops?q=四人车间');
    expect(list.body.items[0].checks.find((c: { key: string }) => c.key === 'poverty_workers').passed).toBe(false);
  });

  it('requires every worker insured', async () => {
    const id = await addWorkshop('参保车间');
    await save(id, facts({ insuredWorkers: 19 }));
    expect((await checksOf(id)).insured).toMatchObject({ passed: false, reason: '在岗 20 人中 1 人未参加社会保险' });
    await save(id, facts({ insuredWorkers: 20 }));
    expect((await checksOf(id)).insured).toMatchObject({ passed: true, reason: '在岗 20 人全部参加社会保险' });
  });

  it('is eligible for upgrade when recognised 12 months ago with 10 yearly workers, not at 11 months or with 9', async () => {
    const ready = await addWorkshop('满一年车间');
    const young = await addWorkshop('十一个月车间');
    const short = await addWorkshop('九人合同车间');
    await save(ready, facts({ recognisedOn: '2025-06-01', yearlyContractWorkers: 10 }));
    await save(young, facts({ recognisedOn: '2025-07-01', yearlyContractWorkers: 10 }));
    await save(short, facts({ recognisedOn: '2025-06-01', yearlyContractWorkers: 9 }));
    expect((await checksOf(ready)).upgrade.passed).toBe(true);
    expect((await clerk.request('GET', `/api/v1/workshops/${ready}`)).body.upgradeEligible).toBe(true);
    expect((await checksOf(young)).upgrade).toMatchObject({ passed: false, reason: '认定于 2025-07-01，运行不满 1 年（2026-07-01 起满 1 年）' });
    expect((await checksOf(short)).upgrade).toMatchObject({ passed: false, reason: '签订1年以上劳动合同 9 人，少于 10 人' });
  });

  it('refuses an upgrade with the reasons and writes nothing; upgrades an eligible one', async () => {
    const young = (await clerk.request('GET', '/api/v1/workshops?q=十一个月车间')).body.items[0];
    const before = await auditCount();
    const refused = await clerk.request('POST', `/api/v1/workshops/${young.employerId}/upgrade`, { upgradedOn: '2026-06-01', version: young.version });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('不符合升级为乡村就业工厂的条件');
    expect(refused.body.message).toContain('运行不满 1 年');
    expect(refused.body.details[0].path).toBe('upgradedOn');
    // The same through PUT: setting upgradedOn is the upgrade.
    const viaPut = await save(young.employerId, facts({ recognisedOn: '2025-07-01', upgradedOn: '2026-06-01' }));
    expect(viaPut.status).toBe(400);
    expect(await auditCount()).toBe(before);
    expect((await clerk.request('GET', `/api/v1/workshops/${young.employerId}`)).body.facts.upgradedOn).toBeNull();

    const ready = (await clerk.request('GET', '/api/v1/workshops?q=满一年车间')).body.items[0];
    const done = await clerk.request('POST', `/api/v1/workshops/${ready.employerId}/upgrade`, { upgradedOn: '2026-06-01', version: ready.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.facts.upgradedOn).toBe('2026-06-01');
    expect(done.body.checks.find((c: { key: string }) => c.key === 'upgrade')).toMatchObject({ passed: true, reason: '已于 2026-06-01 升级为乡村就业工厂' });
    const again = await clerk.request('POST', `/api/v1/workshops/${ready.employerId}/upgrade`, { upgradedOn: '2026-06-01', version: done.body.version });
    expect(again.status).toBe(409);
    const audit = await tdb.database.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'workshop').where('entity_id', '=', ready.employerId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toBe('upgrade');
  });

  it('rejects counts that do not add up, naming the field', async () => {
    const id = await addWorkshop('人数不符车间');
    const res = await save(id, facts({ jobs: 3, povertyWorkers: 5, insuredWorkers: 3, yearlyContractWorkers: 3, relocatedWorkers: 3 }));
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain('povertyWorkers');
    const future = await save(id, facts({ recognisedOn: '2026-06-02' }));
    expect(future.status).toBe(400);
    expect(future.body.details[0].path).toBe('recognisedOn');
  });

  it('answers a stale version with 409 and the current facts, writing nothing', async () => {
    const id = await addWorkshop('并发车间');
    const first = await save(id, facts({ jobs: 30, insuredWorkers: 30 }));
    expect(first.body.version).toBe(1);
    expect((await clerk.request('PUT', `/api/v1/workshops/${id}`, { ...facts({ jobs: 31, insuredWorkers: 31 }), version: 1 })).status).toBe(200);
    const before = await auditCount();
    const stale = await clerk.request('PUT', `/api/v1/workshops/${id}`, { ...facts({ jobs: 40, insuredWorkers: 40 }), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current.facts.jobs).toBe(31);
    // A second "first fill-in" (version null) is just as stale.
    expect((await clerk.request('PUT', `/api/v1/workshops/${id}`, { ...facts(), version: null })).status).toBe(409);
    expect(await auditCount()).toBe(before);
    expect((await clerk.request('GET', `/api/v1/workshops/${id}`)).body.facts.jobs).toBe(31);
  });
});

describe('workshop rules as a dated setting', () => {
  it('moves the threshold from the date it takes effect, and only an administrator sets it', async () => {
    const four = (await clerk.request('GET', '/api/v1/workshops?q=四人车间')).body.items[0].employerId;
    const rule = { minPovertyWorkers: 4, upgradeMinYears: 1, upgradeMinYearlyWorkers: 10, source: '某省帮扶车间认定管理办法（试行）第六条' };
    expect((await clerk.request('PUT', '/api/v1/workshops/rules', { ...rule, effectiveFrom: '2026-01-01' })).status).toBe(403);
    // Not yet in force: the check still fails.
    expect((await admin.request('PUT', '/api/v1/workshops/rules', { ...rule, effectiveFrom: '2026-07-01' })).status).toBe(200);
    expect((await checksOf(four)).poverty_workers.passed).toBe(false);
    const set = await admin.request('PUT', '/api/v1/workshops/rules', { ...rule, effectiveFrom: '2026-01-01' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ minPovertyWorkers: 4, effectiveFrom: '2026-01-01', jurisdiction: COUNTY, source: rule.source, defaults: { minPovertyWorkers: 5 } });
    expect((await checksOf(four)).poverty_workers).toMatchObject({ passed: true, reason: '吸纳脱贫劳动力 4 人，达到 4 人' });
    expect((await clerk.request('GET', '/api/v1/workshops/rules')).body).toMatchObject({ minPovertyWorkers: 4, source: rule.source });
  });
});

describe('workshop access', () => {
  it('gives a user outside the division the answer a missing id gets, on every call', async () => {
    const id = (await clerk.request('GET', '/api/v1/workshops?q=五人车间')).body.items[0].employerId;
    const calls: [string, string, unknown][] = [
      ['GET', '/api/v1/workshops/{id}', undefined],
      ['PUT', '/api/v1/workshops/{id}', { ...facts(), version: 1 }],
      ['POST', '/api/v1/workshops/{id}/upgrade', { upgradedOn: '2026-06-01', version: 1 }],
    ];
    for (const [method, path, body] of calls) {
      const real = await clerkB.request(method as 'GET', path.replace('{id}', id), body);
      const none = await clerkB.request(method as 'GET', path.replace('{id}', NONE), body);
      expect(real.status, `${method} ${path}`).toBe(404);
      expect(real.body).toEqual(none.body);
    }
    expect((await clerkB.request('GET', '/api/v1/workshops?q=五人车间')).body.total).toBe(0);
  });

  it('answers an employer of another kind as not a workshop', async () => {
    const id = await addWorkshop('普通企业', 'enterprise');
    expect((await clerk.request('GET', `/api/v1/workshops/${id}`)).status).toBe(404);
    expect((await clerk.request('GET', '/api/v1/workshops?q=普通企业')).body.total).toBe(0);
  });

  it('lets a leader and a non-人社 department read but not write; the 人社 department writes', async () => {
    const id = await addWorkshop('权限车间');
    expect((await leader.request('GET', `/api/v1/workshops/${id}`)).status).toBe(200);
    expect((await civil.request('GET', '/api/v1/workshops')).status).toBe(200);
    const before = await auditCount();
    expect((await save(id, facts(), leader)).status).toBe(403);
    expect((await save(id, facts(), civil)).status).toBe(403);
    expect(await auditCount()).toBe(before);
    expect((await save(id, facts(), hrss)).status).toBe(200);
  });
});
