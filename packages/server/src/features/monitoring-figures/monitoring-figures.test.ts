/**
 * The monitoring figures on hand-made cases whose every count is known: objects as of a month's
 * last day, the month's new and eliminated cases, overdue cases now, tasks and conversions
 * matching their drill-down lists, the consolidation rate, the trend and the per-township rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { systemActor } from '../../platform/actor.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, TOWNSHIP_A, TOWNSHIP_B } from '../../../test/factories.js';
import { insertCase, type CaseFixture } from '../../../test/case-factory.js';
import { consolidationRate, monitoringFigures } from './monitoring-figures-service.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let app: FastifyInstance;
const as: Record<string, ApiSession> = {};
const cases: Record<string, string> = {};

async function household(division: string, members: number, kind: 'registered_poor' | 'synchronous' = 'registered_poor'): Promise<string> {
  const site = await as.monitor!.request('POST', '/api/v1/sites', buildSite({ divisionCode: division }));
  const hh = await as.monitor!.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id), { kind }));
  expect(hh.status, JSON.stringify(hh.body)).toBe(201);
  for (let i = 0; i < members; i++) {
    const p = await as.monitor!.request('POST', '/api/v1/persons', buildPerson(Number(hh.body.id), { relation: i === 0 ? 'head' : 'son' }));
    expect(p.status, JSON.stringify(p.body)).toBe(201);
  }
  return hh.body.id;
}

/** Registered-poor people: A1 3, A3 1, A4 1, A5 1, A6 1, B1 1, B2 2 = 10 (A2 is synchronous). */
const FIXTURES: [string, string, number, Omit<CaseFixture, 'householdId'>, ('synchronous' | undefined)?][] = [
  ['A1', TOWNSHIP_A, 3, { category: 'unstable', monitoredOn: '2026-03-10' }],
  ['A2', TOWNSHIP_A, 1, { category: 'marginal', monitoredOn: '2026-05-05' }, 'synchronous'],
  ['A3', TOWNSHIP_A, 1, { category: 'unstable', step: 'eliminated', monitoredOn: '2025-12-01', eliminatedOn: '2026-05-20' }],
  ['A4', TOWNSHIP_A, 1, { category: 'sudden_hardship', step: 'eliminated', monitoredOn: '2026-01-01', eliminatedOn: '2026-06-05' }],
  ['A5', TOWNSHIP_A, 1, { step: 'lead', leadOn: '2026-05-25', stepDue: '2026-06-01', wholeDue: '2026-06-22' }],
  ['A6', TOWNSHIP_A, 1, { step: 'rejected', leadOn: '2026-04-01', stepDue: '2026-04-08' }],
  ['B1', TOWNSHIP_B, 1, { step: 'notice', leadOn: '2026-05-11', stepDue: '2026-06-20', wholeDue: '2026-06-10' }],
  ['B2', TOWNSHIP_B, 2, { category: 'unstable', monitoredOn: '2026-06-02' }],
];

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  ctx.clock.now = new Date('2026-06-15T08:00:00Z');
  app = await buildApp(ctx);
  await addUser(ctx, 'fg-monitor', 'monitor', COUNTY);
  await addUser(ctx, 'fg-leader', 'leader', COUNTY);
  await addUser(ctx, 'fg-outsider', 'monitor', '520627');
  for (const u of ['monitor', 'leader', 'outsider']) as[u] = await login(app, `fg-${u}`);
  for (const [key, division, members, fixture, kind] of FIXTURES) {
    cases[key] = await insertCase(tdb.database, { householdId: await household(division, members, kind), ...fixture });
  }
  // A1's plan: one task done, one open and late, one open in time; B2: one late.
  const tasks: [string, string][] = [[cases.A1!, '2026-06-20'], [cases.A1!, '2026-06-16'], [cases.A1!, '2026-06-30'], [cases.B2!, '2026-06-18']];
  const ids: string[] = [];
  for (const [caseId, dueOn] of tasks) {
    const res = await as.monitor!.request('POST', `/api/v1/monitoring/cases/${caseId}/tasks`, { measure: 'industry', department: 'agriculture', title: '发展庭院经济', dueOn });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.push(res.body.id);
  }
  expect((await as.monitor!.request('PATCH', `/api/v1/monitoring/tasks/${ids[0]}`, { status: 'done', outcome: '已发放鸡苗', version: 1 })).status).toBe(200);
  ctx.clock.now = new Date('2026-06-19T08:00:00Z');
  as.monitor = await login(app, 'fg-monitor');
  as.leader = await login(app, 'fg-leader');
  as.outsider = await login(app, 'fg-outsider');
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const figures = async (query: string, who = 'monitor') => {
  const res = await as[who]!.request('GET', `/api/v1/monitoring/figures${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const total = async (path: string) => (await as.monitor!.request('GET', `/api/v1${path}`)).body.total as number;

describe('who reads the figures', () => {
  it('lets a leader read them; another county sees nothing of this one', async () => {
    expect((await figures(`?division=${COUNTY}&period=2026-05`, 'leader')).objects.total).toBe(3);
    expect((await as.outsider!.request('GET', `/api/v1/monitoring/figures?division=${COUNTY}`)).status).toBe(404);
    expect((await figures('', 'outsider')).objects.total).toBe(0);
    expect((await as.monitor!.request('GET', '/api/v1/monitoring/figures?period=2026-07')).status).toBe(400);
  });
});

describe('figures of a month', () => {
  it('counts objects as of the last day, new and eliminated in the month, and overdue now', async () => {
    const f = await figures(`?division=${COUNTY}&period=2026-05`);
    expect(f).toMatchObject({ divisionCode: COUNTY, period: '2026-05', asOf: '2026-05-31', today: '2026-06-19' });
    // A1 monitored; A2 new in May; A3 eliminated on 20 May; A4 eliminated only in June; B2 from June.
    expect(f.objects).toEqual({ total: 3, byCategory: { unstable: 1, marginal: 1, sudden_hardship: 1 } });
    expect(f.newMonitored).toBe(1);
    expect(f.eliminated).toBe(1);
    // A5 past its step's due date, B1 past the whole procedure's; the rejected A6 is history.
    expect(f.overdue).toBe(2);
    expect(f.openByStep).toMatchObject({ lead: 1, notice: 1, monitored: 3, verified: 0, elimination_notice: 0 });
    expect(f.openCases).toBe(5);
  });

  it('equals the totals of the case lists it drills down to', async () => {
    for (const [division, period] of [[COUNTY, '2026-05'], [COUNTY, '2026-06'], [TOWNSHIP_A, '2026-05'], [TOWNSHIP_B, '2026-06']] as const) {
      const f = await figures(`?division=${division}&period=${period}`);
      expect(f.objects.total).toBe(await total(`/monitoring/cases?division=${division}&monitoredOn=${f.asOf}`));
      for (const [category, count] of Object.entries(f.objects.byCategory)) {
        expect(count).toBe(await total(`/monitoring/cases?division=${division}&monitoredOn=${f.asOf}&category=${category}`));
      }
      expect(f.newMonitored).toBe(await total(`/monitoring/cases?division=${division}&monitoredIn=${period}`));
      expect(f.eliminated).toBe(await total(`/monitoring/cases?division=${division}&eliminatedIn=${period}`));
      expect(f.overdue).toBe(await total(`/monitoring/cases?division=${division}&overdue=true`));
      for (const [step, count] of Object.entries(f.openByStep)) expect(count).toBe(await total(`/monitoring/cases?division=${division}&step=${step}`));
    }
  });

  it('has tasks and conversions equal to the totals of their drill-down lists', async () => {
    const f = await figures(`?division=${COUNTY}&period=2026-06`);
    expect(f.tasks).toEqual({ open: 3, late: 2, done: 1 });
    expect(f.tasks.open).toBe(await total(`/monitoring/tasks?division=${COUNTY}&status=open`));
    expect(f.tasks.late).toBe(await total(`/monitoring/tasks?division=${COUNTY}&late=true`));
    expect(f.tasks.done).toBe(await total(`/monitoring/tasks?division=${COUNTY}&status=done`));
    expect(f.conversions.pending).toBe(await total(`/monitoring/conversions?division=${COUNTY}&status=pending`));
    expect(f.conversions.overdue).toBe(await total(`/monitoring/conversions?division=${COUNTY}&overdue=true`));
    expect(f.byDivision.find((d: { code: string }) => d.code === TOWNSHIP_A).lateTasks).toBe(await total(`/monitoring/tasks?division=${TOWNSHIP_A}&late=true`));
  });

  it('gives the consolidation rate: 1 − poor people monitored as unstable / poor people', async () => {
    expect(consolidationRate(3, 10)).toBe(70);
    expect(consolidationRate(1, 3)).toBe(66.67);
    expect(consolidationRate(0, 0)).toBeNull();
    // 31 May: A1's 3 people of 10. Today (19 June): A1's 3 and B2's 2.
    expect((await figures(`?division=${COUNTY}&period=2026-05`)).consolidation).toEqual({ rate: 70, numerator: 7, denominator: 10, atRisk: 3 });
    expect((await figures(`?division=${COUNTY}&period=2026-06`)).consolidation).toEqual({ rate: 50, numerator: 5, denominator: 10, atRisk: 5 });
    expect((await figures(`?division=${TOWNSHIP_B}&period=2026-06`)).consolidation).toEqual({ rate: 33.33, numerator: 1, denominator: 3, atRisk: 2 });
  });

  it('draws a 12-month trend ending with the month', async () => {
    const { trend } = await figures(`?division=${COUNTY}&period=2026-06`);
    expect(trend).toHaveLength(12);
    expect(trend[0].period).toBe('2025-07');
    const at = (p: string) => trend.find((t: { period: string }) => t.period === p);
    expect(at('2025-11')).toEqual({ period: '2025-11', monitored: 0, newMonitored: 0, eliminated: 0 });
    expect(at('2025-12')).toEqual({ period: '2025-12', monitored: 1, newMonitored: 1, eliminated: 0 });
    expect(at('2026-03')).toEqual({ period: '2026-03', monitored: 3, newMonitored: 1, eliminated: 0 });
    expect(at('2026-05')).toEqual({ period: '2026-05', monitored: 3, newMonitored: 1, eliminated: 1 });
    // June as of today: A4 eliminated on the 5th, B2 monitored from the 2nd.
    expect(at('2026-06')).toEqual({ period: '2026-06', monitored: 3, newMonitored: 1, eliminated: 1 });
  });

  it('splits by township, and reaches from a village up to the whole country', async () => {
    const f = await figures(`?division=${COUNTY}&period=2026-05`);
    const row = (code: string) => f.byDivision.find((d: { code: string }) => d.code === code);
    expect(row(TOWNSHIP_A)).toMatchObject({ monitored: 3, newMonitored: 1, eliminated: 1, overdue: 1, lateTasks: 1 });
    expect(row(TOWNSHIP_B)).toMatchObject({ monitored: 0, newMonitored: 0, eliminated: 0, overdue: 1, lateTasks: 1 });
    expect(f.byDivision.length).toBeGreaterThan(10);
    const national = await monitoringFigures(ctx, systemActor(), { division: '', period: '2026-05' });
    expect(national.divisionName).toBe('全国');
    expect(national.byDivision.find((d) => d.code === '52')).toMatchObject({ monitored: 3, overdue: 2 });
    const township = await figures(`?division=${TOWNSHIP_B}&period=2026-06`);
    expect(township.objects.total).toBe(1);
    expect(township.byDivision.every((d: { monitored: number }) => d.monitored === 0)).toBe(true);
  });
});
