/**
 * The open deadlines a calendar year can move: cases' step and whole-procedure dues, pending
 * conversions' dues, each with the dates they were counted from. SQL only.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface OpenCaseDues {
  id: string;
  county_code: string;
  step: string;
  lead_on: string;
  notice_end: string | null;
  step_due: string | null;
  whole_due: string | null;
  /** The day the case entered its step (its latest event to that step), in Beijing time as the workflow counts days. */
  entered_on: string;
}

/** Open cases with a due date on or after 1 January of `year`. */
export async function openCasesDueFrom(db: Kysely<DB>, year: number): Promise<OpenCaseDues[]> {
  const from = `${year}-01-01`;
  const { rows } = await sql<OpenCaseDues>`
    SELECT c.id, c.county_code, c.step, c.lead_on, c.notice_end, c.step_due, c.whole_due,
      coalesce((SELECT to_char((max(e.at) AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD') FROM case_event e WHERE e.case_id = c.id AND e.to_step = c.step), c.lead_on::text) AS entered_on
    FROM monitoring_case c
    WHERE c.step NOT IN ('eliminated', 'rejected') AND (c.step_due >= ${from}::date OR c.whole_due >= ${from}::date)`.execute(db);
  return rows;
}

export async function setCaseDues(db: Kysely<DB>, dues: { id: string; step_due: string | null; whole_due: string | null }[]): Promise<void> {
  for (const d of dues) {
    await db.updateTable('monitoring_case').set({ step_due: d.step_due, whole_due: d.whole_due, updated_at: new Date() }).where('id', '=', d.id).execute();
  }
}

/** Pending conversions due on or after 1 January of `year`. */
export async function pendingConversionsDueFrom(db: Kysely<DB>, year: number) {
  return db
    .selectFrom('safety_net_conversion')
    .select(['id', 'county_code', 'confirmed_on', 'due_on'])
    .where('status', '=', 'pending')
    .where('due_on', '>=', `${year}-01-01`)
    .execute();
}

export async function setConversionDues(db: Kysely<DB>, dues: { id: string; due_on: string }[]): Promise<void> {
  for (const d of dues) await db.updateTable('safety_net_conversion').set({ due_on: d.due_on, updated_at: new Date() }).where('id', '=', d.id).execute();
}
