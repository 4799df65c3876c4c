import { z } from 'zod';
import { recordId } from '@anju/core';
import { pageOf, pageQuery } from '../../platform/paging.js';

const division = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/, '行政区划代码须为2、4、6、9或12位数字');

/** A person as the conversion pages show them: the ID number always masked. */
const person = {
  personId: z.string(),
  name: z.string(),
  sex: z.string(),
  age: z.number(),
  idNumber: z.string().describe('脱敏'),
  householdId: z.string(),
  householdNo: z.string(),
  divisionCode: z.string(),
  divisionName: z.string(),
};

export const candidateOutput = z.object({
  ...person,
  siteName: z.string(),
  safetyNet: z.string().describe('现低保特困状况（农村）'),
  toState: z.string().describe('转换后的城市低保特困状况'),
});
export type CandidateOutput = z.infer<typeof candidateOutput>;

export const conversionOutput = z.object({
  id: z.string(),
  ...person,
  fromState: z.string(),
  toState: z.string(),
  confirmedOn: z.string(),
  dueOn: z.string().describe('确认后第 N 个工作日'),
  completedOn: z.string().nullable(),
  status: z.enum(['pending', 'completed', 'cancelled']),
  note: z.string().nullable(),
  overdue: z.boolean().describe('待转换且已过期限'),
  version: z.number(),
});
export type ConversionOutput = z.infer<typeof conversionOutput>;

export const candidateQuery = pageQuery.extend({ division: division.optional().describe('不填为本人所属区划') });

export const conversionListQuery = pageQuery.extend({
  division: division.optional().describe('不填为本人所属区划'),
  status: z.enum(['pending', 'completed', 'cancelled']).optional(),
  overdue: z.enum(['true', 'false']).optional().describe('true：仅逾期未转换'),
});
export type ConversionListQuery = z.infer<typeof conversionListQuery>;

export const candidatePage = pageOf(candidateOutput);
export const conversionPage = pageOf(conversionOutput);
export const conversionParams = z.object({ id: recordId('转介记录编号') });
