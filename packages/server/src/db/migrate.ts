/** Plain SQL migrations, applied in name order, each in its own transaction; never edited once merged. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Database } from './connection.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

function migrationNames(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.up.sql'))
    .map((f) => f.slice(0, -'.up.sql'.length))
    .sort();
}

async function applied(database: Database): Promise<Set<string>> {
  await database.pool.query(
    'CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const { rows } = await database.pool.query<{ name: string }>('SELECT name FROM schema_migration');
  return new Set(rows.map((r) => r.name));
}

async function inTransaction(database: Database, sql: string, record: string, params: unknown[]): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(sql);
    await client.query(record, params);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export async function migrateUp(database: Database): Promise<string[]> {
  const done = await applied(database);
  const ran: string[] = [];
  for (const name of migrationNames()) {
    if (done.has(name)) continue;
    const sql = readFileSync(path.join(DIR, `${name}.up.sql`), 'utf8');
    await inTransaction(database, sql, 'INSERT INTO schema_migration (name) VALUES ($1)', [name]);
    ran.push(name);
  }
  return ran;
}

export async function migrateDown(database: Database): Promise<string | undefined> {
  const done = await applied(database);
  const last = migrationNames().filter((n) => done.has(n)).pop();
  if (!last) return undefined;
  const sql = readFileSync(path.join(DIR, `${last}.down.sql`), 'utf8');
  await inTransaction(database, sql, 'DELETE FROM schema_migration WHERE name = $1', [last]);
  return last;
}
