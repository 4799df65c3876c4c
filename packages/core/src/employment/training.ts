/**
 * Skills training 技能培训 (SPEC §5; SX-2021 (九)): courses, who took them, and the certificates
 * (持证) they earned. The training and certificate rates are counted from completed enrolments.
 */
import { z } from 'zod';
import { isoDate, optionalText, recordId, text, version } from '../validation/zod-fields.js';
import { normalizeCode } from '../validation/normalize.js';
import { trainingKinds } from './enums.js';



const date = isoDate;

export const trainingCourseFields = z.object({
  name: text('课程名称', 100),
  kind: z.enum(trainingKinds.values, { error: () => `培训类型须为以下之一：${Object.values(trainingKinds.labels).join('、')}` }),
  provider: text('培训机构', 100),
  divisionCode: z
    .string({ error: '所属区划须为文本' })
    .transform(normalizeCode)
    .pipe(z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '所属区划须为县、乡镇或村级代码')),
  place: optionalText('培训地点', 200),
  startDate: date('开班日期'),
  endDate: date('结业日期'),
  /** The certificate those who complete receive (e.g. 保育员职业技能等级证书); null if none. */
  certificate: optionalText('结业证书', 100),
});

function checkDates(c: { startDate: string; endDate: string }, ctx: z.RefinementCtx): void {
  if (c.endDate < c.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结业日期不能早于开班日期' });
}

export const trainingCourseInput = trainingCourseFields.superRefine(checkDates);
export type TrainingCourseInput = z.infer<typeof trainingCourseInput>;
export const trainingCourseUpdate = trainingCourseFields.extend({ version }).superRefine(checkDates);

export const enrolmentInput = z.object({
  personId: recordId('人员编号', '请选择人员'),
});

/** 结业: the day, and the certificate number if the course gives one (持证). */
export const enrolmentCompletion = z.object({
  completedOn: date('结业日期'),
  certificateNo: optionalText('证书编号', 50),
  version,
});
export type EnrolmentCompletion = z.infer<typeof enrolmentCompletion>;

export const enrolmentDrop = z.object({ version });
