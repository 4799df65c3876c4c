import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export type PeriodRow = { county_code: string; period: string; status: string; opened_at: Date; closed_at: Date | null };

export async function listPeriods(db: Kysely<DB>, countyCode: string): Promise<PeriodRow[]> {
  return db
    .selectFrom('labour_period')
    .select(['county_code', 'period', 'status', 'opened_at', 'closed_at'])
    .where('county_code', '=', countyCode)
    .orderBy('period', 'desc')
    .execute();
}

export async function findPeriod(db: Kysely<DB>, countyCode: string, period: string): Promise<PeriodRow | undefined> {
  return db
    .selectFrom('labour_period')
    .select(['county_code', 'period', 'status', 'opened_at', 'closed_at'])
    .where('county_code', '=', countyCode)
    .where('period', '=', period)
    .executeTakeFirst();
}

/** Periods of every county inside a division (for the figures' period picker). */
export async function periodsWithin(db: Kysely<DB>, divisionCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('labour_period')
    .select('period')
    .distinct()
    .where('county_code', 'like', `${divisionCode.slice(0, 6)}%`)
    .orderBy('period', 'desc')
    .execute();
  return rows.map((r) => r.period);
}

export async function insertPeriod(db: Kysely<DB>, countyCode: string, period: string, userId: string | null, at: Date): Promise<void> {
  await db.insertInto('labour_period').values({ county_code: countyCode, period, opened_by: userId, opened_at: at }).execute();
}

export async function closePeriod(db: Kysely<DB>, countyCode: string, period: string, userId: string | null, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('labour_period')
    .set({ status: 'closed', closed_by: userId, closed_at: at })
    .where('county_code', '=', countyCode)
    .where('period', '=', period)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function previousPeriod(db: Kysely<DB>, countyCode: string, period: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('labour_period')
    .select('period')
    .where('county_code', '=', countyCode)
    .where('period', '<', period)
    .orderBy('period', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.period;
}

export async function laterPeriods(db: Kysely<DB>, countyCode: string, period: string): Promise<string[]> {
  const rows = await db.selectFrom('labour_period').select('period').where('county_code', '=', countyCode).where('period', '>', period).orderBy('period').execute();
  return rows.map((r) => r.period);
}

/** Open periods inside a division from a period on (a changed setting recomputes them). */
export async function openPeriodsFrom(db: Kysely<DB>, divisionCode: string, from: string) {
  return db
    .selectFrom('labour_period')
    .select(['county_code', 'period'])
    .where('county_code', 'like', `${divisionCode.slice(0, 6)}%`)
    .where('status', '=', 'open')
    .where('period', '>=', from)
    .orderBy('county_code')
    .orderBy('period')
    .execute();
}

/** The counties with active households inside a division that have not opened `period`. */
export async function countiesWithout(db: Kysely<DB>, divisionCode: string, period: string): Promise<string[]> {
  const rows = await db
    .selectFrom('household as h')
    .select('h.county_code')
    .distinct()
    .where('h.status', '=', 'active')
    .where('h.dest_division_code', 'like', `${divisionCode}%`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('labour_period as p').select('p.period').whereRef('p.county_code', '=', 'h.county_code').where('p.period', '=', period))))
    .orderBy('h.county_code')
    .execute();
  return rows.map((r) => r.county_code);
}
