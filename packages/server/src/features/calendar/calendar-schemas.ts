/** Request and response shapes of the working-day calendar API. */
import { z } from 'zod';

export const yearParams = z.object({ year: z.coerce.number({ error: '年度须为整数' }).int('年度须为整数') });
const day = z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string(), source: z.enum(['package', 'admin']) });
export const calendarYearOutput = z.object({
  year: z.number(),
  /** Whose list decides the year; null: nobody's, deadlines reaching it are counted Monday to Friday for now. */
  source: z.enum(['package', 'admin']).nullable(),
  days: z.array(day),
  workingDays: z.number().nullable(),
  packageYears: z.object({ first: z.number(), last: z.number() }),
  adminYears: z.array(z.object({ year: z.number(), days: z.number() })),
  /** After a change: how many open deadlines (cases, conversions) reaching the year were counted again. */
  recounted: z.object({ cases: z.number(), conversions: z.number() }).optional(),
});

