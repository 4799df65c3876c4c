/**
 * Policy evaluation over the registry and the ledger: a hand-made Guizhou household with six
 * confirmed months of ledger (2024-01 … 2024-06, when GZ-2022 is in force) — a first job outside the
 * province for five months, and a local job with a contract and insurance for six — evaluated
 * for one household (with its explanation), for a township (counts, cost, the list behind them,
 * and the same answer in process as in SQL), and in a what-if that raises a threshold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { compileRules, evaluateRule, subjectKinds, type LabourFacts } from '@anju/core';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A } from '../../../test/factories.js';
import { activePacks } from './pack-service.js';
import { factQuery } from './policy-access.js';
import { factRowsOf, ruleTotals } from './population-repo.js';
import { subjectFactsOf } from './case-service.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let app: FastifyInstance;
let monitor: ApiSession;
let clerk: ApiSession;
let outsider: ApiSession;
let householdId: string;
const people: Record<string, string> = {};
const inputs: Record<string, ReturnType<typeof buildPerson>> = {};
const AS_OF = '2024-06-30';
const periods = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];

const idle: LabourFacts = {
  wantsWork: true, state: 'unemployed', channel: null, place: null, employerId: null, employerName: null,
  startDate: null, contractMonths: null, socialInsurance: false, monthlyIncome: null, trainingWish: false,
};

async function save(key: string, period: string, facts: LabourFacts) {
  const current = await clerk.request('GET', `/api/v1/employment/records/${people[key]}/${period}`);
  expect(current.status, `${key} ${period}`).toBe(200);
  const res = await clerk.request('PUT', `/api/v1/employment/records/${people[key]}/${period}`, { facts, version: current.body.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  ctx.clock.now = new Date('2024-07-10T08:00:00Z');
  app = await buildApp(ctx);
  await addUser(ctx, 'pol-monitor', 'monitor', COUNTY);
  await addUser(ctx, 'pol-clerk', 'clerk', TOWNSHIP_A);
  await addUser(ctx, 'pol-outsider', 'monitor', '520627');
  monitor = await login(app, 'pol-monitor');
  clerk = await login(app, 'pol-clerk');
  outsider = await login(app, 'pol-outsider');

  const site = await clerk.request('POST', '/api/v1/sites', buildSite());
  const hh = await clerk.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
  householdId = hh.body.id;
  for (const [key, birth, relation] of [['migrant', '1990-03-01', 'head'], ['local', '1995-05-05', 'son']] as const) {
    inputs[key] = buildPerson(Number(householdId), { idNumber: idNumberFor(birth), relation });
    const p = await clerk.request('POST', '/api/v1/persons', inputs[key]);
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    people[key] = p.body.id;
  }
  const employer = await monitor.request('POST', '/api/v1/employers', { name: '县内扶贫车间', kind: 'workshop', divisionCode: TOWNSHIP_A, startDate: '2023-01-01' });
  expect(employer.status, JSON.stringify(employer.body)).toBe(201);

  for (const period of periods) {
    const opened = await monitor.request('POST', '/api/v1/employment/periods', { period, countyCode: COUNTY });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    if (period === '2024-01') {
      await save('migrant', period, idle);
      await save('local', period, {
        ...idle, state: 'employed', channel: 'local', place: 'in_county', employerId: String(employer.body.id), employerName: '县内扶贫车间',
        startDate: '2024-01-02', contractMonths: 12, socialInsurance: true, monthlyIncome: 2600,
      });
    }
    if (period === '2024-02') {
      await save('migrant', period, { ...idle, state: 'employed', channel: 'out_migration', place: 'outside_province', employerName: '浙江某厂', startDate: '2024-02-10', monthlyIncome: 5200 });
    }
    // The month checked: the records carried forward unchanged are confirmed, so the month counts.
    const confirmed = await clerk.request('POST', '/api/v1/employment/confirmations', { period, divisionCode: TOWNSHIP_A });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  }
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('a household’s 应享政策', () => {
  it('shows each member’s rules with the facts that decided them, incomes masked', async () => {
    const res = await clerk.request('GET', `/api/v1/policy/households/${householdId}/evaluation?asOf=${AS_OF}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const migrant = res.body.subjects.find((s: { kind: string; id: string }) => s.kind === 'person' && s.id === people.migrant);
    const transport = migrant.results.find((r: { ruleId: string }) => r.ruleId === 'GZ-2022-6-transport-poor');
    expect(transport).toMatchObject({ eligible: true, amount: 500 });
    expect(transport.clause.text).toContain('交通');
    const facts = JSON.stringify(transport.trace);
    expect(facts).toContain('"name":"person.consecutiveMonthsOutsideProvince","label":"连续省外就业月数","value":5');
    expect(facts).toContain('"name":"person.firstCrossProvinceJob"');
    const hire = res.body.subjects.find((s: { kind: string }) => s.kind === 'hire');
    expect(hire.label).toContain('县内扶贫车间');
    const all = JSON.stringify(res.body);
    expect(all).not.toContain('5200');
    expect(all).not.toContain('"value":2600');
  });

  it('is refused to a user of another county, who learns nothing', async () => {
    const res = await outsider.request('GET', `/api/v1/policy/households/${householdId}/evaluation?asOf=${AS_OF}`);
    expect(res.status).toBe(404);
    expect((await outsider.request('GET', `/api/v1/policy/households/99999999/evaluation`)).status).toBe(404);
    expect((await outsider.request('GET', `/api/v1/policy/eligibility?division=${TOWNSHIP_A}&asOf=${AS_OF}`)).status).toBe(404);
    expect((await outsider.request('POST', '/api/v1/policy/simulations', { division: TOWNSHIP_A, asOf: AS_OF, set: { 'GZ-2022.transportMinMonths': 6 } })).status).toBe(404);
  });
});

describe('a township’s eligibility', () => {
  it('counts the eligible and their cost per rule, and lists them', async () => {
    const res = await clerk.request('GET', `/api/v1/policy/eligibility?division=${TOWNSHIP_A}&asOf=${AS_OF}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const transport = res.body.rules.find((r: { ruleId: string }) => r.ruleId === 'GZ-2022-6-transport-poor');
    expect(transport).toMatchObject({ eligible: 1, cost: 500 });
    const list = await clerk.request('GET', `/api/v1/policy/eligibility/GZ-2022-6-transport-poor/subjects?division=${TOWNSHIP_A}&asOf=${AS_OF}`);
    expect(list.body).toMatchObject({ total: 1, items: [{ subjectId: people.migrant, householdId }] });
  });

  it('finds the same subjects in process as in SQL, rule by rule, over every kind of subject', async () => {
    const rules = compileRules(await activePacks(ctx.db), AS_OF).filter((r) => TOWNSHIP_A.startsWith(r.jurisdiction));
    const fq = await factQuery(ctx, { division: TOWNSHIP_A, asOf: AS_OF });
    const totals = await ruleTotals(ctx.db, fq, rules);
    const rows = new Map(await Promise.all(subjectKinds.map(async (kind) => [kind, await factRowsOf(ctx.db, kind, fq)] as const)));
    let eligibleSomewhere = 0;
    for (const { rule, eligible } of totals) {
      const inProcess = rows.get(rule.rule.subject)!.filter((row) => evaluateRule(rule, subjectFactsOf(row)).eligible).length;
      expect(eligible, rule.rule.id).toBe(inProcess);
      eligibleSomewhere += inProcess;
    }
    expect(totals.length).toBe(rules.length);
    expect(eligibleSomewhere).toBeGreaterThan(0);
  });
});

describe('a what-if', () => {
  const set = { 'GZ-2022.transportMinMonths': 6 };

  it('shows who a stricter threshold takes away, and the saving, without saving anything', async () => {
    const res = await clerk.request('POST', '/api/v1/policy/simulations', { division: TOWNSHIP_A, asOf: AS_OF, set });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const transport = res.body.rules.find((r: { ruleId: string }) => r.ruleId === 'GZ-2022-6-transport-poor');
    expect(transport).toMatchObject({ kind: 'cash', before: 1, after: 0, gained: 0, lost: 1, costBefore: 500, costAfter: 0 });
    expect(res.body.divisions).toEqual([expect.objectContaining({ lost: 1, costDelta: -500 })]);
    const lost = await clerk.request('POST', '/api/v1/policy/simulations/subjects', { division: TOWNSHIP_A, asOf: AS_OF, set, ruleId: 'GZ-2022-6-transport-poor', change: 'lost' });
    expect(lost.body.items.map((i: { subjectId: string }) => i.subjectId)).toEqual([people.migrant]);
    const after = await clerk.request('GET', `/api/v1/policy/eligibility?division=${TOWNSHIP_A}&asOf=${AS_OF}`);
    expect(after.body.rules.find((r: { ruleId: string }) => r.ruleId === 'GZ-2022-6-transport-poor').eligible).toBe(1);
  });

  it('refuses an unknown parameter, naming it', async () => {
    const res = await clerk.request('POST', '/api/v1/policy/simulations', { division: TOWNSHIP_A, asOf: AS_OF, set: { 'GZ-2022.nope': 1 } });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('GZ-2022.nope');
  });
});

describe('the household’s labour facts', () => {
  it('counts its labour force, and within it the members with weak or partial capacity (SX-2021 (二))', async () => {
    const q = await factQuery(ctx, { division: TOWNSHIP_A, asOf: AS_OF, householdId });
    const household = async () => subjectFactsOf((await factRowsOf(ctx.db, 'household', q))[0]!).household;
    expect(await household()).toMatchObject({ labourForceMembers: 2, weakLabourMembers: 0 });
    const current = await clerk.request('GET', `/api/v1/persons/${people.local}`);
    const weak = await clerk.request('PUT', `/api/v1/persons/${people.local}`, { ...inputs.local, labourCapacity: 'weak', version: current.body.version });
    expect(weak.status, JSON.stringify(weak.body)).toBe(200);
    expect(await household()).toMatchObject({ labourForceMembers: 2, weakLabourMembers: 1 });
  });
});
