/** Request and response shapes of the monitoring settings API. */
import { z } from 'zod';
import { isoDate } from '@anju/core';

export const inForceQuery = z.object({
  division: z.string().regex(/^\d{2,12}$/, '区划代码格式不正确').optional(),
  on: isoDate('日期').optional(),
});

const incomeLine = z.object({ yuan: z.number(), year: z.number(), source: z.string().nullable(), jurisdiction: z.string() });
const datedValue = z.object({
  value: z.record(z.string(), z.number()),
  jurisdiction: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  source: z.string().nullable(),
});

export const inForceOutput = z.object({ division: z.string(), on: z.string(), incomeLine: incomeLine.nullable(), thresholds: datedValue, deadlines: datedValue });

export const incomeLinesOutput = z.object({
  items: z.array(z.object({ province: z.string(), provinceName: z.string().nullable(), year: z.number(), yuan: z.number(), source: z.string().nullable() })),
});

export const datedSettingsOutput = z.object({
  inForce: datedValue,
  defaults: z.record(z.string(), z.number()),
  history: z.array(
    z.object({ jurisdiction: z.string(), jurisdictionName: z.string().nullable(), effectiveFrom: z.string(), value: z.record(z.string(), z.number()), source: z.string().nullable() }),
  ),
});
