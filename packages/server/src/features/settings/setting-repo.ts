import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * The value in force for a division on a date: the most specific jurisdiction that is a prefix
 * of the division code ('' is national), then the latest effective date not after `on`.
 */
export async function settingInForce(db: Kysely<DB>, key: string, divisionCode: string, on: string): Promise<unknown> {
  return (await settingRowInForce(db, key, divisionCode, on))?.value;
}

/** The same, with where the value comes from: its jurisdiction, effective date and source document. */
export async function settingRowInForce(db: Kysely<DB>, key: string, divisionCode: string, on: string) {
  return db
    .selectFrom('setting')
    .select(['value', 'jurisdiction', 'effective_from', 'source'])
    .where('key', '=', key)
    .where(sql<boolean>`${divisionCode} LIKE jurisdiction || '%'`)
    .where('effective_from', '<=', on)
    .orderBy(sql`length(jurisdiction)`, 'desc')
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function putSetting(db: Kysely<DB>, key: string, jurisdiction: string, effectiveFrom: string, value: unknown, source: string | null) {
  await db
    .insertInto('setting')
    .values({ key, jurisdiction, effective_from: effectiveFrom, value: JSON.stringify(value), source })
    .onConflict((oc) => oc.columns(['key', 'jurisdiction', 'effective_from']).doUpdateSet({ value: JSON.stringify(value), source }))
    .execute();
}
