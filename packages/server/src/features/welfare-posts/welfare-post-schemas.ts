import { z } from 'zod';
import { recordId } from '@anju/core';
import { pageQuery } from '../../platform/paging.js';
import { personBrief } from '../persons/person-brief.js';

export const currentHolder = personBrief.extend({ holdingId: z.string(), startDate: z.string() });

export const postOutput = z.object({
  id: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  divisionCode: z.string(),
  title: z.string(),
  duty: z.string(),
  grade: z.string(),
  monthlyPay: z.number(),
  funding: z.string(),
  active: z.boolean(),
  currentHolder: currentHolder.nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type PostOutput = z.infer<typeof postOutput>;

const flag = z.enum(['true', 'false']);

export const postListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional().describe('岗位名称'),
  siteId: recordId('安置点编号').optional(),
  divisionCode: z.string().regex(/^\d{2,12}$/, '行政区划代码格式不正确').optional(),
  duty: z.string().optional(),
  grade: z.string().optional(),
  active: flag.optional(),
  vacant: flag.optional().describe('true：仅空缺岗位；false：仅有人在岗'),
  sort: z.enum(['site', 'title', 'monthly_pay']).default('site'),
  desc: flag.default('false'),
});

export const holdingOutput = z.object({
  id: z.string(),
  postId: z.string(),
  person: personBrief,
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.string().nullable(),
  current: z.boolean(),
});
export type HoldingOutput = z.infer<typeof holdingOutput>;

export const candidateOutput = z.object({
  person: personBrief,
  labourCapacity: z.string(),
  priorities: z.array(z.string()).describe('优先群体代码'),
  reasons: z.array(z.string()).describe('优先安置的理由（中文）'),
});
export type CandidateOutput = z.infer<typeof candidateOutput>;

export const figuresQuery = z.object({
  divisionCode: z.string().regex(/^\d{0,12}$/, '行政区划代码须为数字').default(''),
  on: z.iso.date({ error: '统计日期须为日期（YYYY-MM-DD）' }).optional(),
});

export const welfarePostFiguresOutput = z.object({ divisionCode: z.string(), on: z.string(), posts: z.number(), filled: z.number() });
export type WelfarePostFiguresOutput = z.infer<typeof welfarePostFiguresOutput>;
