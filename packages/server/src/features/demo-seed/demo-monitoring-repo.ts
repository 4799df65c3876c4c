/**
 * SQL of the demo's monitoring cases: households picked by a hash of (seed, id), so the same seed
 * picks the same ones, and every row of a kind written in one statement from a JSON list built
 * in demo-monitoring.ts. No audit entries: like the demo ledger, this is seeding, not work done.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface CaseSeed {
  n: number;
  /** Picks a registered-poor household (脱贫户) when true, a synchronous one when false. */
  poor: boolean;
  channel: string;
  category: string;
  risk_note: string;
  step: string;
  lead_on: string;
  commitment_signed_on: string | null;
  notice_start: string | null;
  notice_end: string | null;
  step_due: string | null;
  whole_due: string | null;
  monitored_on: string | null;
  elimination_proposed_on: string | null;
  eliminated_on: string | null;
  closed_on: string | null;
  rejected_step: string | null;
  rejected_reason: string | null;
}

const CASE_COLUMNS = `n int, poor boolean, channel text, category text, risk_note text, step text, lead_on date, commitment_signed_on date,
  notice_start date, notice_end date, step_due date, whole_due date, monitored_on date, elimination_proposed_on date, eliminated_on date,
  closed_on date, rejected_step text, rejected_reason text`;

/** Inserts the cases into households of the county without one in progress; returns scenario n → case id. */
export async function insertDemoCases(db: Kysely<DB>, seed: number, countyCode: string, cases: CaseSeed[]): Promise<Map<number, string>> {
  const { rows } = await sql<{ id: string; n: number }>`
    WITH s AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(cases)}::jsonb) AS s(${sql.raw(CASE_COLUMNS)})),
    picked AS (
      SELECT h.id, h.county_code, h.dest_division_code, h.kind = 'registered_poor' AS poor,
        row_number() OVER (PARTITION BY h.kind = 'registered_poor' ORDER BY hashtext(${`${seed}:monitoring:`} || h.id::text), h.id) AS k
      FROM household h
      WHERE h.county_code = ${countyCode} AND h.status = 'active'
        AND EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.relation = 'head')
        AND NOT EXISTS (SELECT 1 FROM monitoring_case c WHERE c.household_id = h.id)
    ),
    matched AS (
      SELECT s.*, p.id AS household_id, p.county_code, p.dest_division_code
      FROM s JOIN picked p ON p.poor = s.poor AND p.k = (SELECT count(*) FROM s s2 WHERE s2.poor = s.poor AND s2.n <= s.n)
    ),
    ins AS (
      INSERT INTO monitoring_case (household_id, county_code, dest_division_code, channel, category, risk_note, step, rejected_step, rejected_reason,
        commitment_signed_on, authorization_signed_on, notice_start, notice_end, step_due, whole_due, lead_on, monitored_on,
        elimination_proposed_on, eliminated_on, closed_on, created_by)
      SELECT household_id, county_code, dest_division_code, channel, category, risk_note, step, rejected_step, rejected_reason,
        commitment_signed_on, commitment_signed_on, notice_start, notice_end, step_due, whole_due, lead_on, monitored_on,
        elimination_proposed_on, eliminated_on, closed_on, 'demo'
      FROM matched ORDER BY n
      RETURNING id, household_id
    )
    SELECT ins.id::text AS id, m.n FROM ins JOIN matched m ON m.household_id = ins.household_id ORDER BY m.n`.execute(db);
  return new Map(rows.map((r) => [Number(r.n), r.id]));
}

/** Monitored households carry their case's category (the workflow sets it on county approval). */
export async function markMonitoredHouseholds(db: Kysely<DB>): Promise<void> {
  await sql`
    UPDATE household h SET monitoring_category = c.category, version = h.version + 1, updated_at = now()
    FROM monitoring_case c
    WHERE c.household_id = h.id AND c.created_by = 'demo' AND c.step IN ('monitored', 'elimination_notice')`.execute(db);
}

export interface EventSeed {
  case_id: string;
  action: string;
  from_step: string | null;
  to_step: string | null;
  note: string | null;
  at: string;
}

export async function insertDemoEvents(db: Kysely<DB>, events: EventSeed[]): Promise<void> {
  await sql`
    INSERT INTO case_event (case_id, action, from_step, to_step, note, username, at)
    SELECT case_id, action, from_step, to_step, note, 'demo', (at + time '10:00') AT TIME ZONE 'Asia/Shanghai'
    FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS e(case_id bigint, action text, from_step text, to_step text, note text, at date)
    ORDER BY case_id, at`.execute(db);
}

export interface NeedSeed {
  case_id: string;
  kind: string;
  description: string;
}

export async function insertDemoNeeds(db: Kysely<DB>, needs: NeedSeed[]): Promise<void> {
  await sql`
    INSERT INTO assistance_need (case_id, kind, description, username)
    SELECT case_id, kind, description, 'demo' FROM jsonb_to_recordset(${JSON.stringify(needs)}::jsonb) AS e(case_id bigint, kind text, description text)`.execute(db);
}

export interface TaskSeed {
  case_id: string;
  measure: string;
  department: string;
  title: string;
  due_on: string;
  status: string;
  outcome: string | null;
  done_on: string | null;
}

export async function insertDemoTasks(db: Kysely<DB>, tasks: TaskSeed[]): Promise<void> {
  await sql`
    INSERT INTO assistance_task (case_id, household_id, county_code, dest_division_code, measure, department, title, due_on, status, outcome, done_on, created_by)
    SELECT c.id, c.household_id, c.county_code, c.dest_division_code, t.measure, t.department, t.title, t.due_on, t.status, t.outcome, t.done_on, 'demo'
    FROM jsonb_to_recordset(${JSON.stringify(tasks)}::jsonb)
      AS t(case_id bigint, measure text, department text, title text, due_on date, status text, outcome text, done_on date)
    JOIN monitoring_case c ON c.id = t.case_id`.execute(db);
}

export interface ConversionSeed {
  k: number;
  confirmed_on: string;
  due_on: string;
  completed_on: string | null;
  status: string;
  note: string | null;
}

/**
 * A small demo county may have no rural 低保 recipient at an urban site: the first heads of urban
 * households without a safety net (by hash) become rural 低保 recipients until `want` are there.
 */
export async function ensureConversionCandidates(db: Kysely<DB>, seed: number, countyCode: string, want: number): Promise<void> {
  const urban = sql`FROM person p JOIN household h ON h.id = p.household_id JOIN site st ON st.id = h.site_id
    WHERE p.county_code = ${countyCode} AND h.status = 'active' AND st.area_kind = 'urban'`;
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n ${urban} AND p.safety_net IN ('dibao_rural', 'tekun_rural')`.execute(db);
  const missing = want - Number(rows[0]?.n ?? 0);
  if (missing <= 0) return;
  await sql`
    UPDATE person SET safety_net = 'dibao_rural', version = version + 1, updated_at = now()
    WHERE id IN (SELECT p.id ${urban} AND p.safety_net = 'none' AND p.relation = 'head'
      ORDER BY hashtext(${`${seed}:candidate:`} || p.id::text), p.id LIMIT ${missing})`.execute(db);
}

/**
 * Conversions of the first rural 低保/特困 recipients at the county's urban sites (by hash); a
 * completed one also moves its person to the urban state.
 */
export async function insertDemoConversions(db: Kysely<DB>, seed: number, countyCode: string, conversions: ConversionSeed[]): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    WITH s AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(conversions)}::jsonb)
      AS s(k int, confirmed_on date, due_on date, completed_on date, status text, note text)),
    picked AS (
      SELECT p.id, p.household_id, p.county_code, p.dest_division_code, p.safety_net,
        row_number() OVER (ORDER BY hashtext(${`${seed}:conversion:`} || p.id::text), p.id) AS k
      FROM person p JOIN household h ON h.id = p.household_id JOIN site st ON st.id = h.site_id
      WHERE p.county_code = ${countyCode} AND p.safety_net IN ('dibao_rural', 'tekun_rural') AND h.status = 'active' AND st.area_kind = 'urban'
    ),
    ins AS (
      INSERT INTO safety_net_conversion (person_id, household_id, county_code, dest_division_code, from_state, to_state, confirmed_on, due_on,
        completed_on, status, note, created_by)
      SELECT p.id, p.household_id, p.county_code, p.dest_division_code, p.safety_net, replace(p.safety_net, '_rural', '_urban'),
        s.confirmed_on, s.due_on, s.completed_on, s.status, s.note, 'demo'
      FROM s JOIN picked p ON p.k = s.k
      RETURNING person_id, to_state, status
    ),
    moved AS (
      UPDATE person p SET safety_net = ins.to_state, version = p.version + 1, updated_at = now()
      FROM ins WHERE p.id = ins.person_id AND ins.status = 'completed'
      RETURNING p.id
    )
    SELECT (SELECT count(*) FROM ins) AS n, (SELECT count(*) FROM moved) AS moved`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
