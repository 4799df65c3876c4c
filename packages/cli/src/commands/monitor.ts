/**
 * `anju monitor run --period YYYY-MM [--division CODE] [--json]`: the monthly monitoring run
 * (SPEC §4) — every warning rule over the whole registry of the division, set-based; running the
 * same month again raises nothing twice. Prints the warnings raised by rule and by division.
 */
import type { Command } from 'commander';
import { runMonitor, systemActor } from '@anju/server';
import { fail, withContext } from '../runtime.js';

export function registerMonitor(program: Command): void {
  const monitor = program.command('monitor').description('防止返贫动态监测');
  monitor
    .command('run')
    .description('运行月度监测：按预警规则筛查辖区全部搬迁户，同月重复运行不重复预警')
    .requiredOption('--period <YYYY-MM>', '监测月份')
    .option('--division <code>', '行政区划代码（默认全国）', '')
    .option('--json', '以 JSON 输出结果')
    .action(async (o: { period: string; division: string; json?: boolean }) => {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.period)) fail(`监测月份须为 YYYY-MM，实际为“${o.period}”`, 2);
      const started = Date.now();
      const result = await withContext((ctx) => runMonitor(ctx, systemActor('cli'), { period: o.period, division: o.division }), { quiet: o.json });
      if (o.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      console.log(`${o.period} 月度监测（截至 ${result.asOf}，区划 ${o.division || '全国'}）：${result.rules} 条规则，新增预警 ${result.raised} 条，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
      for (const r of result.byRule) console.log(`  ${String(r.count).padStart(7)}  ${r.title}（${r.ruleId}）`);
      if (result.byDivision.length) {
        console.log('按区划：');
        for (const d of result.byDivision) console.log(`  ${String(d.count).padStart(7)}  ${d.division}`);
      }
    });
}
