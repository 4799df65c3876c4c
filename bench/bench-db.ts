/** Fresh PostgreSQL databases for benchmarks, created beside DATABASE_URL and dropped afterwards. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function serverUrl(): string {
  return process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(prefix: string, template?: string): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  return name;
}

export async function dropBenchDatabase(name: string): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${name}`);
}
