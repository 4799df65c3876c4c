/**
 * npm run bench:policy -- [--persons 1000000] [--seed 1] [--keep] [--database NAME]
 *
 * All policy rules over a whole population, on PostgreSQL: N demo people with twelve periods of
 * labour ledger (2023-07 … 2024-06, when every pack has rules in force), then, in one run:
 *   - the SQL path: every rule in force on 2024-06-30, compiled to SQL, counted over every
 *     subject of every kind, one statement per kind, person and hire rules in one
 *     (population-repo.ts ruleTotals);
 *   - the in-process path: the same facts fetched county by county and every rule evaluated by
 *     cel-js on each subject (fetch and evaluation timed apart);
 *   - the floor: one bare SQL pass over the same people, grouping them by household.
 * Rules are evaluated for everyone whatever their jurisdiction (the demo lives in one province),
 * so the time is that of the whole set of rules. `--database NAME` reuses a database kept by an
 * earlier run (`--keep`) instead of building one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileRules, isEligible, subjectKinds, type CompiledRule } from '@anju/core';
import { createContext, generateDemo, loadConfig, loadDemo, openDatabase, prepareDatabase } from '@anju/server';
import { demoPeriods, seedLedger } from '../packages/server/src/features/demo-seed/demo-ledger.js';
import { activePacks } from '../packages/server/src/features/policy/pack-service.js';
import { factQuery } from '../packages/server/src/features/policy/policy-access.js';
import { factRowsOf, ruleTotals } from '../packages/server/src/features/policy/population-repo.js';
import { subjectFactsOf } from '../packages/server/src/features/policy/case-service.js';
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
const AS_OF = '2024-06-30';
const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const reuse = values.database;
const name = reuse ?? (await createBenchDatabase('anju_pol'));
const dir = await mkdtemp(join(tmpdir(), 'anju-pol-'));
console.log(`== database ${name}${reuse ? ' (reused)' : values.keep ? ' (kept)' : ''}`);
const database = await openDatabase({ databaseUrl: databaseUrl(name) });
const counter = countQueries(database.pool);
// The clock stands in July 2024, so the ledger's twelve periods end with June 2024.
const ctx = createContext(database, { ...loadConfig({}), dataDir: dir }, () => new Date('2024-07-10T08:00:00Z'));
const sql = async <R extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await database.pool.query<R>(text, params)).rows;

async function build() {
  const data = await generateDemo({ persons, seed, province: '52' });
  let t = process.hrtime.bigint();
  await loadDemo(ctx, data, (line) => console.log(`   ${line}`));
  console.log(`== ${fmt(persons)} people loaded in ${(ms(t) / 1000).toFixed(1)} s`);
  t = process.hrtime.bigint();
  const records = await seedLedger(ctx, { seed, periods: demoPeriods(ctx.now(), 12), onProgress: (p) => console.log(`   ${p.period}: ${fmt(p.records)} records`) });
  console.log(`== ledger: ${fmt(records)} records in ${(ms(t) / 1000).toFixed(1)} s`);
  await sql('VACUUM ANALYZE');
}

try {
  // A reused database is migrated too (the schema may have moved on since it was kept).
  const t = process.hrtime.bigint();
  await prepareDatabase(database, (line) => console.log(`   ${line}`), { prefix: '52' });
  console.log(`== schema and divisions: ${(ms(t) / 1000).toFixed(1)} s`);
  if (!reuse) await build();
  const packs = await activePacks(ctx.db);
  // Every rule for everyone: the demo is one province, the packs are four.
  const rules: CompiledRule[] = compileRules(packs, AS_OF).map((r) => ({ ...r, jurisdiction: '' }));
  const q = await factQuery(ctx, { division: '52', asOf: AS_OF });
  const byKind = subjectKinds.map((kind) => `${kind} ${rules.filter((r) => r.rule.subject === kind).length}`).join(', ');
  console.log(`== ${rules.length} rules in force on ${AS_OF} from ${packs.length} packs (${byKind})`);

  console.log('== SQL path');
  const sqlTimes: number[] = [];
  let totals: Awaited<ReturnType<typeof ruleTotals>> = [];
  counter.reset();
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    totals = await ruleTotals(ctx.db, q, rules);
    sqlTimes.push(ms(t));
  }
  const sqlStatements = counter.count() / 3;

  console.log('== in-process path, county by county');
  const counties = (await sql<{ c: string }>('SELECT DISTINCT county_code AS c FROM household ORDER BY 1')).map((r) => r.c);
  let fetchMs = 0;
  let evalMs = 0;
  let subjects = 0;
  const inProcess = new Map<CompiledRule, number>();
  for (const county of counties) {
    const cq = { ...q, division: county };
    for (const kind of subjectKinds) {
      const ofKind = rules.filter((r) => r.rule.subject === kind);
      if (!ofKind.length) continue;
      let t = process.hrtime.bigint();
      const rows = await factRowsOf(ctx.db, kind, cq);
      fetchMs += ms(t);
      t = process.hrtime.bigint();
      for (const row of rows) {
        const facts = subjectFactsOf(row);
        for (const rule of ofKind) if (isEligible(rule, facts)) inProcess.set(rule, (inProcess.get(rule) ?? 0) + 1);
      }
      evalMs += ms(t);
      subjects += rows.length;
    }
  }

  console.log('== floor');
  const floorTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    await sql(`SELECT count(*) FROM (SELECT household_id, count(*) FROM person WHERE dest_division_code LIKE '52%' GROUP BY household_id) h`);
    floorTimes.push(ms(t));
  }

  const [size] = await sql<{ p: string; r: string }>('SELECT (SELECT count(*) FROM person) AS p, (SELECT count(*) FROM labour_record) AS r');
  const floor = median(floorTimes);
  const sqlMs = median(sqlTimes);
  console.log(`\n${fmt(Number(size!.p))} persons, ${fmt(Number(size!.r))} ledger records, ${rules.length} rules, ${fmt(subjects)} subjects of all kinds\n`);
  console.log(`${'rule'.padEnd(34)} ${'SQL'.padStart(9)} ${'in-process'.padStart(11)}`);
  let disagreements = 0;
  for (const t of totals) {
    const mine = inProcess.get(t.rule) ?? 0;
    if (mine !== t.eligible) disagreements++;
    console.log(`${t.rule.rule.id.padEnd(34)} ${fmt(t.eligible).padStart(9)} ${fmt(mine).padStart(11)}${mine === t.eligible ? '' : '  ≠'}`);
  }
  console.log(`\nfloor: one pass over the people, grouped by household (median of 3)  ${floor.toFixed(0).padStart(8)} ms`);
  console.log(`SQL path: all rules, ${sqlStatements} statement(s) (median of 3)              ${sqlMs.toFixed(0).padStart(8)} ms  ${(sqlMs / floor).toFixed(1)}× floor`);
  console.log(`in-process path: fetch facts                                        ${fetchMs.toFixed(0).padStart(8)} ms`);
  console.log(`in-process path: evaluate with cel-js                               ${evalMs.toFixed(0).padStart(8)} ms`);
  console.log(`in-process / SQL                                                    ${((fetchMs + evalMs) / sqlMs).toFixed(1).padStart(8)}×`);
  console.log(`\n${disagreements === 0 ? 'both paths found the same subjects for every rule' : `${disagreements} rules DISAGREE`}; target: SQL path within 10× the floor`);
  if (disagreements) process.exitCode = 1;
} finally {
  await database.close();
  await rm(dir, { recursive: true, force: true });
  if (!reuse && !values.keep) await dropBenchDatabase(name);
}
