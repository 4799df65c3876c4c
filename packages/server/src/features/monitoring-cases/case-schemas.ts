/** Request and response shapes of the case endpoints (docs/MONITORING.md §6). */
import { z } from 'zod';
import { caseCategories, caseSteps, choice, evidenceKinds, isoDate, leadChannels, optionalText, recordId, text, version } from '@anju/core';
import { pageOf, pageQuery } from '../../platform/paging.js';
import { warningOutput } from '../monitoring/warning-schemas.js';
import { CASE_ACTIONS } from './case-flow.js';

const division = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/, '行政区划代码格式不正确');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份须为 YYYY-MM');
const id = recordId('户编号');

export const idParam = z.object({ id: recordId('编号') });

export const caseListQuery = pageQuery.extend({
  division: division.optional(),
  step: choice(caseSteps, '环节').optional(),
  category: choice(caseCategories, '监测类别').optional(),
  channel: choice(leadChannels, '线索来源').optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  householdId: id.optional(),
  monitoredIn: month.optional().describe('纳入监测的月份'),
  eliminatedIn: month.optional().describe('风险消除的月份'),
  monitoredOn: isoDate('监测日期').optional().describe('当日处于监测中的对象'),
});

export const boardQuery = z.object({ division: division.optional() });

export const leadInput = z.object({
  householdId: id,
  channel: choice(leadChannels, '线索来源'),
  category: choice(caseCategories, '监测类别').optional()
    .describe('不填时按户类型和所转预警拟定：脱贫户为脱贫不稳定户、一般农户为边缘易致贫户，所转预警均指向突发严重困难户时为突发严重困难户；与户类型矛盾的类别被拒绝'),
  riskNote: text('风险情况', 1000).pipe(z.string().min(4, '风险情况不少于4个字')),
  warningIds: z.array(id).max(50).default([]),
});

const note = optionalText('说明', 500);
const plain = <A extends string>(action: A) => z.object({ action: z.literal(action), version, note });

export const actionInput = z.discriminatedUnion(
  'action',
  [
    plain('verify').extend({ commitmentSignedOn: isoDate('承诺书签订日期'), authorizationSignedOn: isoDate('授权书签订日期') }),
    plain('compare'),
    plain('notice').extend({ noticeStart: isoDate('公示开始日期') }),
    plain('township_review'),
    plain('county_approve'),
    z.object({ action: z.literal('reject'), version, reason: text('退回理由', 500).pipe(z.string().min(4, '退回理由不少于4个字')) }),
    plain('propose_elimination').extend({ noticeStart: isoDate('公示开始日期') }),
    plain('approve_elimination'),
  ],
  { error: `操作须为以下之一：${CASE_ACTIONS.join('、')}` },
);
export type ActionInput = z.infer<typeof actionInput>;

const level = z.enum(['township', 'county', 'city']).nullable().describe('逾期后提请督办的层级：township 乡镇、county 县级、city 市级');

export const caseListItem = z.object({
  id: z.string(),
  householdId: z.string(),
  householdNo: z.string(),
  headName: z.string(),
  divisionCode: z.string(),
  divisionName: z.string(),
  channel: z.string(),
  category: z.string(),
  householdKind: z.string().describe('户类型：registered_poor 建档立卡脱贫户、synchronous 同步搬迁户'),
  step: z.string(),
  leadOn: z.string(),
  stepDue: z.string().nullable(),
  wholeDue: z.string().nullable(),
  dueEstimated: z.boolean().describe('期限落在尚未录入节假日安排的年度，暂按周一至周五计算，录入后自动重算'),
  overdue: z.boolean(),
  overdueDays: z.number().int().describe('逾期的自然日数，未逾期为0'),
  escalatedTo: level,
  monitoredOn: z.string().nullable(),
  eliminatedOn: z.string().nullable(),
  version: z.number().int(),
});

export const casePage = pageOf(caseListItem);

export const caseEventOutput = z.object({
  id: z.string(),
  action: z.string(),
  fromStep: z.string().nullable(),
  toStep: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  username: z.string(),
  at: z.string(),
});

export const evidenceOutput = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  username: z.string(),
  uploadedAt: z.string(),
});

export const evidenceKindField = choice(evidenceKinds, '材料类别');

export const earlierCaseOutput = z.object({
  id: z.string(),
  step: z.string(),
  channel: z.string(),
  category: z.string(),
  leadOn: z.string(),
  monitoredOn: z.string().nullable(),
  eliminatedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  rejectedStep: z.string().nullable(),
  rejectedReason: z.string().nullable(),
});

export const nextActionOutput = z.object({
  action: z.enum(CASE_ACTIONS),
  label: z.string(),
  allowed: z.boolean(),
  reason: z.string().optional(),
});

export const caseDetail = caseListItem.extend({
  countyCode: z.string(),
  riskNote: z.string(),
  rejectedStep: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  commitmentSignedOn: z.string().nullable(),
  authorizationSignedOn: z.string().nullable(),
  noticeStart: z.string().nullable(),
  noticeEnd: z.string().nullable(),
  eliminationProposedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: z.array(caseEventOutput),
  evidence: z.array(evidenceOutput),
  warnings: z.array(warningOutput),
  earlierCases: z.array(earlierCaseOutput),
  nextActions: z.array(nextActionOutput),
});

export const boardOutput = z.object({
  division: z.string(),
  total: z.number().int(),
  overdue: z.number().int(),
  steps: z.array(z.object({ step: z.string(), label: z.string(), count: z.number().int(), overdue: z.number().int() })),
});

export const eliminationCheckOutput = z.object({
  caseId: z.string(),
  asOf: z.string(),
  allMet: z.boolean(),
  conditions: z.array(z.object({ key: z.string(), label: z.string(), met: z.boolean(), detail: z.string() })),
});
