// scratch: EXPLAIN (no analyze) of the open INSERT for a county on a database
import { addMonths } from '@anju/core';
import { openDatabase } from '@anju/server';
import type pg from 'pg';
import { insertCarriedForward } from '../../packages/server/src/features/employment/ledger-open-repo.js';
import type { FactScope } from '../../packages/server/src/features/employment/labour-facts-repo.js';
import { databaseUrl } from '../bench-db.js';

const [dbName, county] = process.argv.slice(2) as [string, string];
const database = await openDatabase({ databaseUrl: databaseUrl(dbName) });
const [{ q }] = (await database.pool.query('SELECT max(period) AS q FROM labour_period WHERE county_code = $1', [county])).rows;
const period = addMonths(q, 1);
const s: FactScope = { countyCode: county, period, prefix: county, previous: q, windowStart: addMonths(period, -11), yearStart: addMonths(period, -11),
  bornAfter: '1965-12-31', bornOnOrBefore: '2010-12-31', minEmployedPeriods: 6, minContractMonths: 12, today: '2026-12-01', closed: false };
type Q = (...args: unknown[]) => Promise<unknown>;
database.pool.on('acquire', (client: pg.PoolClient) => {
  const c = client as unknown as { query: Q; __w?: boolean };
  if (c.__w) return;
  c.__w = true;
  const orig = c.query.bind(client);
  c.query = async (...args: unknown[]) => {
    const cfg = args[0] as { text?: string; values?: unknown[] } | string;
    const text = typeof cfg === 'string' ? cfg : cfg?.text ?? '';
    const params = typeof cfg === 'string' ? args[1] : cfg.values ?? args[1];
    const res = (await orig(`EXPLAIN ${text}`, params)) as { rows: { 'QUERY PLAN': string }[] };
    console.log(res.rows.map((r) => r['QUERY PLAN']).join('\n'));
    return { rows: [], rowCount: 0, command: 'INSERT' };
  };
});
await insertCarriedForward(database.db, s, null);
await database.close();
