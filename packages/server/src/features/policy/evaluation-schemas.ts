/** Request and response shapes of policy evaluation, eligibility and what-if. */
import { z } from 'zod';
import { isoDate, subjectKinds } from '@anju/core';

const division = z.string().regex(/^\d{0,12}$/, '区划代码须为数字');
const page = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) };

export const asOfQuery = z.object({ asOf: isoDate('评估日期').optional() });
export const eligibilityQuery = z.object({ division, asOf: isoDate('评估日期').optional() });
export const eligibleSubjectsQuery = eligibilityQuery.extend(page);
export const simulationInput = z.object({
  division,
  asOf: isoDate('评估日期').optional(),
  set: z.record(z.string(), z.number({ error: '参数值须为数字' })).refine((s) => Object.keys(s).length > 0, '至少修改一个参数'),
});
export const simulationSubjectsInput = simulationInput.extend({ ruleId: z.string(), change: z.enum(['gained', 'lost']), ...page });

interface TraceShape {
  text: string;
  value?: unknown;
  children?: TraceShape[];
  facts?: { name: string; label: string; value?: unknown; source: string; defaulted: boolean; masked?: boolean }[];
}
const trace: z.ZodType<TraceShape> = z.lazy(() =>
  z.object({
    text: z.string(),
    value: z.unknown(),
    children: z.array(trace).optional(),
    facts: z
      .array(z.object({ name: z.string(), label: z.string(), value: z.unknown(), source: z.string(), defaulted: z.boolean(), masked: z.boolean().optional() }))
      .optional(),
  }),
);

const ruleResult = z.object({
  ruleId: z.string(),
  packCode: z.string(),
  title: z.string(),
  clause: z.object({ ref: z.string(), text: z.string() }),
  document: z.string(),
  subject: z.enum(subjectKinds),
  version: z.object({ from: z.string(), to: z.string().nullable() }),
  eligible: z.boolean(),
  benefit: z.object({
    kind: z.string(),
    amount: z.string().optional(),
    cap: z.string().optional(),
    per: z.enum(['once', 'month']),
    months: z.number().optional(),
    payee: z.string(),
    note: z.string().optional(),
  }),
  amount: z.number().nullable(),
  amountNote: z.string().nullable(),
  total: z.number().nullable(),
  evidence: z.array(z.string()),
  trace,
  defaulted: z.array(z.string()),
});

export const householdEvaluationOutput = z.object({
  asOf: z.string(),
  division: z.string(),
  householdNo: z.string(),
  subjects: z.array(z.object({ kind: z.enum(subjectKinds), id: z.string(), label: z.string(), results: z.array(ruleResult) })),
});

export const eligibilityOutput = z.object({
  asOf: z.string(),
  division: z.string(),
  rules: z.array(
    z.object({ ruleId: z.string(), packCode: z.string(), title: z.string(), subject: z.enum(subjectKinds), kind: z.string(), eligible: z.number(), cost: z.number().nullable() }),
  ),
});

export const subjectsOutput = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      subjectKind: z.enum(subjectKinds),
      subjectId: z.string(),
      label: z.string(),
      divisionCode: z.string(),
      divisionName: z.string(),
      householdId: z.string().nullable(),
      amount: z.number().nullable(),
    }),
  ),
});

export const simulationOutput = z.object({
  asOf: z.string(),
  division: z.string(),
  set: z.record(z.string(), z.number()),
  rules: z.array(
    z.object({
      ruleId: z.string(),
      title: z.string(),
      kind: z.string(),
      before: z.number(),
      after: z.number(),
      gained: z.number(),
      lost: z.number(),
      costBefore: z.number().nullable(),
      costAfter: z.number().nullable(),
    }),
  ),
  divisions: z.array(z.object({ code: z.string(), name: z.string(), gained: z.number(), lost: z.number(), costDelta: z.number().nullable() })),
});
