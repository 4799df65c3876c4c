/**
 * The monitoring figures of a division (docs/MONITORING.md §7) as a few grouped scans, each
 * split by sub-division (`left(code, childLength)`; 0 = no split) so one pass serves the totals
 * and the per-division rows. Every predicate is the one its drill-down list filters by:
 * - monitored on day d: monitored_on <= d AND (eliminated_on IS NULL OR eliminated_on > d)
 * - overdue now: open AND (step_due < today OR (identification step AND whole_due < today))
 * - a task late: open (assigned, in progress) AND due_on < today
 * - a conversion overdue: pending AND due_on < today
 * - a warning of the month: period = the month; open now: status = 'open' (each by its category)
 * Counts come back as strings from pg and are converted here.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { IDENTIFICATION_STEPS } from '@anju/core';
import type { DB } from '../../db/schema.js';

const n = (v: string | number | null | undefined) => Number(v ?? 0);
const area = (column: string, length: number) => sql<string>`left(${sql.ref(column)}, ${sql.lit(Math.trunc(length))})`;

export function monitoredOn(alias: string, day: string | RawBuilder<unknown>): RawBuilder<boolean> {
  const c = (col: string) => sql.ref(`${alias}.${col}`);
  return sql<boolean>`(${c('monitored_on')} <= ${day}::date AND (${c('eliminated_on')} IS NULL OR ${c('eliminated_on')} > ${day}::date))`;
}

export function overdueNow(alias: string, today: string): RawBuilder<boolean> {
  const c = (col: string) => sql.ref(`${alias}.${col}`);
  const identification = sql.join(IDENTIFICATION_STEPS.map((s) => sql.lit(s)));
  return sql<boolean>`(${c('step')} NOT IN ('eliminated', 'rejected') AND (${c('step_due')} < ${today}::date
    OR (${c('step')} IN (${identification}) AND ${c('whole_due')} < ${today}::date)))`;
}

export interface Month {
  start: string;
  end: string;
  /** The month's last day, or today for the month in progress. */
  asOf: string;
  today: string;
}

export interface CaseCell {
  area: string;
  category: string;
  step: string;
  cases: number;
  monitored: number;
  newMonitored: number;
  eliminated: number;
  overdue: number;
}

/** Cases by sub-division, category and step, with the month's figures of each cell. */
export async function caseCube(db: Kysely<DB>, prefix: string, childLength: number, m: Month): Promise<CaseCell[]> {
  const { rows } = await sql<{ area: string; category: string; step: string; cases: string; monitored: string; new_monitored: string; eliminated: string; overdue: string }>`
    SELECT area, category, step, count(*) AS cases,
      count(*) FILTER (WHERE ${monitoredOn('c', m.asOf)}) AS monitored,
      count(*) FILTER (WHERE c.monitored_on BETWEEN ${m.start}::date AND ${m.end}::date) AS new_monitored,
      count(*) FILTER (WHERE c.eliminated_on BETWEEN ${m.start}::date AND ${m.end}::date) AS eliminated,
      count(*) FILTER (WHERE ${overdueNow('c', m.today)}) AS overdue
    FROM (SELECT ${area('dest_division_code', childLength)} AS area, * FROM monitoring_case WHERE dest_division_code LIKE ${`${prefix}%`}) c
    GROUP BY area, category, step`.execute(db);
  return rows.map((r) => ({
    area: r.area, category: r.category, step: r.step, cases: n(r.cases), monitored: n(r.monitored),
    newMonitored: n(r.new_monitored), eliminated: n(r.eliminated), overdue: n(r.overdue),
  }));
}

/**
 * Warnings by the category they point to: raised in the month (drill-down: warnings of the period
 * and category) and open now (status open and category).
 */
export async function warningCounts(db: Kysely<DB>, prefix: string, period: string) {
  const { rows } = await sql<{ category: string; raised: string; open: string }>`
    SELECT category, count(*) FILTER (WHERE period = ${period}) AS raised, count(*) FILTER (WHERE status = 'open') AS open
    FROM monitoring_warning
    WHERE dest_division_code LIKE ${`${prefix}%`} AND (period = ${period} OR status = 'open')
    GROUP BY category`.execute(db);
  return rows.map((r) => ({ category: r.category, raised: n(r.raised), open: n(r.open) }));
}

/** Tasks now, by sub-division: open, late, done. */
export async function taskCube(db: Kysely<DB>, prefix: string, childLength: number, today: string) {
  const { rows } = await sql<{ area: string; open: string; late: string; done: string }>`
    SELECT area,
      count(*) FILTER (WHERE status IN ('assigned', 'in_progress')) AS open,
      count(*) FILTER (WHERE status IN ('assigned', 'in_progress') AND due_on < ${today}::date) AS late,
      count(*) FILTER (WHERE status = 'done') AS done
    FROM (SELECT ${area('dest_division_code', childLength)} AS area, status, due_on FROM assistance_task WHERE dest_division_code LIKE ${`${prefix}%`}) t
    GROUP BY area`.execute(db);
  return rows.map((r) => ({ area: r.area, open: n(r.open), late: n(r.late), done: n(r.done) }));
}

export async function conversionCounts(db: Kysely<DB>, prefix: string, today: string) {
  const { rows } = await sql<{ pending: string; overdue: string }>`
    SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'pending' AND due_on < ${today}::date) AS overdue
    FROM safety_net_conversion WHERE dest_division_code LIKE ${`${prefix}%`}`.execute(db);
  return { pending: n(rows[0]?.pending), overdue: n(rows[0]?.overdue) };
}

/**
 * 巩固率 terms: registered-poor people of active households, and those of them in a household
 * monitored as 脱贫不稳定户 on day d.
 */
export async function consolidationTerms(db: Kysely<DB>, prefix: string, asOf: string) {
  const { rows } = await sql<{ registered_poor: string; at_risk: string }>`
    SELECT count(*) AS registered_poor,
      count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM monitoring_case c WHERE c.household_id = h.id AND c.category = 'unstable' AND ${monitoredOn('c', asOf)})) AS at_risk
    FROM person p JOIN household h ON h.id = p.household_id
    WHERE p.dest_division_code LIKE ${`${prefix}%`} AND h.status = 'active' AND h.kind = 'registered_poor'`.execute(db);
  return { registeredPoor: n(rows[0]?.registered_poor), atRisk: n(rows[0]?.at_risk) };
}

/** Months from `first` to `last` ('YYYY-MM-01'), each as of its last day or today if earlier. */
export async function trend(db: Kysely<DB>, prefix: string, first: string, last: string, today: string) {
  const { rows } = await sql<{ period: string; monitored: string; new_monitored: string; eliminated: string }>`
    WITH m AS (
      SELECT to_char(g, 'YYYY-MM') AS period, g::date AS start, (g + interval '1 month' - interval '1 day')::date AS finish
      FROM generate_series(${first}::date, ${last}::date, interval '1 month') g
    )
    SELECT m.period,
      count(c.id) FILTER (WHERE ${monitoredOn('c', sql`least(m.finish, ${today}::date)`)}) AS monitored,
      count(c.id) FILTER (WHERE c.monitored_on >= m.start) AS new_monitored,
      count(c.id) FILTER (WHERE c.eliminated_on BETWEEN m.start AND m.finish) AS eliminated
    FROM m LEFT JOIN monitoring_case c ON c.dest_division_code LIKE ${`${prefix}%`} AND c.monitored_on <= m.finish
    GROUP BY m.period ORDER BY m.period`.execute(db);
  return rows.map((r) => ({ period: r.period, monitored: n(r.monitored), newMonitored: n(r.new_monitored), eliminated: n(r.eliminated) }));
}
