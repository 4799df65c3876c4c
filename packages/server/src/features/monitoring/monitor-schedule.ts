/**
 * The scheduled monitoring run: once a month, for the month just ended, the whole registry.
 * The server checks every few hours whether that run has happened (a restart or a day with the
 * server down must not skip a month) and runs it as the system; a manual run of the same month
 * before then makes this one raise nothing new, as runs are idempotent.
 */
import { addMonths } from '@anju/core';
import { today as chinaToday, type AppContext } from '../../platform/context.js';
import { systemActor } from '../../platform/actor.js';
import { runMonitor } from './monitor-run.js';
import { lastRunOf } from './warning-repo.js';
import { escalateOverdueCases } from '../monitoring-cases/escalation.js';

const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

/** The month whose scheduled run is due today, if it has not been run yet (nationally). */
export async function dueRun(ctx: AppContext): Promise<string | undefined> {
  const previous = addMonths(chinaToday(ctx).slice(0, 7), -1);
  return (await lastRunOf(ctx.db, previous, '')) ? undefined : previous;
}

export async function runDueMonitor(ctx: AppContext, log: (line: string) => void = () => undefined): Promise<void> {
  const period = await dueRun(ctx);
  if (!period) return;
  const result = await runMonitor(ctx, systemActor('schedule'), { period, division: '' });
  log(`已完成 ${period} 月度监测：新增预警 ${result.raised} 条`);
}

export function scheduleMonitor(ctx: AppContext, log: (line: string) => void): () => void {
  const tick = () => {
    void runDueMonitor(ctx, log).catch((error: unknown) => log(`月度监测未能运行：${(error as Error).message}`));
    // Overdue identification steps are marked on their timelines at the same rhythm.
    void escalateOverdueCases(ctx)
      .then((n) => n && log(`已将 ${n} 件逾期案件提请上级督办`))
      .catch((error: unknown) => log(`逾期案件督办检查未能运行：${(error as Error).message}`));
  };
  tick();
  const timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
