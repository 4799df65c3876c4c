/**
 * The departments' lists for data comparison (数据比对), one ledger each: 身份证号 and 姓名 first,
 * the list's own columns, then 数据月份 (the month the list describes). Every list reads into the
 * same record — kind, date, amount and detail — so one staging table and one merge serve all.
 */
import { z } from 'zod';
import { periodEnd } from '../employment/period.js';
import { labelled, schoolStages } from '../registry/enums.js';
import { idNumber } from '../registry/schemas.js';
import { normalizeCode } from '../validation/normalize.js';
import { choice, isoDate, optionalText, personName } from '../validation/zod-fields.js';
import * as D from '../department-data/departments.js';
import type { LedgerColumn, LedgerDefinition } from './ledger.js';

export interface DepartmentRow {
  idNumber: string;
  name: string;
  /** YYYY-MM: the month the list describes (数据月份). */
  period: string;
  kind: D.DepartmentRecordKind;
  occurredOn: string;
  amount: number | null;
  detail: Record<string, string | number | null>;
  /** The department's own number of the row (the medical settlement number), where its list has one. */
  recordNo: string | null;
}

const col = (key: string, header: string, kind: LedgerColumn['kind'], required = false, labels?: Record<string, string>, note?: string): LedgerColumn => ({
  key, header, kind, required, labels, note,
});

const { none: _notStudent, ...studentStageLabels } = schoolStages.labels;
export const studentStages = labelled(studentStageLabels);

/** Excel turns a typed "2026-05" into a date; 2026-05, 202605, 2026年5月 and a date all mean May 2026. */
export const dataMonth = z
  .string({ error: '数据月份须为文本' })
  .transform((raw, ctx) => {
    const m = /^(\d{4})[-/.年]?(\d{1,2})月?(?:[-/.]\d{1,2}日?)?$/.exec(normalizeCode(raw));
    const month = m ? Number(m[2]) : 0;
    if (!m || month < 1 || month > 12 || Number(m[1]) < 2000 || Number(m[1]) > 2100) {
      ctx.addIssue({ code: 'custom', message: `数据月份“${raw}”须为 YYYY-MM（如 2026-05）` });
      return z.NEVER;
    }
    return `${m[1]}-${String(month).padStart(2, '0')}`;
  });

const twoDecimals = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;
const money = (field: string) =>
  z
    .number({ error: `${field}须为数字` })
    .min(0, `${field}不能为负数`)
    .max(99_999_999.99, `${field}不能超过1亿元`)
    .refine(twoDecimals, `${field}最多保留两位小数`);
const eventDate = (field: string) => isoDate(field).refine((d) => d >= '1950-01-01', `${field}不能早于1950年`);

const common = { idNumber, name: personName('姓名', 50), period: dataMonth };
const idColumn = col('idNumber', '身份证号', 'code', true, undefined, '18位，请设为文本格式');
const nameColumn = col('name', '姓名', 'name', true, undefined, '须与登记的姓名一致，否则按未匹配处理');
const periodColumn = col('period', '数据月份', 'text', true, undefined, 'YYYY-MM，如 2026-05：本名单反映的月份');

type Base = { idNumber: string; name: string; period: string; occurredOn: string };
type Rules<T> = (row: T, issue: (path: keyof T & string, message: string) => void) => void;

/** The common checks (the event is not after the data month) and the shaping into a record. */
function listSchema<T extends Base>(
  object: z.ZodType<T>,
  dateField: string,
  toRecord: (row: T) => Pick<DepartmentRow, 'kind' | 'amount' | 'detail'> & Partial<Pick<DepartmentRow, 'recordNo'>>,
  rules: Rules<T> = () => undefined,
): z.ZodType<DepartmentRow> {
  return object
    .superRefine((row, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (row.occurredOn > periodEnd(row.period)) issue('occurredOn', `${dateField}（${row.occurredOn}）不能晚于数据月份（${row.period}）`);
      rules(row, issue);
    })
    .transform((row) => ({ idNumber: row.idNumber, name: row.name, period: row.period, occurredOn: row.occurredOn, recordNo: null, ...toRecord(row) }));
}

function ledger(department: D.ListDepartment, columns: LedgerColumn[], schema: z.ZodType<DepartmentRow>): LedgerDefinition<DepartmentRow> {
  return { name: `department_${department}`, title: D.departmentListTitles[department], columns: [idColumn, nameColumn, ...columns, periodColumn], schema };
}

const medical = ledger(
  'medical_security',
  [
    col('visitType', '就诊类别', 'choice', false, D.medicalVisitTypes.labels),
    col('hospital', '医疗机构', 'text'),
    col('occurredOn', '费用发生日期', 'date', true, undefined, '出院或结算日期'),
    col('totalCost', '医疗总费用（元）', 'number'),
    col('reimbursed', '医保报销金额（元）', 'number', false, undefined, '基本医保、大病保险和医疗救助合计'),
    col('selfPay', '个人自付金额（元）', 'number', true),
    col('settlementNo', D.recordNoLabels.medical_security, 'code', false, undefined, '同一人同一天有多笔相同金额时用以区分'),
  ],
  listSchema(
    z.object({
      ...common,
      visitType: choice(D.medicalVisitTypes, '就诊类别').nullable().default(null),
      hospital: optionalText('医疗机构', 100),
      occurredOn: eventDate('费用发生日期'),
      totalCost: money('医疗总费用').nullable().default(null),
      reimbursed: money('医保报销金额').nullable().default(null),
      selfPay: money('个人自付金额'),
      settlementNo: optionalText(D.recordNoLabels.medical_security, 50),
    }),
    '费用发生日期',
    (r) => ({
      kind: 'medical_expense',
      amount: r.selfPay,
      detail: { visitType: r.visitType, hospital: r.hospital, totalCost: r.totalCost, reimbursed: r.reimbursed, settlementNo: r.settlementNo },
      recordNo: r.settlementNo,
    }),
    (r, issue) => {
      if (r.totalCost === null) return;
      if (r.selfPay > r.totalCost) issue('selfPay', '个人自付金额不能大于医疗总费用');
      else if (r.reimbursed !== null && r.reimbursed + r.selfPay > r.totalCost + 0.005) issue('reimbursed', '医保报销金额与个人自付金额之和不能大于医疗总费用');
    },
  ),
);

const civilAffairs = ledger(
  'civil_affairs',
  [
    col('category', '救助类别', 'choice', true, D.assistanceCategories.labels),
    col('area', '城乡类别', 'choice', false, D.urbanRural.labels, '低保、特困必填'),
    col('status', '保障状态', 'choice', false, D.safetyNetStatuses.labels, '低保、特困填写，不填视为在保'),
    col('occurredOn', '救助日期', 'date', true, undefined, '低保、特困填保障起始日期（停保填停保日期）；临时救助填发放日期'),
    col('amount', '救助金额（元）', 'number', false, undefined, '临时救助必填；低保、特困填月保障金'),
  ],
  listSchema(
    z.object({
      ...common,
      category: choice(D.assistanceCategories, '救助类别'),
      area: choice(D.urbanRural, '城乡类别').nullable().default(null),
      status: choice(D.safetyNetStatuses, '保障状态').nullable().default(null),
      occurredOn: eventDate('救助日期'),
      amount: money('救助金额').nullable().default(null),
    }),
    '救助日期',
    (r) => ({
      kind: r.category,
      amount: r.amount,
      detail: r.category === 'temporary_assistance' ? { area: r.area, status: null } : { area: r.area, status: r.status ?? 'active' },
    }),
    (r, issue) => {
      if (r.category !== 'temporary_assistance' && r.area === null) issue('area', '低保、特困须填写城乡类别（农村或城市）');
      if (r.category === 'temporary_assistance' && r.amount === null) issue('amount', '临时救助须填写救助金额');
    },
  ),
);

const disabledFederation = ledger(
  'disabled_federation',
  [
    col('category', '残疾类别', 'choice', true, D.disabilityCategories.labels),
    col('grade', '残疾等级', 'choice', true, D.disabilityGrades.labels, '一级至四级，也可填1至4'),
    col('occurredOn', '发证日期', 'date', true, undefined, '残疾评定或发证（换证）日期'),
  ],
  listSchema(
    z.object({ ...common, category: choice(D.disabilityCategories, '残疾类别'), grade: choice(D.disabilityGrades, '残疾等级'), occurredOn: eventDate('发证日期') }),
    '发证日期',
    (r) => ({ kind: 'disability', amount: null, detail: { category: r.category, grade: Number(r.grade) } }),
  ),
);

const education = ledger(
  'education',
  [
    col('school', '学校名称', 'text'),
    col('stage', '学段', 'choice', true, studentStages.labels),
    col('status', '在校情况', 'choice', true, D.schoolStatuses.labels),
    col('occurredOn', '入学或辍学日期', 'date', true, undefined, '在校填入学日期，辍学填辍学日期'),
  ],
  listSchema(
    z.object({
      ...common,
      school: optionalText('学校名称', 100),
      stage: choice(studentStages, '学段'),
      status: choice(D.schoolStatuses, '在校情况'),
      occurredOn: eventDate('入学或辍学日期'),
    }),
    '入学或辍学日期',
    (r) => ({ kind: r.status, amount: null, detail: { school: r.school, stage: r.stage } }),
  ),
);

const hrss = ledger(
  'hrss',
  [
    col('category', '数据类别', 'choice', true, D.hrssCategories.labels),
    col('insurance', '参保险种', 'choice', false, D.insuranceKinds.labels, '参保数据必填'),
    col('insuranceStatus', '参保状态', 'choice', false, D.insuranceStatuses.labels, '不填视为正常缴费'),
    col('employer', '用工单位', 'text', false, undefined, '就业数据必填'),
    col('occurredOn', '开始日期', 'date', true, undefined, '参保或就业开始日期'),
    col('monthlyWage', '月工资（元）', 'number'),
  ],
  listSchema(
    z.object({
      ...common,
      category: choice(D.hrssCategories, '数据类别'),
      insurance: choice(D.insuranceKinds, '参保险种').nullable().default(null),
      insuranceStatus: choice(D.insuranceStatuses, '参保状态').nullable().default(null),
      employer: optionalText('用工单位', 100),
      occurredOn: eventDate('开始日期'),
      monthlyWage: money('月工资').nullable().default(null),
    }),
    '开始日期',
    (r): Pick<DepartmentRow, 'kind' | 'amount' | 'detail'> =>
      r.category === 'social_insurance'
        ? { kind: 'social_insurance', amount: null, detail: { insurance: r.insurance, insuranceStatus: r.insuranceStatus ?? 'paying' } }
        : { kind: 'employment', amount: r.monthlyWage, detail: { employer: r.employer } },
    (r, issue) => {
      if (r.category === 'social_insurance' && r.insurance === null) issue('insurance', '参保数据须填写参保险种');
      if (r.category === 'employment' && r.employer === null) issue('employer', '就业数据须填写用工单位');
    },
  ),
);

const housing = ledger(
  'housing',
  [
    col('address', '房屋地址', 'text'),
    col('grade', '房屋安全等级', 'choice', true, D.housingGrades.labels, 'C级、D级为危房'),
    col('occurredOn', '鉴定日期', 'date', true),
  ],
  listSchema(
    z.object({ ...common, address: optionalText('房屋地址', 200), grade: choice(D.housingGrades, '房屋安全等级'), occurredOn: eventDate('鉴定日期') }),
    '鉴定日期',
    (r) => ({ kind: r.grade === 'C' || r.grade === 'D' ? 'unsafe_housing' : 'safe_housing', amount: null, detail: { grade: r.grade, address: r.address } }),
  ),
);

const water = ledger(
  'water',
  [
    col('safety', '饮水安全', 'choice', true, D.waterSafety.labels),
    col('problem', '存在问题', 'choice', false, D.waterProblems.labels, '不安全时填写'),
    col('occurredOn', '核查日期', 'date', true),
  ],
  listSchema(
    z.object({ ...common, safety: choice(D.waterSafety, '饮水安全'), problem: choice(D.waterProblems, '存在问题').nullable().default(null), occurredOn: eventDate('核查日期') }),
    '核查日期',
    (r) => ({ kind: r.safety === 'unsafe' ? 'unsafe_water' : 'safe_water', amount: null, detail: { problem: r.safety === 'unsafe' ? r.problem : null } }),
  ),
);

const publicSecurity = ledger(
  'public_security',
  [
    col('change', '变动类型', 'choice', true, D.publicSecurityChanges.labels),
    col('occurredOn', '变动日期', 'date', true, undefined, '死亡日期或户籍迁移日期'),
    col('place', '迁往或迁自地址', 'text', false, undefined, '户籍迁移时填写'),
  ],
  listSchema(
    z.object({ ...common, change: choice(D.publicSecurityChanges, '变动类型'), occurredOn: eventDate('变动日期'), place: optionalText('迁往或迁自地址', 200) }),
    '变动日期',
    (r) =>
      r.change === 'death'
        ? { kind: 'death', amount: null, detail: { direction: null, place: null } }
        : { kind: 'hukou_move', amount: null, detail: { direction: r.change === 'hukou_in' ? 'in' : 'out', place: r.place } },
  ),
);

export const departmentLedgers: Record<D.DepartmentLedgerName, LedgerDefinition<DepartmentRow>> = {
  department_medical_security: medical,
  department_civil_affairs: civilAffairs,
  department_disabled_federation: disabledFederation,
  department_education: education,
  department_hrss: hrss,
  department_housing: housing,
  department_water: water,
  department_public_security: publicSecurity,
};
