/**
 * The registry ledgers: sites, households, and persons-with-their-household (one row per
 * person, the household's columns repeated: the layout offices use).
 */
import { z } from 'zod';
import * as E from '../registry/enums.js';
import { checkPerson, householdInput, personFields, siteInput } from '../registry/schemas.js';
import type { LedgerColumn, LedgerDefinition } from './ledger.js';
import { labourLedger } from './labour-ledger.js';
import { departmentLedgers } from './department-ledgers.js';

const col = (key: string, header: string, kind: LedgerColumn['kind'], required = false, labels?: Record<string, string>, note?: string): LedgerColumn => ({
  key,
  header,
  kind,
  required,
  labels,
  note,
});

export const siteColumns: LedgerColumn[] = [
  col('code', '安置点编码', 'code', true),
  col('name', '安置点名称', 'text', true),
  col('divisionCode', '所在乡镇或社区代码', 'code', true, undefined, '9位乡镇或12位村/社区统计用区划代码'),
  col('areaKind', '安置类型', 'choice', true, E.siteAreaKinds.labels),
  col('settlementKind', '安置方式', 'choice', true, E.siteSettlementKinds.labels),
  col('crossCounty', '是否跨区县安置', 'bool', true),
  col('buildYear', '建成年份', 'int'),
  col('latitude', '纬度', 'number'),
  col('longitude', '经度', 'number'),
];

export const householdColumns: LedgerColumn[] = [
  col('householdNo', '户编号', 'code', true),
  col('siteCode', '安置点编码', 'code', true),
  col('originVillageCode', '迁出地村代码', 'code', true, undefined, '12位村级统计用区划代码'),
  col('relocationYear', '搬迁年份', 'int', true),
  col('kind', '户类型', 'choice', true, E.householdKinds.labels),
  col('building', '楼栋', 'text'),
  col('unit', '单元', 'text'),
  col('room', '房号', 'text'),
  col('propertyCertState', '不动产登记颁证', 'choice', false, E.propertyCertStates.labels),
  col('vegetablePlot', '是否分配菜地', 'bool'),
  { ...col('monitoringCategory', '监测类别', 'choice', false, E.monitoringCategories.labels, '空白则不变；新户为非监测对象'), clearable: false },
  col('contractedLandMu', '承包地面积（亩）', 'number'),
  col('forestLandMu', '林地面积（亩）', 'number'),
  col('landTransferred', '承包地是否流转', 'bool'),
  col('homesteadReclaimed', '宅基地是否复垦', 'bool'),
];

export const personColumns: LedgerColumn[] = [
  col('name', '姓名', 'name', true),
  col('idNumber', '身份证号', 'code', true, undefined, '18位，请设为文本格式'),
  col('relation', '与户主关系', 'choice', true, E.relations.labels),
  col('sex', '性别', 'choice', false, E.sexes.labels, '可不填，由身份证号推出；填写则须一致'),
  col('birthDate', '出生日期', 'date', false, undefined, '可不填，由身份证号推出；填写则须一致'),
  col('ethnicity', '民族', 'text'),
  col('education', '文化程度', 'choice', false, E.educations.labels),
  col('schoolStage', '在校生状况', 'choice', false, E.schoolStages.labels),
  col('health', '健康状况', 'choice', false, E.healthStates.labels),
  col('disabilityGrade', '残疾等级', 'int'),
  col('labourCapacity', '劳动能力', 'choice', true, E.labourCapacities.labels),
  col('skills', '技能特长', 'list'),
  col('medicalInsurance', '是否参加基本医疗保险', 'bool'),
  col('pensionInsurance', '是否参加基本养老保险', 'bool'),
  col('safetyNet', '低保特困', 'choice', false, E.safetyNetStates.labels),
  col('forestRanger', '是否生态护林员', 'bool'),
  col('hukouState', '户籍状况', 'choice', false, E.hukouStates.labels),
  col('phone', '联系电话', 'code'),
];

const siteCode = z.string().regex(/^[0-9A-Z-]{3,30}$/, '安置点编码须为3至30位字母、数字或连字符');
export const householdRowSchema = householdInput.omit({ siteId: true }).extend({ siteCode });
export type HouseholdRow = z.infer<typeof householdRowSchema>;

export const personRowSchema = householdRowSchema
  .extend(personFields.omit({ householdId: true }).shape)
  .superRefine((row, ctx) => checkPerson({ ...row, householdId: 1 }, ctx));
export type PersonRow = z.infer<typeof personRowSchema>;

export const siteLedger: LedgerDefinition<z.infer<typeof siteInput>> = {
  name: 'sites',
  title: '安置点台账',
  columns: siteColumns,
  schema: siteInput,
};

export const householdLedger: LedgerDefinition<HouseholdRow> = {
  name: 'households',
  title: '搬迁户台账',
  columns: householdColumns,
  schema: householdRowSchema,
};

export const personLedger: LedgerDefinition<PersonRow> = {
  name: 'persons',
  title: '搬迁人口台账（一人一行）',
  columns: [...householdColumns, ...personColumns],
  schema: personRowSchema,
};

/**
 * Every ledger of the import centre; the labour ledger's rows carry their period. The
 * departments' lists (数据比对) import only: `exportableLedgers` are the ones that also export.
 */
export const ledgers = { sites: siteLedger, households: householdLedger, persons: personLedger, labour: labourLedger, ...departmentLedgers } as const;
export type LedgerName = keyof typeof ledgers;
export const ledgerNames = Object.keys(ledgers) as LedgerName[];
export const exportableLedgers = ['sites', 'households', 'persons', 'labour'] as const satisfies readonly LedgerName[];
export type ExportableLedgerName = (typeof exportableLedgers)[number];
