/**
 * How long each worker has been at it, kept on every ledger record so that a fact like "employed
 * six months in a row" is one column away for the policy engine and the monitoring run, instead
 * of a pass over the person's whole history each time (SPEC §5, §6). Each is computed from the
 * person's records up to the period, newest first, aliased `h`, for the record `r`; a month
 * without a record breaks nothing, as anyone employed has a record.
 */
import { sql, type RawBuilder } from 'kysely';

/** Records, newest first, for which `condition` holds without a break. */
export const streak = (condition: RawBuilder<unknown>) =>
  sql`coalesce(array_position(array_agg(coalesce(${condition}, false) ORDER BY h.period DESC), false) - 1, count(*))`;

const atSameEmployer = sql`h.state = 'employed' AND h.employer_id = r.employer_id`;
const employerStreak = streak(atSameEmployer);
const hasEmployer = sql`r.state = 'employed' AND r.employer_id IS NOT NULL`;

/**
 * The streak columns in the order of `streakColumns`, as SELECT expressions over `h` for `r`
 * (of `period`), with `returnee` the record's own returnee as computed beside them: the stored one
 * may be what this computation is about to change.
 */
export function streakValues(yearStart: string, period: string, returnee: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`count(*) FILTER (WHERE h.state = 'employed' AND h.period >= ${yearStart}),
      ${streak(sql`h.state = 'employed'`)},
      ${streak(sql`h.state = 'employed' AND h.place = 'outside_province'`)},
      count(*) FILTER (WHERE h.state = 'employed' AND h.place = 'outside_province'),
      CASE WHEN ${hasEmployer} THEN ${employerStreak} ELSE 0 END,
      CASE WHEN ${hasEmployer} THEN ${streak(sql`${atSameEmployer} AND h.social_insurance`)} ELSE 0 END,
      -- Hired as a returnee: back home in the job's first month (this record, or an earlier one of
      -- the job) or the month before it.
      ${hasEmployer} AND (${returnee} OR coalesce(true = ANY (
        (array_agg(h.returnee ORDER BY h.period DESC) FILTER (WHERE h.period < ${period}))[1:${employerStreak}]), false))`;
}

export const streakColumns = sql`employed_last12, employed_streak, outside_streak, outside_months, employer_streak, insured_streak, hired_as_returnee`;

/**
 * The same columns for a record carried forward unchanged from `prev`: one more month of what it
 * was. (The twelve-month count can only be guessed here; the refresh after opening corrects the
 * few rows where a month fell out of the window.)
 */
export const carriedStreaks = sql`
  coalesce(CASE WHEN prev.state = 'employed' THEN least(prev.employed_last12 + 1, 12) ELSE prev.employed_last12 END, 0),
  coalesce(CASE WHEN prev.state = 'employed' THEN prev.employed_streak + 1 END, 0),
  coalesce(CASE WHEN prev.state = 'employed' AND prev.place = 'outside_province' THEN prev.outside_streak + 1 END, 0),
  coalesce(prev.outside_months + CASE WHEN prev.state = 'employed' AND prev.place = 'outside_province' THEN 1 ELSE 0 END, 0),
  coalesce(CASE WHEN prev.state = 'employed' AND prev.employer_id IS NOT NULL THEN prev.employer_streak + 1 END, 0),
  coalesce(CASE WHEN prev.state = 'employed' AND prev.employer_id IS NOT NULL AND prev.social_insurance THEN prev.insured_streak + 1 END, 0),
  coalesce(prev.state = 'employed' AND prev.employer_id IS NOT NULL AND prev.hired_as_returnee, false)`;
