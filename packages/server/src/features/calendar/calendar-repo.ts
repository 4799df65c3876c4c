/** SQL of holiday_calendar: the years administrators entered. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { CalendarDay } from './calendar-day.js';

export async function adminCalendarDays(db: Kysely<DB>, year?: number): Promise<CalendarDay[]> {
  let q = db.selectFrom('holiday_calendar').select(['date', 'kind', 'name']).orderBy('date');
  if (year !== undefined) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  return (await q.execute()).map((r) => ({ date: r.date, kind: r.kind, name: r.name, source: 'admin' as const }));
}

/** Replaces a year's rows with `days` (none: the year goes back to the package, if it covers it). */
export async function replaceAdminYear(trx: Kysely<DB>, year: number, days: Omit<CalendarDay, 'source'>[], createdBy: string): Promise<void> {
  await trx.deleteFrom('holiday_calendar').where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).execute();
  if (days.length === 0) return;
  await trx
    .insertInto('holiday_calendar')
    .values(days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: 'admin' as const, created_by: createdBy })))
    .execute();
}

/** The years administrators entered, with how many days each. */
export async function adminYears(db: Kysely<DB>): Promise<{ year: number; days: number }[]> {
  const rows = await db
    .selectFrom('holiday_calendar')
    .select([sql<number>`extract(year FROM date)::int`.as('year'), sql<string>`count(*)`.as('days')])
    .groupBy(sql`extract(year FROM date)`)
    .orderBy('year')
    .execute();
  return rows.map((r) => ({ year: Number(r.year), days: Number(r.days) }));
}
