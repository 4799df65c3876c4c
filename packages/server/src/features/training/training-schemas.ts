import { z } from 'zod';
import { pageQuery } from '../../platform/paging.js';
import { personBrief } from '../persons/person-brief.js';

export const courseOutput = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  provider: z.string(),
  countyCode: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  place: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  certificate: z.string().nullable(),
  enrolled: z.number().describe('在训人数'),
  completed: z.number().describe('结业人数'),
  dropped: z.number().describe('退训人数'),
  certified: z.number().describe('结业并取得证书人数'),
  version: z.number(),
  updatedAt: z.string(),
});
export type CourseOutput = z.infer<typeof courseOutput>;

const date = (field: string) => z.iso.date({ error: `${field}须为日期（YYYY-MM-DD）` });

export const courseListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional().describe('课程名称或培训机构'),
  kind: z.string().optional(),
  divisionCode: z.string().regex(/^\d{2,12}$/, '行政区划代码格式不正确').optional(),
  from: date('起始日期').optional(),
  to: date('截止日期').optional(),
  sort: z.enum(['start_date', 'end_date', 'name']).default('start_date'),
  desc: z.enum(['true', 'false']).default('false'),
});

export const enrolmentOutput = z.object({
  id: z.string(),
  courseId: z.string(),
  courseName: z.string(),
  courseKind: z.string(),
  courseProvider: z.string(),
  courseStartDate: z.string(),
  courseEndDate: z.string(),
  courseCertificate: z.string().nullable(),
  person: personBrief,
  status: z.string(),
  completedOn: z.string().nullable(),
  certificateNo: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type EnrolmentOutput = z.infer<typeof enrolmentOutput>;

export const enrolmentListQuery = pageQuery.extend({ status: z.enum(['enrolled', 'completed', 'dropped']).optional() });

export const figuresQuery = z.object({
  divisionCode: z.string().regex(/^\d{0,12}$/, '行政区划代码须为数字').default(''),
  on: date('统计日期').optional(),
});

export const trainingFiguresOutput = z.object({ divisionCode: z.string(), on: z.string(), trained: z.number(), certified: z.number() });
export type TrainingFiguresOutput = z.infer<typeof trainingFiguresOutput>;
