/**
 * First start: a deterministic demo county loaded through the import path, its employers, a
 * demo account for each role and a year of the monthly labour ledger. A database that already
 * has sites is left alone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../platform/context.js';
import { systemActor } from '../../platform/actor.js';
import { generateDemo, type DemoData } from '../demo/generator.js';
import { runImport } from '../imports/import-runner.js';
import { createEmployer } from '../employers/employer-service.js';
import { findSiteByCode } from '../sites/site-repo.js';
import { countUsers } from '../users/user-repo.js';
import { analyzeAll } from '../../db/statistics.js';
import { createUser } from '../users/user-service.js';
import { writeDemoFiles } from './demo-files.js';
import { demoPeriods, seedLedger } from './demo-ledger.js';
import { seedMonitoring } from './demo-monitoring.js';

export const DEMO_PASSWORD = 'Anju2026demo';
/** A year of the monthly labour ledger, ending with last month. */
const DEMO_LEDGER_PERIODS = 12;

export interface DemoOptions {
  persons: number;
  seed: number;
  province: string;
}

export async function hasRegistryData(ctx: AppContext): Promise<boolean> {
  return (await ctx.db.selectFrom('site').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Loads generated data through the real import path; fails loudly if any row is refused. */
export async function loadDemo(ctx: AppContext, data: DemoData, log: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'anju-demo-'));
  try {
    const files = await writeDemoFiles(data, dir, 'csv');
    const actor = systemActor('demo');
    for (const ledger of ['sites', 'persons'] as const) {
      const report = await runImport(ctx, actor, { ledger, path: files[ledger], fileName: `demo-${ledger}.csv`, format: 'csv', dryRun: false, errorDir: dir });
      if (report.status !== 'committed') {
        throw new Error(`演示数据导入失败（${ledger}）：${report.errors.slice(0, 3).map((e) => `第${e.row}行 ${e.column} ${e.reason}`).join('；')}`);
      }
      log(`已导入演示${ledger === 'sites' ? '安置点' : '人口'} ${report.rows.toLocaleString()} 行`);
    }
    for (const { siteCode, siteId: _unused, ...employer } of data.employers) {
      const site = siteCode ? await findSiteByCode(ctx.db, siteCode) : undefined;
      await createEmployer(ctx, actor, { ...employer, siteId: site ? Number(site.id) : null });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Demo accounts, one per role, placed in the demo county so each role's scope can be tried. */
async function createDemoUsers(ctx: AppContext, data: DemoData): Promise<string[]> {
  const county = data.counties[0]!;
  const sites = data.sites.filter((s) => s.divisionCode.startsWith(county.code));
  const townships = [...new Set(sites.map((s) => s.divisionCode.slice(0, 9)))];
  const firstSite = sites[0]!;
  const accounts = [
    { username: 'admin', displayName: '系统管理员', role: 'admin', divisionCode: '', department: null },
    { username: 'monitor', displayName: '县监测员', role: 'monitor', divisionCode: county.code, department: null },
    { username: 'leader', displayName: '县领导', role: 'leader', divisionCode: county.code, department: null },
    { username: 'hrss', displayName: '县人社局', role: 'department', divisionCode: county.code, department: 'hrss' },
    { username: 'civil', displayName: '县民政局', role: 'department', divisionCode: county.code, department: 'civil_affairs' },
    { username: 'clerk', displayName: '乡镇录入员', role: 'clerk', divisionCode: townships[0]!, department: null },
    { username: 'clerk2', displayName: '另一乡镇录入员', role: 'clerk', divisionCode: townships[1] ?? townships[0]!, department: null },
    { username: 'collector', displayName: '社区采集员', role: 'collector', divisionCode: firstSite.divisionCode, department: null },
  ] as const;
  const actor = systemActor('demo');
  for (const a of accounts) await createUser(ctx, actor, { ...a, password: DEMO_PASSWORD });
  return accounts.map((a) => a.username);
}

export async function seedDemoIfEmpty(ctx: AppContext, options: DemoOptions, log: (line: string) => void): Promise<boolean> {
  if (await hasRegistryData(ctx)) return false;
  const started = Date.now();
  const data = await generateDemo(options);
  log(`正在生成演示县：${data.counties.map((c) => c.name).join('、')}，${options.persons.toLocaleString()} 人（种子 ${options.seed}）`);
  await loadDemo(ctx, data, log);
  if ((await countUsers(ctx.db)) === 0) await createDemoUsers(ctx, data);
  const periods = demoPeriods(ctx.now(), DEMO_LEDGER_PERIODS);
  const ledgerStarted = Date.now();
  const records = await seedLedger(ctx, { seed: options.seed, periods });
  log(`已生成演示劳动力台账 ${periods[0]}～${periods.at(-1)}（${periods.length} 期，末期填报中），${records.toLocaleString()} 条（${((Date.now() - ledgerStarted) / 1000).toFixed(1)} 秒）`);
  const monitoringStarted = Date.now();
  const monitoring = await seedMonitoring(ctx, options.seed);
  log(`已生成演示监测案件 ${monitoring.cases} 件、帮扶任务 ${monitoring.tasks} 项、城乡转换 ${monitoring.conversions} 条（${((Date.now() - monitoringStarted) / 1000).toFixed(1)} 秒）`);
  await analyzeAll(ctx.db);
  log(`演示数据就绪（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  return true;
}
