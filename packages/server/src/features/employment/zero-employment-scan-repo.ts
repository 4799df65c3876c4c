/**
 * The zero-employment scan (零就业家庭动态清零, GZ-2022 5, 19) for one county's period: one
 * statement finds, continues, clears and (after a same-period fix) reopens cases, and takes back
 * what a correction of an earlier period disproves. Running it twice changes nothing.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { FactScope } from './labour-facts-repo.js';

export async function scanZeroEmployment(db: Kysely<DB>, s: FactScope): Promise<void> {
  await sql`
    WITH hh AS (
      SELECT r.household_id, min(r.dest_division_code) AS division,
        bool_or(r.labour_force AND r.wants_work) AS willing,
        bool_or(r.state = 'employed') AS employed
      FROM labour_record r
      WHERE r.county_code = ${s.countyCode} AND r.period = ${s.period} AND r.dest_division_code LIKE ${s.prefix + '%'}
      GROUP BY r.household_id
    ), zero AS (
      SELECT household_id, division FROM hh WHERE willing AND NOT employed
    ), cleared AS (
      UPDATE zero_employment_case z
      SET cleared_period = ${s.period}, cleared_on = ${s.today},
        cleared_reason = CASE WHEN hh.employed THEN 'employed' ELSE 'not_eligible' END,
        version = z.version + 1, updated_at = now()
      FROM hh
      WHERE z.household_id = hh.household_id AND z.cleared_period IS NULL AND z.found_period <= ${s.period}
        AND (hh.employed OR NOT hh.willing)
        -- In an open period a household found idle and then given work is cleared (清零) in it.
        AND (z.found_period < ${s.period} OR NOT ${s.closed} OR (z.action IS NOT NULL AND z.last_seen_period = ${s.period}))
      RETURNING z.id
    ), retracted AS (
      -- A correction shows the household was not idle in the period it was found in: it was
      -- found one period later (it was seen idle after), or never (nobody acted on it yet).
      UPDATE zero_employment_case z
      SET found_period = (SELECT min(lp.period) FROM labour_period lp WHERE lp.county_code = z.county_code AND lp.period > ${s.period}),
        version = z.version + 1, updated_at = now()
      FROM hh
      WHERE ${s.closed} AND z.household_id = hh.household_id AND z.found_period = ${s.period} AND z.last_seen_period > ${s.period}
        AND (hh.employed OR NOT hh.willing)
      RETURNING z.id
    ), dropped AS (
      DELETE FROM zero_employment_case z
      USING hh
      WHERE ${s.closed} AND z.household_id = hh.household_id AND z.found_period = ${s.period} AND z.last_seen_period = ${s.period}
        AND z.action IS NULL AND (hh.employed OR NOT hh.willing)
      RETURNING z.id
    ), gone AS (
      -- Households with nobody left in the ledger (members aged out, moved away).
      UPDATE zero_employment_case z
      SET cleared_period = ${s.period}, cleared_on = ${s.today}, cleared_reason = 'not_eligible',
        version = z.version + 1, updated_at = now()
      WHERE z.county_code = ${s.countyCode} AND z.dest_division_code LIKE ${s.prefix + '%'}
        AND z.cleared_period IS NULL AND z.found_period <= ${s.period}
        -- NOT IN, not NOT EXISTS: it stays one hash of hh, where an anti join rescanned hh for
        -- every open case once the planner took hh for one row (no statistics yet for a new
        -- period): minutes for a county. household_id is never null, so the two mean the same.
        AND z.household_id NOT IN (SELECT household_id FROM hh)
      RETURNING z.id
    ), continued AS (
      UPDATE zero_employment_case z
      SET last_seen_period = ${s.period},
        cleared_period = NULL, cleared_on = NULL, cleared_reason = NULL,
        version = z.version + 1, updated_at = now()
      FROM zero
      WHERE z.household_id = zero.household_id
        AND ((z.cleared_period IS NULL AND z.last_seen_period < ${s.period}) OR z.cleared_period = ${s.period})
      RETURNING z.id
    )
    INSERT INTO zero_employment_case (household_id, county_code, dest_division_code, found_period, found_on, last_seen_period)
    SELECT zero.household_id, ${s.countyCode}, zero.division, ${s.period}, ${s.today}, ${s.period}
    FROM zero
    -- A hashed set of the existing cases, built before the first row goes in: an anti join,
    -- planned when the table was still nearly empty, rescanned it (and the rows this statement
    -- was adding to it) once per new case.
    WHERE zero.household_id NOT IN (
      SELECT z.household_id FROM zero_employment_case z
      WHERE z.household_id IN (SELECT household_id FROM zero) AND (z.cleared_period IS NULL OR z.cleared_period = ${s.period})
    )
  `.execute(db);
}
