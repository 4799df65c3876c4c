/**
 * `anju policy simulate`: the --set syntax, the refusals that come before any database is
 * opened, and the printed tables, with the runner replaced by one returning a fixed result of
 * the documented shape (POST /policy/simulations); then the real command as an operator runs it,
 * a separate process on a database of its own holding a small demo county.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotBlob, type TestDatabase } from '../../../server/test/test-database.js';
import { COUNTY } from '../../../server/test/factories.js';
import { displayWidth, type Io } from './policy-format.js';
import { parseSets, simulateCommand, type SimulationResult, type SimulationRunner } from './policy-simulate.js';

function capture(): Io & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { out: (l) => out.push(l), err: (l) => err.push(l), stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}

const RESULT: SimulationResult = {
  asOf: '2023-05-01',
  division: '520102',
  set: { 'GZ-2022.returnHireSubsidy': 800 },
  rules: [
    { ruleId: 'GZ-2022-5-return-hire', title: '吸纳返乡就业一次性补贴', before: 12, after: 12, gained: 0, lost: 0, costBefore: 6000, costAfter: 9600 },
    { ruleId: 'SX-2021-5-hire', title: '一次性吸纳就业补助', before: 3, after: 5, gained: 2, lost: 0, costBefore: null, costAfter: null },
    { ruleId: 'SX-2021-4-transport', title: '跨省务工交通补贴', before: 0, after: 4, gained: 4, lost: 0, costBefore: null, costAfter: 400 },
    { ruleId: 'SX-2021-9-training', title: '技能培训', kind: 'service', before: 7, after: 7, gained: 0, lost: 0, costBefore: null, costAfter: null },
  ],
  divisions: [
    { code: '520102001', name: '某某街道', gained: 2, lost: 1, costDelta: 3600 },
    { code: '520102002', name: '另一街道', gained: 0, lost: 0, costDelta: null },
  ],
};

describe('parseSets', () => {
  it('reads CODE.name=VALUE, repeated', () => {
    expect(parseSets(['GZ-2022.returnHireSubsidy=800', 'SX-2021.retentionMonths= 9 ', 'XX-2020.rate=0.5'])).toEqual({
      set: { 'GZ-2022.returnHireSubsidy': 800, 'SX-2021.retentionMonths': 9, 'XX-2020.rate': 0.5 },
    });
  });

  it('refuses a wrong shape, a value that is no number, a repeat and nothing at all, in Chinese', () => {
    expect(parseSets(['returnHireAmount=800'])).toEqual({ error: expect.stringContaining('--set 须形如 政策包编号.参数名=数值') });
    expect(parseSets(['GZ-2022.returnHireSubsidy'])).toEqual({ error: expect.stringContaining('实际为“GZ-2022.returnHireSubsidy”') });
    expect(parseSets(['GZ-2022.returnHireSubsidy=八百'])).toEqual({ error: '--set GZ-2022.returnHireSubsidy 的取值须为数字，实际为“八百”' });
    expect(parseSets(['GZ-2022.returnHireSubsidy='])).toEqual({ error: expect.stringContaining('取值须为数字') });
    expect(parseSets(['GZ-2022.a=1', 'GZ-2022.a=2'])).toEqual({ error: '--set GZ-2022.a 给出了两次' });
    expect(parseSets([])).toEqual({ error: expect.stringContaining('至少给出一个 --set') });
  });
});

describe('anju policy simulate', () => {
  it('checks its arguments before opening the database', async () => {
    const never: SimulationRunner = () => {
      throw new Error('the database should not be opened');
    };
    for (const [options, message] of [
      [{ set: ['bad'], division: '52' }, '--set 须形如'],
      [{ set: ['GZ-2022.a=1'], division: '贵阳' }, '--division 须为行政区划代码'],
      [{ set: ['GZ-2022.a=1'], division: '52', asOf: '2023-13-01' }, '--as-of 须为日期'],
    ] as const) {
      const io = capture();
      expect(await simulateCommand({ ...options, set: [...options.set] }, io, never)).toBe(1);
      expect(io.stderr()).toContain(message);
    }
  });

  it('passes the parsed values on and prints per rule and per division, saying nothing was saved', async () => {
    let received: unknown;
    const run: SimulationRunner = async (input) => {
      received = input;
      return RESULT;
    };
    const io = capture();
    expect(await simulateCommand({ set: ['GZ-2022.returnHireSubsidy=800'], division: '520102', asOf: '2023-05-01' }, io, run)).toBe(0);
    expect(received).toEqual({ division: '520102', asOf: '2023-05-01', set: { 'GZ-2022.returnHireSubsidy': 800 } });
    const lines = io.stdout().split('\n');
    expect(lines).toContain('假设参数：GZ-2022.returnHireSubsidy = 800');
    expect(lines.find((l) => l.startsWith('GZ-2022-5-return-hire'))).toMatch(/吸纳返乡就业一次性补贴\s+12\s+12\s+\+0\s+-0\s+6,000\s+9,600$/);
    expect(lines.find((l) => l.startsWith('SX-2021-5-hire'))).toMatch(/\s3\s+5\s+\+2\s+-0\s+未定\s+未定$/);
    // Nobody eligible before: it cost nothing, though SQL sums no rows to null.
    expect(lines.find((l) => l.startsWith('SX-2021-4-transport'))).toMatch(/\s0\s+4\s+\+4\s+-0\s+0\s+400$/);
    expect(lines.find((l) => l.startsWith('520102001'))).toMatch(/某某街道\s+\+2\s+-1\s+\+3,600$/);
    // A service costs nothing to compute; a division without any computable amount shows a dash.
    expect(lines.find((l) => l.startsWith('SX-2021-9-training'))).toMatch(/\s7\s+7\s+\+0\s+-0\s+—\s+—$/);
    expect(lines.find((l) => l.startsWith('520102002'))).toMatch(/\+0\s+-0\s+—$/);
    expect(io.stdout()).toContain('未保存任何数据');
    // Columns line up although names are Chinese: the last column is right-aligned, so every row
    // of a table is as wide on the terminal as its rule line.
    const ruleTable = lines.slice(lines.indexOf('按规则（符合条件的对象数）：') + 1, lines.indexOf('按下级区划：') - 1);
    expect(ruleTable).toHaveLength(6);
    expect(new Set(ruleTable.map(displayWidth)).size).toBe(1);
  });

  it('--json prints the result as given', async () => {
    const io = capture();
    expect(await simulateCommand({ set: ['GZ-2022.returnHireSubsidy=800'], division: '520102', json: true }, io, async () => RESULT)).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual(RESULT);
  });
});

describe('anju policy simulate, on a database', () => {
  const run = promisify(execFile);
  const BIN = resolve(import.meta.dirname, '../../bin/anju.js');
  let env: NodeJS.ProcessEnv;
  let tdb: TestDatabase | undefined;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'anju-simulate-'));
    tdb = await createTestDatabase();
    if (tdb.url) {
      env = { ...process.env, DATABASE_URL: tdb.url, ANJU_DATA_DIR: dir };
    } else {
      // The CLI opens <ANJU_DATA_DIR>/pglite; seed that directory from the migrated snapshot.
      await tdb.close();
      tdb = undefined;
      const pglite = await PGlite.create(join(dir, 'pglite'), { loadDataDir: await snapshotBlob() });
      await pglite.close();
      env = { ...process.env, DATABASE_URL: '', ANJU_DATA_DIR: dir };
    }
  });
  afterAll(async () => {
    await tdb?.close();
  });

  async function anju(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, maxBuffer: 10_000_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('moves a site from one rule to another when a threshold is lowered, and saves nothing', async () => {
    // The demo county has one site of a few hundred people: under GZ-2022's 10,000-person line
    // it is led by a deputy county head (3-1-leader-deputy), not the county head (3-1-leader-main).
    expect((await anju('demo', '--persons', '300', '--seed', '1', '--province', '52')).code).toBe(0);
    const args = ['policy', 'simulate', '--division', COUNTY, '--as-of', '2023-05-01', '--set', 'GZ-2022.mainLeaderSitePopulation=100'];
    const json = await anju(...args, '--json');
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({ division: COUNTY, asOf: '2023-05-01', set: { 'GZ-2022.mainLeaderSitePopulation': 100 } });
    const rule = (id: string) => result.rules.find((r: any) => r.ruleId === id);
    expect(rule('GZ-2022-3-1-leader-main')).toMatchObject({ before: 0, after: 1, gained: 1, lost: 0 });
    expect(rule('GZ-2022-3-1-leader-deputy')).toMatchObject({ before: 1, after: 0, gained: 0, lost: 1 });
    expect(result.divisions.filter((d: any) => d.gained || d.lost)).toEqual([expect.objectContaining({ gained: 1, lost: 1 })]);

    const text = await anju(...args);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/GZ-2022-3-1-leader-main\s+\S+\s+0\s+1\s+\+1\s+-0/);
    expect(text.stdout).toContain('未保存任何数据');
    // Nothing was saved: the stored threshold still puts the site under the deputy.
    const again = JSON.parse((await anju('policy', 'simulate', '--division', COUNTY, '--as-of', '2023-05-01', '--set', 'GZ-2022.mainLeaderSitePopulation=10000', '--json')).stdout);
    expect(again.rules.find((r: any) => r.ruleId === 'GZ-2022-3-1-leader-main')).toMatchObject({ before: 0, after: 0 });
  });

  it('passes on the reason when a parameter does not exist', async () => {
    const refused = await anju('policy', 'simulate', '--division', COUNTY, '--set', 'GZ-2022.noSuchThing=1');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('没有这些政策参数：GZ-2022.noSuchThing');
  });
});
