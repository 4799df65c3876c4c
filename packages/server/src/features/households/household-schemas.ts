import { z } from 'zod';
import { householdInput, recordId, versioned } from '@anju/core';
import { pageQuery } from '../../platform/paging.js';
import { personOutput } from '../persons/person-schemas.js';

export const householdOutput = z.object({
  id: z.string(),
  /** full: destination side; origin: the origin village's view (land and forest only, SPEC §2). */
  view: z.enum(['full', 'origin']),
  householdNo: z.string(),
  headName: z.string().nullable(),
  members: z.number(),
  originVillageCode: z.string(),
  originVillageName: z.string().nullable(),
  crossCounty: z.boolean(),
  siteId: z.string(),
  siteCode: z.string(),
  siteName: z.string(),
  destDivisionCode: z.string(),
  building: z.string().nullable(),
  unit: z.string().nullable(),
  room: z.string().nullable(),
  relocationYear: z.number(),
  kind: z.string(),
  propertyCertState: z.string().nullable(),
  vegetablePlot: z.boolean().nullable(),
  monitoringCategory: z.string().nullable(),
  contractedLandMu: z.number().nullable(),
  forestLandMu: z.number().nullable(),
  landTransferred: z.boolean().nullable().describe('null：未填写'),
  homesteadReclaimed: z.boolean().nullable().describe('null：未填写'),
  status: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});
export type HouseholdOutput = z.infer<typeof householdOutput>;

export const householdDetail = householdOutput.extend({ memberList: z.array(personOutput) });

export const householdListQuery = pageQuery.extend({
  side: z.enum(['destination', 'origin']).default('destination'),
  q: z.string().trim().max(30).optional().describe('户编号（前缀）或户主姓名（前缀）'),
  idNumber: z.string().trim().max(30).optional().describe('任一成员的身份证号'),
  siteId: recordId('安置点编号').optional(),
  divisionCode: z.string().regex(/^\d{2,12}$/, '行政区划代码格式不正确').optional(),
  kind: z.enum(['registered_poor', 'synchronous']).optional(),
  monitoringCategory: z.string().optional(),
  status: z.enum(['active', 'dissolved']).default('active'),
  sort: z.enum(['household_no', 'relocation_year', 'members']).default('household_no'),
  desc: z.enum(['true', 'false']).default('false'),
});

export const householdUpdateInput = householdInput.extend(versioned.shape);

export const historyEntry = z.object({
  id: z.string(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
