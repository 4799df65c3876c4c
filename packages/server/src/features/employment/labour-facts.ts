/** Recomputes everything derived from one county's period of the ledger, in the caller's transaction. */
import { addMonths, periodEnd } from '@anju/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { today as chinaToday, type AppContext } from '../../platform/context.js';
import { labourForceBirthWindow, labourForceSettingOn } from '../settings/labour-force-setting.js';
import { stableEmploymentSetting } from './employment-settings.js';
import { refreshPersonFacts, type FactScope } from './labour-facts-repo.js';
import { scanZeroEmployment } from './zero-employment-scan-repo.js';
import { rebuildSummary } from './labour-summary-repo.js';
import { findPeriod, previousPeriod } from './period-repo.js';

export async function factScope(ctx: AppContext, db: Kysely<DB>, countyCode: string, period: string, prefix: string): Promise<FactScope> {
  const end = periodEnd(period);
  const window = labourForceBirthWindow(await labourForceSettingOn(db, countyCode, end), end);
  const stable = await stableEmploymentSetting(db, countyCode, end);
  return {
    countyCode,
    period,
    prefix: prefix.startsWith(countyCode) ? prefix : countyCode,
    previous: (await previousPeriod(db, countyCode, period)) ?? null,
    windowStart: addMonths(period, 1 - stable.windowPeriods),
    yearStart: addMonths(period, -11),
    bornAfter: window.bornAfter,
    bornOnOrBefore: window.bornOnOrBefore,
    minEmployedPeriods: stable.minEmployedPeriods,
    minContractMonths: stable.minContractMonths,
    today: chinaToday(ctx),
    closed: (await findPeriod(db, countyCode, period))?.status === 'closed',
  };
}

export async function refreshFacts(ctx: AppContext, db: Kysely<DB>, countyCode: string, period: string, prefix = countyCode): Promise<void> {
  const scope = await factScope(ctx, db, countyCode, period, prefix);
  await refreshPersonFacts(db, scope);
  await refreshFigures(db, scope);
}

/** What follows from the records' facts: the zero-employment cases and the figures. */
export async function refreshFigures(db: Kysely<DB>, scope: FactScope): Promise<void> {
  await scanZeroEmployment(db, scope);
  await rebuildSummary(db, scope);
}
