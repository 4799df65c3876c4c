/**
 * Bulk load with COPY … FROM STDIN. PostgreSQL takes a stream through pg-copy-streams; PGlite
 * must be given the whole CSV as a blob (COPY through its pg adapter kills it), which is fine
 * at the county scale PGlite is meant for.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient } from 'pg';
import type { Database } from './connection.js';

export type CsvValue = string | number | boolean | null | undefined | string[];

function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const literal = '{' + value.map((v) => '"' + v.replaceAll('\\', '\\\\').replaceAll('"', '\\"') + '"').join(',') + '}';
    return csvField(literal);
  }
  const s = String(value);
  // An empty string must be quoted, or COPY reads it as NULL.
  if (s === '' || /[",\n\r]/.test(s)) return '"' + s.replaceAll('"', '""') + '"';
  return s;
}

export function csvLine(values: CsvValue[]): string {
  return values.map(csvField).join(',') + '\n';
}

/** COPY rows (already CSV lines) into table(columns). Returns the number of rows copied. */
export async function copyLines(
  database: Database,
  table: string,
  columns: string[],
  lines: AsyncIterable<string> | Iterable<string>,
  client?: PoolClient,
): Promise<void> {
  const sql = `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  if (database.pglite) {
    const parts: string[] = [];
    for await (const line of lines) parts.push(line);
    // Hold the pool's one connection so that no other statement lands between ours.
    const own = client ?? (await database.pool.connect());
    try {
      await database.pglite.query(sql.replace('STDIN', "'/dev/blob'"), [], { blob: new Blob(parts) });
    } finally {
      if (!client) own.release();
    }
    return;
  }
  const own = client ?? (await database.pool.connect());
  try {
    await pipeline(Readable.from(batched(lines)), own.query(copyFrom(sql)));
  } finally {
    if (!client) own.release();
  }
}

/** Join lines into ~256 KB chunks: one stream write per line would dominate the load time. */
export async function* batched(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let buffer = '';
  for await (const line of lines) {
    buffer += line;
    if (buffer.length >= 262_144) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
