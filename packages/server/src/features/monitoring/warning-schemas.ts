import { z } from 'zod';
import { caseCategories, choice } from '@anju/core';

const division = z.string().regex(/^\d{0,12}$/, '区划代码须为数字');

export const warningListQuery = z.object({
  division,
  status: z.enum(['open', 'taken', 'dismissed']).optional(),
  ruleId: z.string().optional(),
  category: choice(caseCategories, '监测类别').optional(),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '监测月份须为 YYYY-MM').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** A department record behind a warning: where to find it on the department's paper. */
export const warningSource = z.object({
  recordId: z.string(),
  department: z.string(),
  departmentLabel: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  personName: z.string(),
  occurredOn: z.string(),
  period: z.string().describe('数据月份'),
  file: z.string().describe('导入的文件名'),
  row: z.number().int().nullable().describe('文件中的行号（迁移 0013 之前导入的记录为空）'),
  recordNo: z.string().nullable().describe('部门编号，如医保结算单号'),
  recordNoLabel: z.string().describe('部门编号的名称，如“结算单号”'),
});

export const warningOutput = z.object({
  id: z.string(),
  householdId: z.string(),
  householdNo: z.string(),
  headName: z.string(),
  divisionCode: z.string(),
  divisionName: z.string(),
  householdKind: z.enum(['registered_poor', 'synchronous']).describe('户类型：建档立卡脱贫户、同步搬迁户'),
  ruleId: z.string(),
  ruleTitle: z.string(),
  clause: z.object({ ref: z.string(), text: z.string() }),
  period: z.string(),
  facts: z.array(z.object({ name: z.string(), label: z.string(), value: z.unknown(), masked: z.boolean(), source: z.string() })),
  category: z.enum(caseCategories.values).describe('预警指向的监测类别：按户类型为脱贫不稳定户或边缘易致贫户，突发支出或收入骤减的规则为突发严重困难户'),
  sources: z.array(warningSource).describe('触发预警的部门比对记录（文件、行号、部门编号）；无权查看部门数据时为空'),
  sourceCount: z.number().int().describe('触发预警的部门比对记录条数（含本人无权查看的）'),
  status: z.enum(['open', 'taken', 'dismissed']),
  dismissedReason: z.string().nullable(),
  takenCaseId: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});

export const warningPage = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(warningOutput) });

export const dismissInput = z.object({
  reason: z.string({ error: '须写明排除理由' }).trim().min(4, '排除理由不少于4个字'),
  version: z.number().int().positive(),
});

export const runInput = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '监测月份须为 YYYY-MM'),
  division: division.default(''),
});

export const runOutput = z.object({
  runId: z.string(),
  period: z.string(),
  division: z.string(),
  asOf: z.string(),
  rules: z.number(),
  raised: z.number(),
  byRule: z.array(z.object({ ruleId: z.string(), title: z.string(), count: z.number() })),
  byCategory: z.object({ unstable: z.number(), marginal: z.number(), sudden_hardship: z.number() }).describe('新增预警按指向的监测类别'),
  byDivision: z.array(z.object({ division: z.string(), count: z.number() })),
});
