import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { ledgerNames, type LedgerName } from '@anju/core';
import { exportLedger, formatOf, runImport, systemActor, writeTemplate, type ImportReport } from '@anju/server';
import { fail, withContext } from '../runtime.js';

function ledgerArg(value: string): LedgerName {
  if (!(ledgerNames as string[]).includes(value)) fail(`未知台账“${value}”，可选：${ledgerNames.join('、')}`);
  return value as LedgerName;
}

function printReport(report: ImportReport): void {
  const verdict = { committed: '已导入', validated: '预检通过（未写入）', rejected: '校验未通过，未写入任何数据' }[report.status];
  console.log(`${report.fileName}：${report.rows} 行，${verdict}`);
  for (const [what, c] of Object.entries(report.counts)) {
    console.log(`  ${what}: 新增 ${c.inserted}，更新 ${c.updated}，未变 ${c.unchanged}`);
  }
  for (const e of report.errors.slice(0, 50)) console.log(`  第${e.row}行 [${e.column}] “${e.value}”：${e.reason}`);
  if (report.errorCount > 50) console.log(`  …… 共 ${report.errorCount} 处错误`);
  if (report.errorFile) console.log(`  错误标注文件：${report.errorFile}`);
  if (report.unmatched > 0) console.log(`  ${report.unmatched} 行未匹配到本辖区登记人员（未写入），清单：${report.unmatchedFile}`);
  for (const n of report.notes.slice(0, 50)) console.log(`  第${n.row}行：${n.reason}`);
  if (report.noteCount > 50) console.log(`  …… 共跳过 ${report.noteCount} 行`);
}

export function registerImportExport(program: Command): void {
  program
    .command('import')
    .description('导入台账（.xlsx 或 .csv）；任何一行有错则整份不写入')
    .argument('<ledger>', `台账：${ledgerNames.join(' | ')}`)
    .argument('<file>', '文件路径')
    .option('--dry-run', '只校验，不写入')
    .option('--json', '以 JSON 输出报告')
    .action(async (ledgerName: string, file: string, opts: { dryRun?: boolean; json?: boolean }) => {
      const ledger = ledgerArg(ledgerName);
      if (!existsSync(file)) fail(`文件不存在：${file}`);
      const report = await withContext(async (ctx) => {
        const bar = opts.json || !process.stderr.isTTY ? undefined : new cliProgress.SingleBar({ format: '{phase} {value} 行', stream: process.stderr }, cliProgress.Presets.shades_classic);
        bar?.start(0, 0, { phase: '读取' });
        try {
          return await runImport(ctx, systemActor('cli'), {
            ledger,
            path: file,
            fileName: basename(file),
            format: formatOf(file),
            dryRun: Boolean(opts.dryRun),
            errorDir: dirname(file),
            onProgress: (p) => bar?.update(p.rows, { phase: { reading: '读取', checking: '校验', merging: '写入', done: '完成' }[p.phase] }),
          });
        } finally {
          bar?.stop();
        }
      }, { quiet: opts.json });
      if (opts.json) console.log(JSON.stringify(report, null, 2));
      else printReport(report);
      if (report.status === 'rejected') process.exitCode = 2;
    });

  program
    .command('export')
    .description('导出台账')
    .argument('<ledger>', `台账：${ledgerNames.join(' | ')}`)
    .requiredOption('--division <code>', '行政区划代码（导出其下全部）')
    .requiredOption('--out <file>', '输出文件（.xlsx 或 .csv）')
    .option('--period <YYYY-MM>', '期别（劳动力台账必填）')
    .action(async (ledgerName: string, opts: { division: string; out: string; period?: string }) => {
      const ledger = ledgerArg(ledgerName);
      const { rows } = await withContext((ctx) =>
        exportLedger(ctx, systemActor('cli'), { ledger, divisionCode: opts.division, format: formatOf(opts.out), path: opts.out, period: opts.period }),
      );
      console.log(`已导出 ${rows} 行到 ${opts.out}`);
    });

  program
    .command('template')
    .description('生成空白导入模板（含填写说明）')
    .argument('<ledger>', `台账：${ledgerNames.join(' | ')}`)
    .requiredOption('--out <file>', '输出 .xlsx 文件')
    .action(async (ledgerName: string, opts: { out: string }) => {
      const { ledgers } = await import('@anju/core');
      await writeTemplate(ledgers[ledgerArg(ledgerName)], opts.out);
      console.log(`模板已写入 ${opts.out}`);
    });
}
