import { z } from 'zod';
import { jobOpeningInput, openingSources, openingStatuses, period, recordId, versioned, workPlaces } from '@anju/core';
import { pageOf, pageQuery } from '../../platform/paging.js';

export const openingOutput = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  employerId: z.string().nullable(),
  employerName: z.string().nullable(),
  partner: z.string().nullable(),
  countyCode: z.string(),
  divisionCode: z.string(),
  place: z.string(),
  workLocation: z.string().nullable(),
  skills: z.array(z.string()),
  minCapacity: z.string(),
  minAge: z.number().nullable(),
  maxAge: z.number().nullable(),
  monthlyPay: z.number().nullable(),
  positions: z.number(),
  openUntil: z.string().nullable(),
  status: z.string(),
  /** Open, but its closing date has passed. */
  expired: z.boolean(),
  referrals: z.number(),
  hired: z.number(),
  /** Whether this user may edit it (openings of a county reach its townships, read-only there). */
  editable: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type OpeningOutput = z.infer<typeof openingOutput>;

export const openingListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  source: z.enum(openingSources.values).optional(),
  status: z.enum(openingStatuses.values).optional(),
  place: z.enum(workPlaces.values).optional(),
  employerId: recordId('用工单位编号').optional(),
  divisionCode: z.string().regex(/^\d{2,12}$/, '行政区划代码格式不正确').optional(),
  sort: z.enum(['title', 'open_until', 'positions', 'updated_at']).optional(),
  desc: z.enum(['true', 'false']).default('false'),
});

/** A person as matching and referrals show them: never the full ID number or the phone. */
const personFields = {
  personId: z.string(),
  name: z.string(),
  sex: z.string(),
  age: z.number(),
  idNumber: z.string(),
  divisionCode: z.string(),
};

export const matchOutput = z.object({
  ...personFields,
  labourCapacity: z.string(),
  score: z.number(),
  reasons: z.array(z.object({ text: z.string(), points: z.number() })),
  referral: z.object({ id: z.string(), outcome: z.string() }).nullable(),
});
export type MatchOutput = z.infer<typeof matchOutput>;

export const matchQuery = pageQuery.extend({ period: period.optional() });
export const matchPage = pageOf(matchOutput).extend({ period: z.string().nullable() });

export const referralOutput = z.object({
  id: z.string(),
  openingId: z.string(),
  openingTitle: z.string(),
  employerName: z.string().nullable(),
  partner: z.string().nullable(),
  ...personFields,
  referredOn: z.string(),
  outcome: z.string(),
  outcomeOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export type ReferralOutput = z.infer<typeof referralOutput>;

export const openingUpdate = jobOpeningInput.extend(versioned.shape);
