/**
 * Entitlements through the API, with a small county pack beside the bundled ones: proposals from
 * who is eligible on a date (a one-time benefit never twice, a monthly one never beyond its
 * months, a rule that has ended never), then approve (the amount when set locally), pay and
 * reject with optimistic locking and audit; and a user outside the division learns nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { compileRules } from '@anju/core';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B } from '../../../test/factories.js';
import { activePacks } from './pack-service.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let app: FastifyInstance;
let admin: ApiSession;
let clerk: ApiSession;
let monitor: ApiSession;
let clerkB: ApiSession;
let monitorB: ApiSession;
let outsider: ApiSession;
let householdId: string;
const people: string[] = [];
const NONE = '999999999';

const PACK = `
code: ET-2024
title: 松桃县搬迁群众待遇测试办法
document: 测试文件
issued: '2024-01-01'
jurisdiction: '${COUNTY}'
parameters:
  - { name: onceAmount, title: 一次性补助标准, type: int, versions: [{ from: '2024-01-01', value: 300 }] }
  - { name: localAmount, title: 由地方确定的补助标准, type: int, versions: [{ from: '2024-01-01', value: null }] }
  - { name: monthAmount, title: 按月补助标准, type: int, versions: [{ from: '2024-01-01', value: 200 }] }
rules:
  - id: ET-2024-once
    title: 成年搬迁群众一次性补助
    clause: { ref: '一', text: 对成年搬迁群众给予一次性补助。 }
    subject: person
    versions:
      - { from: '2024-01-01', condition: 'person.age >= 18', benefit: { kind: cash, amount: params.onceAmount, per: once } }
  - id: ET-2024-local
    title: 脱贫户补助（标准由地方确定）
    clause: { ref: '二', text: 对脱贫户给予补助，标准由各地确定。 }
    subject: household
    versions:
      - { from: '2024-01-01', condition: 'household.registeredPoor', benefit: { kind: cash, amount: params.localAmount, per: once } }
  - id: ET-2024-month
    title: 搬迁户按月生活补助
    clause: { ref: '三', text: 对搬迁户按月给予生活补助，最长6个月。 }
    subject: household
    versions:
      - { from: '2024-01-01', condition: 'household.members >= 1', benefit: { kind: cash, amount: params.monthAmount, per: month, months: 6 } }
  - id: ET-2024-ending
    title: 即将停止的一次性补助
    clause: { ref: '四', text: 对成年搬迁群众给予一次性补助。 }
    subject: person
    versions:
      - { from: '2024-01-01', condition: 'person.age >= 18', benefit: { kind: cash, amount: '100', per: once } }
`;

interface Item {
  id: string;
  ruleId: string;
  subjectId: string;
  status: string;
  kind: string;
  amount: number | null;
  months: number | null;
  periodFrom: string | null;
  periodTo: string | null;
  version: number;
}

async function list(as: ApiSession, query: string): Promise<Item[]> {
  const res = await as.request('GET', `/api/v1/policy/entitlements?pageSize=200&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
}

async function propose(asOf: string, as = clerk) {
  const res = await as.request('POST', '/api/v1/policy/entitlements/proposals', { division: TOWNSHIP_A, asOf });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { proposed: number; skipped: { granted: number; exhausted: number } };
}

async function auditCount(): Promise<number> {
  const row = await ctx.db.selectFrom('audit_log').where('entity', '=', 'entitlement').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const live = (items: Item[]) => items.filter((i) => i.status !== 'rejected');
const monthsGranted = async () => live(await list(clerk, 'ruleId=ET-2024-month')).reduce((n, i) => n + i.months!, 0);

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  ctx.clock.now = new Date('2024-07-10T08:00:00Z');
  app = await buildApp(ctx);
  await addUser(ctx, 'et-admin', 'admin', '');
  await addUser(ctx, 'et-clerk', 'clerk', TOWNSHIP_A);
  await addUser(ctx, 'et-monitor', 'monitor', COUNTY);
  await addUser(ctx, 'et-clerk-b', 'clerk', TOWNSHIP_B);
  await addUser(ctx, 'et-monitor-b', 'monitor', TOWNSHIP_B);
  await addUser(ctx, 'et-outsider', 'monitor', '520627');
  admin = await login(app, 'et-admin');
  clerk = await login(app, 'et-clerk');
  monitor = await login(app, 'et-monitor');
  clerkB = await login(app, 'et-clerk-b');
  monitorB = await login(app, 'et-monitor-b');
  outsider = await login(app, 'et-outsider');
  const uploaded = await admin.request('POST', '/api/v1/policy/packs', { text: PACK });
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);

  const site = await clerk.request('POST', '/api/v1/sites', buildSite());
  const hh = await clerk.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
  expect(hh.status, JSON.stringify(hh.body)).toBe(201);
  householdId = hh.body.id;
  for (const [birth, relation] of [['1990-03-01', 'head'], ['1995-05-05', 'son']] as const) {
    const p = await clerk.request('POST', '/api/v1/persons', buildPerson(Number(householdId), { idNumber: idNumberFor(birth), relation }));
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    people.push(p.body.id);
  }
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('a rule that has ended', () => {
  it('is no longer in force after its last day', async () => {
    const res = await admin.request('PUT', '/api/v1/policy/packs/ET-2024/rules/ET-2024-ending', {
      from: '2024-01-01', to: '2024-05-31', condition: 'person.age >= 18', benefit: { kind: 'cash', amount: '100', per: 'once' }, change: '补助于5月底停止',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const packs = await activePacks(ctx.db);
    const inForce = (asOf: string) => compileRules(packs, asOf).map((r) => r.rule.id);
    expect(inForce('2024-05-31')).toContain('ET-2024-ending');
    expect(inForce('2024-06-01')).not.toContain('ET-2024-ending');
  });
});

describe('proposals', () => {
  it('propose one entitlement per eligible rule and subject in force on the day', async () => {
    const audits = await auditCount();
    const result = await propose('2024-06-30');
    expect(result.proposed).toBeGreaterThanOrEqual(4);
    expect(result.skipped).toEqual({ granted: 0, exhausted: 0 });
    const once = await list(clerk, 'ruleId=ET-2024-once');
    expect(once.map((i) => i.subjectId).sort()).toEqual([...people].sort());
    expect(once[0]).toMatchObject({ status: 'proposed', amount: 300, months: null, periodFrom: null, version: 1, householdId, packCode: 'ET-2024', ruleTitle: '成年搬迁群众一次性补助' });
    expect(await list(clerk, 'ruleId=ET-2024-local')).toMatchObject([{ subjectKind: 'household', subjectId: householdId, householdId, divisionCode: TOWNSHIP_A, amount: null }]);
    expect(await list(clerk, 'ruleId=ET-2024-month')).toMatchObject([
      { subjectId: householdId, amount: 200, months: 6, periodFrom: '2024-06-01', periodTo: '2024-11-30' },
    ]);
    // The rule that ended on 2024-05-31 is not proposed on 2024-06-30.
    expect(await list(clerk, 'ruleId=ET-2024-ending')).toEqual([]);
    // Duties of the bundled packs (包保 of the site, …) are eligible too, but are not money.
    const eligibility = await clerk.request('GET', `/api/v1/policy/eligibility?division=${TOWNSHIP_A}&asOf=2024-06-30`);
    expect(eligibility.body.rules.some((r: { kind: string; eligible: number }) => r.kind === 'obligation' && r.eligible > 0)).toBe(true);
    expect(new Set((await list(clerk, '')).map((i) => i.kind))).toEqual(new Set(['cash']));
    expect(await auditCount()).toBe(audits + 1);
  });

  it('never propose a one-time benefit twice, nor months beyond the rule’s', async () => {
    const all = (await list(clerk, '')).length;
    const again = await propose('2024-06-30');
    expect(again.proposed).toBe(0);
    expect(again.skipped.exhausted).toBe(1);
    expect(again.skipped.granted).toBe(all - 1);
    expect((await list(clerk, '')).length).toBe(all);
  });

  it('propose a rule on a day it was in force, and only its new subjects', async () => {
    const earlier = await propose('2024-05-15');
    expect(earlier.proposed).toBeGreaterThanOrEqual(2);
    expect((await list(clerk, 'ruleId=ET-2024-ending')).map((i) => i.subjectId).sort()).toEqual([...people].sort());
    expect(await list(clerk, 'ruleId=ET-2024-once')).toHaveLength(2);
    expect(await monthsGranted()).toBe(6);
  });

  it('give only the months left when a rule grants more, after the months already granted', async () => {
    const edit = await admin.request('PUT', '/api/v1/policy/packs/ET-2024/rules/ET-2024-month', {
      from: '2024-07-01', condition: 'household.members >= 1', benefit: { kind: 'cash', amount: 'params.monthAmount', per: 'month', months: 9 }, change: '延长至9个月',
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    await propose('2024-07-15');
    const month = await list(clerk, 'ruleId=ET-2024-month');
    expect(month).toHaveLength(2);
    expect(month[0]).toMatchObject({ months: 3, periodFrom: '2024-12-01', periodTo: '2025-02-28' });
    expect(await monthsGranted()).toBe(9);
    const again = await propose('2024-07-15');
    expect(again.proposed).toBe(0);
    expect(again.skipped.exhausted).toBe(1);
    expect(await monthsGranted()).toBe(9);
  });

  it('count a rejected entitlement as not granted', async () => {
    const [latest] = await list(clerk, 'ruleId=ET-2024-month');
    const rejected = await clerk.request('POST', `/api/v1/policy/entitlements/${latest!.id}/reject`, { version: latest!.version, reason: '户籍信息待核实' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(await monthsGranted()).toBe(6);
    await propose('2024-07-15');
    expect(await monthsGranted()).toBe(9);

    const [first] = await list(clerk, `ruleId=ET-2024-once`);
    const r = await clerk.request('POST', `/api/v1/policy/entitlements/${first!.id}/reject`, { version: first!.version, reason: '重复登记人员' });
    expect(r.status).toBe(200);
    await propose('2024-07-15');
    const once = await list(clerk, 'ruleId=ET-2024-once');
    expect(once).toHaveLength(3);
    expect(live(once).map((i) => i.subjectId).sort()).toEqual([...people].sort());
  });

  it('are backed by the database: a second live one-time benefit cannot be inserted', async () => {
    const [row] = live(await list(clerk, 'ruleId=ET-2024-once'));
    await expect(
      sql`INSERT INTO entitlement (pack_code, rule_id, rule_version_from, subject_kind, subject_id, subject_label, payee, county_code, division_code, kind, per)
          VALUES ('ET-2024', 'ET-2024-once', '2024-01-01', 'person', ${row!.subjectId}, 'x', 'subject', ${COUNTY}, ${TOWNSHIP_A}, 'cash', 'once')`.execute(ctx.db),
    ).rejects.toThrow(/entitlement_once_idx/);
  });

  it('need the right to propose and a division of one’s own', async () => {
    await addUser(ctx, 'et-leader', 'leader', COUNTY);
    const leader = await login(app, 'et-leader');
    expect((await leader.request('POST', '/api/v1/policy/entitlements/proposals', { division: TOWNSHIP_A, asOf: '2024-06-30' })).status).toBe(403);
    const outside = await outsider.request('POST', '/api/v1/policy/entitlements/proposals', { division: TOWNSHIP_A, asOf: '2024-06-30' });
    const none = await outsider.request('POST', '/api/v1/policy/entitlements/proposals', { division: '520628999', asOf: '2024-06-30' });
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(none.body);
  });
});

describe('deciding', () => {
  it('approves a locally set benefit only with its amount, then records it paid', async () => {
    const [local] = await list(clerk, 'ruleId=ET-2024-local');
    const audits = await auditCount();
    const missing = await monitor.request('POST', `/api/v1/policy/entitlements/${local!.id}/approve`, { version: local!.version });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ path: 'amount', message: '须填写金额（元）' }]);
    const approved = await monitor.request('POST', `/api/v1/policy/entitlements/${local!.id}/approve`, { version: local!.version, amount: 1200 });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', amount: 1200, decidedBy: 'et-monitor', version: local!.version + 1 });
    expect(approved.body.ruleTitle).toBe('脱贫户补助（标准由地方确定）');
    const paid = await monitor.request('POST', `/api/v1/policy/entitlements/${local!.id}/pay`, { version: approved.body.version });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', amount: 1200 });
    expect(await auditCount()).toBe(audits + 2);
    const again = await monitor.request('POST', `/api/v1/policy/entitlements/${local!.id}/pay`, { version: paid.body.version });
    expect(again.status).toBe(409);
    const reject = await monitor.request('POST', `/api/v1/policy/entitlements/${local!.id}/reject`, { version: paid.body.version, reason: '发放有误需追回' });
    expect(reject.status).toBe(409);
    expect(reject.body.message).toContain('已发放');
  });

  it('pays only what was approved, and approves no more than the policy’s amount', async () => {
    const [once] = live(await list(clerk, 'ruleId=ET-2024-once'));
    expect((await monitor.request('POST', `/api/v1/policy/entitlements/${once!.id}/pay`, { version: once!.version })).status).toBe(409);
    const over = await monitor.request('POST', `/api/v1/policy/entitlements/${once!.id}/approve`, { version: once!.version, amount: 500 });
    expect(over.status).toBe(400);
    const ok = await monitor.request('POST', `/api/v1/policy/entitlements/${once!.id}/approve`, { version: once!.version });
    expect(ok.body).toMatchObject({ status: 'approved', amount: 300 });
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const [e] = (await list(clerk, 'ruleId=ET-2024-ending&status=proposed'));
    const first = await monitor.request('POST', `/api/v1/policy/entitlements/${e!.id}/approve`, { version: e!.version });
    expect(first.status).toBe(200);
    const audits = await auditCount();
    const stale = await monitor.request('POST', `/api/v1/policy/entitlements/${e!.id}/reject`, { version: e!.version, reason: '同时有人处理' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    expect(await auditCount()).toBe(audits);
    expect((await list(clerk, 'ruleId=ET-2024-ending')).find((i) => i.id === e!.id)).toMatchObject({ status: 'approved', version: e!.version + 1 });
  });

  it('needs a reason of at least 4 characters to reject, and the right to approve to take back an approval', async () => {
    const [e] = await list(clerk, 'ruleId=ET-2024-ending&status=proposed');
    const short = await clerk.request('POST', `/api/v1/policy/entitlements/${e!.id}/reject`, { version: e!.version, reason: ' 不对 ' });
    expect(short.status).toBe(400);
    expect(short.body.details[0].path).toBe('reason');
    const none = await clerk.request('POST', `/api/v1/policy/entitlements/${e!.id}/reject`, { version: e!.version });
    expect(none.status).toBe(400);
    expect((await list(clerk, 'ruleId=ET-2024-ending')).find((i) => i.id === e!.id)!.status).toBe('proposed');
    const [approved] = await list(clerk, 'ruleId=ET-2024-ending&status=approved');
    expect((await clerk.request('POST', `/api/v1/policy/entitlements/${approved!.id}/reject`, { version: approved!.version, reason: '条件不符合规定' })).status).toBe(403);
    const byMonitor = await monitor.request('POST', `/api/v1/policy/entitlements/${approved!.id}/reject`, { version: approved!.version, reason: '条件不符合规定' });
    expect(byMonitor.body).toMatchObject({ status: 'rejected', reason: '条件不符合规定' });
  });

  it('is for those who may approve: a clerk cannot approve or pay', async () => {
    const [e] = await list(clerk, 'ruleId=ET-2024-ending&status=proposed');
    expect((await clerk.request('POST', `/api/v1/policy/entitlements/${e!.id}/approve`, { version: e!.version })).status).toBe(403);
    expect((await clerk.request('POST', `/api/v1/policy/entitlements/${e!.id}/pay`, { version: e!.version })).status).toBe(403);
  });
});

describe('listing', () => {
  it('filters by status and rule, and pages', async () => {
    const all = await clerk.request('GET', '/api/v1/policy/entitlements?pageSize=200');
    const page = await clerk.request('GET', '/api/v1/policy/entitlements?page=2&pageSize=1');
    expect(page.body).toMatchObject({ total: all.body.total, page: 2, pageSize: 1 });
    expect(page.body.items).toEqual([all.body.items[1]]);
    const paid = await list(clerk, 'status=paid');
    expect(paid.map((i) => i.ruleId)).toEqual(['ET-2024-local']);
    const scoped = await clerk.request('GET', `/api/v1/policy/entitlements?division=${TOWNSHIP_A}&ruleId=ET-2024-once&status=rejected`);
    expect(scoped.body.total).toBe(1);
  });
});

describe('a user outside the division', () => {
  it('sees none of it and is answered as for a missing record', async () => {
    for (const as of [clerkB, monitorB, outsider]) {
      const res = await as.request('GET', '/api/v1/policy/entitlements');
      expect(res.status).toBe(200);
      expect(res.body.total, as.username).toBe(0);
      const byDivision = await as.request('GET', `/api/v1/policy/entitlements?division=${TOWNSHIP_A}`);
      const byMissing = await as.request('GET', '/api/v1/policy/entitlements?division=520628999');
      expect(byDivision.status).toBe(404);
      expect(byDivision.body).toEqual(byMissing.body);
    }
    const [e] = await list(clerk, 'ruleId=ET-2024-ending&status=proposed');
    for (const action of ['approve', 'pay', 'reject']) {
      const real = await monitorB.request('POST', `/api/v1/policy/entitlements/${e!.id}/${action}`, { version: e!.version, reason: '越权尝试操作' });
      const none = await monitorB.request('POST', `/api/v1/policy/entitlements/${NONE}/${action}`, { version: e!.version, reason: '越权尝试操作' });
      expect(real.status, action).toBe(404);
      expect(real.body).toEqual(none.body);
    }
    expect((await list(clerk, 'ruleId=ET-2024-ending')).find((i) => i.id === e!.id)).toMatchObject({ status: 'proposed', version: e!.version });
  });
});
