import type { Command } from 'commander';
import { createContext, DEMO_PASSWORD, generateDemo, loadConfig, loadDemo, openDatabase, prepareDatabase, seedDemoIfEmpty, shutdownServer, SHUTDOWN_GRACE_MS, startServer, writeDemoFiles } from '@anju/server';
import { fail, withContext } from '../runtime.js';

const log = (line: string) => console.log(line);

async function serve(options: { demo: boolean }): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  log(`数据库：${database.describe}`);
  await prepareDatabase(database, log);
  const ctx = createContext(database, config);
  if (options.demo) await seedDemoIfEmpty(ctx, { persons: 5000, seed: 1, province: '52' }, log);
  const app = await startServer(ctx, { log });
  const shutdown = async () => {
    log('正在关闭：停止接收请求，中止进行中的导入……');
    // Whatever still hangs after the grace periods, the process ends anyway.
    setTimeout(() => process.exit(1), 4 * SHUTDOWN_GRACE_MS).unref();
    await shutdownServer(app, ctx);
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  log(`安居已启动：http://${config.host}:${config.port}/  （接口文档 /api/docs）`);
  if (options.demo) log(`演示管理员：admin / ${DEMO_PASSWORD}（其他演示账号：monitor、clerk、clerk2、collector、leader、hrss、civil，密码相同）`);
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) fail(`${name} 须为正整数，实际为“${value}”`);
  return n;
}

export function registerRun(program: Command): void {
  program.command('start').description('启动系统；首次启动时载入行政区划并生成演示县').action(() => serve({ demo: true }));
  program.command('serve').description('启动系统（不生成演示数据）').action(() => serve({ demo: false }));

  program
    .command('demo')
    .description('生成合成演示数据（同一种子得到相同数据）：写成台账文件，或直接导入数据库')
    .option('--persons <n>', '人数', '5000')
    .option('--seed <s>', '随机种子', '1')
    .option('--province <code>', '省级代码', '52')
    .option('--out <dir>', '写成台账文件到此目录（不写数据库）')
    .option('--format <fmt>', '文件格式：csv | xlsx | both', 'both')
    .action(async (o: { persons: string; seed: string; province: string; out?: string; format: string }) => {
      const options = { persons: positiveInt(o.persons, '--persons'), seed: Number(o.seed), province: o.province };
      if (!Number.isSafeInteger(options.seed)) fail(`--seed 须为整数，实际为“${o.seed}”`);
      if (!['csv', 'xlsx', 'both'].includes(o.format)) fail(`--format 须为 csv、xlsx 或 both`);
      const data = await generateDemo(options).catch((e: Error) => fail(e.message));
      if (o.out) {
        for (const format of o.format === 'both' ? (['csv', 'xlsx'] as const) : [o.format as 'csv' | 'xlsx']) {
          const files = await writeDemoFiles(data, o.out, format, (file, rows) => console.error(`  ${file}：已写 ${rows.toLocaleString()} 行`));
          log(`已写入 ${files.sites}（${files.rows.sites} 行）和 ${files.persons}（${files.rows.persons} 行）`);
        }
        return;
      }
      await withContext((ctx) => loadDemo(ctx, data, log));
    });
}
