/**
 * Set-based checks and merges of staged registry rows. Every check returns the rows it rejects
 * with the column and the reason; the merges are idempotent upserts keyed on codes and ID
 * numbers that leave equal rows untouched (so re-importing a file changes nothing).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { OUT_OF_SCOPE, OUT_OF_SCOPE_IMPORT } from '../../platform/out-of-scope.js';

export interface StagedIssue {
  row_no: number;
  column: string;
  value: string;
  reason: string;
}

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const like = (scope: string) => `${scope}%`;

/**
 * The value each optional column takes at merge (stage aliased s, stored row old): a blank
 * cell keeps what is stored, the clear marker erases it (stage-columns.ts `cleared`), a new
 * record without a value is unknown (NULL) — never a default that rules would read as a fact.
 */
function kept(columns: Record<string, string>) {
  return sql.raw(
    Object.entries(columns)
      .map(([column, erased]) => `CASE WHEN '${column}' = ANY(s.cleared) THEN ${erased} ELSE coalesce(s.${column}, old.${column}) END AS ${column}`)
      .join(',\n      '),
  );
}
const erasedToNull = (...columns: string[]) => Object.fromEntries(columns.map((c) => [c, 'NULL']));

async function issues(db: Kysely<DB>, query: ReturnType<typeof sql<StagedIssue>>): Promise<StagedIssue[]> {
  return (await query.execute(db)).rows;
}

export async function checkSites(db: Kysely<DB>, stage: string, scope: string): Promise<StagedIssue[]> {
  const t = sql.table(stage);
  return [
    ...(await issues(db, sql<StagedIssue>`
      SELECT row_no, '安置点编码' AS column, code AS value, '安置点编码在本文件第' || first_row || '行已出现' AS reason
      FROM (SELECT row_no, code, first_value(row_no) OVER (PARTITION BY code ORDER BY row_no) AS first_row FROM ${t}) x
      WHERE row_no <> first_row`)),
    ...(await issues(db, sql<StagedIssue>`
      SELECT s.row_no, '所在乡镇或社区代码' AS column, s.division_code AS value,
             CASE WHEN d.code IS NULL THEN '行政区划代码不存在' ELSE '行政区划超出本人管辖范围' END AS reason
      FROM ${t} s LEFT JOIN division d ON d.code = s.division_code
      WHERE d.code IS NULL OR d.level NOT IN (4, 5) OR s.division_code NOT LIKE ${like(scope)}`)),
    ...(await issues(db, sql<StagedIssue>`
      SELECT s.row_no, '安置点编码' AS column, s.code AS value, ${OUT_OF_SCOPE_IMPORT.siteCode}::text AS reason
      FROM ${t} s JOIN site e ON e.code = s.code WHERE e.division_code NOT LIKE ${like(scope)}`)),
  ];
}

export async function mergeSites(db: Kysely<DB>, stage: string, jobId: string): Promise<MergeCounts> {
  const t = sql.table(stage);
  const { rows } = await sql<{ inserted: string; updated: string; total: string }>`
    WITH src AS (
      SELECT s.code, s.name, s.division_code, s.area_kind, s.settlement_kind, s.cross_county,
      ${kept(erasedToNull('build_year', 'latitude', 'longitude'))}
      FROM ${t} s LEFT JOIN site old ON old.code = s.code
    ), up AS (
      INSERT INTO site (code, name, county_code, division_code, area_kind, settlement_kind, cross_county, build_year, latitude, longitude)
      SELECT code, name, left(division_code, 6), division_code, area_kind, settlement_kind, cross_county, build_year, latitude, longitude FROM src
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, county_code = EXCLUDED.county_code, division_code = EXCLUDED.division_code,
        area_kind = EXCLUDED.area_kind, settlement_kind = EXCLUDED.settlement_kind, cross_county = EXCLUDED.cross_county,
        build_year = EXCLUDED.build_year, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
        version = site.version + 1, updated_at = now()
      WHERE (site.name, site.division_code, site.area_kind, site.settlement_kind, site.cross_county, site.build_year, site.latitude, site.longitude)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.division_code, EXCLUDED.area_kind, EXCLUDED.settlement_kind, EXCLUDED.cross_county, EXCLUDED.build_year, EXCLUDED.latitude, EXCLUDED.longitude)
      RETURNING site.id, (xmax = 0) AS inserted, CASE WHEN xmax <> 0 THEN to_jsonb(site.*) END AS after_row
    ), changes AS (
      -- Sibling statements see the table as it was before the upsert: those rows are the before-images.
      INSERT INTO import_change (job_id, entity, entity_id, before, after)
      SELECT ${jobId}, 'site', up.id, to_jsonb(old.*), up.after_row FROM up JOIN site old ON old.id = up.id WHERE NOT up.inserted
    )
    SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated, (SELECT count(*) FROM ${t}) AS total FROM up`.execute(db);
  return counts(rows[0]!);
}

function counts(r: { inserted: string; updated: string; total: string }): MergeCounts {
  const inserted = Number(r.inserted);
  const updated = Number(r.updated);
  return { inserted, updated, unchanged: Number(r.total) - inserted - updated };
}

const HOUSEHOLD_TUPLE = sql.raw(
  'ROW(site_code, origin_village_code, relocation_year, kind, building, unit, room, property_cert_state, vegetable_plot, monitoring_category, contracted_land_mu, forest_land_mu, land_transferred, homestead_reclaimed)::text',
);

/** perRow: the persons ledger repeats a household on each member's row; they must agree. */
export async function checkHouseholds(db: Kysely<DB>, stage: string, scope: string, perRow: boolean): Promise<StagedIssue[]> {
  const t = sql.table(stage);
  const repeated = perRow
    ? sql<StagedIssue>`
      SELECT row_no, '户编号' AS column, household_no AS value, '同一户编号的户信息（安置点、迁出地、户类型等）与第' || first_row || '行不一致' AS reason
      FROM (SELECT row_no, household_no, ${HOUSEHOLD_TUPLE} AS tuple,
                   first_value(row_no) OVER w AS first_row, first_value(${HOUSEHOLD_TUPLE}) OVER w AS first_tuple
            FROM ${t} WINDOW w AS (PARTITION BY household_no ORDER BY row_no)) x
      WHERE tuple IS DISTINCT FROM first_tuple`
    : sql<StagedIssue>`
      SELECT row_no, '户编号' AS column, household_no AS value, '户编号在本文件第' || first_row || '行已出现' AS reason
      FROM (SELECT row_no, household_no, first_value(row_no) OVER (PARTITION BY household_no ORDER BY row_no) AS first_row FROM ${t}) x
      WHERE row_no <> first_row`;
  return [
    ...(await issues(db, repeated)),
    ...(await issues(db, sql<StagedIssue>`
      SELECT s.row_no, '安置点编码' AS column, s.site_code AS value, ${OUT_OF_SCOPE_IMPORT.site}::text AS reason
      FROM ${t} s LEFT JOIN site e ON e.code = s.site_code
      WHERE e.id IS NULL OR e.division_code NOT LIKE ${like(scope)}`)),
    ...(await issues(db, sql<StagedIssue>`
      SELECT s.row_no, '迁出地村代码' AS column, s.origin_village_code AS value, '迁出地村代码不是有效的村级行政区划代码' AS reason
      FROM ${t} s LEFT JOIN division d ON d.code = s.origin_village_code AND d.level = 5
      WHERE d.code IS NULL`)),
    ...(await issues(db, sql<StagedIssue>`
      SELECT s.row_no, '户编号' AS column, s.household_no AS value, ${OUT_OF_SCOPE_IMPORT.householdNo}::text AS reason
      FROM ${t} s JOIN household h ON h.household_no = s.household_no
      WHERE h.dest_division_code NOT LIKE ${like(scope)}`)),
  ];
}

const HOUSEHOLD_OPTIONAL = erasedToNull(
  'building', 'unit', 'room', 'property_cert_state', 'vegetable_plot', 'contracted_land_mu', 'forest_land_mu', 'land_transferred', 'homestead_reclaimed',
);

const HOUSEHOLD_VALUES = sql.raw(`household_no, county_code, dest_division_code, origin_village_code, site_id, building, unit, room, relocation_year, kind,
  property_cert_state, vegetable_plot, monitoring_category, contracted_land_mu, forest_land_mu, land_transferred, homestead_reclaimed`);

export async function mergeHouseholds(db: Kysely<DB>, stage: string, jobId: string): Promise<MergeCounts> {
  const t = sql.table(stage);
  const { rows } = await sql<{ inserted: string; updated: string; total: string }>`
    WITH hh AS (
      SELECT DISTINCT ON (s.household_no) s.household_no, s.origin_village_code, s.relocation_year, s.kind,
             e.id AS site_id, e.county_code, e.division_code AS dest_division_code,
      ${kept(HOUSEHOLD_OPTIONAL)},
             coalesce(s.monitoring_category, old.monitoring_category, 'none') AS monitoring_category
      FROM ${t} s JOIN site e ON e.code = s.site_code LEFT JOIN household old ON old.household_no = s.household_no
      ORDER BY s.household_no, s.row_no
    ), up AS (
      INSERT INTO household (${HOUSEHOLD_VALUES})
      SELECT ${HOUSEHOLD_VALUES} FROM hh
      ON CONFLICT (household_no) DO UPDATE SET county_code = EXCLUDED.county_code, dest_division_code = EXCLUDED.dest_division_code,
        origin_village_code = EXCLUDED.origin_village_code, site_id = EXCLUDED.site_id, building = EXCLUDED.building, unit = EXCLUDED.unit,
        room = EXCLUDED.room, relocation_year = EXCLUDED.relocation_year, kind = EXCLUDED.kind, property_cert_state = EXCLUDED.property_cert_state,
        vegetable_plot = EXCLUDED.vegetable_plot, monitoring_category = EXCLUDED.monitoring_category, contracted_land_mu = EXCLUDED.contracted_land_mu,
        forest_land_mu = EXCLUDED.forest_land_mu, land_transferred = EXCLUDED.land_transferred, homestead_reclaimed = EXCLUDED.homestead_reclaimed,
        version = household.version + 1, updated_at = now()
      WHERE (household.origin_village_code, household.site_id, household.building, household.unit, household.room, household.relocation_year,
             household.kind, household.property_cert_state, household.vegetable_plot, household.monitoring_category, household.contracted_land_mu,
             household.forest_land_mu, household.land_transferred, household.homestead_reclaimed)
        IS DISTINCT FROM (EXCLUDED.origin_village_code, EXCLUDED.site_id, EXCLUDED.building, EXCLUDED.unit, EXCLUDED.room, EXCLUDED.relocation_year,
             EXCLUDED.kind, EXCLUDED.property_cert_state, EXCLUDED.vegetable_plot, EXCLUDED.monitoring_category, EXCLUDED.contracted_land_mu,
             EXCLUDED.forest_land_mu, EXCLUDED.land_transferred, EXCLUDED.homestead_reclaimed)
      RETURNING household.id, (xmax = 0) AS inserted, CASE WHEN xmax <> 0 THEN to_jsonb(household.*) END AS after_row
    ), changes AS (
      -- Sibling statements see the table as it was before the upsert: those rows are the before-images.
      INSERT INTO import_change (job_id, entity, entity_id, before, after)
      SELECT ${jobId}, 'household', up.id, to_jsonb(old.*), up.after_row FROM up JOIN household old ON old.id = up.id WHERE NOT up.inserted
    )
    SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated, (SELECT count(*) FROM hh) AS total FROM up`.execute(db);
  // A household moved to another site takes its members' scope columns with it.
  await sql`UPDATE person p SET dest_division_code = h.dest_division_code, county_code = h.county_code
            FROM household h WHERE h.id = p.household_id AND h.household_no IN (SELECT household_no FROM ${t})
              AND p.dest_division_code <> h.dest_division_code`.execute(db);
  return counts(rows[0]!);
}

/**
 * Households and people outside `scope` are never named: a household outside is refused by
 * checkHouseholds' neutral answer (its head is not looked at), a person registered outside gets
 * OUT_OF_SCOPE.idNumber wherever that is. partialHouseholds: households with refused rows, whose
 * head may be among them (not judged headless).
 */
export async function checkPersons(db: Kysely<DB>, stage: string, scope: string, partialHouseholds: string[]): Promise<StagedIssue[]> {
  const t = sql.table(stage);
  return [
    ...(await issues(db, sql<StagedIssue>`
      SELECT row_no, '身份证号' AS column, id_number AS value, '身份证号在本文件第' || first_row || '行已出现' AS reason
      FROM (SELECT row_no, id_number, first_value(row_no) OVER (PARTITION BY id_number ORDER BY row_no) AS first_row FROM ${t}) x
      WHERE row_no <> first_row`)),
    ...(await issues(db, sql<StagedIssue>`
      SELECT row_no, '与户主关系' AS column, '户主' AS value, '户编号' || household_no || '在本文件第' || first_row || '行已有户主' AS reason
      FROM (SELECT row_no, household_no, first_value(row_no) OVER (PARTITION BY household_no ORDER BY row_no) AS first_row
            FROM ${t} WHERE relation = 'head') x
      WHERE row_no <> first_row`)),
    ...(await issues(db, sql<StagedIssue>`
      SELECT s.row_no, '与户主关系' AS column, '户主' AS value, '户编号' || s.household_no || '已有户主（' || p.name || '），一户只能有一个户主' AS reason
      FROM ${t} s JOIN household h ON h.household_no = s.household_no
      JOIN person p ON p.household_id = h.id AND p.relation = 'head' AND p.id_number <> s.id_number
      WHERE s.relation = 'head' AND h.dest_division_code LIKE ${like(scope)}`)),
    ...(await issues(db, sql<StagedIssue>`
      SELECT min(s.row_no) AS row_no, '与户主关系' AS column, '' AS value, '新户' || s.household_no || '没有户主：每户须有一名成员的与户主关系为“户主”' AS reason
      FROM ${t} s WHERE NOT EXISTS (SELECT 1 FROM household h WHERE h.household_no = s.household_no)
        AND s.household_no <> ALL(${partialHouseholds}::text[])
      GROUP BY s.household_no HAVING count(*) FILTER (WHERE s.relation = 'head') = 0`)),
    ...(await issues(db, sql<StagedIssue>`
      SELECT s.row_no, '身份证号' AS column, left(s.id_number, 4) || '**********' || right(s.id_number, 4) AS value,
             CASE WHEN h.dest_division_code LIKE ${like(scope)}
                  THEN '此人已登记在户' || h.household_no || '，不能同时登记到户' || s.household_no || '（一人只能属于一个在册户）'
                  ELSE ${OUT_OF_SCOPE.idNumber}::text END AS reason
      FROM ${t} s JOIN person p ON p.id_number = s.id_number JOIN household h ON h.id = p.household_id
      WHERE h.household_no <> s.household_no AND h.status = 'active'`)),
  ];
}

// Skills are a list: erasing one leaves the empty list.
const PERSON_OPTIONAL = {
  ...erasedToNull('ethnicity', 'education', 'school_stage', 'health', 'disability_grade', 'medical_insurance', 'pension_insurance',
    'safety_net', 'forest_ranger', 'hukou_state', 'phone'),
  skills: "'{}'",
};

export async function mergePersons(db: Kysely<DB>, stage: string, jobId: string): Promise<MergeCounts> {
  const t = sql.table(stage);
  const { rows } = await sql<{ inserted: string; updated: string; total: string }>`
    WITH src AS (
      SELECT s.id_number, h.id AS household_id, h.county_code, h.dest_division_code, s.name, s.sex, s.birth_date, s.relation, s.labour_capacity,
      ${kept(PERSON_OPTIONAL)}
      FROM ${t} s JOIN household h ON h.household_no = s.household_no LEFT JOIN person old ON old.id_number = s.id_number
    ), up AS (
      INSERT INTO person (id_number, household_id, county_code, dest_division_code, name, sex, birth_date, relation, ethnicity, education, school_stage,
                          health, disability_grade, labour_capacity, skills, medical_insurance, pension_insurance, safety_net, forest_ranger, hukou_state, phone)
      SELECT id_number, household_id, county_code, dest_division_code, name, sex, birth_date, relation, ethnicity, education, school_stage,
             health, disability_grade, labour_capacity, coalesce(skills, '{}'), medical_insurance, pension_insurance, safety_net, forest_ranger, hukou_state, phone
      FROM src
      ON CONFLICT (id_number) DO UPDATE SET household_id = EXCLUDED.household_id, county_code = EXCLUDED.county_code,
        dest_division_code = EXCLUDED.dest_division_code, name = EXCLUDED.name, relation = EXCLUDED.relation, ethnicity = EXCLUDED.ethnicity,
        education = EXCLUDED.education, school_stage = EXCLUDED.school_stage, health = EXCLUDED.health, disability_grade = EXCLUDED.disability_grade,
        labour_capacity = EXCLUDED.labour_capacity, skills = EXCLUDED.skills, medical_insurance = EXCLUDED.medical_insurance,
        pension_insurance = EXCLUDED.pension_insurance, safety_net = EXCLUDED.safety_net, forest_ranger = EXCLUDED.forest_ranger,
        hukou_state = EXCLUDED.hukou_state, phone = EXCLUDED.phone, version = person.version + 1, updated_at = now()
      WHERE (person.household_id, person.name, person.relation, person.ethnicity, person.education, person.school_stage, person.health,
             person.disability_grade, person.labour_capacity, person.skills, person.medical_insurance, person.pension_insurance,
             person.safety_net, person.forest_ranger, person.hukou_state, person.phone)
        IS DISTINCT FROM (EXCLUDED.household_id, EXCLUDED.name, EXCLUDED.relation, EXCLUDED.ethnicity, EXCLUDED.education, EXCLUDED.school_stage,
             EXCLUDED.health, EXCLUDED.disability_grade, EXCLUDED.labour_capacity, EXCLUDED.skills, EXCLUDED.medical_insurance,
             EXCLUDED.pension_insurance, EXCLUDED.safety_net, EXCLUDED.forest_ranger, EXCLUDED.hukou_state, EXCLUDED.phone)
      RETURNING person.id, (xmax = 0) AS inserted, CASE WHEN xmax <> 0 THEN to_jsonb(person.*) END AS after_row
    ), changes AS (
      -- Sibling statements see the table as it was before the upsert: those rows are the before-images.
      INSERT INTO import_change (job_id, entity, entity_id, before, after)
      SELECT ${jobId}, 'person', up.id, to_jsonb(old.*), up.after_row FROM up JOIN person old ON old.id = up.id WHERE NOT up.inserted
    )
    SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated, (SELECT count(*) FROM ${t}) AS total FROM up`.execute(db);
  return counts(rows[0]!);
}

export async function createStage(db: Kysely<DB>, ddl: string): Promise<void> {
  await sql.raw(ddl).execute(db);
}

export async function dropStage(db: Kysely<DB>, stage: string): Promise<void> {
  await sql`DROP TABLE IF EXISTS ${sql.table(stage)}`.execute(db);
}

export async function analyzeStage(db: Kysely<DB>, stage: string): Promise<void> {
  await sql`ANALYZE ${sql.table(stage)}`.execute(db);
}
