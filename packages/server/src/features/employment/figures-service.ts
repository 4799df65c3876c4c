/** Employment figures for any division and period (SPEC §5, §10), from the per-village summary. */
import { addMonths, employmentFactSources, periodEnd } from '@anju/core';
import { trainingFigures } from '../training/training-figures-repo.js';
import { welfarePostFigures } from '../welfare-posts/welfare-post-figures-repo.js';
import { today as chinaToday, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { askedDivision } from '../../platform/division-scope.js';
import { assertRead } from './ledger-service.js';
import * as repo from './figures-repo.js';

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null);

/** Out of scope is refused (404), never replaced by the actor's own division. */
function scopeOf(actor: Actor, divisionCode: string): string {
  return askedDivision(actor, divisionCode);
}

function prefixed(m: Record<string, number>, prefix: string): Record<string, number> {
  return Object.fromEntries(Object.entries(m).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
}

export async function figures(ctx: AppContext, actor: Actor, divisionCode: string, period: string | undefined) {
  assertRead(actor);
  const scope = scopeOf(actor, divisionCode);
  const chosen = period ?? (await repo.summaryPeriods(ctx.db, scope))[0] ?? null;
  const m = chosen ? await repo.summaryMetrics(ctx.db, scope, chosen) : {};
  const base = figuresOf(m);
  // Training and posts are dated records, not ledger facts: counted on the period's last day.
  const on = chosen ? periodEnd(chosen) : chinaToday(ctx);
  const [trained, posts] = await Promise.all([trainingFigures(ctx.db, scope, on), welfarePostFigures(ctx.db, scope, on)]);
  return {
    divisionCode: scope,
    period: chosen,
    ...base,
    training: { ...trained, trainingRate: rate(trained.trained, base.labourForce), certificateRate: rate(trained.certified, base.labourForce) },
    welfarePosts: { ...posts, fillRate: rate(posts.filled, posts.posts) },
    sources: employmentFactSources,
  };
}

/** The figures from a division's summed metrics (also one row of the dispatch report). */
export function figuresOf(m: Record<string, number>) {
  const v = (k: string) => m[k] ?? 0;
  return {
    labourForce: v('labour_force'),
    employed: v('employed'),
    employmentRate: rate(v('employed'), v('labour_force')),
    stablyEmployed: v('stably_employed'),
    stableRate: rate(v('stably_employed'), v('labour_force')),
    seeking: v('seeking'),
    trainingWish: v('training_wish'),
    firstCrossProvince: v('first_cross_province'),
    returnees: v('returnees'),
    insured: v('insured'),
    byChannel: prefixed(m, 'channel:'),
    byPlace: prefixed(m, 'place:'),
    householdsWithLabour: v('households_with_labour'),
    householdsOneStable: v('households_one_stable'),
    oneStableRate: rate(v('households_one_stable'), v('households_with_labour')),
    zeroEmployment: { new: v('zero_new'), cleared: v('zero_cleared'), open: v('zero_open') },
    income: {
      reported: v('income_count'),
      total: v('income_sum'),
      monthlyAverage: v('income_count') > 0 ? Math.round(v('income_sum') / v('income_count')) : null,
    },
  };
}

const TREND_METRICS = ['labour_force', 'employed', 'stably_employed', 'households_with_labour', 'households_one_stable', 'zero_open', 'zero_new', 'zero_cleared', 'income_sum', 'income_count'];

/** Up to `count` periods ending with `to`, each with the trend metrics and the rates. */
export async function trend(ctx: AppContext, actor: Actor, divisionCode: string, to: string | undefined, count: number) {
  assertRead(actor);
  const scope = scopeOf(actor, divisionCode);
  const last = to ?? (await repo.summaryPeriods(ctx.db, scope))[0];
  if (!last) return { divisionCode: scope, periods: [] };
  const rows = await repo.summaryTrend(ctx.db, scope, addMonths(last, 1 - count), last, TREND_METRICS);
  const byPeriod = new Map<string, Record<string, number>>();
  for (const r of rows) byPeriod.set(r.period, { ...byPeriod.get(r.period), [r.metric]: r.value });
  return {
    divisionCode: scope,
    periods: [...byPeriod.entries()].map(([period, m]) => {
      const v = (k: string) => m[k] ?? 0;
      return {
        period,
        labourForce: v('labour_force'),
        employed: v('employed'),
        employmentRate: rate(v('employed'), v('labour_force')),
        stableRate: rate(v('stably_employed'), v('labour_force')),
        oneStableRate: rate(v('households_one_stable'), v('households_with_labour')),
        zeroOpen: v('zero_open'),
        zeroNew: v('zero_new'),
        zeroCleared: v('zero_cleared'),
        monthlyIncomeAverage: v('income_count') > 0 ? Math.round(v('income_sum') / v('income_count')) : null,
      };
    }),
  };
}
