import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Every metric of a division's period, summed over its villages (a prefix range of the index). */
export async function summaryMetrics(db: Kysely<DB>, divisionCode: string, period: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('labour_summary')
    .select(['metric', (eb) => eb.fn.sum<string>('value').as('value')])
    .where('period', '=', period)
    .where('division_code', 'like', `${divisionCode}%`)
    .groupBy('metric')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.metric, Number(r.value)]));
}

/** The same metrics for a run of periods, for trend charts. */
export async function summaryTrend(db: Kysely<DB>, divisionCode: string, from: string, to: string, metrics: string[]) {
  const rows = await db
    .selectFrom('labour_summary')
    .select(['period', 'metric', (eb) => eb.fn.sum<string>('value').as('value')])
    .where('division_code', 'like', `${divisionCode}%`)
    .where('period', '>=', from)
    .where('period', '<=', to)
    .where('metric', 'in', metrics)
    .groupBy(['period', 'metric'])
    .orderBy('period')
    .execute();
  return rows.map((r) => ({ period: r.period, metric: r.metric, value: Number(r.value) }));
}

/** Periods that have figures inside a division, newest first. */
export async function summaryPeriods(db: Kysely<DB>, divisionCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('labour_summary')
    .select('period')
    .distinct()
    .where('division_code', 'like', `${divisionCode}%`)
    .orderBy('period', 'desc')
    .execute();
  return rows.map((r) => r.period);
}

/** Every metric of a period for each child division of `divisionCode` (codes nest by prefix length). */
export async function summaryByChild(db: Kysely<DB>, divisionCode: string, childLength: number, period: string) {
  const rows = await db
    .selectFrom('labour_summary')
    .select([(eb) => eb.fn('left', ['division_code', eb.val(childLength)]).as('child'), 'metric', (eb) => eb.fn.sum<string>('value').as('value')])
    .where('period', '=', period)
    .where('division_code', 'like', `${divisionCode}%`)
    .groupBy(['child', 'metric'])
    .execute();
  return rows.map((r) => ({ child: String(r.child), metric: r.metric, value: Number(r.value) }));
}
