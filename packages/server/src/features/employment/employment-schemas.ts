import { z } from 'zod';
import { period, recordId } from '@anju/core';
import { pageQuery } from '../../platform/paging.js';

/** The facts as stored (the input schema `labourFacts` transforms text, so it cannot serialise). */
const labourFactsOutput = z.object({
  wantsWork: z.boolean(),
  state: z.enum(['employed', 'unemployed']),
  channel: z.string().nullable(),
  place: z.string().nullable(),
  employerId: z.string().nullable(),
  employerName: z.string().nullable(),
  startDate: z.string().nullable(),
  contractMonths: z.number().nullable(),
  socialInsurance: z.boolean(),
  monthlyIncome: z.number().nullable(),
  trainingWish: z.boolean(),
});

export const labourRecordOutput = z.object({
  personId: z.string(),
  period: z.string(),
  periodStatus: z.enum(['open', 'closed']),
  householdId: z.string(),
  householdNo: z.string(),
  divisionCode: z.string(),
  name: z.string(),
  sex: z.string(),
  age: z.number().int(),
  idNumber: z.string().describe('脱敏身份证号'),
  labourCapacity: z.string(),
  skills: z.array(z.string()),
  facts: labourFactsOutput.describe('monthlyIncome 默认不返回（incomeMasked 为真），reveal=income 时经审计后返回'),
  incomeMasked: z.boolean(),
  confirmed: z.boolean().describe('本期是否已确认（结转而未确认为 false）'),
  corrected: z.boolean().describe('关闭后是否经过更正'),
  derived: z.object({ labourForce: z.boolean(), stablyEmployed: z.boolean(), firstCrossProvince: z.boolean(), returnee: z.boolean() }),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type LabourRecordOutput = z.infer<typeof labourRecordOutput>;

export const recordListQuery = pageQuery.extend({
  period,
  divisionCode: z.string().regex(/^\d{0,12}$/, '行政区划代码须为数字').default(''),
  householdId: recordId('户编号').optional(),
  q: z.string().max(50).optional(),
  state: z.enum(['employed', 'unemployed']).optional(),
  channel: z.string().max(30).optional(),
  place: z.string().max(30).optional(),
  fact: z.enum(['labour_force', 'employed', 'stably_employed', 'seeking', 'first_cross_province', 'returnee', 'unconfirmed', 'training_wish']).optional(),
  reveal: z.enum(['income']).optional().describe('income：显示月收入（记入审计日志）'),
});

export const periodOutput = z.object({
  countyCode: z.string(),
  period: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
