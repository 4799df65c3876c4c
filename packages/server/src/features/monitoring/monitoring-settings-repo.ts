/** SQL of the monitoring settings' history (the rows themselves live in `setting`, see settings/). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface SettingHistoryRow {
  jurisdiction: string;
  jurisdictionName: string | null;
  effectiveFrom: string;
  value: unknown;
  source: string | null;
}

/**
 * Every dated value of `key` that can apply to someone inside `scope`: rows of the scope's own
 * jurisdictions above it (they apply there until overridden) and of any jurisdiction below it.
 */
export async function settingHistory(db: Kysely<DB>, key: string, scope: string): Promise<SettingHistoryRow[]> {
  const rows = await db
    .selectFrom('setting as s')
    .leftJoin('division as d', 'd.code', 's.jurisdiction')
    .select(['s.jurisdiction', 'd.name as jurisdiction_name', 's.effective_from', 's.value', 's.source'])
    .where('s.key', '=', key)
    .where((eb) => eb.or([eb('s.jurisdiction', 'like', `${scope}%`), eb(sql<string>`${scope}`, 'like', sql<string>`s.jurisdiction || '%'`)]))
    .orderBy('s.jurisdiction')
    .orderBy('s.effective_from', 'desc')
    .execute();
  return rows.map((r) => ({ jurisdiction: r.jurisdiction, jurisdictionName: r.jurisdiction_name, effectiveFrom: r.effective_from, value: r.value, source: r.source }));
}

/** The row of exactly this jurisdiction and date, if any (the value a change replaces). */
export async function settingAt(db: Kysely<DB>, key: string, jurisdiction: string, effectiveFrom: string) {
  return db
    .selectFrom('setting')
    .select(['value', 'source'])
    .where('key', '=', key)
    .where('jurisdiction', '=', jurisdiction)
    .where('effective_from', '=', effectiveFrom)
    .executeTakeFirst();
}
