/**
 * Matching workers to an opening (劳务对接), set-based: one query over the labour ledger of a
 * period ranks every willing worker of the opening's division and returns one page. The score
 * is the sum of the weights of MATCH_WEIGHTS; the service writes the same parts out as reasons.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { MATCH_WEIGHTS as W } from './job-match-weights.js';

export interface MatchQuery {
  openingId: string;
  /** The opening's county, and the division whose workers are ranked (the opening's, or the actor's inside it). */
  countyCode: string;
  prefix: string;
  period: string;
  /** Ages are taken on this day. */
  on: string;
  page: number;
  pageSize: number;
}

export interface MatchRow {
  person_id: string;
  name: string;
  sex: string;
  id_number: string;
  age: number;
  dest_division_code: string;
  labour_capacity: string;
  wants_work: boolean;
  training_wish: boolean;
  matched_skills: string[];
  age_limited: boolean;
  opening_place: string;
  last_place: string | null;
  zero_household: boolean;
  referral_id: string | null;
  referral_outcome: string | null;
  score: number;
  total: string;
}

/** The latest ledger period with records in a division, or undefined if it has none. */
export async function latestPeriod(db: Kysely<DB>, divisionCode: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('labour_record')
    .select((eb) => eb.fn.max('period').as('period'))
    .where('dest_division_code', 'like', `${divisionCode}%`)
    .executeTakeFirst();
  return row?.period ?? undefined;
}

const capacityRank = (column: string) => sql`CASE ${sql.ref(column)} WHEN 'skilled' THEN 3 WHEN 'ordinary' THEN 2 WHEN 'weak' THEN 1 ELSE 0 END`;

/**
 * Candidates: a record in the period showing the worker unemployed and wanting work, or wanting
 * training. Hard requirements (age range, least capacity) exclude; everything else scores.
 */
export async function matchWorkers(db: Kysely<DB>, q: MatchQuery): Promise<MatchRow[]> {
  const { rows } = await sql<MatchRow>`
    WITH o AS (
      SELECT id, skills, min_capacity, min_age, max_age, place, division_code FROM job_opening WHERE id = ${q.openingId}
    ), candidate AS (
      SELECT p.id AS person_id, p.name, p.sex, p.id_number, p.dest_division_code, p.labour_capacity,
             r.wants_work AND r.state = 'unemployed' AS wants_work, r.training_wish,
             date_part('year', age(${q.on}::date, p.birth_date))::int AS age,
             ARRAY(SELECT unnest(p.skills) INTERSECT SELECT unnest(o.skills) ORDER BY 1) AS matched_skills,
             (o.min_age IS NOT NULL OR o.max_age IS NOT NULL) AS age_limited,
             o.min_age, o.max_age, o.min_capacity, o.place AS opening_place,
             prev.place AS last_place,
             EXISTS (SELECT 1 FROM zero_employment_case z WHERE z.household_id = p.household_id AND z.cleared_period IS NULL) AS zero_household,
             j.id::text AS referral_id, j.outcome AS referral_outcome
      FROM o
      JOIN labour_record r ON r.county_code = ${q.countyCode} AND r.period = ${q.period} AND r.dest_division_code LIKE ${q.prefix + '%'}
      JOIN person p ON p.id = r.person_id
      LEFT JOIN LATERAL (
        SELECT e.place FROM labour_record e WHERE e.person_id = r.person_id AND e.period < r.period AND e.state = 'employed' ORDER BY e.period DESC LIMIT 1
      ) prev ON true
      LEFT JOIN job_referral j ON j.opening_id = o.id AND j.person_id = p.id
      WHERE (r.state = 'unemployed' AND r.wants_work) OR r.training_wish
    ), eligible AS (
      SELECT * FROM candidate c
      WHERE ${capacityRank('c.labour_capacity')} >= GREATEST(${capacityRank('c.min_capacity')}, 1)
        AND (c.min_age IS NULL OR c.age >= c.min_age)
        AND (c.max_age IS NULL OR c.age <= c.max_age)
    ), scored AS (
      SELECT c.*,
        LEAST(cardinality(c.matched_skills), ${W.maxSkills}::int) * ${W.skill}::int
        + CASE WHEN c.wants_work THEN ${W.wantsWork}::int ELSE 0 END
        + CASE WHEN c.training_wish THEN ${W.trainingWish}::int ELSE 0 END
        + CASE c.labour_capacity WHEN 'skilled' THEN ${W.skilled}::int WHEN 'ordinary' THEN ${W.ordinary}::int ELSE 0 END
        + CASE WHEN c.age_limited THEN ${W.age}::int ELSE 0 END
        + CASE WHEN c.opening_place = 'in_county' THEN ${W.near}::int ELSE 0 END
        + CASE WHEN c.opening_place <> 'in_county' AND c.last_place = c.opening_place THEN ${W.experience}::int ELSE 0 END
        + CASE WHEN c.zero_household THEN ${W.zeroHousehold}::int ELSE 0 END AS score
      FROM eligible c
    )
    SELECT person_id::text, name, sex, id_number, age, dest_division_code, labour_capacity, wants_work, training_wish,
           matched_skills, age_limited, opening_place, last_place, zero_household, referral_id, referral_outcome, score,
           count(*) OVER () AS total
    FROM scored
    ORDER BY score DESC, scored.person_id
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
  `.execute(db);
  return rows;
}

/** How many match at all: only asked when a page past the end came back empty. */
export async function countMatches(db: Kysely<DB>, q: MatchQuery): Promise<number> {
  const rows = await matchWorkers(db, { ...q, page: 1, pageSize: 1 });
  return rows[0] ? Number(rows[0].total) : 0;
}
