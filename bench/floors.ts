/** The limits an import is measured against, taken in the same run on the same rows. */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import ExcelJS from '../packages/server/src/features/imports/exceljs.js';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** PostgreSQL's own COPY of the CSV into an unindexed table of text columns. */
export async function bareCopy(url: string, csvFile: string, columns: number): Promise<{ seconds: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const cols = Array.from({ length: columns }, (_, i) => `c${i} text`).join(', ');
    await client.query(`CREATE UNLOGGED TABLE bare_copy (${cols})`);
    const started = process.hrtime.bigint();
    const stream = client.query(copyFrom(`COPY bare_copy FROM STDIN WITH (FORMAT csv, HEADER true)`));
    await pipeline(createReadStream(csvFile), stream);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM bare_copy');
    await client.query('DROP TABLE bare_copy');
    return { seconds, rows: Number(rows[0]!.n) };
  } finally {
    await client.end();
  }
}

/** A streaming read of the .xlsx that does nothing with the rows. */
export async function bareXlsxRead(file: string): Promise<{ seconds: number; rows: number }> {
  const started = process.hrtime.bigint();
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  for await (const sheet of reader) {
    for await (const _row of sheet) rows++;
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rows: rows - 1 };
}

/**
 * What storing the rows costs by itself: the persons and households an import has just stored,
 * written again, in one transaction, into copies of their tables with the same indexes (no
 * constraints, triggers or validation). No import that keeps the rows searchable can be faster.
 */
export async function indexedWrite(url: string): Promise<{ seconds: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const table of ['household', 'person']) await client.query(`CREATE TABLE floor_${table} (LIKE ${table} INCLUDING DEFAULTS INCLUDING INDEXES)`);
    const started = process.hrtime.bigint();
    await client.query('BEGIN');
    await client.query('INSERT INTO floor_household SELECT * FROM household');
    const { rowCount } = await client.query('INSERT INTO floor_person SELECT * FROM person');
    await client.query('COMMIT');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await client.query('DROP TABLE floor_person, floor_household');
    return { seconds, rows: rowCount ?? 0 };
  } finally {
    await client.end();
  }
}
