/**
 * 监测帮扶统计 (docs/MONITORING.md §7) for any division and month: monitoring objects as of the
 * month's last day (today for the month in progress), the month's warnings and those open now by
 * the category they point to, the month's new and eliminated cases,
 * what is overdue and late now, the consolidation rate and a 12-month trend, and the same per
 * sub-division. Each number is counted with the predicate its drill-down list filters by.
 */
import { addMonths, can, caseCategories, caseSteps, CLOSED_STEPS, periodEnd } from '@anju/core';
import { today as todayOf, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { childDivisions, getDivision } from '../divisions/division-repo.js';
import * as repo from './monitoring-figures-repo.js';
import type { FiguresOutput } from './monitoring-figures-schemas.js';

const CODE_LENGTHS = [2, 4, 6, 9, 12];
const TREND_MONTHS = 12;

const sumBy = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((s, r) => s + pick(r), 0);

/** 1 − atRisk / registeredPoor, as a percentage with two decimals. */
export function consolidationRate(atRisk: number, registeredPoor: number): number | null {
  if (registeredPoor === 0) return null;
  return Math.round(((registeredPoor - atRisk) / registeredPoor) * 10_000) / 100;
}

export async function monitoringFigures(ctx: AppContext, actor: Actor, q: { division?: string; period?: string }): Promise<FiguresOutput> {
  if (!can(actor.role, 'registry.read')) throw new ForbiddenError('无权查看监测帮扶统计');
  const code = q.division ?? actor.divisionCode;
  // Outside the user's division looks exactly like a division that does not exist.
  if (!code.startsWith(actor.divisionCode)) throw new NotFoundError('行政区划');
  const division = code ? await getDivision(ctx.db, code) : undefined;
  if (code && !division) throw new NotFoundError('行政区划');

  const today = todayOf(ctx);
  const period = q.period ?? today.slice(0, 7);
  if (period > today.slice(0, 7)) throw new ValidationError(`统计月份 ${period} 不能晚于本月`, [{ path: 'period', message: '不能晚于本月' }]);
  const end = periodEnd(period);
  const month: repo.Month = { start: `${period}-01`, end, asOf: end < today ? end : today, today };
  const childLength = CODE_LENGTHS.find((l) => l > code.length) ?? 0;

  const [cases, warnings, tasks, conversions, terms, trend, children] = await Promise.all([
    repo.caseCube(ctx.db, code, childLength, month),
    repo.warningCounts(ctx.db, code, period),
    repo.taskCube(ctx.db, code, childLength, today),
    repo.conversionCounts(ctx.db, code, today),
    repo.consolidationTerms(ctx.db, code, month.asOf),
    repo.trend(ctx.db, code, `${addMonths(period, 1 - TREND_MONTHS)}-01`, month.start, today),
    childLength ? childDivisions(ctx.db, code || null) : Promise.resolve([]),
  ]);

  const closed = new Set<string>(CLOSED_STEPS);
  const openByStep = Object.fromEntries(caseSteps.values.filter((s) => !closed.has(s)).map((s) => [s, 0])) as Record<string, number>;
  for (const c of cases) if (!closed.has(c.step)) openByStep[c.step] = (openByStep[c.step] ?? 0) + c.cases;
  const perCategory = <T extends { category: string }>(rows: T[], pick: (r: T) => number) =>
    Object.fromEntries(caseCategories.values.map((k) => [k, sumBy(rows.filter((r) => r.category === k), pick)])) as FiguresOutput['objects']['byCategory'];
  const byCategory = perCategory(cases, (c) => c.monitored);

  return {
    divisionCode: code,
    divisionName: division?.name ?? '全国',
    period,
    asOf: month.asOf,
    today,
    objects: { total: sumBy(cases, (c) => c.monitored), byCategory },
    warnings: {
      raised: sumBy(warnings, (w) => w.raised),
      raisedByCategory: perCategory(warnings, (w) => w.raised),
      open: sumBy(warnings, (w) => w.open),
      openByCategory: perCategory(warnings, (w) => w.open),
    },
    openByStep,
    openCases: sumBy(Object.values(openByStep), (v) => v),
    newMonitored: sumBy(cases, (c) => c.newMonitored),
    eliminated: sumBy(cases, (c) => c.eliminated),
    overdue: sumBy(cases, (c) => c.overdue),
    tasks: { open: sumBy(tasks, (t) => t.open), late: sumBy(tasks, (t) => t.late), done: sumBy(tasks, (t) => t.done) },
    conversions,
    consolidation: {
      rate: consolidationRate(terms.atRisk, terms.registeredPoor),
      numerator: terms.registeredPoor - terms.atRisk,
      denominator: terms.registeredPoor,
      atRisk: terms.atRisk,
    },
    trend,
    byDivision: children.map((d) => {
      const mine = cases.filter((c) => c.area === d.code);
      return {
        code: d.code,
        name: d.name,
        monitored: sumBy(mine, (c) => c.monitored),
        newMonitored: sumBy(mine, (c) => c.newMonitored),
        eliminated: sumBy(mine, (c) => c.eliminated),
        overdue: sumBy(mine, (c) => c.overdue),
        lateTasks: sumBy(tasks.filter((t) => t.area === d.code), (t) => t.late),
      };
    }),
  };
}
