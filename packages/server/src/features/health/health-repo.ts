import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** One round trip through the pool: it fails when no connection can be had or the server is gone. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
