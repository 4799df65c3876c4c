/**
 * The monthly monitoring run on hand-made households: a child of 10 out of school, a household
 * whose only worker is idle (zero-employment), and a household with nothing to warn about. The
 * run raises each warning once with the facts that fired it, a second run of the month raises
 * nothing, a dismissed warning stays dismissed that month and returns the next if the facts hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { LabourFacts } from '@anju/core';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A } from '../../../test/factories.js';
import { dueRun, runDueMonitor } from './monitor-schedule.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let app: FastifyInstance;
let monitor: ApiSession;
let clerk: ApiSession;
let outsider: ApiSession;
const households: Record<string, string> = {};
const people: Record<string, string> = {};

const idle: LabourFacts = {
  wantsWork: true, state: 'unemployed', channel: null, place: null, employerId: null, employerName: null,
  startDate: null, contractMonths: null, socialInsurance: false, monthlyIncome: null, trainingWish: false,
};

async function addHousehold(key: string, members: { key: string; birth: string; over?: Record<string, unknown> }[]) {
  const site = await clerk.request('POST', '/api/v1/sites', buildSite());
  const hh = await clerk.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
  expect(hh.status, JSON.stringify(hh.body)).toBe(201);
  households[key] = hh.body.id;
  for (const [i, m] of members.entries()) {
    const p = await clerk.request('POST', '/api/v1/persons', buildPerson(Number(hh.body.id), { idNumber: idNumberFor(m.birth), relation: i === 0 ? 'head' : 'son', ...m.over }));
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    people[m.key] = p.body.id;
  }
}

async function setFacts(key: string, period: string, facts: LabourFacts) {
  const current = await clerk.request('GET', `/api/v1/employment/records/${people[key]}/${period}`);
  expect(current.status).toBe(200);
  const res = await clerk.request('PUT', `/api/v1/employment/records/${people[key]}/${period}`, { facts, version: current.body.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const run = (period: string, as = monitor, division = COUNTY) => as.request('POST', '/api/v1/monitoring/runs', { period, division });
const warnings = async (query = '') => {
  const res = await clerk.request('GET', `/api/v1/monitoring/warnings?division=${TOWNSHIP_A}${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as { id: string; householdId: string; ruleId: string; status: string; period: string; version: number; facts: { name: string; value: unknown; source: string }[]; clause: { text: string } }[];
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  ctx.clock.now = new Date('2026-05-20T08:00:00Z');
  app = await buildApp(ctx);
  await addUser(ctx, 'mon-monitor', 'monitor', COUNTY);
  await addUser(ctx, 'mon-clerk', 'clerk', TOWNSHIP_A);
  await addUser(ctx, 'mon-outsider', 'monitor', '520627');
  monitor = await login(app, 'mon-monitor');
  clerk = await login(app, 'mon-clerk');
  outsider = await login(app, 'mon-outsider');

  await addHousehold('school', [
    { key: 'schoolParent', birth: '1985-01-01' },
    { key: 'child', birth: '2015-09-01', over: { schoolStage: 'none', relation: 'daughter' } },
  ]);
  await addHousehold('idle', [{ key: 'idleWorker', birth: '1980-02-02' }]);
  await addHousehold('fine', [{ key: 'worker', birth: '1990-03-03' }]);

  const opened = await monitor.request('POST', '/api/v1/employment/periods', { period: '2026-04', countyCode: COUNTY });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const employed = { ...idle, state: 'employed', channel: 'local', place: 'in_county', employerName: '县内企业', startDate: '2025-01-01', monthlyIncome: 4000 } as LabourFacts;
  await setFacts('schoolParent', '2026-04', employed);
  await setFacts('worker', '2026-04', employed);
  await setFacts('idleWorker', '2026-04', idle);
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('the monthly monitoring run', () => {
  it('raises each warning with its rule, clause and the facts that fired it', async () => {
    const res = await run('2026-04');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byRule = Object.fromEntries(res.body.byRule.map((r: { ruleId: string; count: number }) => [r.ruleId, r.count]));
    expect(byRule['JC-2021-out-of-school']).toBe(1);
    expect(byRule['JC-2021-zero-employment']).toBe(1);
    const list = await warnings();
    const school = list.find((w) => w.ruleId === 'JC-2021-out-of-school')!;
    expect(school.householdId).toBe(households.school);
    expect(school.clause.text).toContain('控辍保学');
    expect(school.facts).toEqual([expect.objectContaining({ name: 'household.childOutOfSchool', value: true })]);
    expect(list.find((w) => w.ruleId === 'JC-2021-zero-employment')!.householdId).toBe(households.idle);
    expect(list.some((w) => w.householdId === households.fine)).toBe(false);
  });

  it('raises nothing twice when the month is run again', async () => {
    const before = (await warnings()).length;
    const again = await run('2026-04');
    expect(again.body.raised).toBe(0);
    expect((await warnings()).length).toBe(before);
  });

  it('refuses to delete a household or a run a warning names, as the foreign keys did (migration 0011)', async () => {
    const { rows } = await sql<{ household_id: string; run_id: string }>`SELECT household_id, run_id FROM monitoring_warning LIMIT 1`.execute(ctx.db);
    const named = rows[0]!;
    await expect(sql`DELETE FROM household WHERE id = ${named.household_id}`.execute(ctx.db)).rejects.toMatchObject({ code: '23503' });
    await expect(sql`DELETE FROM monitor_run WHERE id = ${named.run_id}`.execute(ctx.db)).rejects.toMatchObject({ code: '23503' });
    await expect(sql`TRUNCATE monitor_run CASCADE`.execute(ctx.db)).rejects.toMatchObject({ code: '23503' });
    const left = await sql<{ n: string }>`SELECT count(*) AS n FROM monitor_run WHERE id = ${named.run_id}`.execute(ctx.db);
    expect(Number(left.rows[0]!.n)).toBe(1);
  });

  it('keeps a dismissed warning dismissed that month, and warns again next month while the facts hold', async () => {
    const school = (await warnings('&status=open')).find((w) => w.ruleId === 'JC-2021-out-of-school')!;
    const short = await clerk.request('POST', `/api/v1/monitoring/warnings/${school.id}/dismiss`, { reason: '短', version: school.version });
    expect(short.status).toBe(400);
    const dismissed = await clerk.request('POST', `/api/v1/monitoring/warnings/${school.id}/dismiss`, { reason: '已核实，孩子随父母在外地上学', version: school.version });
    expect(dismissed.status, JSON.stringify(dismissed.body)).toBe(200);
    expect(dismissed.body.status).toBe('dismissed');
    const stale = await clerk.request('POST', `/api/v1/monitoring/warnings/${school.id}/dismiss`, { reason: '再次排除一下', version: school.version });
    expect(stale.status).toBe(409);
    expect((await run('2026-04')).body.raised).toBe(0);

    ctx.clock.now = new Date('2026-06-03T08:00:00Z');
    // A fortnight later the sessions have long timed out.
    const sessions = await Promise.all(['mon-monitor', 'mon-clerk', 'mon-outsider'].map((u) => login(app, u)));
    [monitor, clerk, outsider] = sessions as [ApiSession, ApiSession, ApiSession];
    // Two runs of the month at once (the schedule and a monitor's click): they take turns, and
    // what the first raises the second does not.
    const both = await Promise.all([run('2026-05'), run('2026-05')]);
    for (const r of both) expect(r.status, JSON.stringify(r.body)).toBe(200);
    const may = (await warnings('&status=open')).filter((w) => w.period === '2026-05').map((w) => w.ruleId);
    expect(both.map((r) => r.body.raised as number).sort()).toEqual([0, may.length]);
    expect(may).toContain('JC-2021-out-of-school');
    // The zero-employment warning of April is still open: it is not raised a second time.
    expect(may).not.toContain('JC-2021-zero-employment');
  });

  it('is run only by the county monitor, and reveals nothing outside the division', async () => {
    expect((await run('2026-05', clerk)).status).toBe(403);
    expect((await run('2026-05', outsider)).status).toBe(404);
    expect((await outsider.request('GET', `/api/v1/monitoring/warnings?division=${TOWNSHIP_A}`)).status).toBe(404);
    const mine = await outsider.request('GET', '/api/v1/monitoring/warnings?division=520627');
    expect(mine.body.total).toBe(0);
    expect((await run('2027-01')).status).toBe(400);
  });

  it('is scheduled once a month for the month just ended, nationally, and not again', async () => {
    expect(await dueRun(ctx)).toBe('2026-05');
    await runDueMonitor(ctx);
    expect(await dueRun(ctx)).toBeUndefined();
    ctx.clock.now = new Date('2026-07-01T08:00:00Z');
    expect(await dueRun(ctx)).toBe('2026-06');
  });
});
