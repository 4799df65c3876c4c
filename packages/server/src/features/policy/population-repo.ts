/**
 * Rules over whole populations, in SQL: the compiled conditions and amounts of every rule about
 * one kind of subject, evaluated over that kind's fact rows (fact-repo.ts) in one statement.
 * A what-if compiles the rules twice, with and without the changed parameters, and compares them
 * subject by subject in the same statement.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import pMap from 'p-map';
import { ruleSql, subjectKinds, type CompiledRule, type SubjectKind } from '@anju/core';
import type { DB } from '../../db/schema.js';
import { populationWide, withPlannerSettings } from '../../db/planner-settings.js';
import { factColumn, factCtes, factRows, factsForRules, type FactQuery } from './fact-repo.js';

/**
 * A rule's condition inside its jurisdiction; its amount per payment; and the sum of its totals
 * (amount × months for a monthly one) over the eligible — 0 when nobody is, NULL when the rule has
 * no amount or its amount is set locally and not yet set.
 */
export function compiled(rule: CompiledRule): { eligible: string; amount: string; cost: string } {
  const { condition, amount } = ruleSql(rule, factColumn);
  // A national rule tests no division: a million LIKE '%' per rule were a tenth of the people's rules.
  const eligible = rule.jurisdiction ? `(f.division_code LIKE '${rule.jurisdiction.replace(/'/g, "''")}%' AND ${condition})` : `(${condition})`;
  const months = rule.version.benefit.per === 'month' ? (rule.version.benefit.months ?? 1) : 1;
  const cost = amount ? `coalesce(sum((${amount}) * ${months}) FILTER (WHERE ${eligible}), 0)` : 'NULL::float8';
  return { eligible, amount: amount ?? 'NULL::float8', cost };
}

export interface RuleTotal {
  rule: CompiledRule;
  eligible: number;
  cost: number | null;
}

/**
 * How many subjects each rule finds eligible, and what it costs (null while amounts are unset):
 * one statement per kind of subject, two at a time on connections of their own (a pool's), so
 * the steps of one that PostgreSQL runs in a single process (the households' final sums) overlap
 * with the parallel steps of another.
 */
export async function ruleTotals(db: Kysely<DB>, q: FactQuery, rules: CompiledRule[]): Promise<RuleTotal[]> {
  const index = new Map(rules.map((r, i) => [r, i]));
  // Households first: theirs is the longest statement.
  const kinds = ['household' as const, ...subjectKinds.filter((k) => k !== 'household')].filter((kind) => rules.some((r) => r.rule.subject === kind));
  const totalsOf = async (kind: SubjectKind) => {
    const columns = rules.flatMap((rule) => {
      if (rule.rule.subject !== kind) return [];
      const c = compiled(rule);
      const i = index.get(rule)!;
      return [`count(*) FILTER (WHERE ${c.eligible}) AS e${i}`, `${c.cost} AS c${i}`];
    });
    const { rows } = await withPlannerSettings(db, populationWide, (db) =>
      sql<Record<string, string | null>>`${factCtes(q)} SELECT ${sql.raw(columns.join(', '))} FROM (${factsForRules(kind, q)}) f`.execute(db));
    return rows[0] ?? {};
  };
  const row: Record<string, string | null> = Object.assign({}, ...(await pMap(kinds, totalsOf, { concurrency: 2 })));
  return rules.map((rule, i) => ({ rule, eligible: Number(row[`e${i}`] ?? 0), cost: row[`c${i}`] == null ? null : Number(row[`c${i}`]) }));
}

export interface SubjectRow {
  subject_id: string;
  division_code: string;
  household_id: string | null;
  label: string;
  amount: number | null;
}

/** The subjects matching `where` (SQL over the facts row `f`), a page at a time, with the total. */
async function subjectsWhere(db: Kysely<DB>, kind: SubjectKind, q: FactQuery, where: string, amount: string, page: Page) {
  const { rows } = await sql<SubjectRow & { total: string }>`
    SELECT f.subject_id, f.division_code, f.household_id, f.label, (${sql.raw(amount)})::float8 AS amount, count(*) OVER () AS total
    FROM (${factRows(kind, q)}) f WHERE ${sql.raw(where)}
    ORDER BY f.division_code, f.subject_id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  return { total: Number(rows[0]?.total ?? 0), items: rows.map(({ total: _t, ...r }) => ({ ...r, amount: r.amount === null ? null : Number(r.amount) })) };
}

export interface Page {
  limit: number;
  offset: number;
}

export function eligibleSubjectRows(db: Kysely<DB>, kind: SubjectKind, q: FactQuery, rule: CompiledRule, page: Page) {
  const c = compiled(rule);
  return subjectsWhere(db, kind, q, c.eligible, c.amount, page);
}

/** The subjects a what-if adds to a rule (`gained`) or takes away from it (`lost`). */
export function changedSubjectRows(db: Kysely<DB>, kind: SubjectKind, q: FactQuery, before: CompiledRule, after: CompiledRule, change: 'gained' | 'lost', page: Page) {
  const [b, a] = [compiled(before), compiled(after)];
  const where = change === 'gained' ? `${a.eligible} AND NOT ${b.eligible}` : `${b.eligible} AND NOT ${a.eligible}`;
  return subjectsWhere(db, kind, q, where, (change === 'gained' ? a : b).amount, page);
}

export interface SimulationTotal {
  index: number;
  child: string;
  before: number;
  after: number;
  gained: number;
  lost: number;
  costBefore: number | null;
  costAfter: number | null;
}

/** Per rule and child division: eligible before and after, gained, lost, cost before and after. */
export async function simulationTotals(
  db: Kysely<DB>,
  kind: SubjectKind,
  q: FactQuery,
  pairs: { before: CompiledRule; after: CompiledRule }[],
  childLength: number,
): Promise<SimulationTotal[]> {
  if (!pairs.length) return [];
  const columns = pairs.flatMap(({ before, after }, i) => {
    const [b, a] = [compiled(before), compiled(after)];
    return [
      `count(*) FILTER (WHERE ${b.eligible}) AS b${i}`,
      `count(*) FILTER (WHERE ${a.eligible}) AS a${i}`,
      `count(*) FILTER (WHERE ${a.eligible} AND NOT ${b.eligible}) AS g${i}`,
      `count(*) FILTER (WHERE ${b.eligible} AND NOT ${a.eligible}) AS l${i}`,
      `${b.cost} AS cb${i}`,
      `${a.cost} AS ca${i}`,
    ];
  });
  const child: RawBuilder<string> = sql`left(f.division_code, ${childLength})`;
  const { rows } = await withPlannerSettings(db, populationWide, (db) => sql<Record<string, string | null>>`
    ${factCtes(q)} SELECT ${child} AS child, ${sql.raw(columns.join(', '))} FROM (${factsForRules(kind, q)}) f GROUP BY 1`.execute(db));
  const num = (v: string | null | undefined) => Number(v ?? 0);
  const money = (v: string | null | undefined) => (v == null ? null : Number(v));
  return rows.flatMap((row) =>
    pairs.map((_, i) => ({
      index: i,
      child: String(row.child),
      before: num(row[`b${i}`]),
      after: num(row[`a${i}`]),
      gained: num(row[`g${i}`]),
      lost: num(row[`l${i}`]),
      costBefore: money(row[`cb${i}`]),
      costAfter: money(row[`ca${i}`]),
    })),
  );
}

/** The raw fact rows (the in-process path, and one household's case). */
export async function factRowsOf(db: Kysely<DB>, kind: SubjectKind, q: FactQuery): Promise<Record<string, unknown>[]> {
  const { rows } = await sql<Record<string, unknown>>`SELECT * FROM (${factRows(kind, q)}) f`.execute(db);
  return rows;
}
