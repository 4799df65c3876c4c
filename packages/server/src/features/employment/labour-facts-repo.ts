/**
 * The derived facts of the labour ledger (SPEC §5), computed set-based for one county's period,
 * optionally narrowed to a division prefix (after one village's edits). Each statement is one
 * pass; nothing loops over people in JavaScript. The settings arrive as parameters.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface FactScope {
  countyCode: string;
  period: string;
  /** Division prefix to recompute ('' or the county code for all of it). */
  prefix: string;
  /** The county's period before this one, if any (returnees compare with it). */
  previous: string | null;
  /** The oldest period of the stable-employment window (inclusive). */
  windowStart: string;
  bornAfter: string;
  bornOnOrBefore: string;
  minEmployedPeriods: number;
  minContractMonths: number;
  today: string;
}

/** The records of the scope, as columns of the table alias `a`. */
const inScope = (s: FactScope, a: string) =>
  sql`${sql.ref(`${a}.county_code`)} = ${s.countyCode} AND ${sql.ref(`${a}.period`)} = ${s.period} AND ${sql.ref(`${a}.dest_division_code`)} LIKE ${s.prefix + '%'}`;

/** labour_force, stably_employed, first_cross_province and returnee of every record in scope. */
export async function refreshPersonFacts(db: Kysely<DB>, s: FactScope): Promise<void> {
  await sql`
    WITH scope AS (
      SELECT person_id FROM labour_record l WHERE ${inScope(s, 'l')}
    ), history AS (
      SELECT h.person_id,
        count(*) FILTER (WHERE h.state = 'employed' AND h.period >= ${s.windowStart}) AS employed_periods,
        bool_or(h.state = 'employed' AND h.place = 'outside_province' AND h.period < ${s.period}) AS crossed_before,
        bool_or(h.period = ${s.previous} AND h.state = 'employed' AND h.place IN ('outside_province', 'in_province')) AS away_before
      FROM labour_record h JOIN scope USING (person_id)
      WHERE h.period <= ${s.period}
      GROUP BY h.person_id
    )
    UPDATE labour_record r SET
      labour_force = (pe.birth_date > ${s.bornAfter} AND pe.birth_date <= ${s.bornOnOrBefore}
        AND pe.labour_capacity NOT IN ('lost', 'none') AND pe.school_stage = 'none'),
      stably_employed = (r.state = 'employed' AND coalesce(r.contract_months, 0) >= ${s.minContractMonths})
        OR history.employed_periods >= ${s.minEmployedPeriods},
      first_cross_province = r.state = 'employed' AND r.place = 'outside_province' AND NOT coalesce(history.crossed_before, false),
      returnee = coalesce(history.away_before, false) AND (r.state <> 'employed' OR r.place = 'in_county')
    FROM person pe, history
    WHERE pe.id = r.person_id AND history.person_id = r.person_id AND ${inScope(s, 'r')}
  `.execute(db);
}
