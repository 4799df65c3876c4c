/**
 * One connection path for both databases: Kysely's PostgresDialect over a pg.Pool. On PGlite the
 * pool comes from PGlite's node-postgres adapter, so both return the same types.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { DB } from './schema.js';

// Keep DATE as 'YYYY-MM-DD' text: a JS Date would shift it by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  pool: pg.Pool;
  /** Present on the embedded database: COPY must go through PGlite itself, not the adapter. */
  pglite?: PGlite;
  /** Human-readable location, for start-up messages (never includes a password). */
  describe: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** An already-open PGlite (tests clone one migrated snapshot). */
  pglite?: PGlite;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    // JIT off: our set-based statements are planned on fresh tables whose row counts the planner
    // overestimates by orders of magnitude, and JIT then spends seconds compiling a statement that
    // runs in a fraction of that (1.6 of 2.3 s for the policy rules over 100,000 people). A larger
    // work_mem lets those statements group by hashing instead of sorting (8 connections at most).
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 8, options: '-c jit=off -c work_mem=64MB' });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(options.databaseUrl);
    return {
      kind: 'postgres',
      db,
      pool,
      describe: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => closePool(db, pool),
    };
  }
  let pglite = options.pglite;
  let describe = 'PGlite (memory)';
  if (!pglite) {
    const dir = path.resolve(options.dataDir ?? './data', 'pglite');
    mkdirSync(dir, { recursive: true });
    pglite = await PGlite.create(dir);
    describe = `PGlite ${dir}`;
  }
  // PGlite is one session: two pool "connections" would interleave their statements inside each
  // other's transactions (a dry run's ROLLBACK undoing a colleague's save, say). The adapter's
  // own `poolSize = 1` is not an option pg.Pool reads, so the limit must be `max`.
  const pool = new pg.Pool({ ...(createPgConfig(pglite) as unknown as pg.PoolConfig), max: 1 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const owned = !options.pglite;
  return {
    kind: 'pglite',
    db,
    pool,
    pglite,
    describe,
    async close() {
      await closePool(db, pool);
      if (owned) await pglite.close();
    },
  };
}

/** Kysely ends the pool only if it ever used it; code that went to the pool directly still must. */
async function closePool(db: Kysely<DB>, pool: pg.Pool): Promise<void> {
  await db.destroy();
  if (!pool.ended) await pool.end();
}
