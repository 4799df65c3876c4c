/**
 * The monthly monitoring run (SPEC §4): every warning rule in force, set-based over the whole
 * registry of a division, in one statement; idempotent (a second run of the month raises nothing
 * twice); summarised by rule, by the category the warnings point to and by division.
 * `anju monitor run` and the schedule call it.
 */
import { caseCategories, compileRules, can, periodEnd, type CaseCategory, type CompiledRule } from '@anju/core';
import { today as chinaToday, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ForbiddenError, ValidationError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { activePacks } from '../policy/pack-service.js';
import { assertDivision, factQuery } from '../policy/policy-access.js';
import * as repo from './warning-repo.js';

export interface MonitorRunResult {
  runId: string;
  period: string;
  division: string;
  asOf: string;
  rules: number;
  raised: number;
  byRule: { ruleId: string; title: string; count: number }[];
  byCategory: Record<CaseCategory, number>;
  byDivision: { division: string; count: number }[];
}

/** Warning rules in force on a date that apply somewhere inside the division. */
export async function warningRules(ctx: AppContext, division: string, asOf: string): Promise<CompiledRule[]> {
  return compileRules(await activePacks(ctx.db), asOf).filter(
    (r) => r.version.benefit.kind === 'warning' && (r.jurisdiction.startsWith(division) || division.startsWith(r.jurisdiction)),
  );
}

const childLength = (code: string) => [2, 4, 6, 9, 12].find((n) => n > code.length) ?? 12;

export async function runMonitor(ctx: AppContext, actor: Actor, q: { period: string; division: string }): Promise<MonitorRunResult> {
  if (!can(actor.role, 'monitoring.run')) throw new ForbiddenError('无权运行月度监测（须为县级监测员或管理员）');
  assertDivision(actor, q.division);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(q.period)) throw new ValidationError('监测月份须为 YYYY-MM', [{ path: 'period', message: '须为 YYYY-MM' }]);
  const today = chinaToday(ctx);
  if (q.period > today.slice(0, 7)) throw new ValidationError(`监测月份 ${q.period} 尚未到来`, [{ path: 'period', message: '不能晚于本月' }]);
  // The month's facts as of its last day, or as of today while the month is still running.
  const asOf = periodEnd(q.period) < today ? periodEnd(q.period) : today;
  const rules = await warningRules(ctx, q.division, asOf);
  const fq = await factQuery(ctx, { division: q.division, asOf });
  const { runId, raised, summary } = await ctx.db.transaction().execute(async (trx) => {
    const runId = await repo.insertRun(trx, { period: q.period, division: q.division, asOf, userId: actor.userId, username: actor.username });
    const raised = await repo.raiseWarnings(trx, fq, rules, q.period, runId);
    const summary = await repo.runSummary(trx, runId, childLength(q.division));
    await repo.finishRun(trx, runId, raised, summary);
    await appendAudit(trx, {
      userId: actor.userId, username: actor.username, action: 'run', entity: 'monitor_run', entityId: runId, divisionCode: q.division,
      before: null, after: { period: q.period, asOf, rules: rules.map((r) => r.rule.id), raised },
    });
    return { runId, raised, summary };
  });
  const sum = (key: 'ruleId' | 'division' | 'category') => {
    const m = new Map<string, number>();
    for (const s of summary) m.set(s[key], (m.get(s[key]) ?? 0) + s.count);
    return m;
  };
  return {
    runId,
    period: q.period,
    division: q.division,
    asOf,
    rules: rules.length,
    raised,
    byRule: rules.map((r) => ({ ruleId: r.rule.id, title: r.rule.title, count: sum('ruleId').get(r.rule.id) ?? 0 })),
    byCategory: Object.fromEntries(caseCategories.values.map((c) => [c, sum('category').get(c) ?? 0])) as Record<CaseCategory, number>,
    byDivision: [...sum('division').entries()].map(([division, count]) => ({ division, count })),
  };
}
