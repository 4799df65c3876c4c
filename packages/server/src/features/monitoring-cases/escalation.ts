/**
 * The periodic escalation check (docs/MONITORING.md §1): every case late at its step gets one
 * `escalated` event naming the level now told. Lateness itself is computed on read; this only
 * leaves the mark on the timeline, so running it often, or twice, changes nothing more. Called
 * by the monitoring schedule (monitor-schedule.ts) and directly by tests.
 */
import { today as todayOf, type AppContext } from '../../platform/context.js';
import { appendAudit } from '../audit/audit-repo.js';
import {  } from './case-access.js';
import { insertEscalations } from './escalation-repo.js';

/** Writes the escalations due today inside `division` ('' = everywhere); returns how many. */
export async function escalateOverdueCases(ctx: AppContext, division = ''): Promise<number> {
  const today = todayOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await insertEscalations(trx, division, today, ctx.now());
    if (rows.length) {
      await appendAudit(trx, {
        userId: null, username: 'system', action: 'escalate', entity: 'monitoring_case', entityId: null, divisionCode: division,
        before: null, after: { on: today, cases: rows.map((r) => ({ id: r.case_id, step: r.step, escalatedTo: r.level })) },
      });
    }
    return rows.length;
  });
}
