/**
 * npm run bench:list -- [--persons 1000000] [--database NAME]
 *
 * Server time of registry list pages on a PostgreSQL database of N demo people (made through the
 * import path unless --database names one that already has them): each page and filter is asked
 * several times through the real app (in-process, no network), and the median is printed beside
 * one bare SQL scan of the person table as the floor.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { buildApp, createContext, loadConfig, openDatabase, prepareDatabase, runImport, systemActor, userService } from '@anju/server';
import { createBenchDatabase, databaseUrl } from './bench-db.js';

const run = promisify(execFile);
const { values } = parseArgs({ options: { persons: { type: 'string', default: '1000000' }, database: { type: 'string' } } });
const root = resolve(import.meta.dirname, '..');

let name = values.database;
if (!name) {
  name = await createBenchDatabase('anju_list');
  const dir = await mkdtemp(join(tmpdir(), 'anju-list-'));
  console.log(`== loading ${values.persons} persons into ${name} (kept: pass --database ${name} next time)`);
  await run(process.execPath, [join(root, 'packages/cli/bin/anju.js'), 'demo', '--persons', values.persons!, '--out', dir, '--format', 'csv'], { cwd: root, maxBuffer: 1e8 });
  const database = await openDatabase({ databaseUrl: databaseUrl(name) });
  await prepareDatabase(database);
  const ctx = createContext(database, { ...loadConfig({}), dataDir: dir });
  for (const ledger of ['sites', 'persons'] as const) {
    await runImport(ctx, systemActor('bench'), { ledger, path: join(dir, `${ledger}.csv`), fileName: ledger, format: 'csv', dryRun: false, errorDir: dir });
  }
  await database.pool.query('ANALYZE');
  await database.close();
  await rm(dir, { recursive: true, force: true });
}

const database = await openDatabase({ databaseUrl: databaseUrl(name) });
const ctx = createContext(database, loadConfig({}));
const app = await buildApp(ctx);
const { rows: counties } = await database.pool.query<{ county_code: string; n: string }>('SELECT county_code, count(*) AS n FROM person GROUP BY 1 ORDER BY 2 DESC LIMIT 1');
const county = counties[0]!.county_code;
const { rows: towns } = await database.pool.query<{ t: string }>(`SELECT left(dest_division_code, 9) AS t FROM person WHERE county_code = $1 LIMIT 1`, [county]);
const { rows: sample } = await database.pool.query<{ id_number: string; name: string; household_id: string }>('SELECT id_number, name, household_id FROM person ORDER BY id DESC LIMIT 1');
for (const [username, role, division] of [['bench-admin', 'admin', ''], ['bench-monitor', 'monitor', county]] as const) {
  await userService.createUser(ctx, systemActor('bench'), { username, displayName: username, password: 'Bench12345', role, divisionCode: division, department: null }).catch(() => undefined);
}

async function session(username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'Bench12345' } });
  return res.cookies.find((c) => c.name === 'anju_session')!.value;
}

async function time(cookie: string, url: string, repeats = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url, cookies: { anju_session: cookie } });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const floorStart = process.hrtime.bigint();
await database.pool.query('SELECT count(*) FROM person');
const floor = Number(process.hrtime.bigint() - floorStart) / 1e6;
const total = (await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM person')).rows[0]!.n;

const admin = await session('bench-admin');
const monitor = await session('bench-monitor');
const cases: [string, string, string][] = [
  ['national admin', 'persons page 1', '/api/v1/persons'],
  ['national admin', 'persons page 500', '/api/v1/persons?page=500'],
  ['national admin', 'persons by name prefix', `/api/v1/persons?q=${encodeURIComponent(sample[0]!.name.slice(0, 1))}`],
  ['national admin', 'persons by ID number', `/api/v1/persons?idNumber=${sample[0]!.id_number}`],
  ['national admin', 'persons sorted by birth date', '/api/v1/persons?sort=birth_date&desc=true'],
  ['national admin', 'persons sorted by name', '/api/v1/persons?sort=name'],
  ['national admin', 'labour force', '/api/v1/persons?labourForce=true'],
  ['county monitor', 'persons page 1', '/api/v1/persons'],
  ['county monitor', 'persons of a township', `/api/v1/persons?divisionCode=${towns[0]!.t}`],
  ['county monitor', 'registered-poor persons', '/api/v1/persons?registeredPoor=true'],
  ['county monitor', 'households page 1', '/api/v1/households'],
  ['county monitor', 'household by member ID', `/api/v1/households?idNumber=${sample[0]!.id_number}`],
  ['county monitor', 'sites', '/api/v1/sites'],
];
console.log(`\n${Number(total).toLocaleString()} persons; floor: one bare SELECT count(*) FROM person = ${floor.toFixed(0)} ms\n`);
console.log('user             page                               median ms');
for (const [who, label, url] of cases) {
  const ms = await time(who === 'national admin' ? admin : monitor, url);
  console.log(`${who.padEnd(16)} ${label.padEnd(34)} ${ms.toFixed(0).padStart(8)}`);
}
await app.close();
await database.close();
