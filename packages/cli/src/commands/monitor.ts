/**
 * `anju monitor run --period YYYY-MM [--division CODE] [--json]`: the monthly monitoring run
 * (SPEC §4) — every warning rule over the whole registry of the division, set-based; running the
 * same month again raises nothing twice. Prints the warnings raised by rule, by the monitoring
 * category they point to and by division.
 * `anju monitor figures`: the monitoring figures of a division and month (docs/MONITORING.md §7).
 * `anju monitor escalate`: marks overdue cases escalated now, as the server does every six hours.
 */
import type { Command } from 'commander';
import { caseCategories, caseSteps } from '@anju/core';
import { escalateOverdueCases, monitoringFigures, runMonitor, systemActor } from '@anju/server';
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
      console.log(`按指向的监测类别：${caseCategories.values.map((c) => `${caseCategories.labels[c]} ${result.byCategory[c]}`).join('，')}`);
      if (result.byDivision.length) {
        console.log('按区划：');
        for (const d of result.byDivision) console.log(`  ${String(d.count).padStart(7)}  ${d.division}`);
      }
    });

  monitor
    .command('figures')
    .description('监测统计：监测对象、新识别、风险消除、逾期、帮扶任务、城乡转换、巩固率')
    .requiredOption('--period <YYYY-MM>', '统计月份')
    .option('--division <code>', '行政区划代码（默认全国）', '')
    .option('--json', '以 JSON 输出结果')
    .action(async (o: { period: string; division: string; json?: boolean }) => {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.period)) fail(`统计月份须为 YYYY-MM，实际为“${o.period}”`, 2);
      const f = await withContext((ctx) => monitoringFigures(ctx, systemActor('cli'), { period: o.period, division: o.division }), { quiet: o.json });
      if (o.json) {
        console.log(JSON.stringify(f, null, 2));
        return;
      }
      const categories = caseCategories.values.map((c) => `${caseCategories.labels[c]} ${f.objects.byCategory[c]}`).join('，');
      console.log(`${f.divisionName || '全国'} ${f.period} 监测统计（截至 ${f.asOf}）`);
      console.log(`  监测对象 ${f.objects.total} 户（${categories}）；本月新识别 ${f.newMonitored} 户，风险消除 ${f.eliminated} 户`);
      const warnings = caseCategories.values.map((c) => `${caseCategories.labels[c]} ${f.warnings.raisedByCategory[c]}`).join('，');
      console.log(`  本月预警 ${f.warnings.raised} 条（${warnings}）；待处置预警 ${f.warnings.open} 条`);
      console.log(`  在办案件 ${f.openCases} 件，逾期 ${f.overdue} 件：${caseSteps.values.filter((s) => f.openByStep[s]).map((s) => `${caseSteps.labels[s]} ${f.openByStep[s]}`).join('，')}`);
      console.log(`  帮扶任务 未办结 ${f.tasks.open} 项（逾期 ${f.tasks.late} 项），已办结 ${f.tasks.done} 项；城乡转换待办 ${f.conversions.pending} 人（逾期 ${f.conversions.overdue} 人）`);
      const c = f.consolidation;
      console.log(`  巩固率 ${c.rate === null ? '—' : `${c.rate}%`}（${c.numerator} / ${c.denominator}，目标 ≥ 98%）`);
    });
  monitor
    .command('escalate')
    .description('逾期提级：为已逾期的案件记入“提级督办”（服务运行时每6小时自动执行）')
    .option('--division <code>', '行政区划代码（默认全国）', '')
    .action(async (o: { division: string }) => {
      const n = await withContext((ctx) => escalateOverdueCases(ctx, o.division));
      console.log(`新提级督办案件 ${n} 件`);
    });
}
