import { z } from 'zod';
import { recordId } from '@anju/core';
import { pageQuery } from '../../platform/paging.js';

export const personOutput = z.object({
  id: z.string(),
  householdId: z.string(),
  householdNo: z.string(),
  householdKind: z.string(),
  siteId: z.string(),
  idNumber: z.string().describe('默认脱敏；明文经 /persons/{id}/sensitive 读取并记入审计'),
  masked: z.boolean(),
  name: z.string(),
  sex: z.string(),
  birthDate: z.string().nullable().describe('仅有权查看明文的角色返回；其他角色为 null，只看年龄（防止与脱敏身份证号拼出全号）'),
  age: z.number(),
  relation: z.string(),
  ethnicity: z.string().nullable().describe('null：未填写'),
  education: z.string().nullable().describe('null：未填写'),
  schoolStage: z.string().nullable().describe('null：未填写'),
  health: z.string().nullable().describe('null：未填写'),
  disabilityGrade: z.number().nullable(),
  labourCapacity: z.string(),
  labourForce: z.boolean(),
  skills: z.array(z.string()),
  medicalInsurance: z.boolean().nullable().describe('null：未填写'),
  pensionInsurance: z.boolean().nullable().describe('null：未填写'),
  safetyNet: z.string().nullable().describe('null：未填写'),
  forestRanger: z.boolean().nullable().describe('null：未填写'),
  hukouState: z.string().nullable().describe('null：未填写'),
  phone: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type PersonOutput = z.infer<typeof personOutput>;

export const personListQuery = pageQuery.extend({
  q: z.string().trim().max(30).optional().describe('姓名（前缀匹配）'),
  idNumber: z.string().trim().max(30).optional(),
  householdId: recordId('户编号').optional(),
  siteId: recordId('安置点编号').optional(),
  divisionCode: z.string().regex(/^\d{2,12}$/, '行政区划代码格式不正确').optional(),
  sex: z.enum(['M', 'F']).optional(),
  labourCapacity: z.string().optional(),
  labourForce: z.enum(['true', 'false']).optional(),
  registeredPoor: z.enum(['true', 'false']).optional(),
  sort: z.enum(['id', 'name', 'birth_date']).default('id'),
  desc: z.enum(['true', 'false']).default('false'),
});


export const sensitiveOutput = z.object({ idNumber: z.string(), phone: z.string().nullable() });
