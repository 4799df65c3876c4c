/**
 * Department lists (数据比对) through the import machinery: rows match registered people of the
 * importer's division by ID number, the rest come back as an unmatched list with the reason,
 * re-imports add nothing, and the lists that say so update a registry fact with its before and
 * after kept and audited. Bad rows refuse the whole file as for every ledger.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentLedgers, maskIdNumber, type DepartmentLedgerName } from '@anju/core';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B } from '../../../test/factories.js';
import type { Actor } from '../../platform/actor.js';
import { createSite } from '../sites/site-service.js';
import { createHousehold } from '../households/household-service.js';
import { createPerson } from '../persons/person-service.js';
import { verifyAuditChain } from '../audit/audit-verify.js';
import ExcelJS from '../imports/exceljs.js';
import { runImport, type ImportReport } from '../imports/import-runner.js';
import { NAME_DIFFERS, NOT_IN_DIVISION } from './department-import-repo.js';

type Cell = string | number | Date | null;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let dir: string;
const admin: Actor = { userId: null, username: 'dd-admin', role: 'admin', divisionCode: '', department: null };
const medicalA: Actor = { userId: null, username: 'dd-medical-a', role: 'department', divisionCode: TOWNSHIP_A, department: 'medical_security' };
const civilA: Actor = { ...medicalA, username: 'dd-civil-a', department: 'civil_affairs' };
const monitor: Actor = { userId: null, username: 'dd-monitor', role: 'monitor', divisionCode: COUNTY, department: null };

/** Registered people: two in township A (one household), one in township B. */
const a1 = { id: '', idNumber: idNumberFor('1975-03-04'), name: '比对甲' };
const a2 = { id: '', idNumber: idNumberFor('1978-07-08', 'F'), name: '比对乙' };
const b1 = { id: '', idNumber: idNumberFor('1980-09-10'), name: '比对丙' };
const unregistered = idNumberFor('1969-12-12');
let householdA = '';

async function xlsx(ledger: DepartmentLedgerName, rows: Cell[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['松桃县部门比对数据']);
  ws.addRow(departmentLedgers[ledger].columns.map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  const path = join(dir, `${ledger}-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

function importFile(ledger: DepartmentLedgerName, path: string, actor: Actor, dryRun = false): Promise<ImportReport> {
  return runImport(ctx, actor, { ledger, path, fileName: path.split('/').pop()!, format: 'xlsx', dryRun, errorDir: dir });
}

async function sheetRows(path: string): Promise<Cell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: Cell[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as Cell[]).slice(1)));
  return rows;
}

const recordCount = async () => Number((await ctx.db.selectFrom('department_record').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const personRow = (id: string) => ctx.db.selectFrom('person').select(['safety_net', 'disability_grade', 'health', 'version']).where('id', '=', id).executeTakeFirstOrThrow();

// 身份证号, 姓名, 就诊类别, 医疗机构, 费用发生日期, 医疗总费用（元）, 医保报销金额（元）, 个人自付金额（元）, 结算单号, 数据月份
const medicalRow = (idNumber: string, name: string, date: string, selfPay: Cell, month = '2026-04'): Cell[] => [idNumber, name, '住院', '松桃县人民医院', date, 10000, 6000, selfPay, null, month];

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  dir = await mkdtemp(join(tmpdir(), 'anju-department-'));
  const siteA = await createSite(ctx, admin, buildSite());
  const siteB = await createSite(ctx, admin, buildSite({ divisionCode: TOWNSHIP_B }));
  householdA = (await createHousehold(ctx, admin, buildHousehold(Number(siteA.id)))).id;
  const householdB = (await createHousehold(ctx, admin, buildHousehold(Number(siteB.id)))).id;
  a1.id = (await createPerson(ctx, admin, buildPerson(Number(householdA), { idNumber: a1.idNumber, name: a1.name }))).id;
  a2.id = (await createPerson(ctx, admin, buildPerson(Number(householdA), { idNumber: a2.idNumber, name: a2.name, relation: 'spouse' }))).id;
  b1.id = (await createPerson(ctx, admin, buildPerson(Number(householdB), { idNumber: b1.idNumber, name: b1.name }))).id;
});
afterAll(() => tdb.close());

describe('matching a department list to the registry', () => {
  let report: ImportReport;
  let path: string;

  beforeAll(async () => {
    path = await xlsx('department_medical_security', [
      medicalRow(a1.idNumber, a1.name, '2026-04-03', 2500),
      medicalRow(a1.idNumber, ` ${a1.name.slice(0, 1)} ${a1.name.slice(1)}`, '2026-04-20', 800.5), // spaces inside a name still match
      medicalRow(b1.idNumber, b1.name, '2026-04-05', 1200), // registered, but outside township A
      medicalRow(unregistered, '无此人', '2026-04-06', 300), // registered nowhere
      medicalRow(a2.idNumber, '别的名字', '2026-04-07', 100), // in the division, name differs
    ]);
    report = await importFile('department_medical_security', path, medicalA);
  });

  it('stores the matched rows as records of the person, household and division, with their source', async () => {
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('committed');
    expect(report.counts).toEqual({ department_record: { inserted: 2, updated: 0, unchanged: 0 } });
    const stored = await ctx.db.selectFrom('department_record').selectAll().where('import_job_id', '=', report.jobId).orderBy('occurred_on').execute();
    expect(stored.map((r) => [r.person_id, r.kind, r.occurred_on, r.amount, r.period])).toEqual([
      [a1.id, 'medical_expense', '2026-04-03', '2500.00', '2026-04'],
      [a1.id, 'medical_expense', '2026-04-20', '800.50', '2026-04'],
    ]);
    expect(stored[0]).toMatchObject({ department: 'medical_security', household_id: householdA, county_code: COUNTY, dest_division_code: TOWNSHIP_A, source_file: path.split('/').pop() });
    expect(stored[0]!.detail).toEqual({ visitType: 'inpatient', hospital: '松桃县人民医院', totalCost: 10000, reimbursed: 6000, settlementNo: null });
  });

  it('reports the unmatched rows with a reason that does not tell outside-division people from unknown ones', async () => {
    expect(report.unmatched).toBe(3);
    expect(report.unmatchedFile && existsSync(report.unmatchedFile)).toBe(true);
    const rows = await sheetRows(report.unmatchedFile!);
    expect(rows[0]).toEqual(['原行号', ...departmentLedgers.department_medical_security.columns.map((c) => c.header), '未匹配原因']);
    // Department users may not see ID numbers in clear: masked, even though the file was theirs.
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[r.length - 1]])).toEqual([
      [5, maskIdNumber(b1.idNumber), b1.name, NOT_IN_DIVISION],
      [6, maskIdNumber(unregistered), '无此人', NOT_IN_DIVISION],
      [7, maskIdNumber(a2.idNumber), '别的名字', NAME_DIFFERS],
    ]);
    const job = await ctx.db.selectFrom('import_job').select(['unmatched_count', 'unmatched_file']).where('id', '=', report.jobId).executeTakeFirstOrThrow();
    expect(job).toEqual({ unmatched_count: 3, unmatched_file: report.unmatchedFile });
  });

  it('matches more for a wider division, and shows ID numbers to roles allowed to see them', async () => {
    const wider = await importFile('department_medical_security', path, monitor, true);
    expect(wider.status).toBe('validated');
    expect(wider.counts.department_record).toEqual({ inserted: 1, updated: 0, unchanged: 2 });
    const rows = await sheetRows(wider.unmatchedFile!);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([[6, unregistered], [7, a2.idNumber]]);
  });

  it('adds nothing when the same file comes again, or a later list repeats the same expense', async () => {
    const before = await recordCount();
    const again = await importFile('department_medical_security', path, medicalA);
    expect(again.counts).toEqual({ department_record: { inserted: 0, updated: 0, unchanged: 2 } });
    const may = await xlsx('department_medical_security', [medicalRow(a1.idNumber, a1.name, '2026-04-20', 800.5, '2026-05'), medicalRow(a1.idNumber, a1.name, '2026-05-11', 60, '2026-05')]);
    expect((await importFile('department_medical_security', may, medicalA)).counts).toEqual({ department_record: { inserted: 1, updated: 0, unchanged: 1 } });
    expect(await recordCount()).toBe(before + 1);
  });
});

describe('lists that update a registry fact', () => {
  // 身份证号, 姓名, 救助类别, 城乡类别, 保障状态, 救助日期, 救助金额（元）, 数据月份
  it('民政 低保 sets the safety net, with before and after kept, the source on the record, and the import audited', async () => {
    expect((await personRow(a1.id)).safety_net).toBe('none');
    const path = await xlsx('department_civil_affairs', [
      [a1.idNumber, a1.name, '低保', '农村', '在保', '2025-11-01', 420, '2026-04'],
      [a2.idNumber, a2.name, '临时救助', null, null, '2026-04-09', 1500, '2026-04'],
    ]);
    const report = await importFile('department_civil_affairs', path, civilA);
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual({ department_record: { inserted: 2, updated: 0, unchanged: 0 }, person: { inserted: 0, updated: 1, unchanged: 0 } });
    const after = await personRow(a1.id);
    expect(after.safety_net).toBe('dibao_rural');

    const changes = await ctx.db.selectFrom('import_change').select(['entity', 'entity_id', 'before', 'after']).where('job_id', '=', report.jobId).execute();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ entity: 'person', entity_id: a1.id, before: { safety_net: 'none' }, after: { safety_net: 'dibao_rural', version: after.version } });
    const audit = await ctx.db.selectFrom('audit_log').select(['username', 'action', 'after']).where('entity', '=', 'import_job').where('entity_id', '=', report.jobId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ username: civilA.username, action: 'import', after: { ledger: 'department_civil_affairs', fileName: path.split('/').pop(), changes: { rows: 1 } } });
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
    const record = await ctx.db.selectFrom('department_record').select(['kind', 'source_file', 'import_job_id', 'detail', 'amount']).where('person_id', '=', a1.id).where('kind', '=', 'dibao').executeTakeFirstOrThrow();
    expect(record).toEqual({ kind: 'dibao', source_file: path.split('/').pop(), import_job_id: report.jobId, detail: { area: 'rural', status: 'active' }, amount: '420.00' });

    const again = await importFile('department_civil_affairs', path, civilA);
    expect(again.counts).toEqual({ department_record: { inserted: 0, updated: 0, unchanged: 2 }, person: { inserted: 0, updated: 0, unchanged: 1 } });
    expect((await personRow(a1.id)).version).toBe(after.version);
  });

  it('a stop in a newer month clears it; an older month imported late changes nothing', async () => {
    const stop = await xlsx('department_civil_affairs', [[a1.idNumber, a1.name, '低保', '农村', '已停保', '2026-05-20', null, '2026-05']]);
    expect((await importFile('department_civil_affairs', stop, civilA)).counts.person).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect((await personRow(a1.id)).safety_net).toBe('none');
    const march = await xlsx('department_civil_affairs', [[a1.idNumber, a1.name, '低保', '农村', '在保', '2025-11-01', 400, '2026-03']]);
    const late = await importFile('department_civil_affairs', march, civilA);
    expect(late.counts).toEqual({ department_record: { inserted: 1, updated: 0, unchanged: 0 }, person: { inserted: 0, updated: 0, unchanged: 0 } });
    expect((await personRow(a1.id)).safety_net).toBe('none');
  });

  it('残联 sets the disability grade and health; 公安 deaths are recorded and change nothing', async () => {
    const federation: Actor = { ...civilA, department: 'disabled_federation' };
    const path = await xlsx('department_disabled_federation', [[a2.idNumber, a2.name, '肢体残疾', '二级', '2026-04-15', '2026-04']]);
    const report = await importFile('department_disabled_federation', path, federation);
    expect(report.counts.person).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await personRow(a2.id)).toMatchObject({ disability_grade: 2, health: 'disabled' });
    const change = await ctx.db.selectFrom('import_change').select(['before', 'after']).where('job_id', '=', report.jobId).executeTakeFirstOrThrow();
    expect(change).toMatchObject({ before: { disability_grade: null, health: 'healthy' }, after: { disability_grade: 2, health: 'disabled' } });

    const police: Actor = { ...civilA, department: 'public_security' };
    const before = await personRow(a1.id);
    const death = await xlsx('department_public_security', [[a1.idNumber, a1.name, '死亡', '2026-05-02', null, '2026-05']]);
    const dead = await importFile('department_public_security', death, police);
    expect(dead.counts).toEqual({ department_record: { inserted: 1, updated: 0, unchanged: 0 } });
    expect(await personRow(a1.id)).toEqual(before);
    expect(await ctx.db.selectFrom('person').select('id').where('id', '=', a1.id).executeTakeFirst()).toBeTruthy();
  });
});

describe('a list with bad rows', () => {
  it('is refused whole, each error named by row, column and reason in Chinese', async () => {
    const before = await recordCount();
    const wrongCheck = ((id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0'))(a1.idNumber);
    const path = await xlsx('department_medical_security', [
      medicalRow(a1.idNumber, a1.name, '2026-04-08', 100),
      medicalRow(wrongCheck, a1.name, '2026-04-08', 100),
      medicalRow(a1.idNumber, a1.name, '2026-02-30', 100),
      medicalRow(a1.idNumber, a1.name, '2026-04-09', '一百'),
      medicalRow(a1.idNumber, a1.name, '2026-04-09', -3),
      medicalRow(a1.idNumber, a1.name, '2026-04-08', 100), // the first row again
    ]);
    const report = await importFile('department_medical_security', path, medicalA);
    expect(report.status).toBe('rejected');
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [4, '身份证号'],
      [5, '费用发生日期'],
      [6, '个人自付金额（元）'],
      [7, '个人自付金额（元）'],
      [8, '身份证号'],
    ]);
    expect(report.errors.map((e) => e.reason)).toEqual([
      expect.stringContaining('身份证号校验位错误'),
      '费用发生日期“2026-02-30”不是有效的日期',
      '个人自付金额（元）“一百”不是数字',
      '个人自付金额不能为负数',
      '与本文件第3行是同一人的同一条记录，请删除重复行',
    ]);
    expect(report.errorFile && existsSync(report.errorFile)).toBe(true);
    expect(report.unmatched).toBe(0);
    expect(await recordCount()).toBe(before);
  });

  it('names missing columns of the template', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRow(['身份证号', '姓名', '医疗机构', '数据月份']);
    const path = join(dir, 'no-amount.xlsx');
    await wb.xlsx.writeFile(path);
    await expect(importFile('department_medical_security', path, medicalA)).rejects.toThrow(/表头缺少必填列：费用发生日期、个人自付金额（元）/);
  });
});

describe('what the lead reads', () => {
  it('keeps the kinds and amounts the warning rules sum', async () => {
    const { rows } = await sql<{ kind: string; total: string | null }>`
      SELECT kind, sum(amount)::text AS total FROM department_record WHERE household_id = ${householdA} GROUP BY kind ORDER BY kind`.execute(ctx.db);
    expect(rows).toEqual([
      { kind: 'death', total: null },
      { kind: 'dibao', total: '820.00' },
      { kind: 'disability', total: null },
      { kind: 'medical_expense', total: '3360.50' },
      { kind: 'temporary_assistance', total: '1500.00' },
    ]);
  });
});

describe('warnings on what came in', () => {
  const warningsOf = (householdId: string) =>
    ctx.db.selectFrom('monitoring_warning').select(['rule_id', 'period']).where('household_id', '=', householdId).orderBy('rule_id').execute();

  it('are raised at once for this month over the counties a committed list touched, and not again for the same file', async () => {
    const raised = await warningsOf(householdA);
    expect(raised.length).toBeGreaterThan(0);
    expect(new Set(raised.map((w) => w.period))).toEqual(new Set(['2026-06']));
    expect(raised.map((w) => w.rule_id)).toContain('JC-2021-earner-lost');
    const runs = await ctx.db.selectFrom('monitor_run').select(['division_code', 'username']).where('username', '=', '数据比对').execute();
    expect(runs.length).toBeGreaterThan(0);
    expect(new Set(runs.map((r) => r.division_code))).toEqual(new Set([COUNTY]));

    const before = runs.length;
    const path = await xlsx('department_medical_security', [medicalRow(a1.idNumber, a1.name, '2026-04-10', 1200)]);
    await importFile('department_medical_security', path, medicalA);
    await importFile('department_medical_security', path, medicalA);
    const after = await ctx.db.selectFrom('monitor_run').select('id').where('username', '=', '数据比对').execute();
    // The first import of this file is new (a new expense), the second adds no records and runs nothing.
    expect(after.length).toBe(before + 1);
    expect(await warningsOf(householdA)).toEqual(raised);
  });
});
