/**
 * Imports of real, messy office files: merged title rows, blank rows, full-width digits, ID
 * numbers that Excel turned into numbers, dates as serials or text — and every kind of error,
 * each named by row, column and reason, with nothing written.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from './exceljs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A } from '../../../test/factories.js';
import type { Actor } from '../../platform/actor.js';
import { createSite } from '../sites/site-service.js';
import { createHousehold } from '../households/household-service.js';
import { createPerson } from '../persons/person-service.js';
import { sql } from 'kysely';
import { exportLedger } from './export-service.js';
import { householdHistory } from '../households/household-service.js';
import { verifyAuditChain } from '../audit/audit-verify.js';
import { runImport, type ImportReport } from './import-runner.js';
import type { FileFormat } from './file-readers.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let dir: string;
const clerk: Actor = { userId: null, username: 'import-clerk', role: 'clerk', divisionCode: TOWNSHIP_A, department: null };
let siteCode: string;
let outsideSiteCode: string;

const HEADERS = ['户编号*', '安置点编码*', '迁出地村代码*', '搬迁年份*', '户类型*', '楼栋', '单元', '房号', '姓名*', '身份证号*', '与户主关系*', '性别', '出生日期', '劳动能力*', '是否参加基本医疗保险', '联系电话'];
type Row = (string | number | Date | null)[];

function row(householdNo: string, name: string, idNumber: string | number, relation: string, extra: Partial<{ site: string; sex: string; birth: string | number | Date; village: string; kind: string }> = {}): Row {
  return [householdNo, extra.site ?? siteCode, extra.village ?? VILLAGE_A, 2018, extra.kind ?? '建档立卡脱贫户', '2栋', '1单元', '301', name, idNumber, relation, extra.sex ?? null, extra.birth ?? null, '普通劳动力', '是', '13912345678'];
}

async function xlsx(name: string, rows: Row[], titleRows = true): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  if (titleRows) {
    ws.addRow(['松桃苗族自治县易地扶贫搬迁人口台账']);
    ws.mergeCells(1, 1, 1, HEADERS.length);
    ws.addRow(['填报单位：蓼皋街道', null, null, null, null, null, null, null, '填报日期：2026年6月']);
  }
  ws.addRow(HEADERS.map((h) => ` ${h} `));
  for (const r of rows) ws.addRow(r);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

async function importFile(path: string, options: { dryRun?: boolean; actor?: Actor; ledger?: 'persons' | 'sites' | 'households' } = {}): Promise<ImportReport> {
  const format: FileFormat = path.endsWith('.csv') ? 'csv' : 'xlsx';
  return runImport(ctx, options.actor ?? clerk, { ledger: options.ledger ?? 'persons', path, fileName: path.split('/').pop()!, format, dryRun: options.dryRun ?? false, errorDir: dir });
}

async function counts() {
  const p = await ctx.db.selectFrom('person').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const h = await ctx.db.selectFrom('household').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { persons: Number(p.n), households: Number(h.n) };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database, { dataDir: await mkdtemp(join(tmpdir(), 'anju-import-')) });
  dir = ctx.config.dataDir;
  const admin: Actor = { ...clerk, role: 'admin', divisionCode: '' };
  siteCode = (await createSite(ctx, clerk, buildSite())).code;
  outsideSiteCode = (await createSite(ctx, admin, buildSite({ divisionCode: TOWNSHIP_B }))).code;
});
afterAll(() => tdb.close());

const fullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => (c === 'X' ? 'ｘ' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

describe('a messy but valid office file', () => {
  it('goes in whole, and a second import of the same file changes nothing', async () => {
    const idA = idNumberFor('1980-05-17', 'M');
    const idB = idNumberFor('1982-11-02', 'F');
    let idC = idNumberFor('2015-03-09', 'F');
    for (let i = 0; !idC.endsWith('X') && i < 40; i++) idC = idNumberFor('2015-03-09', 'F'); // exercise a check character X
    const path = await xlsx('messy.xlsx', [
      row('HMESSY0001', '  王大山 ', fullWidth(idA), '户主', { sex: '男', birth: 29358 }), // 1980-05-17 as an Excel serial
      [],
      row('HMESSY0001', '李 小红', ` ${idB} `, '配偶', { birth: '1982/11/2' }),
      row('HMESSY0001', '王朵朵', fullWidth(idC), '女', { birth: new Date(Date.UTC(2015, 2, 9)) }),
    ]);
    const first = await importFile(path);
    expect(first.errors).toEqual([]);
    expect(first.status).toBe('committed');
    expect(first.counts).toEqual({ households: { inserted: 1, updated: 0, unchanged: 0 }, persons: { inserted: 3, updated: 0, unchanged: 0 } });
    const stored = await ctx.db.selectFrom('person').select(['id_number', 'name', 'birth_date', 'sex']).where('id_number', 'in', [idA, idB, idC]).orderBy('birth_date').execute();
    expect(stored.map((p) => [p.name, p.birth_date])).toEqual([['王大山', '1980-05-17'], ['李 小红', '1982-11-02'], ['王朵朵', '2015-03-09']]);
    const again = await importFile(path);
    expect(again.counts).toEqual({ households: { inserted: 0, updated: 0, unchanged: 1 }, persons: { inserted: 0, updated: 0, unchanged: 3 } });
  });

  it('reads GB18030-encoded CSV, as Excel saves it on Chinese Windows', async () => {
    const id = idNumberFor('1990-01-01');
    const text = `${HEADERS.join(',')}\r\nHGBK000001,${siteCode},${VILLAGE_A},2019,同步搬迁户,,,,赵 四,${id},户主,,,技能劳动力,否,\r\n`;
    const path = join(dir, 'gbk.csv');
    await writeFile(path, new TextEncoderGb18030().encode(text));
    const report = await importFile(path);
    expect(report.errors).toEqual([]);
    const p = await ctx.db.selectFrom('person').select(['name', 'labour_capacity', 'medical_insurance']).where('id_number', '=', id).executeTakeFirstOrThrow();
    expect(p).toEqual({ name: '赵 四', labour_capacity: 'skilled', medical_insurance: false });
  });
});

describe('smaller messes', () => {
  it("takes an ID number behind Excel's text marker, and a name padded with an ideographic space as the name", async () => {
    const head = idNumberFor('1968-08-08', 'M');
    const child = idNumberFor('1996-09-09', 'F');
    const path = join(dir, 'marker.csv');
    await writeFile(path, [HEADERS.join(','), `HMARK00001,${siteCode},${VILLAGE_A},2019,同步搬迁户,,,,赵\u3000六,'${head},户主,,,普通劳动力,是,`, `HMARK00001,${siteCode},${VILLAGE_A},2019,同步搬迁户,,,,赵\u3000小\u3000丫,’${child},女,,,普通劳动力,是,`].join('\n'));
    const report = await importFile(path);
    expect(report.errors).toEqual([]);
    const stored = await ctx.db.selectFrom('person').select(['id_number', 'name']).where('id_number', 'in', [head, child]).execute();
    expect(Object.fromEntries(stored.map((p) => [p.id_number, p.name]))).toEqual({ [head]: '赵六', [child]: '赵小丫' });
  });

  it('passes over subtotal and total rows with a note that the report and the job keep', async () => {
    const line = (cells: Row) => cells.join(',');
    const blank = (first: string[]) => line([...first, ...Array<string>(HEADERS.length + 1 - first.length).fill('')]);
    const path = join(dir, 'totals.csv');
    await writeFile(
      path,
      [
        line(['序号', ...HEADERS]),
        line([1, ...row('HSUM000001', '孙一', idNumberFor('1966-06-06', 'M'), '户主')]),
        line([2, ...row('HSUM000001', '孙二', idNumberFor('1990-10-10', 'M'), '子')]),
        blank(['小计']), // in the 序号 column, which is no ledger column
        blank(['', '合 计']),
        blank(['', '', '蓼皋街道总计']),
      ].join('\n'),
    );
    const report = await importFile(path);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ status: 'committed', rows: 2, noteCount: 3, counts: { persons: { inserted: 2 } } });
    expect(report.notes).toEqual([
      { row: 4, reason: '“小计”为小计/合计行，已跳过' },
      { row: 5, reason: '“合 计”为小计/合计行，已跳过' },
      { row: 6, reason: '“蓼皋街道总计”为小计/合计行，已跳过' },
    ]);
    const job = await ctx.db.selectFrom('import_job').select(['notes', 'note_count']).where('id', '=', report.jobId).executeTakeFirstOrThrow();
    expect(job).toEqual({ notes: report.notes, note_count: 3 });
  });

  it("refusing a head's row does not report the household as headless on another row", async () => {
    const wrongCheck = ((id) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0'))(idNumberFor('1961-01-01'));
    const report = await importFile(
      await xlsx('refused-head.xlsx', [
        row('HHEAD00001', '周一', wrongCheck, '户主'),
        row('HHEAD00001', '周二', idNumberFor('1988-08-18'), '子'),
        row('HHEAD00002', '吴一', idNumberFor('1987-07-17'), '子'), // a household with no head at all
      ], false),
    );
    expect(report.status).toBe('rejected');
    expect(report.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [2, '身份证号', expect.stringContaining('校验位错误')],
      [4, '与户主关系', expect.stringContaining('新户HHEAD00002没有户主')],
    ]);
  });
});

describe('a file with errors of every kind', () => {
  it('is refused whole: every bad row named by row, column and reason, nothing written', async () => {
    const before = await counts();
    const existing = await createHousehold(ctx, clerk, { ...(await import('../../../test/factories.js')).buildHousehold(0), siteId: Number((await ctx.db.selectFrom('site').select('id').where('code', '=', siteCode).executeTakeFirstOrThrow()).id) });
    const taken = buildPerson(Number(existing.id));
    await createPerson(ctx, clerk, taken);
    const before2 = await counts();
    const good = idNumberFor('1970-01-01');
    const dup = idNumberFor('1971-01-01');
    const wrongCheck = ((id) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0'))(idNumberFor('1972-02-02'));
    // No title rows here: the header is row 1, so the rows below are numbered 2, 3, 4 …
    const rows: Row[] = [
      row('HBAD000001', '好人', good, '户主'), // fine
      row('HBAD000001', '数字身份证', 520628198001010000, '子'), // ID stored as a number
      row('HBAD000001', '校验位', wrongCheck, '子'), // check digit
      row('HBAD000001', '性别不符', idNumberFor('1973-03-03', 'M'), '子', { sex: '女' }),
      row('HBAD000001', '生日不符', idNumberFor('1974-04-04'), '子', { birth: '1974-04-05' }),
      row('HBAD000001', '', idNumberFor('1975-05-05'), '子'), // name missing
      row('HBAD000001', '关系', idNumberFor('1976-06-06'), '表哥'), // unknown relation
      row('HBAD000001', '日期', idNumberFor('1977-07-07'), '子', { birth: '七月七日' }), // not a date
      row('HBAD000002', '无点', idNumberFor('1978-08-08'), '户主', { site: 'NO-SUCH-SITE' }),
      row('HBAD000003', '村码', idNumberFor('1979-09-09'), '户主', { village: `${COUNTY}102` }), // township, not village
      row('HBAD000001', '重复甲', dup, '子'), //                                        14
      row('HBAD000001', '重复乙', dup, '子'), // duplicate in file
      row('HBAD000001', '二户主', idNumberFor('1981-01-01'), '户主'), // second head
      row('HBAD000004', '无户主', idNumberFor('1982-02-02'), '子'), // new household without head
      row('HBAD000001', '已登记', taken.idNumber, '子'), // already in another household
      row('HBAD000001', '户不一致', idNumberFor('1983-03-03'), '子', { kind: '同步搬迁户' }),
      row('HBAD000005', '外乡', idNumberFor('1984-04-04'), '户主', { site: outsideSiteCode }), // site outside scope
    ];
    const report = await importFile(await xlsx('bad.xlsx', rows, false));
    expect(report.status).toBe('rejected');
    const byRow = new Map<number, string[]>();
    for (const e of report.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), `${e.column}|${e.reason}`]);
    const expectRow = (r: number, column: string, reason: RegExp) =>
      expect(byRow.get(r)?.some((s) => s.startsWith(`${column}|`) && reason.test(s)), `row ${r}: ${byRow.get(r)?.join(' / ')}`).toBe(true);
    expect(byRow.has(2)).toBe(false);
    expectRow(3, '身份证号', /Excel存成了数字/);
    expectRow(4, '身份证号', /校验位错误/);
    expectRow(5, '性别', /与身份证号不符/);
    expectRow(6, '出生日期', /与身份证号不符/);
    expectRow(7, '姓名', /不能为空/);
    expectRow(8, '与户主关系', /须为/);
    expectRow(9, '出生日期', /不是日期/);
    expectRow(10, '安置点编码', /不存在/);
    expectRow(11, '迁出地村代码', /12位|村级/);
    expectRow(13, '身份证号', /第12行已出现/);
    expectRow(14, '与户主关系', /已有户主/);
    expectRow(15, '与户主关系', /没有户主/);
    expectRow(16, '身份证号', new RegExp(`已登记在户${existing.householdNo}.*HBAD000001`));
    expectRow(17, '户编号', /不一致/);
    expectRow(18, '安置点编码', /管辖范围/);
    expect(await counts()).toEqual(before2);
    expect(before2.persons).toBe(before.persons + 1);
    // The error copy of the workbook carries each row's reasons in a last column.
    expect(report.errorFile && existsSync(report.errorFile)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report.errorFile!);
    const sheet = wb.worksheets[0]!;
    const header = sheet.getRow(1).values as string[];
    expect(header[header.length - 1]).toBe('错误说明');
    const rowOf3 = sheet.getRow(3).values as unknown[];
    expect(rowOf3[1]).toBe(3);
    expect(String(rowOf3[header.length - 1])).toContain('Excel存成了数字');
  });

  it('refuses a file without the required headers, saying which', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['户编号', '安置点编码', '姓名']);
    const path = join(dir, 'headers.xlsx');
    await wb.xlsx.writeFile(path);
    await expect(importFile(path)).rejects.toThrow(/缺少必填列：迁出地村代码、搬迁年份、户类型、身份证号、与户主关系、劳动能力/);
  });

  it('refuses ID numbers in scientific notation from CSV', async () => {
    const path = join(dir, 'sci.csv');
    await writeFile(path, `${HEADERS.join(',')}\nHSCI000001,${siteCode},${VILLAGE_A},2019,同步搬迁户,,,,科学,5.20628E+17,户主,,,技能劳动力,是,\n`);
    const report = await importFile(path);
    expect(report.status).toBe('rejected');
    expect(report.errors[0]).toMatchObject({ row: 2, column: '身份证号', value: '5.20628E+17' });
    expect(report.errors[0]!.reason).toContain('科学计数法');
  });
});

describe('dry run, export and round trip', () => {
  it('a dry run reports what would change and writes nothing', async () => {
    const before = await counts();
    const path = await xlsx('dry.xlsx', [row('HDRY000001', '预演', idNumberFor('1985-05-05'), '户主')]);
    const report = await importFile(path, { dryRun: true });
    expect(report.status).toBe('validated');
    expect(report.counts.persons).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(await counts()).toEqual(before);
  });

  it('exports the ledger, and importing the export changes nothing', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const path = join(dir, `export.${format}`);
      const { rows } = await exportLedger(ctx, clerk, { ledger: 'persons', divisionCode: TOWNSHIP_A, format, path });
      expect(rows).toBeGreaterThan(3);
      const report = await importFile(path);
      expect(report.errors).toEqual([]);
      expect(report.counts.persons).toEqual({ inserted: 0, updated: 0, unchanged: rows });
    }
  });

  it('imports the households ledger, and a changed row updates only that household', async () => {
    const header = '户编号,安置点编码,迁出地村代码,搬迁年份,户类型,不动产登记颁证';
    const path = join(dir, 'households.csv');
    await writeFile(path, `${header}\nHHL0000001,${siteCode},${VILLAGE_A},2017,同步搬迁户,办理中\nHHL0000002,${siteCode},${VILLAGE_A},2018,建档立卡脱贫户,\n`);
    expect((await importFile(path, { ledger: 'households' })).counts.households).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    await writeFile(path, `${header}\nHHL0000001,${siteCode},${VILLAGE_A},2017,同步搬迁户,已颁证\nHHL0000002,${siteCode},${VILLAGE_A},2018,建档立卡脱贫户,\n`);
    expect((await importFile(path, { ledger: 'households' })).counts.households).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const row = await ctx.db.selectFrom('household').select(['id', 'property_cert_state', 'version']).where('household_no', '=', 'HHL0000001').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ property_cert_state: 'issued', version: 2 });
    // The update is in the household's history, from the import's before and after images …
    const history = await householdHistory(ctx, { ...clerk, userId: null }, String(row.id));
    expect(history[0]).toMatchObject({ action: 'import', entity: 'household', changes: [{ field: 'propertyCertState', before: 'applying', after: 'issued' }] });
    // … which the audit chain covers: editing them is detected.
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
    await sql`ALTER TABLE import_change DISABLE TRIGGER import_change_no_update`.execute(ctx.db);
    await sql`UPDATE import_change SET before = jsonb_set(before, '{property_cert_state}', '"none"') WHERE entity_id = ${row.id}`.execute(ctx.db);
    await sql`ALTER TABLE import_change ENABLE TRIGGER import_change_no_update`.execute(ctx.db);
    const verdict = await verifyAuditChain(ctx.db);
    expect(verdict).toMatchObject({ ok: false });
    expect((verdict as { reason: string }).reason).toContain('逐行变更明细');
  });

  it('imports the sites ledger keyed on site codes', async () => {
    const path = join(dir, 'sites.csv');
    await writeFile(path, `安置点编码,安置点名称,所在乡镇或社区代码,安置类型,安置方式,是否跨区县安置,建成年份\nTS-NEW-1,新安置点,${TOWNSHIP_A},城镇安置,集中安置,否,2019\n`);
    const first = await importFile(path, { ledger: 'sites' });
    expect(first.counts.sites).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    const second = await importFile(path, { ledger: 'sites' });
    expect(second.counts.sites).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
  });
});

class TextEncoderGb18030 {
  encode(text: string): Uint8Array {
    const bytes: number[] = [];
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) bytes.push(code);
      else bytes.push(...gbBytes(ch));
    }
    return new Uint8Array(bytes);
  }
}

// GB18030 has no encoder in Node; find each character's two bytes by decoding the GBK range once.
let gbTable: Map<string, number[]> | undefined;
function gbBytes(ch: string): number[] {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const c = decoder.decode(new Uint8Array([hi, lo]));
        if (!gbTable.has(c)) gbTable.set(c, [hi, lo]);
      }
    }
  }
  const found = gbTable.get(ch);
  if (!found) throw new Error(`no GBK bytes for ${ch}`);
  return found;
}
