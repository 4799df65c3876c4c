/** Entitlements 待遇: proposed in sets from an evaluation, then decided one by one. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** One eligible (rule, subject) as evaluation found it on the day of the proposal. */
export interface Candidate {
  pack_code: string;
  rule_id: string;
  rule_version_from: string;
  subject_kind: string;
  subject_id: string;
  subject_label: string;
  payee: string;
  division_code: string;
  household_id: string | null;
  kind: string;
  per: 'once' | 'month';
  amount: number | null;
  months: number | null;
}

export interface ProposalCounts {
  proposed: number;
  granted: number;
  exhausted: number;
  ids: string[];
}

/**
 * Inserts the candidates that are still owed something, in one statement: a one-time benefit
 * only when the subject has none (not rejected) under the rule; a monthly one only for the
 * months the subject has not yet been granted under the rule, starting the month of `asOf` or
 * after the last granted month, whichever is later. The partial unique index backs the first.
 * Must run in the transaction that holds the proposal lock (see entitlement-service).
 */
export async function insertProposals(
  db: Kysely<DB>,
  candidates: Candidate[],
  o: { asOf: string; proposedBy: string | null; at: Date },
): Promise<ProposalCounts> {
  const { rows } = await sql<{ proposed: string; granted: string; exhausted: string; ids: string[] | null }>`
    WITH c AS (
      SELECT DISTINCT ON (rule_id, subject_kind, subject_id) *
      FROM jsonb_to_recordset(${JSON.stringify(candidates)}::jsonb) AS c(
        pack_code text, rule_id text, rule_version_from date, subject_kind text, subject_id text, subject_label text,
        payee text, division_code text, household_id bigint, kind text, per text, amount numeric, months integer)
      ORDER BY rule_id, subject_kind, subject_id
    ),
    g AS (
      SELECT c.*, coalesce(x.once_granted, 0) AS once_granted, coalesce(x.months_granted, 0) AS months_granted,
             greatest(date_trunc('month', ${o.asOf}::date)::date, x.last_to + 1) AS start
      FROM c
      LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE e.per = 'once') AS once_granted,
               sum(e.months) FILTER (WHERE e.per = 'month') AS months_granted,
               max(e.period_to) FILTER (WHERE e.per = 'month') AS last_to
        FROM entitlement e
        WHERE e.rule_id = c.rule_id AND e.subject_kind = c.subject_kind AND e.subject_id = c.subject_id AND e.status <> 'rejected'
      ) x ON true
    ),
    d AS (
      SELECT g.*,
             CASE WHEN per = 'once' THEN once_granted = 0 ELSE coalesce(months, 0) - months_granted > 0 END AS owed,
             CASE WHEN per = 'month' THEN (coalesce(months, 0) - months_granted)::int END AS remaining
      FROM g
    ),
    ins AS (
      INSERT INTO entitlement (
        pack_code, rule_id, rule_version_from, subject_kind, subject_id, subject_label, payee, county_code, division_code,
        household_id, kind, per, amount, months, period_from, period_to, proposed_at, proposed_by)
      SELECT pack_code, rule_id, rule_version_from, subject_kind, subject_id, subject_label, payee, left(division_code, 6), division_code,
             household_id, kind, per, amount, remaining,
             CASE WHEN per = 'month' THEN start END,
             CASE WHEN per = 'month' THEN (start + make_interval(months => remaining) - interval '1 day')::date END,
             ${o.at}, ${o.proposedBy}::bigint
      FROM d
      WHERE owed
      ORDER BY division_code, rule_id, subject_id
      ON CONFLICT (rule_id, subject_kind, subject_id) WHERE status <> 'rejected' AND per = 'once' DO NOTHING
      RETURNING id
    )
    SELECT (SELECT count(*) FROM ins) AS proposed,
           (SELECT count(*) FROM d WHERE per = 'once' AND NOT owed) AS granted,
           (SELECT count(*) FROM d WHERE per = 'month' AND NOT owed) AS exhausted,
           (SELECT array_agg(id::text ORDER BY id) FROM ins) AS ids`.execute(db);
  const r = rows[0]!;
  return { proposed: Number(r.proposed), granted: Number(r.granted), exhausted: Number(r.exhausted), ids: r.ids ?? [] };
}

export interface EntitlementFilter {
  /** The actor's home division: nothing outside it is ever read. */
  scope: string;
  division?: string;
  status?: string;
  ruleId?: string;
}

function filtered(db: Kysely<DB>, f: EntitlementFilter) {
  let q = db.selectFrom('entitlement as e').where('e.division_code', 'like', `${f.scope}%`);
  if (f.division) q = q.where('e.division_code', 'like', `${f.division}%`);
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.ruleId) q = q.where('e.rule_id', '=', f.ruleId);
  return q;
}

function withDecider(db: Kysely<DB>, f: EntitlementFilter) {
  return filtered(db, f).leftJoin('app_user as u', 'u.id', 'e.decided_by').selectAll('e').select('u.username as decided_by_name');
}

export async function listEntitlements(db: Kysely<DB>, f: EntitlementFilter, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    withDecider(db, f).orderBy('e.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findEntitlement(db: Kysely<DB>, id: string, scope: string) {
  return withDecider(db, { scope }).where('e.id', '=', id).executeTakeFirst();
}

export type EntitlementRow = NonNullable<Awaited<ReturnType<typeof findEntitlement>>>;

export interface Decision {
  status: 'approved' | 'paid' | 'rejected';
  amount?: number;
  reason?: string;
  by: string | null;
  at: Date;
}

/** Undefined when the version moved on: someone else decided first, and nothing is written. */
export async function decide(db: Kysely<DB>, id: string, version: number, d: Decision) {
  const paid = d.status === 'paid';
  return db
    .updateTable('entitlement')
    .set((eb) => ({
      status: d.status,
      ...(d.amount !== undefined ? { amount: d.amount } : {}),
      ...(d.reason !== undefined ? { reason: d.reason } : {}),
      ...(paid ? { paid_at: d.at, paid_by: d.by } : { decided_at: d.at, decided_by: d.by }),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}
