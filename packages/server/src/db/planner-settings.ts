/**
 * Planner settings for the statements of `run` only, where measurement showed the planner
 * choosing wrongly with the defaults: SET LOCAL in the caller's transaction (or a new one), then
 * back to the defaults, so the rest of the transaction plans as usual.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

export type PlannerSettings = Partial<Record<'enable_mergejoin' | 'enable_memoize' | 'parallel_setup_cost' | 'parallel_tuple_cost', string>>;

export async function withPlannerSettings<T>(db: Kysely<DB>, settings: PlannerSettings, run: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute((trx) => withPlannerSettings(trx, settings, run));
  const names = Object.keys(settings) as (keyof PlannerSettings)[];
  await sql`SELECT ${sql.join(names.map((name) => sql`set_config(${name}, ${settings[name]}, true)`))}`.execute(db);
  const result = await run(db);
  // Back to the session's values (reset_val), still local to the transaction.
  await sql`SELECT set_config(name, reset_val, true) FROM pg_settings WHERE name = ANY(${names}::text[])`.execute(db);
  return result;
}

/**
 * Statements over a whole population (every household or person of a division, with their ledger
 * records): the facts are CTEs without statistics, so the planner takes a million people for a
 * billion rows and joins them by sorting both sides (merge joins off: 21 s against 16 s for all
 * policy rules over a million people); and it keeps to one process, reckoning the hundreds of
 * thousands of partial groups its workers would hand back dearer than they are (cheaper tuples
 * for workers: the monitoring run's facts in 2.6 s instead of 3.6 s on two cores).
 */
export const populationWide: PlannerSettings = { enable_mergejoin: 'off', parallel_setup_cost: '100', parallel_tuple_cost: '0.01' };
