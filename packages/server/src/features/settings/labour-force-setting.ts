import { z } from 'zod';
import { DEFAULT_LABOUR_FORCE, type LabourForceSetting } from '@anju/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { today, type AppContext } from '../../platform/context.js';
import { settingInForce } from './setting-repo.js';

export const LABOUR_FORCE_KEY = 'labour_force.ages';

const schema = z.object({ minAge: z.number().int().min(14).max(30), maxAge: z.number().int().min(45).max(75) });

export async function labourForceSetting(ctx: AppContext, divisionCode: string): Promise<LabourForceSetting> {
  return labourForceSettingOn(ctx.db, divisionCode, today(ctx));
}

/** The setting in force on a date, read through `db` (a transaction, when the caller has one). */
export async function labourForceSettingOn(db: Kysely<DB>, divisionCode: string, on: string): Promise<LabourForceSetting> {
  const parsed = schema.safeParse(await settingInForce(db, LABOUR_FORCE_KEY, divisionCode, on));
  return parsed.success ? parsed.data : DEFAULT_LABOUR_FORCE;
}

/** Birth-date window of the labour-force ages on a date: born after `bornAfter`, on or before the other. */
export function labourForceBirthWindow(setting: LabourForceSetting, on: string): { bornAfter: string; bornOnOrBefore: string } {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return { bornAfter: sameDayYearsEarlier(y - setting.maxAge - 1, m, d), bornOnOrBefore: sameDayYearsEarlier(y - setting.minAge, m, d) };
}

/** 29 February falls back to the 28th in a common year. */
function sameDayYearsEarlier(year: number, month: number, day: number): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dd = month === 2 && day === 29 && !leap ? 28 : day;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
