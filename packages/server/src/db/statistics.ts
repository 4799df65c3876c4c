/** Planner statistics for every table, after a bulk load. */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * PGlite runs no autovacuum: without statistics its planner takes every table for a row or two and
 * loops over whole populations (the people's policy facts: 20 s for the 1,500 of the e2e demo).
 */
export async function analyzeAll(db: Kysely<DB>): Promise<void> {
  await sql`ANALYZE`.execute(db);
}
