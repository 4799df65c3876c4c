/**
 * SQL of the demo labour ledger: the facts of one county's period drawn in one statement from
 * the records carried forward from the period before. Every draw is a hash of (seed, person,
 * period, what is drawn), so the same seed gives the same ledger, and nothing loops over people.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';

export async function countiesWithHouseholds(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('household').select('county_code').distinct().where('status', '=', 'active').orderBy('county_code').execute();
  return rows.map((r) => r.county_code);
}

export interface DemoFactsParams {
  seed: number;
  countyCode: string;
  period: string;
  /** The county's first period: nobody carries a job over, so jobs are dealt out afresh. */
  first: boolean;
}

/** Chances per month, chosen so the ledger settles near 80 % of the labour force employed. */
const LOSE_JOB = 0.02;
const FIND_JOB = 0.15;
/** The zero-employment follow-up (动态清零) helps idle households faster. */
const FIND_JOB_IDLE_HOUSEHOLD = 0.25;
const CHANGE_JOB = 0.015;
/** Employed people past the labour-force ages stop working at this rate per month. */
const RETIRE = 0.25;

/** A uniform number in [0, 1) from a hash of the seed, the record and a tag. */
function draw(p: DemoFactsParams, tag: string, perPeriod = true): RawBuilder<number> {
  const key = `${p.seed}:${tag}:`;
  const tail = perPeriod ? `:${p.period}` : '';
  return sql<number>`((hashtext(${key}::text || r.person_id::text || ${tail}::text)::bigint + 2147483648) / 4294967296.0::float8)`;
}

/** Out-of-county employers a migrant worker is recorded with (names only; they are not in the employer table). */
const AWAY_EMPLOYERS = {
  outside_province: ['广东东莞电子厂', '浙江宁波服装厂', '福建晋江制鞋厂', '江苏苏州电子厂', '广东佛山家具厂', '上海建筑工地', '浙江义乌物流公司', '广东深圳物业公司'],
  in_province: ['省城建筑工地', '省内物流公司', '省内餐饮企业', '省内家政公司', '省内制造企业'],
};

/**
 * Fills one county's period: who works (employed people mostly keep their job, a few lose it,
 * some of the idle find one, idle households faster), and for everyone who starts a job its
 * channel, place, employer, contract, insurance and pay. Every record is confirmed. Returns the
 * number of records.
 */
export async function applyDemoFacts(db: Kysely<DB>, p: DemoFactsParams): Promise<number> {
  const periodStart = `${p.period}-01`;
  const result = await sql`
    WITH emp AS (
      SELECT array_agg(id ORDER BY id) AS ids, array_agg(name ORDER BY id) AS names
      FROM employer WHERE county_code = ${p.countyCode}
    ), drawn AS (
      SELECT r.ctid AS row_id, r.household_id, r.labour_force, r.state = 'employed' AS was_employed,
        ${draw(p, 'wants', false)} >= 0.10 AS wants,
        ${draw(p, 'training', false)} AS u_training,
        ${draw(p, 'lose')} AS u_lose, ${draw(p, 'find')} AS u_find, ${draw(p, 'change')} AS u_change,
        ${draw(p, 'channel')} AS u_channel, ${draw(p, 'place')} AS u_place, ${draw(p, 'employer')} AS u_employer,
        ${draw(p, 'contract')} AS u_contract, ${draw(p, 'insurance')} AS u_insurance,
        ${draw(p, 'income')} AS u_income, ${draw(p, 'start')} AS u_start
      FROM labour_record r
      WHERE r.county_code = ${p.countyCode} AND r.period = ${p.period}
    ), household AS (
      -- The first willing member of a household is the one it sends to work first.
      SELECT d.*, bool_or(d.was_employed) OVER (PARTITION BY d.household_id) AS household_employed,
        row_number() OVER (PARTITION BY d.household_id ORDER BY d.labour_force AND d.wants DESC, d.u_find) AS rank_in_household
      FROM drawn d
    ), next AS (
      SELECT h.*, CASE
          WHEN NOT h.labour_force THEN h.was_employed AND h.u_lose >= ${RETIRE}
          WHEN NOT h.wants THEN false
          WHEN ${p.first} THEN h.u_find < CASE WHEN h.rank_in_household = 1 THEN 0.96 ELSE 0.86 END
          WHEN h.was_employed THEN h.u_lose >= ${LOSE_JOB}
          WHEN NOT h.household_employed THEN h.u_find < ${FIND_JOB_IDLE_HOUSEHOLD}
          ELSE h.u_find < ${FIND_JOB}
        END AS employed
      FROM household h
    ), job AS (
      SELECT n.*, n.employed AND (NOT n.was_employed OR n.u_change < ${CHANGE_JOB}) AS new_job,
        CASE
          WHEN n.u_channel < 0.45 THEN 'out_migration' WHEN n.u_channel < 0.70 THEN 'local'
          WHEN n.u_channel < 0.78 THEN 'welfare_post' WHEN n.u_channel < 0.81 THEN 'work_relief'
          WHEN n.u_channel < 0.86 THEN 'own_business' WHEN n.u_channel < 0.96 THEN 'flexible'
          ELSE 'farming'
        END AS channel
      FROM next n
    ), offer AS (
      SELECT j.*,
        CASE WHEN j.channel <> 'out_migration' THEN 'in_county' WHEN j.u_place < 0.6 THEN 'outside_province' ELSE 'in_province' END AS place,
        CASE WHEN j.channel = 'local' AND j.u_employer < 0.6 AND cardinality(emp.ids) > 0
          THEN 1 + floor(j.u_employer / 0.6 * cardinality(emp.ids))::int END AS employer_index,
        -- pay range (lowest, width) by channel, yuan a month
        CASE j.channel
          WHEN 'out_migration' THEN 3800 + 2700 * j.u_income WHEN 'local' THEN 2400 + 2100 * j.u_income
          WHEN 'welfare_post' THEN 1500 + 500 * j.u_income WHEN 'work_relief' THEN 1800 + 1200 * j.u_income
          WHEN 'own_business' THEN 2500 + 3500 * j.u_income WHEN 'flexible' THEN 1800 + 1700 * j.u_income
          ELSE 1800 + 1400 * j.u_income
        END AS income,
        j.u_insurance < CASE j.channel
          WHEN 'out_migration' THEN 0.65 WHEN 'local' THEN 0.70 WHEN 'welfare_post' THEN 0.90 WHEN 'work_relief' THEN 0.30
          WHEN 'own_business' THEN 0.40 WHEN 'flexible' THEN 0.30 ELSE 0.20
        END AS insured,
        CASE WHEN j.channel IN ('out_migration', 'local', 'welfare_post', 'work_relief') AND j.u_contract < 0.85
          THEN (ARRAY[6, 12, 12, 24, 36])[1 + floor(j.u_contract / 0.85 * 5)::int] END AS contract_months
      FROM job j CROSS JOIN emp
    )
    UPDATE labour_record r SET
      state = CASE WHEN o.employed THEN 'employed' ELSE 'unemployed' END,
      wants_work = o.wants OR o.employed,
      training_wish = o.u_training < CASE WHEN o.employed THEN 0.15 ELSE 0.40 END,
      channel = CASE WHEN o.new_job THEN o.channel WHEN o.employed THEN r.channel END,
      place = CASE WHEN o.new_job THEN o.place WHEN o.employed THEN r.place END,
      employer_id = CASE WHEN o.new_job THEN emp.ids[o.employer_index] WHEN o.employed THEN r.employer_id END,
      employer_name = CASE
        WHEN o.new_job THEN CASE
          WHEN o.employer_index IS NOT NULL THEN emp.names[o.employer_index]
          WHEN o.place = 'outside_province' THEN (${AWAY_EMPLOYERS.outside_province}::text[])[1 + floor(o.u_employer * ${AWAY_EMPLOYERS.outside_province.length})::int]
          WHEN o.place = 'in_province' THEN (${AWAY_EMPLOYERS.in_province}::text[])[1 + floor(o.u_employer * ${AWAY_EMPLOYERS.in_province.length})::int]
          WHEN o.channel = 'welfare_post' THEN '公益性岗位'
          WHEN o.channel = 'work_relief' THEN '以工代赈项目'
          WHEN o.channel = 'own_business' THEN '个体经营'
        END
        WHEN o.employed THEN r.employer_name END,
      -- the first period's jobs began up to three years before it; later ones within the month
      start_date = CASE
        WHEN o.new_job AND ${p.first} THEN ${periodStart}::date - floor(o.u_start * 1095)::int
        WHEN o.new_job THEN ${periodStart}::date + floor(o.u_start * 28)::int
        WHEN o.employed THEN r.start_date END,
      contract_months = CASE WHEN o.new_job THEN o.contract_months WHEN o.employed THEN r.contract_months END,
      social_insurance = CASE WHEN o.new_job THEN o.insured ELSE o.employed AND r.social_insurance END,
      monthly_income = CASE WHEN o.new_job THEN round(o.income / 10) * 10 WHEN o.employed THEN r.monthly_income END,
      confirmed = true
    FROM offer o CROSS JOIN emp
    -- By row address, not by (person_id, period): the planner takes a period just opened for
    -- one row, and may then pair the period with itself in a nested loop that scans it once per
    -- record (as the ledger's own refresh did). A row-address join can only look each row up.
    WHERE r.ctid = o.row_id
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * A county's first period opens blank (there is nothing to carry forward), so the scan at opening
 * finds every household idle. The demo fills that period at once, so those are not cases: this
 * takes them back before the refresh finds the households that really are idle.
 */
export async function dropBlankOpeningCases(db: Kysely<DB>, countyCode: string, period: string): Promise<void> {
  await db.deleteFrom('zero_employment_case').where('county_code', '=', countyCode).where('found_period', '=', period).where('action', 'is', null).execute();
}
