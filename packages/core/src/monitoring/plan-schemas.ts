/**
 * Inputs of the assistance plan (一户一策) and of the safety-net conversions (低保/特困城乡转换),
 * shared by the server's validation and the web's forms (docs/MONITORING.md §3, §5).
 */
import { z } from 'zod';
import { choice, isoDate, optionalText, recordId, text, version } from '../validation/zod-fields.js';
import { departments } from '../registry/enums.js';
import { assistanceMeasures, needKinds, taskStatuses } from './case-enums.js';

/** 需求清单: one need of the household. */
export const needInput = z.object({
  kind: choice(needKinds, '需求类别'),
  description: text('需求说明', 500),
});
export type NeedInput = z.infer<typeof needInput>;

/** 任务清单: one measure, handed to a responsible department with a due date. */
export const taskInput = z.object({
  measure: choice(assistanceMeasures, '帮扶措施'),
  department: choice(departments, '责任部门'),
  title: text('任务内容', 200),
  dueOn: isoDate('办理时限'),
});
export type TaskInput = z.infer<typeof taskInput>;

/** The department moves a task on; finishing it needs an outcome (checked with the status). */
export const taskUpdate = z
  .object({
    status: choice(taskStatuses, '任务状态'),
    outcome: optionalText('办理结果', 500),
    doneOn: isoDate('办结日期').nullable().default(null),
    version,
  })
  .superRefine((v, ctx) => {
    if (v.status === 'done' && (v.outcome ?? '').length < 2) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: '办结须填写办理结果（不少于2个字）' });
    }
  });
export type TaskUpdate = z.infer<typeof taskUpdate>;

/** 确认一名转换对象: the day the civil-affairs office confirmed the urban standard applies. */
export const conversionInput = z.object({
  personId: recordId('人员编号', '请选择人员'),
  confirmedOn: isoDate('确认日期'),
  note: optionalText('备注', 500),
});
export type ConversionInput = z.infer<typeof conversionInput>;

export const conversionComplete = z.object({ completedOn: isoDate('转换完成日期'), version });
export type ConversionComplete = z.infer<typeof conversionComplete>;

export const conversionCancel = z.object({
  reason: z.string({ error: '须写明撤销原因' }).trim().min(2, '撤销原因不少于2个字').max(200, '撤销原因不能超过200个字'),
  version,
});
export type ConversionCancel = z.infer<typeof conversionCancel>;

/** The urban counterpart of a rural safety-net state (XX-2020 三(三)). */
export const URBAN_SAFETY_NET = { dibao_rural: 'dibao_urban', tekun_rural: 'tekun_urban' } as const;
export type RuralSafetyNet = keyof typeof URBAN_SAFETY_NET;
