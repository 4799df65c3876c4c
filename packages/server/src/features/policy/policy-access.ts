/** Who may read policy evaluations, and the fact query of a division on a date (with its settings). */
import { can } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { labourForceBirthWindow, labourForceSettingOn } from '../settings/labour-force-setting.js';
import { countiesOf, ledgerMonths, type FactQuery } from './fact-repo.js';
import { incomeLineOn, monitoringThresholds } from '../monitoring/monitoring-settings.js';

export function assertPolicyRead(actor: Actor): void {
  if (!can(actor.role, 'registry.read')) throw new ForbiddenError('无权查看政策享受情况');
}

/** A division outside the actor's own is answered as if it did not exist. */
export function assertDivision(actor: Actor, division: string): void {
  if (!division.startsWith(actor.divisionCode)) throw new NotFoundError('区划');
}

export async function factQuery(ctx: AppContext, q: { division: string; asOf: string; householdId?: string }): Promise<FactQuery> {
  const window = labourForceBirthWindow(await labourForceSettingOn(ctx.db, q.division, q.asOf), q.asOf);
  const thresholds = await Promise.all(
    (await countiesOf(ctx.db, q.division, q.householdId)).map(async (countyCode) => {
      const [line, t] = await Promise.all([incomeLineOn(ctx.db, countyCode, q.asOf), monitoringThresholds(ctx.db, countyCode, q.asOf)]);
      return { countyCode, incomeLine: line?.yuan ?? 0, incomeDropShare: t.incomeDropShare, rigidExpenseShare: t.rigidExpenseShare };
    }),
  );
  // Resolved before the fact statements, like the settings: the planner then knows the months.
  const ledger = await ledgerMonths(ctx.db, q.division, q.asOf);
  return { division: q.division, asOf: q.asOf, householdId: q.householdId, ...window, thresholds, ledger };
}
