/**
 * npm run bench:employment -- [--persons 1000000] [--seed 1] [--keep] [--database NAME]
 *
 * The monthly labour ledger at scale, on a fresh PostgreSQL database: N demo people loaded
 * through the import path, twelve periods of ledger built by the demo seeder (seedLedger), then,
 * in the same run, the thirteenth period opened for every county (two at a time, as a province
 * opens its month), the zero-employment scan of that period, the division figures at each level, and the floors they are measured against:
 * bare SQL passes over the same ledger. Prints each step's time, its ratio to the floors and the
 * number of SQL statements it sent; last, the fourteenth period opened one county at a time.
 *
 * `--keep` keeps the database as it stands after the twelve periods (the steps then run on a copy
 * of it, dropped afterwards); `--database NAME` skips the build and runs the steps on a fresh copy
 * of such a kept database, migrated first (the schema may have moved on since), so the steps can
 * be measured again without rebuilding. Drop a kept database by hand when done with it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addMonths } from '@anju/core';
import { createContext, generateDemo, loadConfig, loadDemo, openDatabase, prepareDatabase, systemActor } from '@anju/server';
import { demoPeriods, seedLedger } from '../packages/server/src/features/demo-seed/demo-ledger.js';
import { openPeriod, openPeriodEverywhere } from '../packages/server/src/features/employment/ledger-service.js';
import { figures } from '../packages/server/src/features/employment/figures-service.js';
import { factScope } from '../packages/server/src/features/employment/labour-facts.js';
import { scanZeroEmployment } from '../packages/server/src/features/employment/zero-employment-scan-repo.js';
import { createBenchDatabase, databaseUrl, dropBenchDatabase } from './bench-db.js';
import { countQueries } from './query-counter.js';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    database: { type: 'string' },
  },
});
const persons = Number(values.persons);
const seed = Number(values.seed);
const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const reuse = values.database;
const built = reuse ?? (await createBenchDatabase('anju_emp'));
/** Where the steps run: the built database, or a copy of it when it is kept or reused. */
let name = built;
const dir = await mkdtemp(join(tmpdir(), 'anju-emp-'));
console.log(`== database ${built}${reuse ? ' (reused)' : values.keep ? ' (kept)' : ''}`);
let database = await openDatabase({ databaseUrl: databaseUrl(name) });
let counter = countQueries(database.pool);
let ctx = createContext(database, { ...loadConfig({}), dataDir: dir });
const actor = systemActor('bench');
const sql = async <R extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await database.pool.query<R>(text, params)).rows;

/** Continues on a fresh copy of the built database, which stays as it is. */
async function useCopy() {
  await database.close();
  name = await createBenchDatabase('anju_emp', built);
  console.log(`== steps on ${name}, a copy of ${built}`);
  database = await openDatabase({ databaseUrl: databaseUrl(name) });
  counter = countQueries(database.pool);
  ctx = createContext(database, { ...loadConfig({}), dataDir: dir });
}

/** Builds the people and twelve periods of ledger; returns the time the ledger took. */
async function build(): Promise<number> {
  const data = await generateDemo({ persons, seed, province: '52' });
  const provinces = [...new Set(data.counties.map((c) => c.provinceCode))];
  let t = process.hrtime.bigint();
  await prepareDatabase(database, undefined, provinces.length === 1 ? { prefix: provinces[0]! } : 'all');
  console.log(`== schema and divisions: ${(ms(t) / 1000).toFixed(1)} s`);

  t = process.hrtime.bigint();
  console.log(`== loading ${fmt(persons)} demo people (${data.counties.length} counties) through the import path`);
  await loadDemo(ctx, data, (line) => console.log(`   ${line}`));
  await sql('ANALYZE');
  console.log(`   loaded in ${(ms(t) / 1000).toFixed(1)} s`);

  const periods = demoPeriods(ctx.now(), 12);
  console.log(`== ledger: ${periods[0]} … ${periods.at(-1)} with seedLedger`);
  t = process.hrtime.bigint();
  counter.reset();
  const seeded = await seedLedger(ctx, {
    seed,
    periods,
    onProgress: (p) => console.log(`   ${p.period}: ${fmt(p.records)} records (${(ms(t) / 1000).toFixed(1)} s)`),
  });
  const seedMs = ms(t);
  console.log(`   ${fmt(seeded)} records in ${(seedMs / 1000).toFixed(1)} s, ${fmt(counter.count())} statements`);
  // The tables as autovacuum would have left them after twelve months; the new period is not in
  // the statistics yet, which is the planner's worst case when it is opened.
  await sql('VACUUM ANALYZE');
  return seedMs;
}

try {
  const seedMs = reuse ? null : await build();
  if (reuse || values.keep) await useCopy();
  if (reuse) {
    const t = process.hrtime.bigint();
    await prepareDatabase(database, (line) => console.log(`   ${line}`), { prefix: '52' });
    console.log(`== schema: ${(ms(t) / 1000).toFixed(1)} s`);
  }
  const [latest] = await sql<{ period: string }>('SELECT max(period) AS period FROM labour_period');
  const next = addMonths(latest!.period, 1);
  let t: bigint;

  const counties = (await sql<{ county_code: string; n: string }>('SELECT county_code, count(*) AS n FROM household GROUP BY 1 ORDER BY 2 DESC')).map((r) => r.county_code);
  const results: { step: string; ms: number; statements: number; note?: string }[] = [];

  console.log(`== (a) opening ${next} for ${counties.length} counties, two at a time`);
  counter.reset();
  t = process.hrtime.bigint();
  const everywhere = await openPeriodEverywhere(ctx, actor, '', next);
  if (everywhere.failed.length) throw new Error(`opening failed: ${JSON.stringify(everywhere.failed)}`);
  const opened = everywhere.opened.reduce((n, o) => n + o.records, 0);
  results.push({ step: `(a) open ${next}, all counties, two at a time`, ms: ms(t), statements: counter.count(), note: `${fmt(opened)} records` });
  const openBreakdown = counter.breakdown().slice(0, 5);

  console.log('== (b) zero-employment scan');
  const scopes = [];
  for (const county of counties) scopes.push(await factScope(ctx, ctx.db, county, next, county));
  counter.reset();
  t = process.hrtime.bigint();
  for (const scope of scopes) await scanZeroEmployment(ctx.db, scope);
  results.push({ step: '(b) zero-employment scan, all counties', ms: ms(t), statements: counter.count() });

  console.log('== (c) figures');
  const county = counties[0]!;
  const township = (await sql<{ t: string }>('SELECT left(dest_division_code, 9) AS t FROM labour_record WHERE period = $1 AND county_code = $2 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1', [next, county]))[0]!.t;
  for (const [level, code] of [['province', county.slice(0, 2)], ['city', county.slice(0, 4)], ['county', county], ['township', township]] as const) {
    const times: number[] = [];
    counter.reset();
    for (let i = 0; i < 9; i++) {
      const started = process.hrtime.bigint();
      await figures(ctx, actor, code, next);
      times.push(ms(started));
    }
    results.push({ step: `(c) figures of a ${level} (${code}), median of 9`, ms: median(times), statements: counter.count() / 9, note: `max ${Math.max(...times).toFixed(1)} ms` });
  }

  console.log('== (d) floors');
  const floor = async (text: string, params: unknown[] = []) => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = process.hrtime.bigint();
      await sql(text, params);
      times.push(ms(started));
    }
    return median(times);
  };
  const floorPeriod = await floor(
    `SELECT count(*) FROM (SELECT household_id, count(*) FILTER (WHERE state = 'employed') FROM labour_record WHERE period = $1 GROUP BY household_id) h`,
    [next],
  );
  const floorAll = await floor('SELECT count(*), sum(monthly_income) FROM labour_record');
  // Opening a period writes a period of rows: its floor is the bare write of as many rows into a
  // copy of the table with the same indexes and no foreign keys.
  await sql('CREATE TABLE floor_copy (LIKE labour_record INCLUDING DEFAULTS INCLUDING INDEXES)');
  const writes: number[] = [];
  for (let i = 0; i < 3; i++) {
    await sql('TRUNCATE floor_copy');
    const started = process.hrtime.bigint();
    await sql('INSERT INTO floor_copy SELECT * FROM labour_record WHERE period = $1', [next]);
    writes.push(ms(started));
  }
  const floorWrite = median(writes);
  await sql('DROP TABLE floor_copy');
  // The same rows written into labour_record itself, as a month later, rolled back: what storing
  // a period costs in the real table, whose indexes hold every earlier period.
  const client = await database.pool.connect();
  const realWrites: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      await client.query('BEGIN');
      await client.query('CREATE TEMP TABLE floor_rows ON COMMIT DROP AS SELECT * FROM labour_record WHERE period = $1', [next]);
      await client.query('UPDATE floor_rows SET period = $1', [addMonths(next, 1)]);
      const started = process.hrtime.bigint();
      await client.query('INSERT INTO labour_record SELECT * FROM floor_rows');
      realWrites.push(ms(started));
      await client.query('ROLLBACK');
    }
  } finally {
    client.release();
  }
  const floorRealWrite = median(realWrites);

  // The same opening one county after another (the month after: the floors above wrote theirs
  // only to take it back), for comparison with (a).
  const after = addMonths(next, 1);
  console.log(`== (a') opening ${after} one county at a time`);
  counter.reset();
  t = process.hrtime.bigint();
  let openedOneByOne = 0;
  for (const county of counties) openedOneByOne += (await openPeriod(ctx, actor, county, after)).records;
  results.splice(1, 0, { step: `(a') open ${after}, one county at a time`, ms: ms(t), statements: counter.count(), note: `${fmt(openedOneByOne)} records` });
  const [size] = await sql<{ records: string; households: string }>('SELECT count(*) AS records, count(DISTINCT household_id) AS households FROM labour_record WHERE period = $1', [next]);
  const [all] = await sql<{ n: string }>('SELECT count(*) AS n FROM labour_record');

  const [people] = await sql<{ n: string }>('SELECT count(*) AS n FROM person');
  console.log(`\n${fmt(Number(people!.n))} persons, ${counties.length} counties; period ${next}: ${fmt(Number(size!.records))} records of ${fmt(Number(size!.households))} households; ${fmt(Number(all!.n))} records in 13 periods`);
  console.log(seedMs === null ? `ledger of 12 periods built by an earlier run\n` : `ledger of 12 periods built by seedLedger in ${(seedMs / 1000).toFixed(1)} s\n`);
  console.log(`floor 1: households of one period (GROUP BY household_id)   ${floorPeriod.toFixed(0).padStart(8)} ms`);
  console.log(`floor 2: count and sum over all 13 periods                   ${floorAll.toFixed(0).padStart(8)} ms`);
  console.log(`floor 3: bare write of one period's rows (its indexes, no FK) ${floorWrite.toFixed(0).padStart(7)} ms`);
  console.log(`floor 4: the same rows written into labour_record itself      ${floorRealWrite.toFixed(0).padStart(7)} ms  (${(floorRealWrite / floorAll).toFixed(2)}× floor 2: no way of opening a period writes its rows faster)\n`);
  console.log(`${'step'.padEnd(50)} ${'ms'.padStart(9)} ${'statements'.padStart(11)} ${'× floor 1'.padStart(10)} ${'× floor 2'.padStart(10)} ${'× floor 3'.padStart(10)}  note`);
  for (const r of results) {
    const ratio = (floor: number) => (r.ms / floor).toFixed(2).padStart(10);
    console.log(`${r.step.padEnd(50)} ${r.ms.toFixed(1).padStart(9)} ${fmt(r.statements).padStart(11)} ${ratio(floorPeriod)} ${ratio(floorAll)} ${ratio(floorWrite)}  ${r.note ?? ''}`);
  }
  console.log(`\nwhere (a) spent its time:`);
  for (const b of openBreakdown) console.log(`  ${b.ms.toFixed(0).padStart(8)} ms ${String(b.calls).padStart(4)}×  ${b.statement}`);
  console.log('\nfloors are medians of 3 runs; targets: each step within 10× the floor; figures < 200 ms (max of 9 runs above)');
} finally {
  await database.close();
  await rm(dir, { recursive: true, force: true });
  if (name !== built || (!reuse && !values.keep)) await dropBenchDatabase(name);
}
