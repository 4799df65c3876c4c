/** Shared zod schemas for the labour ledger: the API validates with them, the grid shows the same messages. */
import { z } from 'zod';
import { choice, optionalText, recordId, version } from '../validation/zod-fields.js';
import { normalizeText } from '../validation/normalize.js';
import { PERIOD_PATTERN } from './period.js';
import { employmentChannels, employmentStates, workPlaces, zeroEmploymentActions } from './enums.js';


export const period = z.string({ error: '期别须为文本' }).regex(PERIOD_PATTERN, '期别须为 YYYY-MM（如 2026-11）');


/** One worker's facts for one period, as a clerk fills them in. */
export const labourFacts = z
  .object({
    wantsWork: z.boolean({ error: '就业意愿须为是或否' }),
    state: choice(employmentStates, '就业状态'),
    channel: choice(employmentChannels, '就业渠道').nullable(),
    place: choice(workPlaces, '就业地点').nullable(),
    employerId: recordId('用工单位编号').nullable(),
    employerName: optionalText('用工单位名称', 100),
    startDate: z.iso.date({ error: '就业时间须为日期（YYYY-MM-DD）' }).nullable(),
    contractMonths: z.number({ error: '合同期限须为月数' }).int('合同期限须为整月').min(0, '合同期限不能为负').max(600, '合同期限不超过600个月').nullable(),
    socialInsurance: z.boolean({ error: '是否参加社会保险须为是或否' }),
    monthlyIncome: z.number({ error: '月收入须为数字' }).min(0, '月收入不能为负').max(1_000_000, '月收入不超过100万元').nullable(),
    trainingWish: z.boolean({ error: '培训意愿须为是或否' }),
  })
  .superRefine((r, ctx) => {
    const employedOnly = ['channel', 'place', 'employerId', 'employerName', 'startDate', 'contractMonths', 'monthlyIncome'] as const;
    if (r.state === 'employed') {
      if (!r.channel) ctx.addIssue({ code: 'custom', path: ['channel'], message: '已就业须填写就业渠道' });
      if (!r.place) ctx.addIssue({ code: 'custom', path: ['place'], message: '已就业须填写就业地点' });
    } else {
      for (const key of employedOnly) {
        if (r[key] !== null && r[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: '未就业人员不填写此项' });
      }
      if (r.socialInsurance) ctx.addIssue({ code: 'custom', path: ['socialInsurance'], message: '未就业人员不填写此项' });
    }
  });
export type LabourFacts = z.infer<typeof labourFacts>;

export const labourRecordUpdate = z.object({ facts: labourFacts, version });
export const labourCorrection = labourRecordUpdate.extend({
  reason: z.string().transform(normalizeText).pipe(z.string().min(4, '更正原因至少4个字').max(500, '更正原因不超过500个字')),
});

export const zeroEmploymentActionInput = z.object({
  action: choice(zeroEmploymentActions, '帮扶措施'),
  responsible: z.string().transform(normalizeText).pipe(z.string().min(1, '责任人不能为空').max(50, '责任人不超过50个字')),
  note: optionalText('措施说明', 500),
  version,
});
