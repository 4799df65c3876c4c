/**
 * The demo's monthly labour ledger (月调度): each period opened through the real openPeriod path
 * (carry-forward, audit), its facts drawn set-based in SQL (demo-ledger-repo.ts), the derived
 * facts, zero-employment cases and figures refreshed, and every period but the last closed.
 */
import { addMonths } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import { systemActor } from '../../platform/actor.js';
import { refreshFacts } from '../employment/labour-facts.js';
import { closePeriod, openPeriod } from '../employment/ledger-service.js';
import { applyDemoFacts, countiesWithHouseholds, dropBlankOpeningCases } from './demo-ledger-repo.js';

export interface SeedLedgerOptions {
  seed: number;
  /** Periods ('YYYY-MM') in order; the last one is left open. */
  periods: string[];
  onProgress?: (done: { period: string; index: number; of: number; records: number }) => void;
}

/** `count` periods ending with the month before `now`'s (the current month is not yet reported). */
export function demoPeriods(now: Date, count: number): string[] {
  const last = addMonths(now.toISOString().slice(0, 7), -1);
  return Array.from({ length: count }, (_, i) => addMonths(last, i + 1 - count));
}

/** Returns the number of records written over all periods. */
export async function seedLedger(ctx: AppContext, options: SeedLedgerOptions): Promise<number> {
  const actor = systemActor('demo');
  const counties = await countiesWithHouseholds(ctx.db);
  let total = 0;
  for (const [index, period] of options.periods.entries()) {
    let records = 0;
    for (const countyCode of counties) {
      const opened = await openPeriod(ctx, actor, countyCode, period);
      records += await ctx.db.transaction().execute(async (trx) => {
        const first = opened.carriedFrom === null;
        const n = await applyDemoFacts(trx, { seed: options.seed, countyCode, period, first });
        if (first) await dropBlankOpeningCases(trx, countyCode, period);
        await refreshFacts(ctx, trx, countyCode, period);
        return n;
      });
      if (index < options.periods.length - 1) await closePeriod(ctx, actor, countyCode, period);
    }
    total += records;
    options.onProgress?.({ period, index, of: options.periods.length, records });
  }
  return total;
}
