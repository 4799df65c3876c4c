/**
 * The workshop rules (SPEC §5) are a dated setting per jurisdiction, like the labour-force ages:
 * the most specific jurisdiction containing the workshop, latest effective date not after the day.
 */
import { DEFAULT_WORKSHOP_RULES, DEFAULT_WORKSHOP_RULES_SOURCE, WORKSHOP_RULES_KEY, workshopRulesValue, type WorkshopRules } from '@anju/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { settingRowInForce } from '../settings/setting-repo.js';

export interface RulesInForce {
  rules: WorkshopRules;
  source: string;
  /** null: nobody set them, the defaults apply. */
  effectiveFrom: string | null;
  jurisdiction: string | null;
}

export async function workshopRulesOn(db: Kysely<DB>, divisionCode: string, on: string): Promise<RulesInForce> {
  const row = await settingRowInForce(db, WORKSHOP_RULES_KEY, divisionCode, on);
  const parsed = workshopRulesValue.safeParse(row?.value);
  if (!row || !parsed.success) return { rules: DEFAULT_WORKSHOP_RULES, source: DEFAULT_WORKSHOP_RULES_SOURCE, effectiveFrom: null, jurisdiction: null };
  return { rules: parsed.data, source: row.source ?? DEFAULT_WORKSHOP_RULES_SOURCE, effectiveFrom: row.effective_from, jurisdiction: row.jurisdiction };
}

/** Rules for many divisions on one day, each read once (a page holds a handful of divisions). */
export function rulesCache(db: Kysely<DB>, on: string) {
  const cache = new Map<string, Promise<RulesInForce>>();
  return (divisionCode: string) => {
    let found = cache.get(divisionCode);
    if (!found) cache.set(divisionCode, (found = workshopRulesOn(db, divisionCode, on)));
    return found;
  };
}
