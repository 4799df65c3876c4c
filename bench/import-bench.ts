/**
 * npm run bench:import -- --persons 1000000 [--seed 1] [--keep-files DIR]
 *
 * Makes the ledger files with `anju demo --out` (CSV and .xlsx), imports each into a fresh
 * PostgreSQL database through the real import path, and in the same run measures the floors:
 * a bare COPY of the same rows into an unindexed table, and a bare streaming read of the .xlsx.
 * Prints each rate, the ratios and each import's peak memory.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { ledgers } from '@anju/core';
import { openDatabase, prepareDatabase } from '@anju/server';
import { createBenchDatabase, databaseUrl, dropBenchDatabase } from './bench-db.js';
import { bareCopy, bareXlsxRead, indexedWrite } from './floors.js';

const run = promisify(execFile);
const { values } = parseArgs({ options: { persons: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '1' }, 'keep-files': { type: 'string' } } });
const persons = Number(values.persons);
const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules/.bin/tsx');

const rate = (rows: number, seconds: number) => Math.round(rows / seconds);
const fmt = (n: number) => n.toLocaleString('en-US');

async function importInChild(ledger: 'sites' | 'persons', file: string, dbName: string) {
  const { stdout } = await run(tsx, [join(root, 'bench/import-child.ts'), ledger, file, databaseUrl(dbName)], { maxBuffer: 1e8, cwd: root });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { seconds: number; rows: number; maxRssMb: number };
}

const dir = values['keep-files'] ?? (await mkdtemp(join(tmpdir(), 'anju-bench-')));
const created: string[] = [];
try {
  console.log(`== generating ${fmt(persons)} persons with anju demo --out ${dir}`);
  let t = Date.now();
  await run(process.execPath, [join(root, 'packages/cli/bin/anju.js'), 'demo', '--persons', String(persons), '--seed', values.seed!, '--out', dir, '--format', 'both'], { cwd: root, maxBuffer: 1e8 });
  console.log(`   files written in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  // One prepared template (schema, divisions, sites), copied for each import so both start equal.
  const template = await createBenchDatabase('anju_bench_tpl');
  created.push(template);
  const db = await openDatabase({ databaseUrl: databaseUrl(template) });
  await prepareDatabase(db);
  await db.close();
  await importInChild('sites', join(dir, 'sites.csv'), template);

  const results: Record<string, { seconds: number; rows: number; maxRssMb: number }> = {};
  const targets: Record<string, string> = {};
  for (const format of ['csv', 'xlsx'] as const) {
    const target = await createBenchDatabase('anju_bench', template);
    created.push(target);
    targets[format] = target;
    console.log(`== importing persons.${format} through the import path`);
    results[format] = await importInChild('persons', join(dir, `persons.${format}`), target);
  }

  console.log('== floors');
  const floorDb = await createBenchDatabase('anju_bench_floor');
  created.push(floorDb);
  t = Date.now();
  const copy = await bareCopy(databaseUrl(floorDb), join(dir, 'persons.csv'), ledgers.persons.columns.length);
  const read = await bareXlsxRead(join(dir, 'persons.xlsx'));
  const stored = await indexedWrite(databaseUrl(targets.csv!));

  const csvRate = rate(results.csv!.rows, results.csv!.seconds);
  const xlsxRate = rate(results.xlsx!.rows, results.xlsx!.seconds);
  const copyRate = rate(copy.rows, copy.seconds);
  const readRate = rate(read.rows, read.seconds);
  const storedRate = rate(stored.rows, stored.seconds);
  console.log('\nstep                                   rows      seconds   rows/s     peak MB');
  const line = (name: string, r: { rows: number; seconds: number }, mem?: number) =>
    console.log(`${name.padEnd(36)} ${fmt(r.rows).padStart(10)} ${r.seconds.toFixed(1).padStart(10)} ${fmt(rate(r.rows, r.seconds)).padStart(10)} ${mem ? mem.toFixed(0).padStart(10) : ''}`);
  line('floor: bare COPY (unindexed, text)', copy);
  line('floor: bare .xlsx streaming read', read);
  line('floor: rows into the tables\' indexes', stored);
  line('import persons.csv (validated)', results.csv!, results.csv!.maxRssMb);
  line('import persons.xlsx (validated)', results.xlsx!, results.xlsx!.maxRssMb);
  console.log(`\nCSV import / bare COPY   = ${((csvRate / copyRate) * 100).toFixed(1)} %   (target ≥ 50 %)`);
  console.log(`xlsx import / bare read  = ${((xlsxRate / readRate) * 100).toFixed(1)} %   (target ≥ 80 %)`);
  console.log(`\nstoring alone (the stored rows written again into copies of person and household with`);
  console.log(`their indexes, nothing validated) runs at ${((storedRate / copyRate) * 100).toFixed(1)} % of bare COPY and ${((storedRate / readRate) * 100).toFixed(1)} % of the bare read:`);
  console.log(`no import that keeps the rows searchable can pass those ratios.`);
  console.log(`peak memory of imports   = ${Math.max(results.csv!.maxRssMb, results.xlsx!.maxRssMb).toFixed(0)} MB   (target < 1024 MB)`);
} finally {
  for (const name of created.reverse()) await dropBenchDatabase(name);
  if (!values['keep-files']) await rm(dir, { recursive: true, force: true });
}
