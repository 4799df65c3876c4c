import { z } from 'zod';

const division = z.string().regex(/^\d{0,12}$/, '区划代码须为数字');

export const warningListQuery = z.object({
  division,
  status: z.enum(['open', 'taken', 'dismissed']).optional(),
  ruleId: z.string().optional(),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '监测月份须为 YYYY-MM').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const warningOutput = z.object({
  id: z.string(),
  householdId: z.string(),
  householdNo: z.string(),
  headName: z.string(),
  divisionCode: z.string(),
  divisionName: z.string(),
  ruleId: z.string(),
  ruleTitle: z.string(),
  clause: z.object({ ref: z.string(), text: z.string() }),
  period: z.string(),
  facts: z.array(z.object({ name: z.string(), label: z.string(), value: z.unknown(), masked: z.boolean(), source: z.string() })),
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
  byDivision: z.array(z.object({ division: z.string(), count: z.number() })),
});
