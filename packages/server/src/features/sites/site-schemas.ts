import { z } from 'zod';
import { siteInput, versioned } from '@anju/core';
import { pageQuery } from '../../platform/paging.js';

export const siteOutput = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  countyCode: z.string(),
  areaKind: z.string(),
  settlementKind: z.string(),
  crossCounty: z.boolean(),
  buildYear: z.number().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  households: z.number(),
  population: z.number(),
  registeredPoorPopulation: z.number(),
  sizeClass: z.number().describe('0: <100, 1: 100–799, 2: 800–2999, 3: 3000–9999, 4: ≥10000'),
  version: z.number(),
  updatedAt: z.string(),
});
export type SiteOutput = z.infer<typeof siteOutput>;

export const siteListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  divisionCode: z.string().regex(/^\d{2,12}$/, '行政区划代码格式不正确').optional(),
  areaKind: z.enum(['urban', 'rural']).optional(),
  sort: z.enum(['code', 'name', 'population', 'build_year']).default('code'),
  desc: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const siteUpdateInput = siteInput.extend(versioned.shape);
