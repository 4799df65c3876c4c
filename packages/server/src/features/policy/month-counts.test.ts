/**
 * Months employed and insured as of a date (employment/labour-streaks.ts, docs/POLICY.md §1): a
 * month counts once it is over and its record confirmed. On a Guizhou household whose members
 * work from the 1st of a month — two first jobs outside the province (person months, GZ-2022 6.
 * 交通补助, 3 months) and two jobs found through an agency with insurance (a hire's insured
 * months, GZ-2022 6. 跟踪服务补贴, 3 months), one pair from January, one from February — the
 * ledger has January to March confirmed and April only carried forward: each rule is owed on the
 * day the third month completes and not the day before, and a carried-forward month counts only
 * once it is confirmed. Both paths (SQL totals, and the household's evaluation in process) agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { LabourFacts } from '@anju/core';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A } from '../../../test/factories.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let monitor: ApiSession;
let clerk: ApiSession;
let householdId: string;
const people: Record<string, string> = {};
const TRANSPORT = 'GZ-2022-6-transport-poor';
const TRACKING = 'GZ-2022-6-tracking-service';

const idle: LabourFacts = {
  wantsWork: true, state: 'unemployed', channel: null, place: null, employerId: null, employerName: null,
  startDate: null, contractMonths: null, socialInsurance: false, monthlyIncome: null, trainingWish: false,
};
const outside = (startDate: string): LabourFacts => ({
  ...idle, state: 'employed', channel: 'out_migration', place: 'outside_province', employerName: '浙江某厂', startDate, monthlyIncome: 5200,
});
let employerId = '';
const hired = (startDate: string): LabourFacts => ({
  ...idle, state: 'employed', channel: 'local', place: 'in_county', employerId, employerName: '蓼皋电气有限公司', startDate,
  contractMonths: 12, socialInsurance: true, monthlyIncome: 3000,
});

async function save(key: string, period: string, facts: LabourFacts) {
  const current = await clerk.request('GET', `/api/v1/employment/records/${people[key]}/${period}`);
  expect(current.status, `${key} ${period}`).toBe(200);
  const res = await clerk.request('PUT', `/api/v1/employment/records/${people[key]}/${period}`, { facts, version: current.body.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function open(period: string) {
  const res = await monitor.request('POST', '/api/v1/employment/periods', { period, countyCode: COUNTY });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function confirm(period: string) {
  const res = await clerk.request('POST', '/api/v1/employment/confirmations', { period, divisionCode: TOWNSHIP_A });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

interface Result {
  ruleId: string;
  eligible: boolean;
  trace: unknown;
}

/** Each subject's result of `ruleId` and the value of `fact` it read, by the household's evaluation. */
async function evaluation(asOf: string, ruleId: string, fact: string) {
  const res = await clerk.request('GET', `/api/v1/policy/households/${householdId}/evaluation?asOf=${asOf}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const out: Record<string, { eligible: boolean; months: unknown }> = {};
  for (const subject of res.body.subjects as { id: string; results: Result[] }[]) {
    const result = subject.results.find((r) => r.ruleId === ruleId);
    if (!result) continue;
    const key = Object.keys(people).find((k) => subject.id === people[k] || subject.id.startsWith(`${people[k]}:`))!;
    const read = JSON.stringify(result.trace).match(new RegExp(`"name":"${fact.replace('.', '\\.')}","label":"[^"]*","value":(\\d+)`));
    out[key] = { eligible: result.eligible, months: read ? Number(read[1]) : undefined };
  }
  return out;
}

/** Who the SQL path finds owed `ruleId` on `asOf`, by person. */
async function owedInSql(asOf: string, ruleId: string): Promise<string[]> {
  const res = await clerk.request('GET', `/api/v1/policy/eligibility/${ruleId}/subjects?division=${TOWNSHIP_A}&asOf=${asOf}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as { subjectId: string }[]).map((i) => Object.keys(people).find((k) => i.subjectId === people[k] || i.subjectId.startsWith(`${people[k]}:`))!).sort();
}

/** The months each worker has on `asOf`, and who is owed, the same in process as in SQL. */
async function owed(asOf: string) {
  const transport = await evaluation(asOf, TRANSPORT, 'person.consecutiveMonthsOutsideProvince');
  const tracking = await evaluation(asOf, TRACKING, 'hire.insuredMonths');
  const months = {
    fromJanuary: transport.fromJanuary!.months, fromFebruary: transport.fromFebruary!.months,
    hiredInJanuary: tracking.hiredInJanuary!.months, hiredInFebruary: tracking.hiredInFebruary!.months,
  };
  const inProcess = [
    ...Object.entries(transport).filter(([, r]) => r.eligible).map(([k]) => k),
    ...Object.entries(tracking).filter(([, r]) => r.eligible).map(([k]) => k),
  ].sort();
  const inSql = [...(await owedInSql(asOf, TRANSPORT)), ...(await owedInSql(asOf, TRACKING))].sort();
  expect(inSql, `SQL and in process on ${asOf}`).toEqual(inProcess);
  return { months, owed: inProcess };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database);
  ctx.clock.now = new Date('2024-05-06T08:00:00Z');
  app = await buildApp(ctx);
  await addUser(ctx, 'mc-monitor', 'monitor', COUNTY);
  await addUser(ctx, 'mc-clerk', 'clerk', TOWNSHIP_A);
  monitor = await login(app, 'mc-monitor');
  clerk = await login(app, 'mc-clerk');

  const site = await clerk.request('POST', '/api/v1/sites', buildSite());
  const hh = await clerk.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
  householdId = hh.body.id;
  const members = [['fromJanuary', '1990-03-01'], ['fromFebruary', '1991-04-02'], ['hiredInJanuary', '1992-05-03'], ['hiredInFebruary', '1993-06-04']];
  for (const [i, [key, birth]] of members.entries()) {
    const p = await clerk.request('POST', '/api/v1/persons', buildPerson(Number(householdId), { idNumber: idNumberFor(birth!), relation: i === 0 ? 'head' : 'son' }));
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    people[key!] = p.body.id;
  }
  const employer = await clerk.request('POST', '/api/v1/employers', { name: '蓼皋电气有限公司', kind: 'enterprise', divisionCode: TOWNSHIP_A, startDate: '2020-01-01' });
  expect(employer.status, JSON.stringify(employer.body)).toBe(201);
  employerId = String(employer.body.id);
  // Both hires came through the public employment service's referral (跟踪服务补贴's 市场主体组织就业).
  const opening = await clerk.request('POST', '/api/v1/job-openings', {
    title: '电工', source: 'employer', employerId, partner: null, divisionCode: TOWNSHIP_A, place: 'in_county', workLocation: '蓼皋街道工业园',
    skills: [], minCapacity: 'ordinary', minAge: 18, maxAge: 55, monthlyPay: 3000, positions: 2, openUntil: '2024-12-31', status: 'open',
  });
  expect(opening.status, JSON.stringify(opening.body)).toBe(201);
  for (const key of ['hiredInJanuary', 'hiredInFebruary']) {
    const referral = await clerk.request('POST', `/api/v1/job-openings/${opening.body.id}/referrals`, { personId: people[key] });
    expect(referral.status, JSON.stringify(referral.body)).toBe(201);
    const outcome = await clerk.request('PUT', `/api/v1/job-openings/${opening.body.id}/referrals/${referral.body.id}`, { outcome: 'hired', outcomeOn: '2024-05-06', version: 1 });
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);
  }

  // January: two start on the 1st; the other members' carried-forward records confirmed as they are.
  await open('2024-01');
  await save('fromJanuary', '2024-01', outside('2024-01-01'));
  await save('hiredInJanuary', '2024-01', hired('2024-01-01'));
  await confirm('2024-01');
  // February: the other two start on the 1st.
  await open('2024-02');
  await save('fromFebruary', '2024-02', outside('2024-02-01'));
  await save('hiredInFebruary', '2024-02', hired('2024-02-01'));
  await confirm('2024-02');
  await open('2024-03');
  await confirm('2024-03');
  // April is opened and left as carried forward: nobody has confirmed it yet.
  await open('2024-04');
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('months employed or insured as of a date', () => {
  it('counts a month once it is over: from the 1st of January, 3 months on 31 March and not on the 30th', async () => {
    expect(await owed('2024-03-30')).toEqual({
      months: { fromJanuary: 2, fromFebruary: 1, hiredInJanuary: 2, hiredInFebruary: 1 },
      owed: [],
    });
    expect(await owed('2024-03-31')).toEqual({
      months: { fromJanuary: 3, fromFebruary: 2, hiredInJanuary: 3, hiredInFebruary: 2 },
      owed: ['fromJanuary', 'hiredInJanuary'],
    });
    // The month of the evaluation date is not over: 15 March still counts January and February.
    expect((await owed('2024-03-15')).months).toEqual({ fromJanuary: 2, fromFebruary: 1, hiredInJanuary: 2, hiredInFebruary: 1 });
  });

  it('does not count a month that is only carried forward, unconfirmed, until it is confirmed', async () => {
    // April is over on the 30th, but nobody has confirmed its carried-forward records.
    expect(await owed('2024-04-30')).toEqual({
      months: { fromJanuary: 3, fromFebruary: 2, hiredInJanuary: 3, hiredInFebruary: 2 },
      owed: ['fromJanuary', 'hiredInJanuary'],
    });
    await confirm('2024-04');
    expect(await owed('2024-04-29')).toEqual({
      months: { fromJanuary: 3, fromFebruary: 2, hiredInJanuary: 3, hiredInFebruary: 2 },
      owed: ['fromJanuary', 'hiredInJanuary'],
    });
    expect(await owed('2024-04-30')).toEqual({
      months: { fromJanuary: 4, fromFebruary: 3, hiredInJanuary: 4, hiredInFebruary: 3 },
      owed: ['fromFebruary', 'fromJanuary', 'hiredInFebruary', 'hiredInJanuary'],
    });
  });
});
