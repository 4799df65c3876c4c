/**
 * The monitoring_case table and its timeline (case_event). Every read takes the division prefix
 * it is scoped to; lateness in SQL (the list's `overdue` filter, the board) follows
 * case-deadlines.ts effectiveDue.
 */
import { sql, type Kysely, type Updateable } from 'kysely';
import { IDENTIFICATION_STEPS } from '@anju/core';
import type { DB } from '../../db/schema.js';
import type { MonitoringCaseTable } from '../../db/schema-monitoring-cases.js';

const OPEN_STEPS = ['lead', 'verified', 'compared', 'notice', 'township_reviewed', 'monitored', 'elimination_notice'];
const identification = sql.join(IDENTIFICATION_STEPS.map((s) => sql.lit(s)));
/** The first date a case can miss (SQL twin of effectiveDue). */
const effectiveDue = sql<string | null>`least(c.step_due, CASE WHEN c.step IN (${identification}) THEN c.whole_due END)`;

function selectCases(db: Kysely<DB>) {
  return db
    .selectFrom('monitoring_case as c')
    .innerJoin('household as h', 'h.id', 'c.household_id')
    .leftJoin('person as p', (j) => j.onRef('p.household_id', '=', 'h.id').on('p.relation', '=', 'head'))
    .leftJoin('division as d', 'd.code', 'c.dest_division_code')
    .selectAll('c')
    .select(['h.household_no', 'h.kind as household_kind', 'p.name as head_name', 'd.name as division_name']);
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export async function findCase(db: Kysely<DB>, id: string, scope: string) {
  return selectCases(db).where('c.id', '=', id).where('c.dest_division_code', 'like', `${scope}%`).executeTakeFirst();
}

export interface CaseFilter {
  division: string;
  step?: string;
  category?: string;
  channel?: string;
  overdue?: boolean;
  householdId?: string;
  /** YYYY-MM */
  monitoredIn?: string;
  eliminatedIn?: string;
  /** YYYY-MM-DD: households under monitoring that day (the figures' 监测对象). */
  monitoredOn?: string;
}

const inMonth = (column: 'c.monitored_on' | 'c.eliminated_on', month: string) => sql<boolean>`to_char(${sql.ref(column)}, 'YYYY-MM') = ${month}`;

export async function listCases(db: Kysely<DB>, f: CaseFilter, today: string, limit: number, offset: number) {
  let q = selectCases(db).where('c.dest_division_code', 'like', `${f.division}%`);
  if (f.step) q = q.where('c.step', '=', f.step);
  if (f.category) q = q.where('c.category', '=', f.category);
  if (f.channel) q = q.where('c.channel', '=', f.channel);
  if (f.householdId) q = q.where('c.household_id', '=', f.householdId);
  if (f.monitoredIn) q = q.where(inMonth('c.monitored_on', f.monitoredIn));
  if (f.eliminatedIn) q = q.where(inMonth('c.eliminated_on', f.eliminatedIn));
  if (f.monitoredOn) {
    q = q.where(sql<boolean>`c.monitored_on <= ${f.monitoredOn}::date AND (c.eliminated_on IS NULL OR c.eliminated_on > ${f.monitoredOn}::date)`);
  }
  if (f.overdue !== undefined) q = q.where(sql<boolean>`coalesce(${effectiveDue} < ${today}::date, false) = ${f.overdue}`);
  const [rows, total] = await Promise.all([
    q.orderBy('c.id', 'desc').limit(limit).offset(offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Open cases of a division counted by step, with how many of each are late. */
export async function boardCounts(db: Kysely<DB>, division: string, today: string) {
  const { rows } = await sql<{ step: string; n: string; late: string }>`
    SELECT c.step, count(*) AS n, count(*) FILTER (WHERE ${effectiveDue} < ${today}::date) AS late
    FROM monitoring_case c
    WHERE c.dest_division_code LIKE ${division + '%'} AND c.step IN (${sql.join(OPEN_STEPS)})
    GROUP BY c.step`.execute(db);
  return new Map(rows.map((r) => [r.step, { count: Number(r.n), overdue: Number(r.late) }]));
}

/** The household's case in progress, if any. */
export async function openCaseOf(db: Kysely<DB>, householdId: string) {
  return db.selectFrom('monitoring_case').select(['id', 'step', 'lead_on']).where('household_id', '=', householdId).where('step', 'not in', ['eliminated', 'rejected']).executeTakeFirst();
}

/** The household's cases that are history, newest first. */
export async function closedCasesOf(db: Kysely<DB>, householdId: string, exceptId: string) {
  return db
    .selectFrom('monitoring_case')
    .select(['id', 'step', 'channel', 'category', 'lead_on', 'monitored_on', 'eliminated_on', 'closed_on', 'rejected_step', 'rejected_reason'])
    .where('household_id', '=', householdId)
    .where('id', '<>', exceptId)
    .where('step', 'in', ['eliminated', 'rejected'])
    .orderBy('id', 'desc')
    .execute();
}

/** A household as a lead needs it, inside the division (by where it lives now). */
export async function householdInScope(db: Kysely<DB>, id: string, scope: string) {
  return db
    .selectFrom('household')
    .select(['id', 'household_no', 'kind', 'county_code', 'dest_division_code', 'status', 'monitoring_category'])
    .where('id', '=', id as never)
    .where('dest_division_code', 'like', `${scope}%`)
    .executeTakeFirst();
}

export async function insertCase(db: Kysely<DB>, values: {
  household_id: string; county_code: string; dest_division_code: string; channel: string; category: string; risk_note: string;
  lead_on: string; step_due: string | null; whole_due: string | null; created_by: string;
}) {
  return db.insertInto('monitoring_case').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Moves a case on at the version read; undefined when someone else moved it first. */
export async function updateCase(db: Kysely<DB>, id: string, version: number, values: Updateable<MonitoringCaseTable>) {
  return db
    .updateTable('monitoring_case')
    .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'version', 'step'])
    .executeTakeFirst();
}

/** Sets the household's monitoring category (part of the case's transaction); returns the one before. */
export async function setHouseholdCategory(db: Kysely<DB>, householdId: string, category: string): Promise<string | null> {
  const before = await db.selectFrom('household').select('monitoring_category').where('id', '=', householdId as never).forUpdate().executeTakeFirst();
  await db
    .updateTable('household')
    .set({ monitoring_category: category, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', householdId as never)
    .execute();
  return before?.monitoring_category ?? null;
}

export interface NewCaseEvent {
  caseId: string;
  action: string;
  fromStep: string | null;
  toStep: string | null;
  note?: string | null;
  data?: unknown;
  username: string;
  at: Date;
}

export async function insertEvent(db: Kysely<DB>, e: NewCaseEvent) {
  await db
    .insertInto('case_event')
    .values({
      case_id: e.caseId, action: e.action, from_step: e.fromStep, to_step: e.toStep, note: e.note ?? null,
      data: JSON.stringify(e.data ?? {}), username: e.username, at: e.at,
    })
    .execute();
}

export async function eventsOf(db: Kysely<DB>, caseId: string) {
  return db.selectFrom('case_event').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}
