/**
 * The labour ledger travels as .xlsx per township and period: exported, edited in a spreadsheet,
 * imported back with the same dry run and row errors as the registry ledgers. The import updates
 * records, confirms them, and the derived facts follow (a zero-employment household clears).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B } from '../../../test/factories.js';
import type { Actor } from '../../platform/actor.js';
import { createSite } from '../sites/site-service.js';
import { createHousehold } from '../households/household-service.js';
import { createPerson } from '../persons/person-service.js';
import { closePeriod, getRecord, openPeriod, confirmUnchanged } from '../employment/ledger-service.js';
import { listZeroHouseholds } from '../employment/zero-employment-service.js';
import ExcelJS from './exceljs.js';
import { exportLedger } from './export-service.js';
import { runImport } from './import-runner.js';

type Workbook = InstanceType<typeof ExcelJS.Workbook>;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let dir: string;
const clerk: Actor = { userId: null, username: 'labour-clerk', role: 'clerk', divisionCode: TOWNSHIP_A, department: null };
const clerkB: Actor = { ...clerk, username: 'labour-clerk-b', divisionCode: TOWNSHIP_B };
const monitor: Actor = { ...clerk, username: 'labour-monitor', role: 'monitor', divisionCode: COUNTY };
const PERIOD = '2026-04';
const people: { id: string; idNumber: string; name: string }[] = [];
let householdId = '';

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  dir = await mkdtemp(join(tmpdir(), 'anju-labour-'));
  const site = await createSite(ctx, clerk, buildSite());
  const household = await createHousehold(ctx, clerk, buildHousehold(Number(site.id)));
  householdId = household.id;
  for (const [i, birth] of ['1980-02-02', '1984-05-05'].entries()) {
    const idNumber = idNumberFor(birth);
    const p = await createPerson(ctx, clerk, buildPerson(Number(household.id), { idNumber, relation: i === 0 ? 'head' : 'spouse', name: `台账${i}` }));
    people.push({ id: p.id, idNumber, name: p.name });
  }
  await openPeriod(ctx, monitor, COUNTY, '2026-03');
  await confirmUnchanged(ctx, clerk, '2026-03', TOWNSHIP_A);
  await closePeriod(ctx, monitor, COUNTY, '2026-03');
  await openPeriod(ctx, monitor, COUNTY, PERIOD);
});
afterAll(() => tdb.close());

async function exported(period: string, actor: Actor = clerk): Promise<{ path: string; workbook: Workbook; headers: string[] }> {
  const path = join(dir, `labour-${period}-${Math.random().toString(36).slice(2)}.xlsx`);
  await exportLedger(ctx, actor, { ledger: 'labour', divisionCode: TOWNSHIP_A, format: 'xlsx', path, period });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const headers = (workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map((h) => String(h).replace(/\*$/, ''));
  return { path, workbook, headers };
}

function setCells(workbook: Workbook, headers: string[], rowNo: number, values: Record<string, string | number | null>) {
  const row = workbook.worksheets[0]!.getRow(rowNo);
  for (const [header, value] of Object.entries(values)) row.getCell(headers.indexOf(header) + 1).value = value;
  row.commit();
}

async function importBack(workbook: Workbook, dryRun: boolean, actor: Actor = clerk) {
  const path = join(dir, `edited-${Math.random().toString(36).slice(2)}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return runImport(ctx, actor, { ledger: 'labour', path, fileName: 'edited.xlsx', format: 'xlsx', dryRun, errorDir: dir });
}

describe('labour ledger files', () => {
  it('exports one row per record of the township and period, incomes blank and IDs masked for none but allowed roles', async () => {
    const { workbook, headers } = await exported(PERIOD);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(headers).toEqual(expect.arrayContaining(['期别', '身份证号', '就业状态', '就业渠道', '月收入（元）']));
    expect(sheet.getRow(2).getCell(headers.indexOf('期别') + 1).value).toBe(PERIOD);
    expect(people.map((p) => p.idNumber)).toContain(sheet.getRow(2).getCell(headers.indexOf('身份证号') + 1).value);
    await expect(exportLedger(ctx, clerk, { ledger: 'labour', divisionCode: TOWNSHIP_A, format: 'xlsx', path: join(dir, 'x.xlsx') })).rejects.toThrow('须指定期别');
  });

  it('rejects bad rows with their reasons and writes nothing', async () => {
    const { workbook, headers } = await exported(PERIOD);
    setCells(workbook, headers, 2, { 就业状态: '已就业', 就业渠道: null, 就业地点: '县内' });
    setCells(workbook, headers, 3, { 姓名: '别人' });
    const report = await importBack(workbook, true);
    expect(report.status).toBe('rejected');
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: '就业渠道', reason: '已就业须填写就业渠道' }),
        expect.objectContaining({ row: 3, column: '姓名', reason: expect.stringContaining('不符') }),
      ]),
    );
    const record = await getRecord(ctx, clerk, people[0]!.id, PERIOD);
    expect(record.facts.state).toBe('unemployed');
  });

  it('refuses another township and a closed period', async () => {
    const { workbook } = await exported(PERIOD);
    const other = await importBack(workbook, true, clerkB);
    expect(other.status).toBe('rejected');
    expect(other.errors[0]!.reason).toContain('不在本人管辖范围内');
    const closed = await exported('2026-03');
    expect((await importBack(closed.workbook, true)).errors[0]).toMatchObject({ column: '期别', reason: expect.stringContaining('已关闭') });
  });

  it('imports the edits, confirms the rows, clears the zero-employment household; the same file again changes nothing', async () => {
    const zeroBefore = await listZeroHouseholds(ctx, clerk, { divisionCode: TOWNSHIP_A, period: PERIOD, state: 'open' }, 1, 20);
    expect(zeroBefore.items.map((z) => z.householdId)).toContain(householdId);

    const { workbook, headers } = await exported(PERIOD);
    setCells(workbook, headers, 2, { 就业状态: '已就业', 就业渠道: '外出务工', 就业地点: '省外', 用工单位: '浙江某电子厂', '劳动合同期限（月）': 12, '月收入（元）': 4800 });
    // A space inside a name is not another name (offices differ on them, as in the departments' lists).
    const name3 = String(workbook.worksheets[0]!.getRow(3).getCell(headers.indexOf('姓名') + 1).value);
    setCells(workbook, headers, 3, { 姓名: name3.replace('账', ' 账') });
    const dry = await importBack(workbook, true);
    expect(dry).toMatchObject({ status: 'validated', counts: { labour: { updated: 1, unchanged: 1 } } });
    expect((await getRecord(ctx, clerk, people[0]!.id, PERIOD)).facts.state).toBe('unemployed');

    const done = await importBack(workbook, false);
    expect(done).toMatchObject({ status: 'committed', counts: { labour: { updated: 1, unchanged: 1 } } });
    const updated = await Promise.all(people.map((p) => getRecord(ctx, clerk, p.id, PERIOD)));
    const employed = updated.find((r) => r.facts.state === 'employed')!;
    expect(employed).toMatchObject({ confirmed: true, facts: { channel: 'out_migration', place: 'outside_province', contractMonths: 12 }, derived: { stablyEmployed: true, firstCrossProvince: true } });
    expect(updated.every((r) => r.confirmed)).toBe(true);
    const cleared = await listZeroHouseholds(ctx, clerk, { divisionCode: TOWNSHIP_A, period: PERIOD, state: 'cleared' }, 1, 20);
    expect(cleared.items.map((z) => z.householdId)).toContain(householdId);

    const again = await importBack(workbook, false);
    expect(again.counts.labour).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('keeps the job’s details for blank cells while the worker stays employed, and drops them when the job ends', async () => {
    const { workbook, headers } = await exported(PERIOD, monitor);
    const rowOf = (idNumber: string) => 2 + [2, 3].findIndex((r) => workbook.worksheets[0]!.getRow(r).getCell(headers.indexOf('身份证号') + 1).value === idNumber);
    const worker = (await Promise.all(people.map((p) => getRecord(ctx, clerk, p.id, PERIOD)))).find((r) => r.facts.state === 'employed')!;
    const row = rowOf(people.find((p) => p.id === worker.personId)!.idNumber);
    setCells(workbook, headers, row, { 用工单位: null, '劳动合同期限（月）': null, '月收入（元）': null, 是否参加社会保险: null, 是否有培训意愿: null, 就业时间: null });
    const kept = await importBack(workbook, false, monitor);
    expect(kept.errors).toEqual([]);
    expect(kept.counts.labour).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect((await getRecord(ctx, monitor, worker.personId, PERIOD)).facts).toEqual(worker.facts);

    setCells(workbook, headers, row, { 就业状态: '未就业', 就业渠道: null, 就业地点: null });
    const ended = await importBack(workbook, false, monitor);
    expect(ended.counts.labour).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    expect((await getRecord(ctx, monitor, worker.personId, PERIOD)).facts).toMatchObject({ state: 'unemployed', employerName: null, contractMonths: null, monthlyIncome: null, socialInsurance: false });
  });
});
