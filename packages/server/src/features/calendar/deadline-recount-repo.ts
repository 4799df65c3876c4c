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

/** A statement carries at most 65,535 parameters: updates go in chunks of this many rows. */
const CHUNK = 5_000;
const chunks = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

export async function setCaseDues(db: Kysely<DB>, dues: { id: string; step_due: string | null; whole_due: string | null }[]): Promise<void> {
  for (const part of chunks(dues)) {
    const rows = sql.join(part.map((d) => sql`(${d.id}::bigint, ${d.step_due}::date, ${d.whole_due}::date)`));
    await sql`
      UPDATE monitoring_case c SET step_due = v.step_due, whole_due = v.whole_due, updated_at = now()
      FROM (VALUES ${rows}) AS v(id, step_due, whole_due) WHERE c.id = v.id`.execute(db);
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
  for (const part of chunks(dues)) {
    const rows = sql.join(part.map((d) => sql`(${d.id}::bigint, ${d.due_on}::date)`));
    await sql`
      UPDATE safety_net_conversion c SET due_on = v.due_on, updated_at = now()
      FROM (VALUES ${rows}) AS v(id, due_on) WHERE c.id = v.id`.execute(db);
  }
}
