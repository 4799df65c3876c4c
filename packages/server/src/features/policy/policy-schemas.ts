/** Request and response shapes of policy packs (store, edit, history) and entitlements. */
import { z } from 'zod';
import { isoDate, packSchema, recordId, subjectKinds } from '@anju/core';
import { pageQuery } from '../../platform/paging.js';

const change = z.string({ error: '须说明修改原因（change）' }).trim().min(2, '修改原因至少2个字');

export const packCodeParams = z.object({ code: z.string() });
export const parameterParams = packCodeParams.extend({ name: z.string() });
export const ruleParams = packCodeParams.extend({ id: z.string() });
export const revisionParams = packCodeParams.extend({ revision: z.coerce.number().int().positive('版本号须为正整数') });

export const parameterEdit = z.object({
  from: isoDate('生效日期'),
  /** Last day in force, when the value is known to lapse. */
  to: isoDate('失效日期').nullable().optional(),
  value: z.number({ error: '参数值须为数字或 null（由地方确定）' }).nullable(),
  source: z.string().trim().max(500).optional(),
  change,
});
export type ParameterEdit = z.infer<typeof parameterEdit>;

/** The benefit is checked with the whole pack, so its errors name the rule like every other. */
export const ruleEdit = z.object({
  from: isoDate('生效日期'),
  /** Last day in force: a rule that ends (the same `from` as the version in force replaces it). */
  to: isoDate('失效日期').nullable().optional(),
  condition: z.string({ error: '条件须为文本' }),
  benefit: z.record(z.string(), z.unknown(), { error: '待遇（benefit）须为对象' }),
  evidence: z.array(z.string()).default([]),
  change,
});
export type RuleEdit = z.infer<typeof ruleEdit>;

export const packUpload = z.object({
  text: z.string({ error: '须提供政策包文本（YAML 或 JSON）' }).min(1, '政策包文本不能为空').max(2_000_000, '政策包文本过长'),
  note: z.string().trim().max(500).optional(),
});

export const packSummary = z.object({
  code: z.string(),
  title: z.string(),
  document: z.string(),
  issued: z.string(),
  jurisdiction: z.string(),
  revision: z.number(),
  updatedAt: z.string(),
  rules: z.number(),
  parameters: z.number(),
  unsetParameters: z.number().describe('今日有效、尚未设定数值（由地方确定）的参数数'),
});

const revisionInfo = z.object({ revision: z.number(), createdAt: z.string(), createdBy: z.string(), note: z.string().nullable() });

export const packDetail = z.object({ pack: packSchema, revision: z.number(), history: z.array(revisionInfo) });
export const packRevisionOutput = revisionInfo.extend({ code: z.string(), pack: packSchema });

export const packIssue = z.object({ where: z.string(), field: z.string(), reason: z.string() });
export const packRejected = z.object({
  code: z.literal('PACK_INVALID'),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })),
  issues: z.array(packIssue),
});

const division = z.string().regex(/^\d{0,12}$/, '区划代码须为数字');
export const entitlementStatuses = ['proposed', 'approved', 'paid', 'rejected'] as const;

export const proposalInput = z.object({ division, asOf: isoDate('评估日期').optional() });
export const proposalOutput = z.object({
  proposed: z.number(),
  skipped: z.object({
    granted: z.number().describe('一次性待遇已为该对象提出、批准或发放'),
    exhausted: z.number().describe('按月待遇的月数已用完'),
  }),
});

export const entitlementListQuery = pageQuery.extend({
  division: division.optional(),
  status: z.enum(entitlementStatuses, { error: '状态须为 proposed、approved、paid 或 rejected' }).optional(),
  ruleId: z.string().max(80).optional(),
});

export const entitlementIdParams = z.object({ id: recordId('应享记录编号') });
export const entitlementDecision = z.object({
  version: z.number({ error: '缺少版本号' }).int().positive(),
  reason: z.string().max(500).optional(),
  amount: z.number({ error: '金额须为数字' }).positive('金额须大于0').max(100_000_000).optional(),
});
export type EntitlementDecision = z.infer<typeof entitlementDecision>;

export const entitlementOutput = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleTitle: z.string(),
  packCode: z.string(),
  ruleVersionFrom: z.string(),
  subjectKind: z.enum(subjectKinds),
  subjectId: z.string(),
  subjectLabel: z.string(),
  payee: z.string(),
  divisionCode: z.string(),
  householdId: z.string().nullable(),
  status: z.enum(entitlementStatuses),
  kind: z.string(),
  per: z.enum(['once', 'month']),
  amount: z.number().nullable(),
  months: z.number().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  reason: z.string().nullable(),
  proposedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  version: z.number(),
});
export type EntitlementOutput = z.infer<typeof entitlementOutput>;
