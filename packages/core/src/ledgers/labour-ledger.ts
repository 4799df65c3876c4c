/**
 * The labour ledger (劳动力台账, 月调度) as offices exchange it: one worker per row, the period on
 * every row, so a township's file for a month goes out and comes back in one layout.
 */
import { z } from 'zod';
import { employmentChannels, employmentStates, workPlaces } from '../employment/enums.js';
import { labourFacts, period } from '../employment/schemas.js';
import type { LedgerColumn, LedgerDefinition } from './ledger.js';

const col = (key: string, header: string, kind: LedgerColumn['kind'], required = false, labels?: Record<string, string>, note?: string): LedgerColumn => ({
  key, header, kind, required, labels, note,
});

export const labourColumns: LedgerColumn[] = [
  col('period', '期别', 'code', true, undefined, 'YYYY-MM，如 2026-11'),
  col('householdNo', '户编号', 'code', false, undefined, '仅供核对，不据此修改'),
  col('name', '姓名', 'name', true),
  col('idNumber', '身份证号', 'code', true, undefined, '18位，请设为文本格式'),
  col('wantsWork', '是否有就业意愿', 'bool', true),
  col('state', '就业状态', 'choice', true, employmentStates.labels),
  col('channel', '就业渠道', 'choice', false, employmentChannels.labels, '已就业必填'),
  col('place', '就业地点', 'choice', false, workPlaces.labels, '已就业必填'),
  col('employerName', '用工单位', 'text'),
  col('startDate', '就业时间', 'date'),
  col('contractMonths', '劳动合同期限（月）', 'int'),
  col('socialInsurance', '是否参加社会保险', 'bool'),
  col('monthlyIncome', '月收入（元）', 'number'),
  col('trainingWish', '是否有培训意愿', 'bool'),
];

const filled = { employerId: null, employerName: null, startDate: null, contractMonths: null, monthlyIncome: null, channel: null, place: null, socialInsurance: false, trainingWish: false };

/**
 * Cells that, left blank, keep the record's stored value (the merge reads `absent`): a row's
 * state, channel and place are what the row says, but a blank insurance, income or contract
 * cell is not a fact that they are none.
 */
export const labourKeptFields = ['employerName', 'startDate', 'contractMonths', 'socialInsurance', 'monthlyIncome', 'trainingWish'] as const;

export const labourRowSchema = z.preprocess(
  // Blank cells arrive as missing keys; the shared facts schema wants explicit nulls, and the
  // merge wants to know which were blank.
  (row) => ({ ...filled, ...(row as object), absent: labourKeptFields.filter((key) => (row as Record<string, unknown>)[key] === undefined) }),
  z.intersection(
    z.object({
      period,
      absent: z.array(z.enum(labourKeptFields)),
      householdNo: z.string().nullable().optional(),
      name: z.string().min(1, '姓名不能为空'),
      idNumber: z.string().regex(/^\d{17}[\dX]$/, '身份证号须为18位'),
    }),
    labourFacts,
  ),
);
export type LabourRow = z.infer<typeof labourRowSchema>;

export const labourLedger: LedgerDefinition<LabourRow> = {
  name: 'labour',
  title: '劳动力台账（月调度）',
  columns: labourColumns,
  schema: labourRowSchema,
};
