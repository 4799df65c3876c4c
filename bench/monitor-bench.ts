/**
 * npm run bench:monitor -- [--persons 1000000] [--seed 1] [--keep] [--database NAME]
 *
 * The monthly monitoring run at scale, on PostgreSQL: N demo people with twelve periods of labour
 * ledger (2023-07 … 2024-06) and a year of department lists (medical expenses, drop-outs, unsafe
 * housing and water, deaths and disabilities, temporary assistance) for a share of them; then, in
 * one run, `runMonitor` for June 2024 over the whole province, its second run (which must raise
 * nothing), and the floor: one bare SQL pass grouping the same people by household. Prints each
 * time, the ratio to the floor and the number of SQL statements, to show the run is set-based.
 * `--database NAME` reuses a database kept by this benchmark or by bench:policy (`--keep`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createContext, generateDemo, loadConfig, loadDemo, openDatabase, prepareDatabase, runMonitor, systemActor } from '@anju/server';
import { demoPeriods, seedLedger } from '../packages/server/src/features/demo-seed/demo-ledger.js';
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
const PERIOD = '2024-06';
const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const reuse = values.database;
const name = reuse ?? (await createBenchDatabase('anju_mon'));
const dir = await mkdtemp(join(tmpdir(), 'anju-mon-'));
console.log(`== database ${name}${reuse ? ' (reused)' : values.keep ? ' (kept)' : ''}`);
const database = await openDatabase({ databaseUrl: databaseUrl(name) });
const counter = countQueries(database.pool);
const ctx = createContext(database, { ...loadConfig({}), dataDir: dir }, () => new Date('2024-07-10T08:00:00Z'));
const sql = async <R extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await database.pool.query<R>(text, params)).rows;

/**
 * A year of department lists for a deterministic share of the people, straight into the table
 * the comparison import fills (its own speed is the import benchmark's business).
 */
async function seedDepartmentData() {
  const [job] = await sql<{ id: string }>(
    `INSERT INTO import_job (ledger, file_name, dry_run, status, finished_at) VALUES ('department_bench', 'bench', false, 'succeeded', now()) RETURNING id`,
  );
  await sql(`SELECT setseed(${(seed % 1000) / 1000})`);
  const kinds: [string, string, number, string][] = [
    ['medical_security', 'medical_expense', 0.06, '(500 + random() * 30000)::numeric(12, 2)'],
    ['education', 'dropout', 0.002, 'NULL'],
    ['housing', 'unsafe_housing', 0.004, 'NULL'],
    ['water', 'unsafe_water', 0.003, 'NULL'],
    ['public_security', 'death', 0.003, 'NULL'],
    ['disabled_federation', 'disability', 0.004, 'NULL'],
    ['civil_affairs', 'temporary_assistance', 0.01, '(300 + random() * 3000)::numeric(12, 2)'],
  ];
  let total = 0;
  for (const [department, kind, share, amount] of kinds) {
    const rows = await sql<{ n: string }>(
      `WITH ins AS (
        INSERT INTO department_record (department, kind, person_id, household_id, county_code, dest_division_code, occurred_on, period, amount, detail,
          record_key, import_job_id, source_file)
        SELECT $1, $2, p.id, p.household_id, p.county_code, p.dest_division_code, d, to_char(d, 'YYYY-MM'), ${amount}, '{}'::jsonb,
          d::text, $4, 'bench'
        FROM (SELECT p.*, date '2023-07-01' + (random() * 364)::int AS d FROM person p WHERE random() < $3) p
        ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*) AS n FROM ins`,
      [department, kind, share, job!.id],
    );
    total += Number(rows[0]!.n);
  }
  return total;
}

async function build() {
  const data = await generateDemo({ persons, seed, province: '52' });
  let t = process.hrtime.bigint();
  await loadDemo(ctx, data, (line) => console.log(`   ${line}`));
  console.log(`== ${fmt(persons)} people loaded in ${(ms(t) / 1000).toFixed(1)} s`);
  t = process.hrtime.bigint();
  const records = await seedLedger(ctx, { seed, periods: demoPeriods(ctx.now(), 12), onProgress: (p) => console.log(`   ${p.period}: ${fmt(p.records)} records`) });
  console.log(`== ledger: ${fmt(records)} records in ${(ms(t) / 1000).toFixed(1)} s`);
}

try {
  let t = process.hrtime.bigint();
  await prepareDatabase(database, (line) => console.log(`   ${line}`), { prefix: '52' });
  console.log(`== schema and divisions: ${(ms(t) / 1000).toFixed(1)} s`);
  if (!reuse) await build();
  const [existing] = await sql<{ n: string }>('SELECT count(*) AS n FROM department_record');
  if (Number(existing!.n) === 0) {
    t = process.hrtime.bigint();
    console.log(`== department lists: ${fmt(await seedDepartmentData())} records in ${(ms(t) / 1000).toFixed(1)} s`);
  }
  // Start from no warnings, so the first run below is a first run.
  await sql('DELETE FROM monitoring_warning');
  await sql('DELETE FROM monitor_run');
  await sql('VACUUM ANALYZE');

  const actor = systemActor('bench');
  console.log(`== monitoring run ${PERIOD}`);
  counter.reset();
  t = process.hrtime.bigint();
  const first = await runMonitor(ctx, actor, { period: PERIOD, division: '52' });
  const firstMs = ms(t);
  const firstStatements = counter.count();
  const firstBreakdown = counter.breakdown().slice(0, 5);
  counter.reset();
  t = process.hrtime.bigint();
  const second = await runMonitor(ctx, actor, { period: PERIOD, division: '52' });
  const secondMs = ms(t);
  const secondStatements = counter.count();

  const floorTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    await sql(`SELECT count(*) FROM (SELECT household_id, count(*) FROM person WHERE dest_division_code LIKE '52%' GROUP BY household_id) h`);
    floorTimes.push(ms(started));
  }
  const floor = median(floorTimes);
  const [size] = await sql<{ p: string; h: string; r: string; d: string }>(
    'SELECT (SELECT count(*) FROM person) AS p, (SELECT count(*) FROM household) AS h, (SELECT count(*) FROM labour_record) AS r, (SELECT count(*) FROM department_record) AS d',
  );
  console.log(`\n${fmt(Number(size!.p))} persons in ${fmt(Number(size!.h))} households, ${fmt(Number(size!.r))} ledger records, ${fmt(Number(size!.d))} department records, ${first.rules} warning rules\n`);
  for (const r of first.byRule) console.log(`  ${fmt(r.count).padStart(9)}  ${r.title}`);
  console.log(`\nfloor: one pass over the people, grouped by household (median of 3)  ${floor.toFixed(0).padStart(8)} ms`);
  console.log(`monthly run, first:  ${fmt(first.raised)} warnings, ${firstStatements} SQL statements   ${firstMs.toFixed(0).padStart(8)} ms  ${(firstMs / floor).toFixed(1)}× floor`);
  console.log(`monthly run, again:  ${fmt(second.raised)} warnings, ${secondStatements} SQL statements   ${secondMs.toFixed(0).padStart(8)} ms  ${(secondMs / floor).toFixed(1)}× floor`);
  console.log('\nthe first run\'s slowest statements:');
  for (const b of firstBreakdown) console.log(`  ${b.ms.toFixed(0).padStart(8)} ms ${String(b.calls).padStart(4)}×  ${b.statement}`);
  console.log(`\ntarget: the whole run within 10× the floor; the second run raises nothing`);
  if (second.raised !== 0) process.exitCode = 1;
} finally {
  await database.close();
  await rm(dir, { recursive: true, force: true });
  if (!reuse && !values.keep) await dropBenchDatabase(name);
}
