/** A fresh database per test file, copied from the run's migrated snapshot (see global-setup). */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/db/connection.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import { createContext, type AppContext } from '../src/platform/context.js';

export interface TestDatabase {
  database: Database;
  /** Connection string of this copy on PostgreSQL (for CLI tests); undefined on PGlite. */
  url?: string;
  close(): Promise<void>;
}

async function adminQuery(templateUrl: string, sql: string): Promise<void> {
  const url = new URL(templateUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function snapshotBlob(): Promise<Blob> {
  return new Blob([await readFile(inject('pgliteSnapshot'))]);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const templateUrl = inject('templateDatabaseUrl');
  if (templateUrl) {
    const template = new URL(templateUrl).pathname.slice(1);
    const name = `anju_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(templateUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    const url = new URL(templateUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    return {
      database,
      url: url.toString(),
      async close() {
        await database.close();
        await adminQuery(templateUrl, `DROP DATABASE IF EXISTS ${name}`);
      },
    };
  }
  const pglite = await PGlite.create({ loadDataDir: await snapshotBlob() });
  const database = await openDatabase({ pglite });
  return {
    database,
    async close() {
      await database.close();
      await pglite.close();
    },
  };
}

/** A context whose clock the test can move. */
export function testContext(database: Database, overrides: Partial<Config> = {}): AppContext & { clock: { now: Date } } {
  const clock = { now: new Date('2026-06-01T08:00:00Z') };
  const config = { ...loadConfig({}), dataDir: '/tmp/anju-test-data', ...overrides };
  return { ...createContext(database, config, () => clock.now), clock };
}
