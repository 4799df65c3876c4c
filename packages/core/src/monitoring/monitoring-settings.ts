/**
 * Monitoring settings (SPEC §4: "the monitoring line is data, not a constant"): each province's
 * yearly income line with the document that set it, and every threshold and deadline as a
 * dated value per jurisdiction, stored in the `setting` table under these keys.
 */
import { z } from 'zod';
import { isoDate } from '../validation/zod-fields.js';

export const MONITORING_SETTING_KEYS = {
  incomeLine: 'monitoring.income_line',
  thresholds: 'monitoring.thresholds',
  deadlines: 'monitoring.deadlines',
} as const;

/** A province's per-capita net income monitoring line for a year, in force from 1 January. */
export const incomeLineValue = z.object({ year: z.number().int(), yuan: z.number().positive() });
export type IncomeLineValue = z.infer<typeof incomeLineValue>;

const share = (label: string, max: number) =>
  z.number({ error: `${label}须为数字` }).gt(0, `${label}须大于0`).max(max, `${label}不能超过${max}`);
const count = (label: string, min: number, max: number, unit: string) =>
  z.number({ error: `${label}须为整数` }).int(`${label}须为整数`).min(min, `${label}不少于${min}${unit}`).max(max, `${label}不超过${max}${unit}`);

export const monitoringThresholdsValue = z.object({
  incomeDropShare: share('收入降幅预警比例', 1),
  // Expenses can exceed a year's income, so the share may pass 1.
  rigidExpenseShare: share('刚性支出预警比例', 10),
  minMonitoredMonths: count('风险消除前最短监测月数', 1, 36, '个月'),
  stableIncomeMonths: count('收入稳定超过监测标准的月数', 1, 36, '个月'),
});
export type MonitoringThresholds = z.infer<typeof monitoringThresholdsValue>;

/** In working days, except noticeDays (公示, calendar days: SPEC asks for "at least 5 days"). */
const deadlinesObject = z.object({
  verification: count('入户核实期限', 1, 60, '个工作日'),
  noticeDays: count('公示天数', 5, 30, '天'),
  townshipReview: count('乡级审核期限', 1, 60, '个工作日'),
  countyApproval: count('县级审批期限', 1, 60, '个工作日'),
  whole: count('识别全流程期限', 1, 120, '个工作日'),
  conversion: count('低保特困城乡转换期限', 1, 120, '个工作日'),
});
const wholeCoversSteps: [(v: z.infer<typeof deadlinesObject>) => boolean, { path: string[]; message: string }] = [
  (v) => v.whole >= v.verification + v.townshipReview + v.countyApproval,
  { path: ['whole'], message: '识别全流程期限不能短于入户核实、乡级审核、县级审批期限之和' },
];
export const monitoringDeadlinesValue = deadlinesObject.refine(...wholeCoversSteps);
export type MonitoringDeadlines = z.infer<typeof monitoringDeadlinesValue>;

/** Used only where no row is in force (the migration ships these same values as dated rows). */
export const DEFAULT_MONITORING_THRESHOLDS: MonitoringThresholds = { incomeDropShare: 0.3, rigidExpenseShare: 0.5, minMonitoredMonths: 6, stableIncomeMonths: 6 };
export const DEFAULT_MONITORING_DEADLINES: MonitoringDeadlines = { verification: 5, noticeDays: 5, townshipReview: 5, countyApproval: 5, whole: 20, conversion: 30 };

export const monitoringThresholdLabels: Record<keyof MonitoringThresholds, { label: string; unit: string }> = {
  incomeDropShare: { label: '收入降幅预警比例', unit: '较上年同月，0.3 即 30%' },
  rigidExpenseShare: { label: '刚性支出预警比例', unit: '占家庭年收入，0.5 即 50%' },
  minMonitoredMonths: { label: '风险消除前最短监测期', unit: '个月' },
  stableIncomeMonths: { label: '收入稳定超过监测标准', unit: '个月' },
};

export const monitoringDeadlineLabels: Record<keyof MonitoringDeadlines, { label: string; unit: string }> = {
  verification: { label: '入户核实（承诺授权）', unit: '个工作日' },
  noticeDays: { label: '民主评议后公示', unit: '自然日' },
  townshipReview: { label: '乡级审核', unit: '个工作日' },
  countyApproval: { label: '县级审批', unit: '个工作日' },
  whole: { label: '识别全流程', unit: '个工作日' },
  conversion: { label: '低保特困城乡转换', unit: '个工作日' },
};

const source = z.string({ error: '请填写依据' }).trim().min(1, '请填写依据（文件名称和文号）').max(200, '依据不能超过200个字');
/** Whose value it is: a division code inside the administrator's own ('' national); default theirs. */
const jurisdiction = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/, '辖区须为区划代码').optional();

export const incomeLineInput = z.object({
  province: z.string({ error: '请选择省份' }).regex(/^\d{2}$/, '省份须为2位省级区划代码'),
  year: z.number({ error: '年度须为整数' }).int('年度须为整数').min(2021, '年度不早于2021年').max(2100, '年度不晚于2100年'),
  yuan: z.number({ error: '监测收入标准须为数字' }).positive('监测收入标准须大于0').max(100000, '监测收入标准不超过100000元'),
  source,
});

export const monitoringThresholdsInput = monitoringThresholdsValue.extend({ effectiveFrom: isoDate('生效日期'), source, jurisdiction });
export const monitoringDeadlinesInput = deadlinesObject.extend({ effectiveFrom: isoDate('生效日期'), source, jurisdiction }).refine(...wholeCoversSteps);
