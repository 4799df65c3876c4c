/**
 * The derived facts of the labour ledger (SPEC §5), computed set-based for one county's period,
 * optionally narrowed to a division prefix (after one village's edits). Each statement is one
 * pass; nothing loops over people in JavaScript. The settings arrive as parameters.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import { streakColumns, streakValues } from './labour-streaks.js';
import { notKnownStudent } from '../../db/labour-force-sql.js';

export interface FactScope {
  countyCode: string;
  period: string;
  /** Division prefix to recompute ('' or the county code for all of it). */
  prefix: string;
  /** The county's period before this one, if any (returnees compare with it). */
  previous: string | null;
  /** The oldest period of the stable-employment window (inclusive). */
  windowStart: string;
  /** The oldest of the last twelve periods (inclusive). */
  yearStart: string;
  bornAfter: string;
  bornOnOrBefore: string;
  minEmployedPeriods: number;
  minContractMonths: number;
  today: string;
  /** Recomputing a closed period (a correction): cases it disproves are taken back, not cleared. */
  closed: boolean;
}

/** The records of the scope, as columns of the table alias `a`. */
const inScope = (s: FactScope, a: string) =>
  sql`${sql.ref(`${a}.county_code`)} = ${s.countyCode} AND ${sql.ref(`${a}.period`)} = ${s.period} AND ${sql.ref(`${a}.dest_division_code`)} LIKE ${s.prefix + '%'}`;

/**
 * labour_force, stably_employed, first_cross_province, returnee and the streaks of every record in scope,
 * written only where they change (a refresh after one edit, or after opening a period whose
 * carried-forward rows already hold most of them, rewrites few rows).
 *
 * Each record looks up its person and its own history through the primary keys (a subquery per
 * record, so the changed ones pay for it twice). That keeps the work linear in the scope whatever
 * the planner guesses: a period just opened has no statistics, the planner takes its scope for
 * one row, and any join of the scope with a set of its own size (its history, or the changed
 * rows) became a nested loop over the whole scope for every record: minutes for one county.
 */
export async function refreshPersonFacts(db: Kysely<DB>, s: FactScope): Promise<void> {
  const facts = sql`(
    SELECT ${labourForceOf(s, 'pe')}, ${historyFacts(s)}
    FROM person pe JOIN labour_record h ON h.person_id = pe.id AND h.period <= ${s.period}
    WHERE pe.id = r.person_id
    GROUP BY pe.id
  )`;
  await sql`
    UPDATE labour_record r SET (labour_force, stably_employed, first_cross_province, returnee, ${streakColumns}) = ${facts}
    WHERE ${inScope(s, 'r')}
      AND (r.labour_force, r.stably_employed, r.first_cross_province, r.returnee, ${streakColumns}) <> ${facts}
  `.execute(db);
}

/**
 * In the labour force on the period's last day: the person of alias `pe`. Only a known student
 * is left out (core labour-force.ts says why an unknown school stage is not).
 */
export const labourForceOf = (s: Pick<FactScope, 'bornAfter' | 'bornOnOrBefore'>, pe: string) =>
  sql`(${sql.ref(`${pe}.birth_date`)} > ${s.bornAfter} AND ${sql.ref(`${pe}.birth_date`)} <= ${s.bornOnOrBefore}
    AND ${sql.ref(`${pe}.labour_capacity`)} NOT IN ('lost', 'none') AND ${notKnownStudent(pe)})`;

/**
 * stably_employed, first_cross_province, returnee and the streak columns of the record `r`, as
 * aggregates over its person's records up to the period (`r` itself included), aliased `h`. The
 * refresh and the opening of a period (for the records it cannot carry forward) share them.
 */
export function historyFacts(s: FactScope): RawBuilder<unknown> {
  const returnee = sql`(coalesce(bool_or(h.period = ${s.previous} AND h.state = 'employed' AND h.place IN ('outside_province', 'in_province')), false)
        AND (r.state <> 'employed' OR r.place = 'in_county'))`;
  return sql`(r.state = 'employed' AND coalesce(r.contract_months, 0) >= ${s.minContractMonths})
        OR count(*) FILTER (WHERE h.state = 'employed' AND h.period >= ${s.windowStart}) >= ${s.minEmployedPeriods},
      r.state = 'employed' AND r.place = 'outside_province'
        AND NOT coalesce(bool_or(h.state = 'employed' AND h.place = 'outside_province' AND h.period < ${s.period}), false),
      ${returnee},
      ${streakValues(s.yearStart, s.period, returnee)}`;
}
