/**
 * Rules over whole populations, in SQL: the compiled conditions and amounts of every rule about
 * one kind of subject, evaluated over that kind's fact rows (fact-repo.ts) in one statement.
 * A what-if compiles the rules twice, with and without the changed parameters, and compares them
 * subject by subject in the same statement.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import pMap from 'p-map';
import { ruleSql, type CompiledRule, type SubjectKind } from '@anju/core';
import type { DB } from '../../db/schema.js';
import { populationWide, withPlannerSettings } from '../../db/planner-settings.js';
import { factColumn, factCtes, factRows, factsForRules, peopleWithHires, type FactQuery } from './fact-repo.js';

/**
 * A rule's condition inside its jurisdiction (and `within`, SQL over `f`, when its subjects share
 * their rows with another kind's); its amount per payment; and the sum of its totals (amount ×
 * months for a monthly one) over the eligible — 0 when nobody is, NULL when the rule has no amount
 * or its amount is set locally and not yet set.
 */
export function compiled(rule: CompiledRule, within?: string): { eligible: string; amount: string; cost: string } {
  const { condition, amount } = ruleSql(rule, factColumn);
  // A national rule tests no division: a million LIKE '%' per rule were a tenth of the people's rules.
  const tests = [within, rule.jurisdiction && `f.division_code LIKE '${rule.jurisdiction.replace(/'/g, "''")}%'`, `(${condition})`];
  const eligible = `(${tests.filter(Boolean).join(' AND ')})`;
  const months = rule.version.benefit.per === 'month' ? (rule.version.benefit.months ?? 1) : 1;
  // An amount that reads no fact (factColumn's `f."…"`) is multiplied by the count, an aggregate
  // PostgreSQL shares with the count's column: summed, it tested the condition once more per subject.
  const readsFacts = amount?.includes('f."');
  const total = !amount ? null : readsFacts ? `sum((${amount}) * ${months}) FILTER (WHERE ${eligible})` : `(${amount}) * ${months} * count(*) FILTER (WHERE ${eligible})`;
  const cost = total ? `coalesce(${total}, 0)` : 'NULL::float8';
  return { eligible, amount: amount ?? 'NULL::float8', cost };
}

export interface RuleTotal {
  rule: CompiledRule;
  eligible: number;
  cost: number | null;
}

/**
 * The statements of ruleTotals: the kinds of subject each evaluates, over which rows. Person and
 * hire rules share one: a hire is a person's record in force, and reading the people and their
 * records once for both saved a third of the people's time.
 */
function totalsStatements(q: FactQuery): { kinds: SubjectKind[]; rows: RawBuilder<unknown> }[] {
  return [
    // Households first: theirs is the longest statement.
    { kinds: ['household'], rows: factsForRules('household', q) },
    { kinds: ['person', 'hire'], rows: peopleWithHires(q) },
    { kinds: ['site'], rows: factsForRules('site', q) },
    { kinds: ['employer'], rows: factsForRules('employer', q) },
  ];
}

/**
 * How many subjects each rule finds eligible, and what it costs (null while amounts are unset):
 * one statement per group of kinds (totalsStatements), two at a time on connections of their own
 * (a pool's), so the steps of one that PostgreSQL runs in a single process (the households' final
 * sums) overlap with the parallel steps of another. Rules with the same condition and amount are
 * counted once.
 */
export async function ruleTotals(db: Kysely<DB>, q: FactQuery, rules: CompiledRule[]): Promise<RuleTotal[]> {
  const totals = rules.map((rule) => {
    const c = compiled(rule, rule.rule.subject === 'hire' ? 'f.hired' : undefined);
    return { rule, count: `count(*) FILTER (WHERE ${c.eligible})`, cost: c.cost };
  });
  // Each statement's distinct expressions are its columns, named by statement and place.
  const statements = totalsStatements(q).map(({ kinds, rows }, i) => {
    const columns = [...new Set(totals.filter((t) => kinds.includes(t.rule.rule.subject)).flatMap((t) => [t.count, t.cost]))];
    return { kinds, rows, columns, name: (expression: string) => `s${i}_${columns.indexOf(expression)}` };
  });
  const totalsOf = async ({ rows, columns, name }: (typeof statements)[number]) => {
    if (!columns.length) return {};
    const list = columns.map((c) => `${c} AS ${name(c)}`).join(', ');
    const result = await withPlannerSettings(db, populationWide, (db) =>
      sql<Record<string, string | null>>`${factCtes(q)} SELECT ${sql.raw(list)} FROM (${rows}) f`.execute(db),
    );
    return result.rows[0] ?? {};
  };
  const row: Record<string, string | null> = Object.assign({}, ...(await pMap(statements, totalsOf, { concurrency: 2 })));
  return totals.map(({ rule, count, cost }) => {
    const { name } = statements.find((s) => s.kinds.includes(rule.rule.subject))!;
    const money = row[name(cost)];
    return { rule, eligible: Number(row[name(count)] ?? 0), cost: money == null ? null : Number(money) };
  });
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
