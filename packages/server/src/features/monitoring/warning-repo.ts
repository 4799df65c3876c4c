/**
 * Monitoring warnings (SPEC §4): raised set-based by the monthly run, listed, dismissed, or taken
 * into an identification case. SQL only; the rules arrive compiled.
 */
import { sql, type Kysely } from 'kysely';
import { referencedFacts, suddenHardshipRuleIds, type CompiledRule } from '@anju/core';
import type { DB } from '../../db/schema.js';
import { likePrefix } from '../../db/like.js';
import { populationWide, withPlannerSettings } from '../../db/planner-settings.js';
import { departmentFactRecords, factCtes, factsForRules, readByFact, type DepartmentFact, type FactQuery } from '../policy/fact-repo.js';
import { compiled } from '../policy/population-repo.js';

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

const factsOf = (rule: CompiledRule) => [...referencedFacts(rule.condition.ast)].filter((n) => !n.startsWith('params.'));

/** The facts a rule read, as a JSON object of their values, kept with the warning. */
function factsJson(rule: CompiledRule): string {
  return `jsonb_build_object(${factsOf(rule).map((n) => `${quote(n)}, f."${n}"`).join(', ')})`;
}

/**
 * The department records behind a warning of `w` (SPEC §11.2: the source kept): for each rule
 * reading facts of the departments' lists, the household's records those facts read as of asOf,
 * oldest first; none for the other rules. One index lookup per warning of those rules.
 */
function sourceRecords(rules: CompiledRule[], asOf: string) {
  const cases = rules.flatMap((r) => {
    const read = factsOf(r).filter((n): n is DepartmentFact => n in departmentFactRecords);
    if (!read.length) return [];
    return [sql`WHEN ${r.rule.id} THEN ARRAY(SELECT d.id FROM department_record d
      WHERE d.household_id = w.household_id AND d.occurred_on <= ${asOf}::date AND (${sql.join(read.map((n) => readByFact(n, asOf)), sql` OR `)})
      ORDER BY d.occurred_on, d.id)`];
  });
  return cases.length ? sql`CASE w.rule_id ${sql.join(cases, sql` `)} ELSE '{}'::bigint[] END` : sql`'{}'::bigint[]`;
}

/** Held by a transaction that raises warnings, until it ends: runs take turns. */
const RAISE_LOCK = 734_401;

/**
 * Raises a warning for every household a rule fires on, unless the household already has one open
 * for that rule, had one this period, or had one taken into a case within the last six months (a
 * case lasts at least that long; later the rule may raise it again). Two statements: the rules
 * fired, into a temporary table (a statement that writes to a table of the database gets no
 * parallel workers, one that creates its table does: the facts of every household are most of the
 * time), then the warnings not held back. Runs take turns (the caller's transaction holds the lock
 * until it ends), so what the second reads as already raised is all there is: its rows need no
 * ON CONFLICT, whose checking of every unique index before each insert cost a third of the time
 * of writing 60,000 warnings. Each warning states the category it points to (core
 * warning-categories.ts: the rule's, or the household kind's) and the department records behind it.
 */
export async function raiseWarnings(db: Kysely<DB>, q: FactQuery, rules: CompiledRule[], period: string, runId: string): Promise<number> {
  if (!rules.length) return 0;
  await sql`SELECT pg_advisory_xact_lock(${RAISE_LOCK})`.execute(db);
  const eligible = rules.map((r) => compiled(r).eligible);
  const sudden = new Set(suddenHardshipRuleIds);
  const values = rules.map((r, i) => `(${quote(r.rule.id)}, ${quote(r.pack.code)}, ${eligible[i]}, ${sudden.has(r.rule.id)})`).join(',\n');
  // Households no rule fires on (most of them) are left before the rules are crossed with them.
  const any = eligible.join(' OR ');
  // The facts of the rules that fired only: built for every household and rule, they cost more
  // than the rules themselves.
  const facts = `CASE w.rule_id ${rules.map((r) => `WHEN ${quote(r.rule.id)} THEN ${factsJson(r)}`).join(' ')} END`;
  await withPlannerSettings(db, populationWide, (db) => sql`CREATE TEMPORARY TABLE monitor_fired AS
    ${factCtes(q)}
    SELECT f.subject_id::bigint AS household_id, f.county_code, f.division_code, w.rule_id, w.pack_code, ${sql.raw(facts)} AS facts,
      -- The SQL twin of core warningCategory: the rule's category, or the household kind's.
      CASE WHEN w.sudden THEN 'sudden_hardship' WHEN f."household.registeredPoor" THEN 'unstable' ELSE 'marginal' END AS category
    FROM (SELECT * FROM (${factsForRules('household', q)}) f WHERE ${sql.raw(any)}) f
    CROSS JOIN LATERAL (VALUES ${sql.raw(values)}) AS w(rule_id, pack_code, fired, sudden)
    WHERE w.fired`.execute(db));
  const sixMonthsBefore = sql`to_char(to_date(${period} || '-01', 'YYYY-MM-DD') - interval '6 months', 'YYYY-MM')`;
  // The warnings that hold a rule back, read once before the insert: as a correlated NOT EXISTS
  // on a table still empty when the statement was planned (the first run), PostgreSQL rescanned
  // the table, growing with every row inserted, for each new warning (304 s for 60,000).
  const result = await sql`WITH seen AS MATERIALIZED (SELECT m.household_id, m.rule_id FROM monitoring_warning m
        WHERE m.status = 'open' OR m.period = ${period} OR (m.status = 'taken' AND m.period > ${sixMonthsBefore}))
    INSERT INTO monitoring_warning (household_id, rule_id, pack_code, period, county_code, dest_division_code, facts, category, source_record_ids, run_id)
    SELECT w.household_id, w.rule_id, w.pack_code, ${period}, w.county_code, w.division_code, w.facts, w.category, ${sourceRecords(rules, q.asOf)}, ${runId}
    FROM monitor_fired w
    WHERE NOT EXISTS (SELECT 1 FROM seen WHERE seen.household_id = w.household_id AND seen.rule_id = w.rule_id)`.execute(db);
  // (On an error, the transaction's rollback takes the table away.)
  await sql`DROP TABLE monitor_fired`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Warnings of a run, counted by rule, category and the division one level below the run's. */
export async function runSummary(db: Kysely<DB>, runId: string, childLength: number) {
  const { rows } = await sql<{ rule_id: string; category: string; division: string; n: string }>`
    SELECT rule_id, category, left(dest_division_code, ${childLength}) AS division, count(*) AS n
    FROM monitoring_warning WHERE run_id = ${runId} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`.execute(db);
  return rows.map((r) => ({ ruleId: r.rule_id, category: r.category, division: r.division, count: Number(r.n) }));
}

export async function insertRun(db: Kysely<DB>, run: { period: string; division: string; asOf: string; userId: string | null; username: string }) {
  const row = await db
    .insertInto('monitor_run')
    .values({ period: run.period, division_code: run.division, as_of: run.asOf, user_id: run.userId, username: run.username })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishRun(db: Kysely<DB>, id: string, raised: number, summary: unknown) {
  await db.updateTable('monitor_run').set({ finished_at: new Date(), raised, summary: JSON.stringify(summary) }).where('id', '=', id).execute();
}

export async function listRuns(db: Kysely<DB>, division: string, limit: number) {
  return db.selectFrom('monitor_run').selectAll().where('division_code', 'like', likePrefix(division)).orderBy('id', 'desc').limit(limit).execute();
}

export async function lastRunOf(db: Kysely<DB>, period: string, division: string) {
  return db.selectFrom('monitor_run').selectAll().where('period', '=', period).where('division_code', '=', division).where('finished_at', 'is not', null).executeTakeFirst();
}

export interface WarningFilter {
  division: string;
  status?: 'open' | 'taken' | 'dismissed';
  ruleId?: string;
  category?: string;
  householdId?: string;
  period?: string;
  /** Only the warnings taken into this case. */
  takenCaseId?: string;
}

export async function listWarnings(db: Kysely<DB>, f: WarningFilter, limit: number, offset: number) {
  let q = db
    .selectFrom('monitoring_warning as w')
    .innerJoin('household as h', 'h.id', 'w.household_id')
    .leftJoin('person as p', (j) => j.onRef('p.household_id', '=', 'h.id').on('p.relation', '=', 'head'))
    .leftJoin('division as d', 'd.code', 'w.dest_division_code')
    .where('w.dest_division_code', 'like', `${f.division}%`);
  if (f.status) q = q.where('w.status', '=', f.status);
  if (f.ruleId) q = q.where('w.rule_id', '=', f.ruleId);
  if (f.category) q = q.where('w.category', '=', f.category);
  if (f.period) q = q.where('w.period', '=', f.period);
  if (f.householdId) q = q.where('w.household_id', '=', f.householdId);
  if (f.takenCaseId) q = q.where('w.taken_case_id', '=', f.takenCaseId);
  const [rows, total] = await Promise.all([
    q
      .select(['w.id', 'w.household_id', 'h.household_no', 'h.kind as household_kind', 'p.name as head_name', 'w.dest_division_code', 'd.name as division_name',
        'w.rule_id', 'w.pack_code', 'w.period', 'w.facts', 'w.category', 'w.source_record_ids', 'w.status', 'w.dismissed_reason', 'w.taken_case_id', 'w.version',
        'w.created_at'])
      .orderBy('w.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findWarning(db: Kysely<DB>, id: string, division: string) {
  return db.selectFrom('monitoring_warning').selectAll().where('id', '=', id).where('dest_division_code', 'like', `${division}%`).executeTakeFirst();
}

/** Dismisses an open warning at the version read; undefined when stale or no longer open. */
export async function dismissWarning(db: Kysely<DB>, id: string, version: number, reason: string, by: string) {
  return db
    .updateTable('monitoring_warning')
    .set({ status: 'dismissed', dismissed_reason: reason, decided_at: new Date(), decided_by: by, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Marks a warning taken into an identification case (part of the case's transaction): the same
 * rule will not warn about the household again while the case runs.
 */
export async function takeWarning(trx: Kysely<DB>, warningId: string, caseId: string, by = 'system') {
  return trx
    .updateTable('monitoring_warning')
    .set({ status: 'taken', taken_case_id: caseId, decided_at: new Date(), decided_by: by, version: sql`version + 1` })
    .where('id', '=', warningId)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}
