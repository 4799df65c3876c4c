import { z } from 'zod';
import { employerInput, versioned } from '@anju/core';
import { pageQuery } from '../../platform/paging.js';

export const employerOutput = z.object({
  id: z.string(),
  creditCode: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  countyCode: z.string(),
  divisionCode: z.string(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  startDate: z.string().nullable(),
  foundedByRelocated: z.boolean(),
  positions: z.number(),
  relocatedEmployed: z.number(),
  version: z.number(),
  updatedAt: z.string(),
});
export type EmployerOutput = z.infer<typeof employerOutput>;

export const employerListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  kind: z.string().optional(),
  divisionCode: z.string().regex(/^\d{2,12}$/, '行政区划代码格式不正确').optional(),
  sort: z.enum(['name', 'start_date', 'positions']).default('name'),
  desc: z.enum(['true', 'false']).default('false'),
});

export const employerUpdateInput = employerInput.extend(versioned.shape);
