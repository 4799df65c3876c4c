import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { carriedStreaks, streakColumns } from './labour-streaks.js';

export interface OpenPeriodParams {
  countyCode: string;
  period: string;
  /** The county's latest earlier period, whose facts are carried forward (none for the first). */
  previous: string | null;
  /** Labour-force birth window on the period's last day. */
  bornAfter: string;
  bornOnOrBefore: string;
  userId: string | null;
}

/**
 * One statement writes the new period's rows: every member of the county's active households who
 * is in the labour force, or was employed last period, gets a record carrying last period's
 * facts, unconfirmed, so a clerk only edits what changed. Returns the number of records.
 *
 * The derived facts start as the refresh that follows will mostly find them (labour force by the
 * same test; stable employment as last period; a carried-forward record is never a first
 * crossing or a return; each streak one month longer), so that refresh rewrites only the rows
 * that differ.
 */
export async function insertCarriedForward(db: Kysely<DB>, p: OpenPeriodParams): Promise<number> {
  const labourForce = sql`(pe.birth_date > ${p.bornAfter} AND pe.birth_date <= ${p.bornOnOrBefore}
    AND pe.labour_capacity NOT IN ('lost', 'none') AND pe.school_stage = 'none')`;
  const result = await sql`
    INSERT INTO labour_record (person_id, period, county_code, dest_division_code, household_id,
      wants_work, state, channel, place, employer_id, employer_name, start_date, contract_months,
      social_insurance, monthly_income, training_wish, confirmed, labour_force, stably_employed, ${streakColumns}, updated_by)
    SELECT pe.id, ${p.period}, h.county_code, h.dest_division_code, h.id,
      coalesce(prev.wants_work, true), coalesce(prev.state, 'unemployed'), prev.channel, prev.place,
      prev.employer_id, prev.employer_name, prev.start_date, prev.contract_months,
      coalesce(prev.social_insurance, false), prev.monthly_income, coalesce(prev.training_wish, false),
      false, ${labourForce}, coalesce(prev.stably_employed, false), ${carriedStreaks}, ${p.userId}
    FROM person pe
    JOIN household h ON h.id = pe.household_id AND h.status = 'active' AND h.county_code = ${p.countyCode}
    LEFT JOIN labour_record prev ON prev.person_id = pe.id AND prev.period = ${p.previous}
    -- A county code is the first six digits of its divisions: the prefix lets the index find the
    -- county's households, where the county code alone read the whole country's. (The same prefix
    -- on person made the planner, without statistics, rescan the county's people per household.)
    WHERE h.dest_division_code LIKE ${p.countyCode + '%'}
      AND (prev.state = 'employed' OR ${labourForce})
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
