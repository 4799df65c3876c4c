import { addMonths } from '@anju/core';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import { withPlannerSettings } from '../../db/planner-settings.js';
import { historyFacts, labourForceOf, type FactScope } from './labour-facts-repo.js';
import { carriedRunMonths, streakColumns } from './labour-streaks.js';

/** Months from period `a` to period `b` ('YYYY-MM'). */
function monthsBetween(a: string, b: string): number {
  const index = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
  return index(b) - index(a);
}

/**
 * One statement writes the new period's rows: every member of the county's active households who
 * is in the labour force, or was employed last period, gets a record carrying last period's
 * facts, unconfirmed, so a clerk only edits what changed. Returns the number of records.
 *
 * The derived facts are written final, so that opening needs no refresh of them (which read each
 * person's whole history: two thirds of the time to open a period). A record carried from the
 * month just before is that record one month on: its streaks one longer or broken, the same
 * total abroad, never a first crossing or a return (its state and place are last month's), hired
 * as a returnee if last month was the return; its months counted (labour-streaks.ts) those of
 * last month's record, as an unconfirmed month counts nothing. Only the window counts lose the
 * month that falls out of them, which the previous record's own twelve-month counts settle when
 * they are 0 or 12; otherwise that month is looked up (one key lookup, only for those records). Records with
 * nothing to carry (a first period, a person new to the ledger, a month skipped, an earlier
 * return) get their facts from their history, as the refresh computes them.
 *
 * Nothing here checks that a person, household or employer exists row by row (migration 0010
 * dropped those foreign keys): the rows come from person joined with household, and the employer
 * from the previous record; deleting a referenced row is refused by the triggers of migration 0010.
 */
export async function insertCarriedForward(db: Kysely<DB>, s: FactScope, userId: string | null): Promise<number> {
  const labourForce = labourForceOf(s, 'pe');
  // A record carried from the month just before; otherwise its facts come from its history.
  const consecutive = s.previous !== null && addMonths(s.previous, 1) === s.period;
  // The stable-employment window, in periods, and the months the twelve-month count and that
  // window lose: the one twelve months back, and those between the two windows' starts.
  const window = monthsBetween(s.windowStart, s.period) + 1;
  const yearGone = addMonths(s.period, -12);
  const [from, to] = window > 12 ? [s.windowStart, yearGone] : [yearGone, addMonths(s.period, -window)];
  const windowDiff =
    window < 12 ? sql`count(*) FILTER (WHERE o.period >= ${s.yearStart} AND o.period <= ${addMonths(s.period, -window)})`
    : window > 12 ? sql`count(*) FILTER (WHERE o.period <= ${yearGone})`
    : sql`0`;
  // With the previous twelve-month count at 0 or 12, the months gone were all idle or all employed.
  const lookUp = window > 12 ? sql`true` : sql`x.prev_last12 NOT IN (0, 12)`;
  const lookUpConfirmed = sql`x.prev_months_employed_last12 NOT IN (0, 12)`;
  const employed = sql`CASE WHEN x.state = 'employed' THEN 1 ELSE 0 END`;
  const last12 = sql`(x.prev_last12 + ${employed} - CASE WHEN ${lookUp} THEN d.year_gone ELSE x.prev_last12 / 12 END)`;
  // The record itself is unconfirmed: it adds no month to the months counted.
  const monthsLast12 = sql`(x.prev_months_employed_last12
    - CASE WHEN ${lookUpConfirmed} THEN d.year_gone_confirmed ELSE x.prev_months_employed_last12 / 12 END)`;
  const inWindow =
    window < 12 ? sql`(${last12} - CASE WHEN ${lookUp} THEN d.window_diff ELSE x.prev_last12 / 12 * ${12 - window} END)`
    : window > 12 ? sql`(${last12} + d.window_diff)`
    : last12;
  const final = (carried: RawBuilder<unknown>, column: string) => sql`CASE WHEN x.carried THEN ${carried} ELSE ${sql.ref(`f.${column}`)} END`;

  // Every lookup below misses a cache: the planner's Memoize nodes only cost (a third of the time).
  const result = await withPlannerSettings(db, { enable_memoize: 'off' }, (db) => sql`
    INSERT INTO labour_record (person_id, period, county_code, dest_division_code, household_id,
      wants_work, state, channel, place, employer_id, employer_name, start_date, contract_months,
      social_insurance, monthly_income, training_wish, confirmed, labour_force, stably_employed,
      first_cross_province, returnee, ${streakColumns}, updated_by)
    SELECT x.person_id, ${s.period}, x.county_code, x.dest_division_code, x.household_id,
      x.wants_work, x.state, x.channel, x.place, x.employer_id, x.employer_name, x.start_date, x.contract_months,
      x.social_insurance, x.monthly_income, x.training_wish, false, x.labour_force,
      ${final(sql`(x.state = 'employed' AND coalesce(x.contract_months, 0) >= ${s.minContractMonths}) OR ${inWindow} >= ${s.minEmployedPeriods}`, 'stably_employed')},
      ${final(sql`false`, 'first_cross_province')},
      ${final(sql`false`, 'returnee')},
      ${final(last12, 'employed_last12')},
      ${final(sql`CASE WHEN x.state = 'employed' AND x.place = 'outside_province' THEN x.prev_outside_streak + 1 ELSE 0 END`, 'outside_streak')},
      ${final(sql`x.prev_outside_months + CASE WHEN x.state = 'employed' AND x.place = 'outside_province' THEN 1 ELSE 0 END`, 'outside_months')},
      ${final(sql`x.state = 'employed' AND x.employer_id IS NOT NULL AND x.prev_returnee`, 'hired_as_returnee')},
      ${final(monthsLast12, 'months_employed_last12')},
      ${sql.join(carriedRunMonths('x', (column) => sql.ref(`x.prev_${column}`)).map((m) => final(m.value, m.column)))},
      ${userId}
    FROM (
      SELECT pe.id AS person_id, h.county_code, h.dest_division_code, h.id AS household_id, ${labourForce} AS labour_force,
        coalesce(prev.wants_work, true) AS wants_work, coalesce(prev.state, 'unemployed') AS state, prev.channel, prev.place,
        prev.employer_id, prev.employer_name, prev.start_date, prev.contract_months,
        coalesce(prev.social_insurance, false) AS social_insurance, prev.monthly_income, coalesce(prev.training_wish, false) AS training_wish,
        ${consecutive} AND prev.person_id IS NOT NULL
          -- hired as a returnee on a return before last month: only the history tells
          AND NOT (prev.state = 'employed' AND prev.employer_id IS NOT NULL AND prev.hired_as_returnee AND NOT prev.returnee) AS carried,
        prev.returnee AS prev_returnee,
        prev.employed_last12 AS prev_last12, prev.outside_streak AS prev_outside_streak, prev.outside_months AS prev_outside_months,
        prev.months_employed_last12 AS prev_months_employed_last12, prev.months_employed AS prev_months_employed,
        prev.months_outside AS prev_months_outside, prev.months_at_employer AS prev_months_at_employer,
        prev.months_insured AS prev_months_insured
      FROM household h
      -- The members of each household and their last records, looked up by key (OFFSET 0 keeps
      -- each lookup one): a join the planner was free to choose read the whole country's people,
      -- or the previous period of every county, for each county opened.
      CROSS JOIN LATERAL (
        SELECT id, birth_date, labour_capacity, school_stage FROM person WHERE household_id = h.id OFFSET 0
      ) pe
      -- The period compared with the person in one row: only the primary key can serve that. With
      -- \`period = …\` the planner, having no statistics for a period opened just before, took the
      -- period's index and read the whole period for each person.
      LEFT JOIN LATERAL (
        SELECT * FROM labour_record
        WHERE person_id = pe.id AND (person_id, period) >= (pe.id, ${s.previous}) AND (person_id, period) <= (pe.id, ${s.previous})
        OFFSET 0
      ) prev ON true
      -- A county code is the first six digits of its divisions: the prefix lets the index find the
      -- county's households, where the county code alone read the whole country's.
      WHERE h.status = 'active' AND h.county_code = ${s.countyCode} AND h.dest_division_code LIKE ${s.countyCode + '%'}
        AND (prev.state = 'employed' OR ${labourForce})
    ) x
    -- The employed months the window counts lose, for the records whose previous count does not
    -- settle them. (Gated by x, the lookup is skipped for the others: a lateral runs per record.)
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE o.period = ${yearGone}) AS year_gone,
        count(*) FILTER (WHERE o.period = ${yearGone} AND o.confirmed) AS year_gone_confirmed, ${windowDiff} AS window_diff
      FROM labour_record o
      WHERE x.carried AND (${lookUp} OR ${lookUpConfirmed}) AND o.person_id = x.person_id AND o.period >= ${from} AND o.period <= ${to} AND o.state = 'employed'
    ) d ON true
    -- Records with nothing to carry: their facts from their history and the record itself.
    LEFT JOIN LATERAL (
      SELECT ${historyFacts(s)}
      FROM (
        SELECT period, state, place, employer_id, social_insurance, returnee, confirmed
        FROM labour_record WHERE person_id = x.person_id AND period < ${s.period}
        UNION ALL
        SELECT ${s.period}, x.state, x.place, x.employer_id, x.social_insurance, false, false
      ) h
      CROSS JOIN (SELECT x.state, x.place, x.employer_id, x.contract_months) r
      WHERE NOT x.carried
      GROUP BY r.state, r.place, r.employer_id, r.contract_months
    ) f (stably_employed, first_cross_province, returnee, ${streakColumns}) ON true
  `.execute(db));
  return Number(result.numAffectedRows ?? 0);
}
