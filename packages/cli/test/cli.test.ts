/**
 * The anju command as an operator runs it: a separate process against a database of its own,
 * checked by exit codes and output.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotBlob, type TestDatabase } from '../../server/test/test-database.js';
import { TOWNSHIP_A, VILLAGE_A, idNumberFor } from '../../server/test/factories.js';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../bin/anju.js');
let env: NodeJS.ProcessEnv;
let dir: string;
let tdb: TestDatabase | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'anju-cli-'));
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

describe('anju', () => {
  it('writes a template, imports with a dry run and for real, exports, and verifies the audit log', async () => {
    const template = join(dir, 'persons-template.xlsx');
    expect((await anju('template', 'persons', '--out', template)).code).toBe(0);
    expect(existsSync(template)).toBe(true);

    const sites = join(dir, 'sites.csv');
    await writeFile(sites, `安置点编码,安置点名称,所在乡镇或社区代码,安置类型,安置方式,是否跨区县安置\nCLI-SITE-1,命令行安置点,${TOWNSHIP_A},城镇安置,集中安置,否\n`);
    const siteImport = await anju('import', 'sites', sites, '--json');
    expect(siteImport.code).toBe(0);
    expect(JSON.parse(siteImport.stdout).counts.sites.inserted).toBe(1);

    const persons = join(dir, 'persons.csv');
    const header = '户编号,安置点编码,迁出地村代码,搬迁年份,户类型,姓名,身份证号,与户主关系,劳动能力';
    await writeFile(persons, `${header}\nHCLI000001,CLI-SITE-1,${VILLAGE_A},2019,建档立卡脱贫户,钱一,${idNumberFor('1979-09-09')},户主,普通劳动力\n合计,,,,,1人,,,\n`);
    const dry = await anju('import', 'persons', persons, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ status: 'validated', counts: { persons: { inserted: 1 } }, noteCount: 1 });
    const real = await anju('import', 'persons', persons);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('已导入');
    expect(real.stdout).toContain('第3行：“合计”为小计/合计行，已跳过');

    const bad = join(dir, 'bad.csv');
    await writeFile(bad, `${header}\nHCLI000002,CLI-SITE-1,${VILLAGE_A},2019,建档立卡脱贫户,钱二,123456,户主,普通劳动力\n`);
    const refused = await anju('import', 'persons', bad);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('第2行 [身份证号]');

    const out = join(dir, 'export.xlsx');
    const exported = await anju('export', 'persons', '--division', TOWNSHIP_A, '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('已导出 1 行');

    const verify = await anju('audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('审计日志完整');
  }, 180_000);

  it('runs the monthly monitoring twice without raising anything twice, and prints the monitoring figures', async () => {
    const first = await anju('monitor', 'run', '--period', '2026-11', '--division', '52', '--json');
    expect(first.code, first.stderr).toBe(0);
    const again = await anju('monitor', 'run', '--period', '2026-11', '--division', '52', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ period: '2026-11', division: '52', raised: 0 });
    const figures = await anju('monitor', 'figures', '--period', '2026-11', '--division', '52');
    expect(figures.code, figures.stderr).toBe(0);
    expect(figures.stdout).toContain('2026-11 监测统计（截至 2026-11-30）');
    expect(figures.stdout).toMatch(/监测对象 0 户（脱贫不稳定户 0，边缘易致贫户 0，突发严重困难户 0）/);
    const future = await anju('monitor', 'figures', '--period', '2099-01');
    expect(future.code).not.toBe(0);
    expect(future.stderr).toContain('2099-01');
  }, 120_000);

  it('manages users and fails with a reason and a non-zero code', async () => {
    expect((await anju('user', 'add', '--username', 'cli-clerk', '--password', 'Cli12345pw', '--role', 'clerk', '--division', TOWNSHIP_A)).code).toBe(0);
    const list = await anju('user', 'list');
    expect(list.stdout).toMatch(/cli-clerk\s+cli-clerk\s+乡镇录入员/);
    expect((await anju('user', 'disable', 'cli-clerk')).code).toBe(0);
    expect((await anju('user', 'list')).stdout).toMatch(/cli-clerk.*已停用/);
    const weak = await anju('user', 'add', '--username', 'weak', '--password', 'short', '--role', 'clerk');
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('密码至少8位');
    const missing = await anju('import', 'persons', join(dir, 'nope.csv'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('文件不存在');
  });

  it('13.10 audit verify exits non-zero when entries a checkpoint vouched for are cut off', async () => {
    const reset = await anju('user', 'reset', 'cli-clerk');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/已重置 cli-clerk 的密码为 \S+；该用户登录后须先修改密码/);
    const whole = await anju('audit', 'verify');
    expect(whole.code).toBe(0);
    expect(whole.stdout).toMatch(/检查点 \d+/);
    const cut = `ALTER TABLE audit_log DISABLE TRIGGER USER;
      DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id DESC LIMIT 2);
      ALTER TABLE audit_log ENABLE TRIGGER USER;`;
    if (env.DATABASE_URL) {
      await tdb!.database.pool.query(cut);
    } else {
      const pglite = await PGlite.create(join(dir, 'pglite'));
      await pglite.exec(cut);
      await pglite.close();
    }
    const verify = await anju('audit', 'verify');
    expect(verify.code).toBe(3);
    expect(verify.stderr).toMatch(/自检查点 \d+ 以来缺少 2 条记录/);
  });

  it('audit verify exits non-zero and names the first tampered entry', async () => {
    const tamper = `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET username = 'someone-else' WHERE id = (SELECT min(id) + 1 FROM audit_log);
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`;
    if (env.DATABASE_URL) {
      await tdb!.database.pool.query(tamper);
    } else {
      const pglite = await PGlite.create(join(dir, 'pglite'));
      await pglite.exec(tamper);
      await pglite.close();
    }
    const verify = await anju('audit', 'verify');
    expect(verify.code).toBe(3);
    expect(verify.stderr).toMatch(/第 \d+ 条记录/);
  });
});
