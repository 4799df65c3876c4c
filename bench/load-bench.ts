/**
 * npm run bench:load -- [--users 20,100] [--seconds 60] [--db pglite,postgres] [--persons 5000] [--think 0]
 *
 * Concurrent users against the real server over loopback, on the embedded database and on a
 * fresh PostgreSQL database (created beside DATABASE_URL and dropped at the end), each seeded
 * with the demo county. Every virtual user logs in with an account of its own and loops over a
 * mix of reads (dashboard, person list with a name search, household and person details) and
 * one write in ten (an edit of a person reserved to that user, so writes never conflict). The
 * floor is one user alone for a while in the same run: the target is 0 errors and a p99 of
 * reads within 10× that single-user p50. `--think MS` makes each user pause a random time
 * (mean MS, exponential) between requests, as people do; 0 sends the next request at once.
 * Prints numbers; asserts nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { buildApp, createContext, loadConfig, openDatabase, prepareDatabase, seedDemoIfEmpty, systemActor, userService, type Database } from '@anju/server';
import { createBenchDatabase, databaseUrl, dropBenchDatabase } from './bench-db.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '20,100' },
    seconds: { type: 'string', default: '60' },
    db: { type: 'string', default: 'pglite,postgres' },
    persons: { type: 'string', default: '5000' },
    think: { type: 'string', default: '0' },
  },
});
const userCounts = values.users!.split(',').map(Number);
const seconds = Number(values.seconds);
const thinkMs = Number(values.think);
const think = () => (thinkMs > 0 ? new Promise((resolve) => setTimeout(resolve, -Math.log(1 - Math.random()) * thinkMs)) : Promise.resolve());
const PASSWORD = 'LoadBench-2026!';

interface Sample {
  kind: 'read' | 'write';
  /** The request, without its ids and values. */
  name: string;
  ms: number;
  ok: boolean;
}

interface Target {
  app: App;
  base: string;
  county: string;
  people: { id: string; idNumber: string; householdId: number; name: string; labourCapacity: string }[];
  households: string[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type App = Awaited<ReturnType<typeof buildApp>>;

/**
 * Sessions are opened in-process, each user from an address of its own: logins are limited per
 * source address, and a hundred users behind one loopback address would measure that limit.
 */
async function login(app: App, index: number): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: `127.0.${index >> 8}.${index & 255}`, payload: { username: `load-${index}`, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login load-${index}: ${res.statusCode} ${res.body}`);
  return { cookie: `anju_session=${res.cookies.find((c) => c.name === 'anju_session')!.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
}

/** One virtual user: reads and, one time in ten, an edit of its own person, until `until`. */
async function virtualUser(t: Target, index: number, until: number, samples: Sample[]): Promise<void> {
  const { cookie, csrf } = await login(t.app, index);
  const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
  const mine = t.people[index % t.people.length]!;
  const reads: [string, () => string][] = [
    ['dashboard', () => `/api/v1/dashboard?divisionCode=${t.county}`],
    ['person list', () => `/api/v1/persons?page=1&pageSize=20&q=${encodeURIComponent(mine.name.slice(0, 1))}`],
    ['household', () => `/api/v1/households/${t.households[Math.floor(Math.random() * t.households.length)]}`],
    ['person', () => `/api/v1/persons/${mine.id}`],
  ];
  for (let i = 0; Date.now() < until; i++) {
    const write = i % 10 === 9;
    const started = performance.now();
    let ok = false;
    try {
      if (write) {
        const current = (await (await fetch(`${t.base}/api/v1/persons/${mine.id}`, { headers })).json()) as { version: number; ethnicity: string | null };
        const body = {
          householdId: mine.householdId, idNumber: mine.idNumber, name: mine.name, relation: 'head', labourCapacity: mine.labourCapacity,
          ethnicity: current.ethnicity === '苗族' ? '土家族' : '苗族', version: current.version,
        };
        const res = await fetch(`${t.base}/api/v1/persons/${mine.id}`, { method: 'PUT', headers, body: JSON.stringify(body) });
        ok = res.status === 200;
        await res.arrayBuffer();
      } else {
        const res = await fetch(`${t.base}${reads[i % reads.length]![1]()}`, { headers });
        ok = res.status === 200;
        await res.arrayBuffer();
      }
    } catch {
      ok = false;
    }
    samples.push({ kind: write ? 'write' : 'read', name: write ? 'edit person' : reads[i % reads.length]![0], ms: performance.now() - started, ok });
    await think();
  }
}

async function phase(t: Target, users: number, secs: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  const until = Date.now() + secs * 1000;
  await Promise.all(Array.from({ length: users }, (_, i) => virtualUser(t, i, until, samples)));
  return samples;
}

function report(label: string, samples: Sample[], secs: number, floor: number) {
  const reads = samples.filter((s) => s.kind === 'read' && s.ok).map((s) => s.ms).sort((a, b) => a - b);
  const writes = samples.filter((s) => s.kind === 'write' && s.ok).map((s) => s.ms).sort((a, b) => a - b);
  const errors = samples.filter((s) => !s.ok).length;
  const p99 = percentile(reads, 99);
  console.log(
    `${label.padEnd(26)} ${(samples.length / secs).toFixed(1).padStart(7)} req/s  reads p50 ${percentile(reads, 50).toFixed(0).padStart(5)} ms  p99 ${p99.toFixed(0).padStart(6)} ms` +
      ` (${(p99 / floor).toFixed(1)}× floor)  writes p50 ${percentile(writes, 50).toFixed(0).padStart(5)} ms  p99 ${percentile(writes, 99).toFixed(0).padStart(6)} ms  errors ${errors}`,
  );
}

async function prepare(database: Database, dataDir: string, users: number) {
  await prepareDatabase(database);
  const ctx = createContext(database, { ...loadConfig({}), dataDir });
  await seedDemoIfEmpty(ctx, { persons: Number(values.persons), seed: 1, province: '52' }, () => undefined);
  const { rows: [top] } = await database.pool.query<{ county_code: string }>('SELECT county_code FROM person GROUP BY 1 ORDER BY count(*) DESC LIMIT 1');
  const county = top!.county_code;
  for (let i = 0; i < users; i++) {
    await userService.createUser(ctx, systemActor('bench'), { username: `load-${i}`, displayName: `压测${i}`, password: PASSWORD, role: 'monitor', divisionCode: county, department: null });
  }
  const { rows: people } = await database.pool.query<{ id: string; id_number: string; household_id: string; name: string; labour_capacity: string }>(
    `SELECT id, id_number, household_id, name, labour_capacity FROM person WHERE relation = 'head' AND county_code = $1 ORDER BY id LIMIT $2`,
    [county, users],
  );
  const { rows: households } = await database.pool.query<{ id: string }>('SELECT id FROM household WHERE county_code = $1 ORDER BY id LIMIT 500', [county]);
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const target: Target = {
    app,
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    county,
    people: people.map((p) => ({ id: p.id, idNumber: p.id_number, householdId: Number(p.household_id), name: p.name, labourCapacity: p.labour_capacity })),
    households: households.map((h) => h.id),
  };
  return { app, target };
}

const most = Math.max(...userCounts);
for (const kind of values.db!.split(',')) {
  const dataDir = await mkdtemp(join(tmpdir(), 'anju-load-'));
  const pgName = kind === 'postgres' ? await createBenchDatabase('anju_load') : undefined;
  const database = await openDatabase(pgName ? { databaseUrl: databaseUrl(pgName) } : { dataDir });
  try {
    const { app, target } = await prepare(database, dataDir, most);
    console.log(`== ${kind}: ${values.persons} demo persons, ${seconds} s per phase, think time ${thinkMs} ms`);
    const alone = await phase(target, 1, Math.min(15, seconds));
    const floor = percentile(alone.filter((s) => s.kind === 'read' && s.ok).map((s) => s.ms).sort((a, b) => a - b), 50);
    report('1 user (floor: read p50)', alone, Math.min(15, seconds), floor);
    const byName = new Map<string, Sample[]>();
    for (const s of alone.filter((x) => x.ok)) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
    console.log(`   alone, p50 by request: ${[...byName].map(([name, list]) => `${name} ${percentile(list.map((s) => s.ms).sort((a, b) => a - b), 50).toFixed(0)} ms`).join(', ')}`);
    for (const users of userCounts) report(`${users} users`, await phase(target, users, seconds), seconds, floor);
    await app.close();
  } finally {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
    if (pgName) await dropBenchDatabase(pgName);
  }
}
