/**
 * A blank cell is not a fact (issue 12.1): a file with only the required columns changes
 * nothing else of the records it names, a new person's facts nobody entered are unknown
 * (NULL, 未填写), and only the clear marker 清空 erases a stored value.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { buildHousehold, buildPerson, buildSite, idNumberFor, TOWNSHIP_A, VILLAGE_A } from '../../../test/factories.js';
import type { Actor } from '../../platform/actor.js';
import { createSite } from '../sites/site-service.js';
import { createHousehold } from '../households/household-service.js';
import { createPerson, getPerson } from '../persons/person-service.js';
import { runImport, type ImportReport } from './import-runner.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let dir: string;
const clerk: Actor = { userId: null, username: 'blank-clerk', role: 'clerk', divisionCode: TOWNSHIP_A, department: null };
let siteCode: string;
let householdNo: string;
let recorded: { id: string; idNumber: string; name: string };

const REQUIRED = ['户编号', '安置点编码', '迁出地村代码', '搬迁年份', '户类型', '姓名', '身份证号', '与户主关系', '劳动能力'];

async function csv(name: string, headers: string[], rows: string[][]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, [headers, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n');
  return path;
}

const importFile = (path: string, ledger: 'persons' | 'households' | 'sites' = 'persons'): Promise<ImportReport> =>
  runImport(ctx, clerk, { ledger, path, fileName: path.split('/').pop()!, format: 'csv', dryRun: false, errorDir: dir });

const stored = (idNumber: string) => ctx.db.selectFrom('person').selectAll().where('id_number', '=', idNumber).executeTakeFirstOrThrow();
const storedHousehold = () => ctx.db.selectFrom('household').selectAll().where('household_no', '=', householdNo).executeTakeFirstOrThrow();

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database, { dataDir: await mkdtemp(join(tmpdir(), 'anju-blank-')) });
  dir = ctx.config.dataDir;
  const site = await createSite(ctx, clerk, buildSite({ buildYear: 2017, latitude: 27.9, longitude: 109.2 }));
  siteCode = site.code;
  const household = await createHousehold(
    ctx,
    clerk,
    buildHousehold(Number(site.id), { propertyCertState: 'issued', vegetablePlot: true, landTransferred: true, homesteadReclaimed: true, contractedLandMu: 3.5, monitoringCategory: 'none' }),
  );
  householdNo = household.householdNo;
  const person = buildPerson(Number(household.id), {
    ethnicity: '苗族',
    education: 'senior',
    health: 'chronic',
    medicalInsurance: false,
    pensionInsurance: true,
    safetyNet: 'dibao_rural',
    forestRanger: true,
    hukouState: 'moved',
    skills: ['电工'],
  });
  recorded = { id: (await createPerson(ctx, clerk, person)).id, idNumber: person.idNumber, name: person.name };
});
afterAll(() => tdb.close());

describe('a persons file with only the required columns', () => {
  it('changes no recorded fact and stores a new member’s unentered facts as unknown', async () => {
    const before = await stored(recorded.idNumber);
    const householdBefore = await storedHousehold();
    const newcomer = idNumberFor('1990-03-03', 'F');
    const path = await csv('required-only.csv', REQUIRED, [
      [householdNo, siteCode, VILLAGE_A, '2018', '建档立卡脱贫户', recorded.name, recorded.idNumber, '户主', '普通劳动力'],
      [householdNo, siteCode, VILLAGE_A, '2018', '建档立卡脱贫户', '新成员', newcomer, '配偶', '普通劳动力'],
    ]);
    const report = await importFile(path);
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual({ households: { inserted: 0, updated: 0, unchanged: 1 }, persons: { inserted: 1, updated: 0, unchanged: 1 } });
    expect(await stored(recorded.idNumber)).toEqual(before);
    expect(await storedHousehold()).toEqual(householdBefore);

    const added = await stored(newcomer);
    expect(added).toMatchObject({
      ethnicity: null, education: null, school_stage: null, health: null, disability_grade: null, medical_insurance: null,
      pension_insurance: null, safety_net: null, forest_ranger: null, hukou_state: null, phone: null, skills: [],
    });
    const shown = await getPerson(ctx, clerk, String(added.id));
    expect(shown).toMatchObject({ ethnicity: null, medicalInsurance: null, health: null, hukouState: null });
    // Age and capacity are known, the school stage is not: only a known student leaves the labour force.
    expect(shown.labourForce).toBe(true);
  });

  it('a household file with only its required columns keeps the household’s recorded facts', async () => {
    const siteId = Number((await ctx.db.selectFrom('site').select('id').where('code', '=', siteCode).executeTakeFirstOrThrow()).id);
    const facts = { propertyCertState: 'applying', vegetablePlot: true, landTransferred: true, homesteadReclaimed: true, forestLandMu: 12 } as const;
    const { householdNo: other } = await createHousehold(ctx, clerk, buildHousehold(siteId, facts));
    const read = () => ctx.db.selectFrom('household').selectAll().where('household_no', '=', other).executeTakeFirstOrThrow();
    const before = await read();
    const path = await csv('households-required.csv', ['户编号', '安置点编码', '迁出地村代码', '搬迁年份', '户类型'], [[other, siteCode, VILLAGE_A, '2018', '建档立卡脱贫户']]);
    const report = await importFile(path, 'households');
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual({ households: { inserted: 0, updated: 0, unchanged: 1 } });
    expect(await read()).toEqual(before);
  });

  it('a site file with blank optional cells keeps the build year and the location', async () => {
    const before = await ctx.db.selectFrom('site').selectAll().where('code', '=', siteCode).executeTakeFirstOrThrow();
    const path = await csv(
      'sites-blank.csv',
      ['安置点编码', '安置点名称', '所在乡镇或社区代码', '安置类型', '安置方式', '是否跨区县安置', '建成年份', '纬度', '经度'],
      [[siteCode, before.name, before.division_code, '城镇安置', '集中安置', '否', '', '', '']],
    );
    const report = await importFile(path, 'sites');
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual({ sites: { inserted: 0, updated: 0, unchanged: 1 } });
    expect(await ctx.db.selectFrom('site').selectAll().where('code', '=', siteCode).executeTakeFirstOrThrow()).toEqual(before);
  });
});

describe('the clear marker 清空', () => {
  it('erases an optional fact, so it reads 未填写, and leaves the other blank cells alone', async () => {
    const path = await csv('clear.csv', [...REQUIRED, '民族', '是否参加基本医疗保险', '技能特长', '楼栋'], [
      [householdNo, siteCode, VILLAGE_A, '2018', '建档立卡脱贫户', recorded.name, recorded.idNumber, '户主', '普通劳动力', '清空', '清空', '清空', ''],
    ]);
    const report = await importFile(path);
    expect(report.errors).toEqual([]);
    expect(report.counts.persons).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const after = await stored(recorded.idNumber);
    expect(after).toMatchObject({ ethnicity: null, medical_insurance: null, skills: [], education: 'senior', forest_ranger: true, safety_net: 'dibao_rural' });
    expect((await storedHousehold()).building).toBe('1栋');
  });

  it('is refused in a required column and in the monitoring category, naming the column', async () => {
    const path = await csv('clear-required.csv', [...REQUIRED, '监测类别'], [
      [householdNo, siteCode, VILLAGE_A, '2018', '建档立卡脱贫户', recorded.name, recorded.idNumber, '户主', '清空', '清空'],
    ]);
    const report = await importFile(path);
    expect(report.status).toBe('rejected');
    expect(report.errors.map((e) => [e.column, e.reason]).sort()).toEqual([
      ['劳动能力', '劳动能力不能清空'],
      ['监测类别', '监测类别不能清空'],
    ]);
    expect((await stored(recorded.idNumber)).labour_capacity).toBe('ordinary');
  });
});
