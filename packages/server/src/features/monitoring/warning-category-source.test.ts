/**
 * A warning states the monitoring category it points to and, when a department list raised it,
 * the rows behind it (issue 12). Two households without work income, each with a child of ten out
 * of school: one registered-poor (脱贫不稳定户), one ordinary (边缘易致贫户). The 医保 list then brings the ordinary
 * household two hospital bills with their settlement numbers: the comparison run raises a
 * rigid-expense warning that points to 突发严重困难户 and names the file, the rows and the numbers —
 * to those who may read department data. The figures and the run count warnings by category.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { departmentLedgers } from '@anju/core';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor } from '../../../test/factories.js';
import ExcelJS from '../imports/exceljs.js';
import { runImport } from '../imports/import-runner.js';
import type { Actor } from '../../platform/actor.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let app: FastifyInstance;
let dir: string;
const as = {} as Record<'monitor' | 'leader' | 'medical' | 'civil', ApiSession>;
const households = { poor: '', ordinary: '' };
const patient = { idNumber: idNumberFor('1980-02-02'), name: '医保甲' };
const FILE = '医保结算数据2026年5月.xlsx';
let jobId = '';

async function addHousehold(kind: 'registered_poor' | 'synchronous', head: { idNumber: string; name: string }) {
  const site = await as.monitor.request('POST', '/api/v1/sites', buildSite());
  const hh = await as.monitor.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id), { kind }));
  expect(hh.status, JSON.stringify(hh.body)).toBe(201);
  const members = [
    buildPerson(Number(hh.body.id), { ...head, relation: 'head' }),
    buildPerson(Number(hh.body.id), { idNumber: idNumberFor('2016-03-03', 'F'), relation: 'daughter', schoolStage: 'none' }),
  ];
  for (const m of members) expect((await as.monitor.request('POST', '/api/v1/persons', m)).status).toBe(201);
  return String(hh.body.id);
}

/** The 医保 list as offices send it: a title row, the header, then the rows (the bills on rows 3 and 5). */
async function medicalList(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('结算明细');
  ws.addRow(['松桃县医疗保障局 2026年5月结算数据']);
  ws.addRow(departmentLedgers.department_medical_security.columns.map((c) => c.header));
  // 身份证号, 姓名, 就诊类别, 医疗机构, 费用发生日期, 医疗总费用, 医保报销金额, 个人自付金额, 结算单号, 数据月份
  ws.addRow([patient.idNumber, patient.name, '住院', '松桃县人民医院', '2026-05-06', 30000, 18000, 12000, 'JS2026050600031', '2026-05']);
  ws.addRow([idNumberFor('1960-01-01'), '未登记者', '住院', '松桃县人民医院', '2026-05-07', 3000, 2000, 1000, 'JS2026050700002', '2026-05']);
  ws.addRow([patient.idNumber, patient.name, '门诊慢特病', '松桃县中医院', '2026-05-20', 2000, 1200, 800, 'JS2026052000118', '2026-05']);
  const path = join(dir, FILE);
  await wb.xlsx.writeFile(path);
  return path;
}

type Warning = { id: string; householdId: string; ruleId: string; category: string; householdKind: string; sourceCount: number; sources: Record<string, unknown>[] };
const warningsAs = async (who: ApiSession, query = '') => {
  const res = await who.request('GET', `/api/v1/monitoring/warnings?division=${COUNTY}&pageSize=50${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { total: number; items: Warning[] };
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  ctx.clock.now = new Date('2026-06-10T02:00:00Z');
  app = await buildApp(ctx);
  dir = await mkdtemp(join(tmpdir(), 'anju-warning-source-'));
  await addUser(ctx, 'ws-monitor', 'monitor', COUNTY);
  await addUser(ctx, 'ws-leader', 'leader', COUNTY);
  await addUser(ctx, 'ws-medical', 'department', COUNTY, 'medical_security');
  await addUser(ctx, 'ws-civil', 'department', COUNTY, 'civil_affairs');
  as.monitor = await login(app, 'ws-monitor');
  as.leader = await login(app, 'ws-leader');
  as.medical = await login(app, 'ws-medical');
  as.civil = await login(app, 'ws-civil');
  households.poor = await addHousehold('registered_poor', { idNumber: idNumberFor('1979-01-01'), name: '脱贫户主' });
  households.ordinary = await addHousehold('synchronous', patient);
  const medical: Actor = { userId: null, username: 'ws-medical', role: 'department', divisionCode: COUNTY, department: 'medical_security' };
  const report = await runImport(ctx, medical, { ledger: 'department_medical_security', path: await medicalList(), fileName: FILE, format: 'xlsx', dryRun: false, errorDir: dir });
  expect(report.errors).toEqual([]);
  expect(report.status).toBe('committed');
  jobId = report.jobId;
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the category a warning points to', () => {
  it('is the household kind’s for a risk in the income range or 三保障, 突发严重困难户 for a large rigid expense', async () => {
    const { items } = await warningsAs(as.monitor);
    const of = (household: string, rule: string) => items.find((w) => w.householdId === household && w.ruleId === rule);
    expect(of(households.poor, 'JC-2021-out-of-school')).toMatchObject({ category: 'unstable', householdKind: 'registered_poor' });
    expect(of(households.ordinary, 'JC-2021-out-of-school')).toMatchObject({ category: 'marginal', householdKind: 'synchronous' });
    // Nobody earns (no labour ledger): both are below the province's income line too.
    expect(of(households.poor, 'JC-2021-income-below-line')).toMatchObject({ category: 'unstable' });
    expect(of(households.ordinary, 'JC-2021-income-below-line')).toMatchObject({ category: 'marginal' });
    expect(of(households.ordinary, 'JC-2021-rigid-expense')).toMatchObject({ category: 'sudden_hardship', householdKind: 'synchronous' });
    expect(items).toHaveLength(5);
    // A rule reading no department list has no source rows: the household's stored record is its source.
    expect(of(households.poor, 'JC-2021-out-of-school')).toMatchObject({ sources: [], sourceCount: 0 });
  });

  it('filters the list, and is counted by the run and by the figures, each number drilling down', async () => {
    expect((await warningsAs(as.monitor, '&category=sudden_hardship')).items.map((w) => w.ruleId)).toEqual(['JC-2021-rigid-expense']);
    const runs = await as.monitor.request('GET', `/api/v1/monitoring/runs?division=${COUNTY}`);
    const summary = runs.body[0].summary as { ruleId: string; category: string; count: number }[];
    expect(summary.find((s) => s.ruleId === 'JC-2021-rigid-expense')).toMatchObject({ category: 'sudden_hardship', count: 1 });

    const figures = await as.leader.request('GET', `/api/v1/monitoring/figures?division=${COUNTY}&period=2026-06`);
    expect(figures.status, JSON.stringify(figures.body)).toBe(200);
    expect(figures.body.warnings).toEqual({
      raised: 5, raisedByCategory: { unstable: 2, marginal: 2, sudden_hardship: 1 },
      open: 5, openByCategory: { unstable: 2, marginal: 2, sudden_hardship: 1 },
    });
    for (const [category, count] of Object.entries(figures.body.warnings.raisedByCategory as Record<string, number>)) {
      expect((await warningsAs(as.leader, `&period=2026-06&category=${category}`)).total).toBe(count);
    }
  });
});

describe('a warning raised by a department list', () => {
  it('names the file, the rows and the department’s numbers of the records behind it', async () => {
    const rigid = (await warningsAs(as.monitor, '&ruleId=JC-2021-rigid-expense')).items[0]!;
    expect(rigid.sourceCount).toBe(2);
    expect(rigid.sources).toEqual([
      expect.objectContaining({ department: 'medical_security', departmentLabel: '医保', kind: 'medical_expense', personName: patient.name, occurredOn: '2026-05-06',
        period: '2026-05', file: FILE, row: 3, recordNo: 'JS2026050600031', recordNoLabel: '结算单号' }),
      expect.objectContaining({ occurredOn: '2026-05-20', file: FILE, row: 5, recordNo: 'JS2026052000118' }),
    ]);
    const stored = await ctx.db.selectFrom('department_record').select(['source_file', 'source_row', 'record_no']).where('import_job_id', '=', jobId).orderBy('source_row').execute();
    expect(stored).toEqual([
      { source_file: FILE, source_row: 3, record_no: 'JS2026050600031' },
      { source_file: FILE, source_row: 5, record_no: 'JS2026052000118' },
    ]);
  });

  it('shows the rows only to those who may read department data, a department user only its own', async () => {
    const shown = async (who: ApiSession) => (await warningsAs(who, '&ruleId=JC-2021-rigid-expense')).items[0]!;
    expect(await shown(as.leader)).toMatchObject({ sources: [], sourceCount: 2 });
    expect(await shown(as.civil)).toMatchObject({ sources: [], sourceCount: 2 });
    expect((await shown(as.medical)).sources.map((s) => s.recordNo)).toEqual(['JS2026050600031', 'JS2026052000118']);
  });
});
