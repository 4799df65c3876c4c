import { z } from 'zod';
import { departmentRecordKinds, listDepartments, recordId } from '@anju/core';
import { pageQuery } from '../../platform/paging.js';

const listOf = (set: { values: [string, ...string[]]; labels: Record<string, string> }, field: string) =>
  z.enum(set.values, { error: `${field}须为：${Object.values(set.labels).join('、')}` });

export const recordListQuery = pageQuery.extend({
  division: z.string().regex(/^\d{2,12}$/, '行政区划代码格式不正确').optional().describe('默认本人管辖区划'),
  department: listOf(listDepartments, '部门').optional(),
  kind: listOf(departmentRecordKinds, '数据类别').optional(),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '数据月份须为 YYYY-MM').optional().describe('数据月份（首次报送该记录的名单月份）'),
  householdId: recordId('户编号').optional(),
  personId: recordId('人员编号').optional(),
  from: z.iso.date({ error: '起始日期须为 YYYY-MM-DD' }).optional().describe('发生日期不早于'),
  to: z.iso.date({ error: '截止日期须为 YYYY-MM-DD' }).optional().describe('发生日期不晚于'),
});
export type RecordListQuery = z.infer<typeof recordListQuery>;

export const recordOutput = z.object({
  id: z.string(),
  department: z.string(),
  departmentLabel: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  summary: z.string().describe('部门数据的中文摘要'),
  personId: z.string(),
  personName: z.string(),
  idNumber: z.string().describe('脱敏；明文经 /persons/{id}/sensitive 读取并记入审计'),
  householdId: z.string(),
  householdNo: z.string(),
  divisionCode: z.string(),
  occurredOn: z.string(),
  period: z.string(),
  amount: z.number().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  sourceFile: z.string(),
  importJobId: z.string(),
  createdAt: z.string(),
});
export type RecordOutput = z.infer<typeof recordOutput>;
