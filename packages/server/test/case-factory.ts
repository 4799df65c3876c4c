/**
 * Monitoring cases put straight into a test database at a given step, for the features that
 * build on cases (plan, figures) without walking the identification workflow each time.
 */
import type { Database } from '../src/db/connection.js';

export interface CaseFixture {
  householdId: string;
  category?: 'unstable' | 'marginal' | 'sudden_hardship';
  step?: string;
  channel?: string;
  leadOn?: string;
  stepDue?: string | null;
  wholeDue?: string | null;
  monitoredOn?: string | null;
  eliminatedOn?: string | null;
}

/** Inserts a case in the household's county and division; returns its id. */
export async function insertCase(database: Database, c: CaseFixture): Promise<string> {
  const { rows } = await database.pool.query<{ id: string }>(
    `INSERT INTO monitoring_case (household_id, county_code, dest_division_code, channel, category, risk_note, step, lead_on,
       step_due, whole_due, monitored_on, eliminated_on, closed_on, rejected_step, rejected_reason, created_by)
     SELECT h.id, h.county_code, h.dest_division_code, $2, $3, '测试案件', $4::text, $5::date,
       -- As the workflow does, a closed case keeps no step deadline.
       CASE WHEN $4 IN ('eliminated', 'rejected') THEN NULL ELSE $6::date END, $7::date, $8::date, $9::date,
       CASE WHEN $4 IN ('eliminated', 'rejected') THEN coalesce($9::date, $5::date) END,
       CASE WHEN $4 = 'rejected' THEN 'lead' END, CASE WHEN $4 = 'rejected' THEN '经核实不符合纳入条件' END, 'test'
     FROM household h WHERE h.id = $1
     RETURNING id::text`,
    [c.householdId, c.channel ?? 'cadre_screening', c.category ?? 'unstable', c.step ?? 'monitored', c.leadOn ?? c.monitoredOn ?? '2026-01-05',
      c.stepDue ?? null, c.wholeDue ?? null, c.monitoredOn ?? null, c.eliminatedOn ?? null],
  );
  if (!rows[0]) throw new Error(`no household ${c.householdId}`);
  return rows[0].id;
}
