// scratch: EXPLAIN ANALYZE the statements of opening a period on a database, rolled back
import { createContext, loadConfig, openDatabase, prepareDatabase, systemActor } from '@anju/server';
import { addMonths } from '@anju/core';
import type pg from 'pg';
import { openPeriod } from '../../packages/server/src/features/employment/ledger-service.js';
import { databaseUrl } from '../bench-db.js';

const [dbName, county, match = 'INSERT INTO labour_record'] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl: databaseUrl(dbName!) });
await prepareDatabase(database, (l) => console.log(l), { prefix: '52' });
const ctx = createContext(database, { ...loadConfig({}), dataDir: '/tmp' });
type Q = (...args: unknown[]) => Promise<unknown>;
database.pool.on('acquire', (client: pg.PoolClient) => {
  const c = client as unknown as { query: Q; __w?: boolean };
  if (c.__w) return;
  c.__w = true;
  const orig = c.query.bind(client);
  c.query = async (...args: unknown[]) => {
    const cfg = args[0] as { text?: string } | string;
    const text = typeof cfg === 'string' ? cfg : cfg?.text ?? '';
    if (text.trim().startsWith(match)) {
      const params = typeof cfg === 'string' ? args[1] : (cfg as { values?: unknown[] }).values ?? args[1];
      const t = Date.now();
      await orig('SAVEPOINT ex');
      const res = (await orig(`EXPLAIN (ANALYZE, BUFFERS, WAL) ${text}`, params)) as { rows: { 'QUERY PLAN': string }[] };
      await orig('ROLLBACK TO SAVEPOINT ex');
      console.log(`---- ${Date.now() - t} ms\n` + res.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    return orig(...args);
  };
});
const [latest] = (await database.pool.query('SELECT max(period) AS p FROM labour_period WHERE county_code = $1', [county])).rows;
try {
  await ctx.db.transaction().execute(async () => { throw new Error('x'); });
} catch { /* warm */ }
const t = Date.now();
const r = await openPeriod(ctx, systemActor('x'), county!, addMonths(latest.p, 1));
console.log('opened', r, Date.now() - t, 'ms (includes explain)');
await database.pool.query(`DELETE FROM labour_summary WHERE period = $1 AND county_code = $2`, [r.period, county]);
await database.close();
