/**
 * The monthly labour ledger and its derived facts, on hand-made households at the edges: a worker
 * employed in exactly 6 of 12 periods, a household whose only worker is a student, a worker who is
 * 60, a contract of a year, a first job outside the province and the return home, a closed period
 * corrected — over twelve periods opened one after another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { addMonths, periodEnd, type LabourFacts } from '@anju/core';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, TEST_PASSWORD, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B } from '../../../test/factories.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let monitor: ApiSession;
let clerk: ApiSession;
let adminSession: ApiSession;
const admin = () => adminSession;
const FIRST = '2025-06';
const LAST = '2026-05'; // the twelfth period; the test clock stands in 2026-06
const periods = Array.from({ length: 12 }, (_, i) => addMonths(FIRST, i));
const people: Record<string, string> = {};
const households: Record<string, string> = {};

const unemployed: LabourFacts = {
  wantsWork: true, state: 'unemployed', channel: null, place: null, employerId: null, employerName: null,
  startDate: null, contractMonths: null, socialInsurance: false, monthlyIncome: null, trainingWish: false,
};
const employed = (over: Partial<LabourFacts> = {}): LabourFacts => ({
  ...unemployed, state: 'employed', channel: 'local', place: 'in_county', employerName: '县内企业', startDate: '2025-01-01', monthlyIncome: 2800, ...over,
});

/** A birth date that makes the person exactly `age` on the last day of `period`. */
function bornAged(age: number, period: string): string {
  const end = periodEnd(period);
  return `${Number(end.slice(0, 4)) - age}${end.slice(4)}`;
}

async function addHousehold(key: string, members: { key: string; birth: string; over?: Record<string, unknown> }[]) {
  const site = await clerk.request('POST', '/api/v1/sites', buildSite());
  const hh = await clerk.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
  expect(hh.status).toBe(201);
  households[key] = hh.body.id;
  for (const [i, m] of members.entries()) {
    const p = await clerk.request('POST', '/api/v1/persons', buildPerson(Number(hh.body.id), { idNumber: idNumberFor(m.birth), relation: i === 0 ? 'head' : 'son', ...m.over }));
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    people[m.key] = p.body.id;
  }
}

async function cookieOf(username: string): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
  return { anju_session: res.cookies.find((c) => c.name === 'anju_session')!.value };
}

async function record(key: string, period: string) {
  return clerk.request('GET', `/api/v1/employment/records/${people[key]}/${period}`);
}

async function save(key: string, period: string, facts: LabourFacts, as = clerk) {
  const current = await record(key, period);
  expect(current.status, `${key} has a record in ${period}`).toBe(200);
  const res = await as.request('PUT', `/api/v1/employment/records/${people[key]}/${period}`, { facts, version: current.body.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function figures(period: string) {
  const res = await clerk.request('GET', `/api/v1/employment/figures?divisionCode=${TOWNSHIP_A}&period=${period}`);
  expect(res.status).toBe(200);
  return res.body;
}

async function zeroCases(period: string, state?: string) {
  const res = await clerk.request('GET', `/api/v1/employment/zero-households?divisionCode=${TOWNSHIP_A}&period=${period}${state ? `&state=${state}` : ''}`);
  expect(res.status).toBe(200);
  return res.body.items as { householdId: string; state: string; clearedReason: string | null; id: string; version: number }[];
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'emp-monitor', 'monitor', COUNTY);
  await addUser(ctx, 'emp-clerk', 'clerk', TOWNSHIP_A);
  await addUser(ctx, 'emp-clerk-county', 'department', COUNTY, 'hrss');
  await addUser(ctx, 'emp-admin', 'admin', COUNTY);
  adminSession = await login(app, 'emp-admin');
  monitor = await login(app, 'emp-monitor');
  clerk = await login(app, 'emp-clerk');

  await addHousehold('sixOfTwelve', [{ key: 'six', birth: '1985-03-01' }]);
  await addHousehold('fiveOfTwelve', [{ key: 'five', birth: '1986-04-02' }]);
  await addHousehold('student', [
    { key: 'grandma', birth: '1950-01-01', over: { labourCapacity: 'none' } },
    { key: 'student', birth: '2007-09-01', over: { schoolStage: 'senior' } },
  ]);
  await addHousehold('sixty', [
    { key: 'sixty', birth: bornAged(60, FIRST) },
    { key: 'sixtyOne', birth: bornAged(61, FIRST) },
  ]);
  await addHousehold('contract', [{ key: 'contract', birth: '1990-07-07' }]);
  await addHousehold('migrant', [{ key: 'migrant', birth: '1992-08-08' }]);
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

describe('labour ledger', () => {
  it('opens the first period with a record for every member of the labour force, and none for the others', async () => {
    const res = await monitor.request('POST', '/api/v1/employment/periods', { period: FIRST, countyCode: COUNTY });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ period: FIRST, carriedFrom: null, records: 5 });
    expect((await record('sixty', FIRST)).body.derived.labourForce).toBe(true);
    for (const key of ['sixtyOne', 'student', 'grandma']) expect((await record(key, FIRST)).status, key).toBe(404);
  });

  it('refuses to open a period twice, a future one, or one before the latest', async () => {
    expect((await monitor.request('POST', '/api/v1/employment/periods', { period: FIRST, countyCode: COUNTY })).status).toBe(409);
    const future = await monitor.request('POST', '/api/v1/employment/periods', { period: '2026-07', countyCode: COUNTY });
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('尚未到来');
    const bad = await monitor.request('POST', '/api/v1/employment/periods', { period: '2025-13', countyCode: COUNTY });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].message).toContain('YYYY-MM');
    expect((await clerk.request('POST', '/api/v1/employment/periods', { period: '2025-07', countyCode: COUNTY })).status).toBe(403);
  });

  it('finds a household whose worker is 60 and idle as zero-employment, and never the student household', async () => {
    const zero = await zeroCases(FIRST, 'new');
    const ids = zero.map((z) => z.householdId);
    expect(ids).toContain(households.sixty);
    expect(ids).not.toContain(households.student);
  });

  it('rejects facts that do not hang together, naming the field', async () => {
    const current = await record('six', FIRST);
    const res = await clerk.request('PUT', `/api/v1/employment/records/${people.six}/${FIRST}`, { facts: { ...unemployed, state: 'employed' }, version: current.body.version });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['facts.channel', 'facts.place']));
    expect((await record('six', FIRST)).body.version).toBe(current.body.version);
  });

  it('keeps a stale save out and says so', async () => {
    const current = await record('five', FIRST);
    await save('five', FIRST, unemployed);
    const stale = await clerk.request('PUT', `/api/v1/employment/records/${people.five}/${FIRST}`, { facts: employed(), version: current.body.version });
    expect(stale.status).toBe(409);
    expect((await record('five', FIRST)).body.facts.state).toBe('unemployed');
  });

  it('runs twelve periods: 6 of 12 is stable and 5 is not; a yearly contract is stable at once; first cross-province job and the return', async () => {
    for (const [i, period] of periods.entries()) {
      if (i > 0) {
        const opened = await monitor.request('POST', '/api/v1/employment/periods', { period, countyCode: COUNTY });
        expect(opened.status, JSON.stringify(opened.body)).toBe(201);
        expect(opened.body.carriedFrom).toBe(periods[i - 1]);
        // Carried forward, unconfirmed: last period's facts wait for the clerk.
        expect((await record('contract', period)).body).toMatchObject({ confirmed: false });
      }
      await save('six', period, i < 6 ? employed() : unemployed);
      await save('five', period, i >= 1 && i < 6 ? employed() : unemployed);
      if (i === 0) await save('contract', period, employed({ contractMonths: 12, socialInsurance: true }));
      if (i === 0 || i === 1) await save('migrant', period, employed({ channel: 'out_migration', place: 'outside_province', employerName: '浙江某厂' }));
      if (i === 2) await save('migrant', period, unemployed);
    }
    expect((await record('six', LAST)).body.derived.stablyEmployed).toBe(true);
    expect((await record('five', LAST)).body.derived.stablyEmployed).toBe(false);
    expect((await record('contract', FIRST)).body.derived.stablyEmployed).toBe(true);
    expect((await record('migrant', FIRST)).body.derived).toMatchObject({ firstCrossProvince: true, returnee: false });
    expect((await record('migrant', periods[1]!)).body.derived).toMatchObject({ firstCrossProvince: false, returnee: false });
    expect((await record('migrant', periods[2]!)).body.derived).toMatchObject({ firstCrossProvince: false, returnee: true });

    // History as of any period: twelve records, each period's own facts.
    const history = await clerk.request('GET', `/api/v1/employment/persons/${people.six}/history`);
    expect(history.body.map((r: { period: string }) => r.period)).toEqual([...periods].reverse());
    expect(history.body.map((r: { facts: LabourFacts }) => r.facts.state).filter((s: string) => s === 'employed')).toHaveLength(6);
  });

  it('clears the zero-employment household in the period its member is marked employed', async () => {
    const period = periods[3]!;
    expect((await zeroCases(period, 'continuing')).map((z) => z.householdId)).toContain(households.sixty);
    await save('sixty', period, employed({ channel: 'welfare_post', employerName: '安置点物业' }));
    const cleared = (await zeroCases(period, 'cleared')).find((z) => z.householdId === households.sixty);
    expect(cleared).toMatchObject({ state: 'cleared', clearedReason: 'employed' });
    const f = await figures(period);
    expect(f.zeroEmployment.cleared).toBeGreaterThanOrEqual(1);
    expect(f.byChannel.welfare_post).toBe(1);
  });

  it('sums figures that match the people behind them', async () => {
    const f = await figures(LAST);
    expect(f.labourForce).toBe(5);
    const employedList = await clerk.request('GET', `/api/v1/employment/records?period=${LAST}&divisionCode=${TOWNSHIP_A}&fact=employed&pageSize=50`);
    expect(employedList.body.total).toBe(f.employed);
    const stable = await clerk.request('GET', `/api/v1/employment/records?period=${LAST}&divisionCode=${TOWNSHIP_A}&fact=stably_employed`);
    expect(stable.body.total).toBe(f.stablyEmployed);
    expect(f.householdsWithLabour).toBe(5);
    expect(f.training).toEqual({ trained: 0, certified: 0, trainingRate: 0, certificateRate: 0 });
    expect(f.welfarePosts).toEqual({ posts: 0, filled: 0, fillRate: null });
    const trend = await clerk.request('GET', `/api/v1/employment/trend?divisionCode=${TOWNSHIP_A}&to=${LAST}`);
    expect(trend.body.periods.map((p: { period: string }) => p.period)).toEqual(periods);
  });

  it('masks incomes unless revealed, and audits the reveal', async () => {
    const list = await clerk.request('GET', `/api/v1/employment/records?period=${FIRST}&divisionCode=${TOWNSHIP_A}&fact=employed`);
    expect(list.body.items.every((r: { facts: LabourFacts; incomeMasked: boolean }) => r.facts.monthlyIncome === null && r.incomeMasked)).toBe(true);
    const shown = await clerk.request('GET', `/api/v1/employment/records?period=${FIRST}&divisionCode=${TOWNSHIP_A}&fact=employed&reveal=income`);
    expect(shown.body.items[0].facts.monthlyIncome).toBe(2800);
    const audit = await tdb.database.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', '=', 'labour_record').where('action', '=', 'unmask').execute();
    expect(audit).toHaveLength(1);
  });

  it('closes a period only when all is confirmed; after that only a recorded correction changes it', async () => {
    const unconfirmed = await monitor.request('POST', `/api/v1/employment/periods/${FIRST}/close`, { countyCode: COUNTY });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.message).toContain('未确认');
    expect((await clerk.request('POST', '/api/v1/employment/confirmations', { period: FIRST, divisionCode: TOWNSHIP_A })).status).toBe(200);
    expect((await monitor.request('POST', `/api/v1/employment/periods/${FIRST}/close`, { countyCode: COUNTY })).status).toBe(204);

    const before = await record('sixty', FIRST);
    const edit = await clerk.request('PUT', `/api/v1/employment/records/${people.sixty}/${FIRST}`, { facts: employed(), version: before.body.version });
    expect(edit.status).toBe(409);
    expect(edit.body.message).toContain('已关闭');
    const noReason = await monitor.request('POST', `/api/v1/employment/records/${people.sixty}/${FIRST}/corrections`, { facts: employed(), version: before.body.version, reason: '' });
    expect(noReason.status).toBe(400);

    expect((await figures(FIRST)).zeroEmployment.new).toBeGreaterThanOrEqual(1);
    const fixed = await monitor.request('POST', `/api/v1/employment/records/${people.sixty}/${FIRST}/corrections`, {
      facts: employed({ channel: 'flexible', place: 'in_county' }),
      version: before.body.version,
      reason: '经核实该户主当月已在安置点灵活就业',
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body).toMatchObject({ corrected: true, facts: { state: 'employed', channel: 'flexible' } });
    const corrections = await clerk.request('GET', `/api/v1/employment/records/${people.sixty}/${FIRST}/corrections`);
    expect(corrections.body).toHaveLength(1);
    expect(corrections.body[0]).toMatchObject({ reason: '经核实该户主当月已在安置点灵活就业', before: { state: 'unemployed' }, after: { state: 'employed' } });
    // The facts of that period follow the correction: the 60-year-old's household was never idle.
    expect((await zeroCases(FIRST, 'new')).map((z) => z.householdId)).not.toContain(households.sixty);
    expect((await figures(FIRST)).byChannel.flexible).toBe(1);
  });
});

describe('the monthly dispatch report', () => {
  it('has a row per township and a total that agree with the figures', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/employment/dispatch-report?divisionCode=${COUNTY}&period=${LAST}`, cookies: await cookieOf('emp-clerk-county') });
    expect(res.statusCode).toBe(200);
    const { default: ExcelJS } = await import('../imports/exceljs.js');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('月调度表（2026-05）');
    const headers = (sheet.getRow(2).values as unknown[]).slice(1);
    const rows = Array.from({ length: sheet.rowCount - 2 }, (_, i) => (sheet.getRow(i + 3).values as unknown[]).slice(1));
    expect(rows.map((r) => r[0])).toEqual([TOWNSHIP_A, COUNTY]);
    const f = await figures(LAST);
    const total = rows.at(-1)!;
    expect(total[headers.indexOf('劳动力（人）')]).toBe(f.labourForce);
    expect(total[headers.indexOf('已就业（人）')]).toBe(f.employed);
    expect(total[headers.indexOf('零就业家庭存量（户）')]).toBe(f.zeroEmployment.open);
  });
});

describe('access to the ledger', () => {
  let outsider: ApiSession;
  let leader: ApiSession;
  let collector: ApiSession;
  beforeAll(async () => {
    const ctx = app.ctx;
    await addUser(ctx, 'emp-clerk-b', 'clerk', TOWNSHIP_B);
    await addUser(ctx, 'emp-leader', 'leader', COUNTY);
    await addUser(ctx, 'emp-collector', 'collector', TOWNSHIP_A);
    outsider = await login(app, 'emp-clerk-b');
    leader = await login(app, 'emp-leader');
    collector = await login(app, 'emp-collector');
  });

  it('answers a user of another township as if the record did not exist', async () => {
    const current = await record('contract', LAST);
    for (const [method, path, body] of [
      ['GET', `/api/v1/employment/records/{id}/${LAST}`, undefined],
      ['PUT', `/api/v1/employment/records/{id}/${LAST}`, { facts: unemployed, version: current.body.version }],
      ['GET', `/api/v1/employment/persons/{id}/history`, undefined],
      ['GET', `/api/v1/employment/records/{id}/${FIRST}/corrections`, undefined],
    ] as const) {
      const real = await outsider.request(method, path.replace('{id}', people.contract!), body);
      const none = await outsider.request(method, path.replace('{id}', '999999999'), body);
      expect(real.status, `${method} ${path}`).toBe(404);
      expect(real.body).toEqual(none.body);
    }
    // Another township's lists and figures are refused as a missing division (issue 13.9); one's own are empty.
    expect((await outsider.request('GET', `/api/v1/employment/records?period=${LAST}&divisionCode=${TOWNSHIP_A}`)).status).toBe(404);
    expect((await outsider.request('GET', `/api/v1/employment/records?period=${LAST}`)).body.total).toBe(0);
    expect((await outsider.request('GET', `/api/v1/employment/zero-households?period=${FIRST}&divisionCode=${TOWNSHIP_A}`)).status).toBe(404);
    expect((await outsider.request('GET', `/api/v1/employment/zero-households?period=${FIRST}`)).body.total).toBe(0);
    expect((await outsider.request('GET', `/api/v1/employment/figures?divisionCode=${TOWNSHIP_A}&period=${LAST}`)).status).toBe(404);
    expect((await outsider.request('GET', `/api/v1/employment/figures?period=${LAST}`)).body).toMatchObject({ divisionCode: TOWNSHIP_B, labourForce: 0 });
    expect((await record('contract', LAST)).body.version).toBe(current.body.version);
  });

  it('lets a leader read but not write, and only county staff open, close or correct periods', async () => {
    expect((await leader.request('GET', `/api/v1/employment/figures?divisionCode=${TOWNSHIP_A}&period=${LAST}`)).body.labourForce).toBe(5);
    const current = await record('contract', LAST);
    expect((await leader.request('PUT', `/api/v1/employment/records/${people.contract}/${LAST}`, { facts: unemployed, version: current.body.version })).status).toBe(403);
    expect((await leader.request('GET', `/api/v1/employment/records?period=${LAST}&reveal=income`)).status).toBe(403);
    expect((await collector.request('POST', '/api/v1/employment/periods', { period: '2026-06', countyCode: COUNTY })).status).toBe(403);
    expect((await collector.request('POST', `/api/v1/employment/periods/${LAST}/close`, { countyCode: COUNTY })).status).toBe(403);
    const correction = await clerk.request('POST', `/api/v1/employment/records/${people.contract}/${FIRST}/corrections`, { facts: unemployed, version: 1, reason: '无权限的更正尝试' });
    expect(correction.status).toBe(403);
    const zero = (await zeroCases(LAST, 'open'))[0]!;
    expect((await leader.request('PUT', `/api/v1/employment/zero-households/${zero.id}/action`, { action: 'training', responsible: '张三', note: null, version: zero.version })).status).toBe(403);
  });

  it('records an action for a zero-employment household, refusing a stale version', async () => {
    const zero = (await zeroCases(LAST, 'open'))[0]!;
    expect(zero).toBeDefined();
    const ok = await collector.request('PUT', `/api/v1/employment/zero-households/${zero.id}/action`, { action: 'job_offer', responsible: '村就业专干李四', note: '推荐到县工业园区', version: zero.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const stale = await collector.request('PUT', `/api/v1/employment/zero-households/${zero.id}/action`, { action: 'training', responsible: '王五', note: null, version: zero.version });
    expect(stale.status).toBe(409);
    const after = (await zeroCases(LAST, 'open')).find((z) => z.id === zero.id) as unknown as { action: string; responsible: string };
    expect(after).toMatchObject({ action: 'job_offer', responsible: '村就业专干李四' });
  });
});

describe('the stable-employment setting', () => {
  it('shows each fact with its clause, and an administrator’s change recomputes the open periods', async () => {
    const shown = await clerk.request('GET', '/api/v1/employment/settings');
    expect(shown.body.stable).toMatchObject({ minEmployedPeriods: 6, windowPeriods: 12, minContractMonths: 12 });
    expect(shown.body.sources.stablyEmployed.clause).toContain('GZ-2020');
    const input = { minEmployedPeriods: 7, windowPeriods: 12, minContractMonths: 12, effectiveFrom: '2025-01-01', source: '某县稳定就业认定办法 第三条' };
    expect((await clerk.request('PUT', '/api/v1/employment/settings/stable', input)).status).toBe(403);
    const bad = await admin().request('PUT', '/api/v1/employment/settings/stable', { ...input, minEmployedPeriods: 13 });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ path: 'minEmployedPeriods', message: '就业期数不能多于统计期数' });
    const before = (await figures(LAST)).stablyEmployed;
    const res = await admin().request('PUT', '/api/v1/employment/settings/stable', input);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.stable).toMatchObject({ minEmployedPeriods: 7, source: '某县稳定就业认定办法 第三条', jurisdiction: COUNTY });
    expect((await record('six', LAST)).body.derived.stablyEmployed).toBe(false);
    expect((await figures(LAST)).stablyEmployed).toBe(before - 1);
  });
});

describe('a household found idle and given work in the same open period', () => {
  it('is listed as cleared in that period, not forgotten', async () => {
    await addHousehold('late', [{ key: 'late', birth: '1995-05-05' }]);
    expect((await monitor.request('POST', '/api/v1/employment/periods', { period: '2026-06', countyCode: COUNTY })).status).toBe(201);
    expect((await zeroCases('2026-06', 'new')).map((z) => z.householdId)).toContain(households.late);
    await save('late', '2026-06', employed());
    const cleared = (await zeroCases('2026-06', 'cleared')).find((z) => z.householdId === households.late);
    expect(cleared).toMatchObject({ state: 'cleared', clearedReason: 'employed' });
    // The figure counts what the list shows (here also the 60-year-old's household, aged out this month).
    expect((await figures('2026-06')).zeroEmployment.cleared).toBe((await zeroCases('2026-06', 'cleared')).length);
  });

  it('keeps incomes out of the correction history', async () => {
    const corrections = await clerk.request('GET', `/api/v1/employment/records/${people.sixty}/${FIRST}/corrections`);
    expect(corrections.body[0].after).toMatchObject({ state: 'employed', monthlyIncome: null });
  });
});

describe('a worker home from outside the province and hired by a county employer in the same month', () => {
  it('is a returnee, hired as one, as soon as the month is saved', async () => {
    const employer = await monitor.request('POST', '/api/v1/employers', { name: '县内返乡创业企业', kind: 'enterprise', divisionCode: TOWNSHIP_A, startDate: '2024-01-01' });
    expect(employer.status, JSON.stringify(employer.body)).toBe(201);
    const away = employed({ channel: 'out_migration', place: 'outside_province', employerName: '浙江某厂' });
    await save('migrant', LAST, away);
    await save('migrant', '2026-06', away);
    await save('migrant', '2026-06', employed({ employerId: String(employer.body.id), employerName: '县内返乡创业企业', startDate: '2026-06-01' }));
    const { rows } = await sql<{ returnee: boolean; hired_as_returnee: boolean }>`
      SELECT returnee, hired_as_returnee FROM labour_record WHERE person_id = ${people.migrant} AND period = '2026-06'`.execute(app.ctx.db);
    // The hire reads the month's own return as the save computed it, not as it stood before.
    expect(rows[0]).toEqual({ returnee: true, hired_as_returnee: true });
  });
});
