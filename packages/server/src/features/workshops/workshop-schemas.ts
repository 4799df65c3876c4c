import { z } from 'zod';
import { workshopCheckKeys, workshopFacts, workshopKinds, workshopRulesValue } from '@anju/core';
import { pageQuery } from '../../platform/paging.js';

const factsOutput = z.object({
  workshopKind: z.string(),
  jobs: z.number(),
  povertyWorkers: z.number(),
  relocatedWorkers: z.number(),
  insuredWorkers: z.number(),
  yearlyContractWorkers: z.number(),
  recognisedOn: z.string().nullable(),
  upgradedOn: z.string().nullable(),
});

export const rulesOutput = workshopRulesValue.extend({
  source: z.string(),
  /** null when nobody set the rules and the defaults apply. */
  effectiveFrom: z.string().nullable(),
  jurisdiction: z.string().nullable(),
});

export const workshopOutput = z.object({
  employerId: z.string(),
  name: z.string(),
  countyCode: z.string(),
  divisionCode: z.string(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  /** null until the workshop facts are filled in. */
  facts: factsOutput.nullable(),
  checks: z.array(z.object({ key: z.enum(workshopCheckKeys), label: z.string(), passed: z.boolean(), reason: z.string() })),
  upgradeEligible: z.boolean(),
  rules: rulesOutput,
  /** null until the facts are filled in; send null to fill them in the first time. */
  version: z.number().nullable(),
  updatedAt: z.string().nullable(),
});
export type WorkshopOutput = z.infer<typeof workshopOutput>;

export const workshopListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  workshopKind: z.enum(workshopKinds.values).optional(),
  divisionCode: z.string().regex(/^\d{2,12}$/, '行政区划代码格式不正确').optional(),
});

/** The facts and the version read; null the first time the facts are filled in. */
export const workshopUpdate = workshopFacts.extend({ version: z.number({ error: '缺少版本号' }).int().positive().nullable() });

export const workshopUpgrade = z.object({
  upgradedOn: z.iso.date({ error: '升级日期须为日期（YYYY-MM-DD）' }),
  version: z.number({ error: '缺少版本号' }).int().positive(),
});

export const rulesInput = workshopRulesValue.extend({
  effectiveFrom: z.iso.date({ error: '生效日期须为 YYYY-MM-DD' }),
  source: z.string().trim().min(1, '请填写依据（文件名称和文号）').max(200, '依据不超过200个字'),
});

export const rulesResponse = rulesOutput.extend({ defaults: workshopRulesValue, on: z.string() });
