/**
 * Turning a planner method off for the statements of `run` only, where measurement showed the
 * planner choosing it wrongly: SET LOCAL in the caller's transaction (or a new one), then back to
 * the default, so the rest of the transaction plans as usual.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

export type PlannerMethod = 'enable_mergejoin' | 'enable_memoize';

export async function withPlannerMethodOff<T>(db: Kysely<DB>, method: PlannerMethod, run: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute((trx) => withPlannerMethodOff(trx, method, run));
  await sql`SET LOCAL ${sql.raw(method)} = off`.execute(db);
  const result = await run(db);
  await sql`SET LOCAL ${sql.raw(method)} TO DEFAULT`.execute(db);
  return result;
}
