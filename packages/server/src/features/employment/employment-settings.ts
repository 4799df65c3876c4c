import { z } from 'zod';
import { DEFAULT_STABLE_EMPLOYMENT, EMPLOYMENT_SETTING_KEYS, type StableEmploymentSetting } from '@anju/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { settingInForce } from '../settings/setting-repo.js';

const stableSchema = z.object({
  minEmployedPeriods: z.number().int().min(1).max(24),
  windowPeriods: z.number().int().min(1).max(24),
  minContractMonths: z.number().int().min(1).max(120),
});

/** "Stable employment" in force for a county on a date (GZ-2020 1; YC-2021 (八)2), or the default. */
export async function stableEmploymentSetting(db: Kysely<DB>, divisionCode: string, on: string): Promise<StableEmploymentSetting> {
  const parsed = stableSchema.safeParse(await settingInForce(db, EMPLOYMENT_SETTING_KEYS.stable, divisionCode, on));
  return parsed.success ? parsed.data : DEFAULT_STABLE_EMPLOYMENT;
}

export { stableSchema };
