/**
 * Figures per village and period (labour_summary), rebuilt from the ledger and the
 * zero-employment cases after the facts change. A division's figure is then a sum over a prefix.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { FactScope } from './labour-facts-repo.js';

export async function rebuildSummary(db: Kysely<DB>, s: FactScope): Promise<void> {
  const like = s.prefix + '%';
  await db
    .deleteFrom('labour_summary')
    .where('period', '=', s.period)
    .where('county_code', '=', s.countyCode)
    .where('division_code', 'like', like)
    .execute();
  // The records are read once: each of the four passes below read them from the table again.
  await sql`
    WITH records AS MATERIALIZED (
      SELECT dest_division_code, household_id, labour_force, state, stably_employed, wants_work, training_wish,
        first_cross_province, returnee, social_insurance, monthly_income, channel, place
      FROM labour_record
      WHERE county_code = ${s.countyCode} AND period = ${s.period} AND dest_division_code LIKE ${like}
    )
    INSERT INTO labour_summary (period, division_code, county_code, metric, value)
    SELECT ${s.period}, m.division, ${s.countyCode}, m.metric, m.value FROM (
      -- people in the labour force
      SELECT dest_division_code AS division, v.metric, v.value FROM (
        SELECT dest_division_code,
          count(*) AS records,
          count(*) FILTER (WHERE labour_force) AS labour_force,
          count(*) FILTER (WHERE labour_force AND state = 'employed') AS employed,
          count(*) FILTER (WHERE labour_force AND stably_employed) AS stably_employed,
          count(*) FILTER (WHERE labour_force AND wants_work AND state <> 'employed') AS seeking,
          count(*) FILTER (WHERE labour_force AND training_wish) AS training_wish,
          count(*) FILTER (WHERE first_cross_province) AS first_cross_province,
          count(*) FILTER (WHERE returnee) AS returnees,
          count(*) FILTER (WHERE state = 'employed' AND social_insurance) AS insured,
          count(*) FILTER (WHERE state = 'employed' AND monthly_income IS NOT NULL) AS income_count,
          coalesce(sum(monthly_income) FILTER (WHERE state = 'employed'), 0) AS income_sum
        FROM records r GROUP BY dest_division_code
      ) p CROSS JOIN LATERAL (VALUES
        ('records', p.records), ('labour_force', p.labour_force), ('employed', p.employed),
        ('stably_employed', p.stably_employed), ('seeking', p.seeking), ('training_wish', p.training_wish),
        ('first_cross_province', p.first_cross_province), ('returnees', p.returnees), ('insured', p.insured),
        ('income_count', p.income_count), ('income_sum', p.income_sum)
      ) AS v(metric, value)
      UNION ALL
      -- the employed of the labour force by channel and by place
      SELECT dest_division_code, 'channel:' || channel, count(*) FROM records r
      WHERE labour_force AND state = 'employed' GROUP BY dest_division_code, channel
      UNION ALL
      SELECT dest_division_code, 'place:' || place, count(*) FROM records r
      WHERE labour_force AND state = 'employed' GROUP BY dest_division_code, place
      UNION ALL
      -- households with labour, and those with a stably employed member (一户一人)
      SELECT division, v.metric, v.value FROM (
        SELECT division, count(*) AS with_labour, count(*) FILTER (WHERE stable) AS one_stable FROM (
          SELECT household_id, min(dest_division_code) AS division, bool_or(stably_employed AND labour_force) AS stable
          FROM records r WHERE labour_force GROUP BY household_id
        ) h GROUP BY division
      ) hh CROSS JOIN LATERAL (VALUES ('households_with_labour', hh.with_labour), ('households_one_stable', hh.one_stable)) AS v(metric, value)
      UNION ALL
      -- zero-employment households: found this period, cleared this period, open at its end
      SELECT dest_division_code, v.metric, v.value FROM (
        SELECT dest_division_code,
          count(*) FILTER (WHERE found_period = ${s.period}) AS zero_new,
          count(*) FILTER (WHERE cleared_period = ${s.period}) AS zero_cleared,
          count(*) FILTER (WHERE found_period <= ${s.period} AND (cleared_period IS NULL OR cleared_period > ${s.period})) AS zero_open
        FROM zero_employment_case
        WHERE county_code = ${s.countyCode} AND dest_division_code LIKE ${like}
        GROUP BY dest_division_code
      ) z CROSS JOIN LATERAL (VALUES ('zero_new', z.zero_new), ('zero_cleared', z.zero_cleared), ('zero_open', z.zero_open)) AS v(metric, value)
    ) m
    WHERE m.value <> 0 AND m.metric IS NOT NULL
  `.execute(db);
}
