/**
 * How long each worker has been at it, kept on every ledger record so that a fact like "employed
 * six months in a row" is one column away for the policy engine and the monitoring run, instead
 * of a pass over the person's whole history each time (SPEC §5, §6). Each is computed from the
 * person's records up to the period, newest first, aliased `h`, for the record `r`; a month
 * without a record breaks nothing, as anyone employed has a record.
 *
 * Two kinds of count are kept. The ledger's own counts count its periods as recorded: employed_last12
 * (stable employment), outside_streak and outside_months (the first crossing), and the run at one
 * employer (a returnee hire). The months the policy facts read (`months_*`) follow the one
 * definition below.
 *
 * 月数 — months employed or insured as of a date, the one definition every policy fact counting
 * months reads (person.monthsEmployedLast12, person.consecutiveMonthsEmployed,
 * person.consecutiveMonthsOutsideProvince, hire.monthsEmployed, hire.insuredMonths; docs/POLICY.md
 * §1): the calendar months of the ledger that are over by that date and whose record is confirmed.
 *   - A month is over on its last day: a job begun on 1 January has 3 months on 31 March, 2 on
 *     30 March. The month of the date itself counts only once it ends (monthsAsOf).
 *   - A month counts once its record is confirmed (a clerk's edit, 确认无变化, an import). A record
 *     carried forward when its period was opened and not yet confirmed (待确认) is not a month
 *     completed: it is last month's record copied, the ledger's guess that nothing changed, and
 *     the documents pay for months that happened and can be shown — “依法缴纳社会保险费满3个月及
 *     以上”“新跨省务工且稳定就业3个月及以上” (GZ-2022 6.), “稳定就业半年以上” (GZ-2022 5.),
 *     “足额缴纳社会保险、稳定就业半年以上” (XX-2020 二(四)), each proven by 缴费证明 and wage
 *     records. Nor does it break a run: the run (连续) follows the states as recorded, and a
 *     carried-forward record's state is last month's, so its month counts from the day it is
 *     confirmed.
 * The stored counts hold the confirmed months of the run up to and including the record (the
 * record itself once confirmed); monthsAsOf takes the record's own month back while it is not over.
 */
import { addMonths, periodEnd, periodOf } from '@anju/core';
import { sql, type RawBuilder } from 'kysely';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/** Records, newest first, for which `condition` holds without a break. */
export const streak = (condition: RawBuilder<unknown>) =>
  sql`coalesce(array_position(array_agg(coalesce(${condition}, false) ORDER BY h.period DESC), false) - 1, count(*))`;

/**
 * The confirmed records among those `streak` counts: the first that many of the records' confirmed
 * flags, newest first. (One array of flags serves every run, and each run's streak is the one the
 * ledger's own counts compute: PostgreSQL computes an aggregate written twice once.)
 */
const confirmedInRun = (condition: RawBuilder<unknown>) =>
  sql`cardinality(array_positions((array_agg(h.confirmed ORDER BY h.period DESC))[1:${streak(condition)}], true))`;

/** A month of record `h` that counts towards the twelve-month count. */
const employedMonth = (h: string) => sql`${ref(h, 'state')} = 'employed'`;

/** The runs the policy facts count, each by what a month of record `h` must be to continue the run of record `r`. */
const runs = {
  months_employed: (h: string) => employedMonth(h),
  months_outside: (h: string) => sql`${ref(h, 'state')} = 'employed' AND ${ref(h, 'place')} = 'outside_province'`,
  months_at_employer: (h: string, r: string) => sql`${ref(h, 'state')} = 'employed' AND ${ref(h, 'employer_id')} = ${ref(r, 'employer_id')}`,
  months_insured: (h: string, r: string) =>
    sql`${ref(h, 'state')} = 'employed' AND ${ref(h, 'employer_id')} = ${ref(r, 'employer_id')} AND ${ref(h, 'social_insurance')}`,
};
const runColumns = Object.keys(runs) as (keyof typeof runs)[];

/** The last month over by `asOf` ('YYYY-MM'): its own month on its last day, else the one before. */
export function lastMonthOver(asOf: string): string {
  const month = periodOf(asOf);
  return periodEnd(month) === asOf ? month : addMonths(month, -1);
}

/**
 * The month counts of the record aliased `r` as of `asOf`, as columns named as stored: its own
 * month, counted once confirmed, taken back while it is not over. (Only the record in force can
 * be: the one of the month of `asOf`.)
 */
export function monthsAsOf(r: string, asOf: string): RawBuilder<unknown> {
  const ownNotOver = (condition: RawBuilder<unknown>) =>
    sql`(${ref(r, 'confirmed')} AND ${ref(r, 'period')} > ${lastMonthOver(asOf)} AND coalesce(${condition}, false))::int`;
  return sql.join([
    sql`${ref(r, 'months_employed_last12')} - ${ownNotOver(employedMonth(r))} AS months_employed_last12`,
    ...runColumns.map((column) => sql`${ref(r, column)} - ${ownNotOver(runs[column](r, r))} AS ${sql.ref(column)}`),
  ]);
}

/**
 * The run counts of a record carried forward from the record before it, in the order of
 * `monthsColumns` after the twelve-month count: the record is unconfirmed and its state is that
 * record's, so each run keeps the months it had, or is none. `x` holds the record,
 * `previous(column)` that record's counts.
 */
export function carriedRunMonths(x: string, previous: (column: string) => RawBuilder<unknown>): { column: string; value: RawBuilder<unknown> }[] {
  return runColumns.map((column) => ({ column, value: sql`CASE WHEN ${runs[column](x, x)} THEN ${previous(column)} ELSE 0 END` }));
}

const employerStreak = streak(runs.months_at_employer('h', 'r'));
const hasEmployer = sql`r.state = 'employed' AND r.employer_id IS NOT NULL`;

/**
 * The columns of `streakColumns`, as SELECT expressions over `h` for `r` (of `period`), with
 * `returnee` the record's own returnee as computed beside them: the stored one may be what this
 * computation is about to change. The ledger's own counts count every record; the months counted,
 * the confirmed ones.
 */
export function streakValues(yearStart: string, period: string, returnee: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`count(*) FILTER (WHERE ${employedMonth('h')} AND h.period >= ${yearStart}),
      ${streak(runs.months_outside('h'))},
      count(*) FILTER (WHERE ${runs.months_outside('h')}),
      -- Hired as a returnee: back home in the job's first month (this record, or an earlier one of
      -- the job) or the month before it.
      ${hasEmployer} AND (${returnee} OR coalesce(true = ANY (
        (array_agg(h.returnee ORDER BY h.period DESC) FILTER (WHERE h.period < ${period}))[1:${employerStreak}]), false)),
      count(*) FILTER (WHERE ${employedMonth('h')} AND h.confirmed AND h.period >= ${yearStart}),
      ${sql.join(runColumns.map((column) => confirmedInRun(runs[column]('h', 'r'))))}`;
}

/** The policy's month counts (stored names, the order of streakValues): read through monthsAsOf. */
export const monthsColumns = sql.raw(['months_employed_last12', ...runColumns].join(', '));

export const streakColumns = sql`employed_last12, outside_streak, outside_months, hired_as_returnee, ${monthsColumns}`;
