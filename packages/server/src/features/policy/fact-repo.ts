/**
 * The policy engine's facts (core fact-catalog.ts) derived in SQL from the registry and the
 * labour ledger, as of a date, for every subject of one kind inside a division: one subquery per
 * kind, one row per subject, one column per fact named as in CEL (`"person.age"`), never NULL
 * (coalesced to the catalog's defaults, so compiled conditions mean what CEL means).
 *
 * The ledger in force on a date is each county's latest period up to that month; streaks
 * ("months employed in a row") are kept on its records, and every fact counting months reads them
 * as of the date through monthsAsOf (employment/labour-streaks.ts: the months over by then whose
 * records are confirmed). Everything else a fact needs is grouped
 * once per statement and joined, never looked up per subject, so a statement stays a few passes
 * over the division's rows however many subjects it has.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import { factCatalog, type DepartmentRecordKind, type SubjectKind } from '@anju/core';
import { monthsAsOf } from '../employment/labour-streaks.js';
import { notKnownStudent } from '../../db/labour-force-sql.js';

export interface FactQuery {
  /** Division code prefix ('' for the whole country). */
  division: string;
  asOf: string;
  /** Labour-force birth window on asOf, for people without a ledger record that month. */
  bornAfter: string;
  bornOnOrBefore: string;
  /** Only these subjects (a household's case), by id; all of the division when absent. */
  householdId?: string;
  /** The monitoring settings in force on asOf for each county of the division. */
  thresholds: CountyThresholds[];
  /** The ledger month in force on asOf in each county of the division that has one. */
  ledger: LedgerMonth[];
}

export interface LedgerMonth {
  countyCode: string;
  period: string;
  /** The same month a year before (income drop). */
  yearBefore: string;
}

export interface CountyThresholds {
  countyCode: string;
  incomeLine: number;
  incomeDropShare: number;
  rigidExpenseShare: number;
}

/** SQL of the fact `variable.field` in a facts row aliased `f`. */
export const factColumn = (variable: string, field: string) => `f."${variable}.${field}"`;

const month = (q: FactQuery) => q.asOf.slice(0, 7);

function personScope(q: FactQuery, alias: string) {
  const household = q.householdId ? sql` AND ${sql.ref(`${alias}.household_id`)} = ${q.householdId}` : sql``;
  return sql`${sql.ref(`${alias}.dest_division_code`)} LIKE ${q.division + '%'}${household}`;
}

/** The ledger month in force on asOf in each county of a division: its latest up to that month. */
export async function ledgerMonths(db: Kysely<DB>, division: string, asOf: string): Promise<LedgerMonth[]> {
  const { rows } = await sql<LedgerMonth>`SELECT county_code AS "countyCode", max(period) AS period,
      to_char(to_date(max(period) || '-01', 'YYYY-MM-DD') - interval '12 months', 'YYYY-MM') AS "yearBefore"
    FROM labour_period WHERE period <= ${asOf.slice(0, 7)} AND county_code LIKE ${division.slice(0, 6) + '%'}
    GROUP BY county_code`.execute(db);
  return rows;
}

/**
 * The records of each county's month in force (`period`), or of the same month a year before,
 * named in the statement: months found inside it were unknown to the planner, which then read
 * every period of the ledger (7.2 million rows for 600,000) or looped over the counties, and could
 * not share the work among parallel workers.
 */
function recordsOfMonth(q: FactQuery, which: 'period' | 'yearBefore', alias: string, columns: RawBuilder<unknown>) {
  const counties = new Map<string, string[]>();
  for (const m of q.ledger) counties.set(m[which], [...(counties.get(m[which]) ?? []), m.countyCode]);
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  const months = [...counties].map(([period, codes]) => sql`(${ref('period')} = ${period} AND ${ref('county_code')} = ANY(${codes}::text[]))`);
  const inForce = months.length ? sql.join(months, sql` OR `) : sql`false`;
  return sql`(SELECT ${columns} FROM labour_record ${sql.raw(alias)} WHERE (${inForce}) AND ${personScope(q, alias)}) ${sql.raw(alias)}`;
}

/** Each person's record in force, with its streaks and its months counted as of asOf (labour-streaks.ts). */
function ledgerFacts(q: FactQuery) {
  return sql`SELECT c.person_id, c.state, c.channel, c.place, c.employer_id, c.contract_months, c.social_insurance,
      c.monthly_income, c.labour_force, c.stably_employed, c.returnee, c.start_date, c.outside_streak, c.outside_months,
      c.hired_as_returnee, ${monthsAsOf('c', q.asOf)}
    FROM ${recordsOfMonth(q, 'period', 'c', sql`c.*`)}`;
}

/**
 * The household's members summed up per household first (one hash aggregate over its people and
 * their records), then joined one row to one: grouping the joined rows of every household by all
 * of its columns sorted a million rows twice.
 */
function householdFacts(q: FactQuery) {
  const scope = (alias: string) =>
    q.householdId ? sql`${sql.ref(`${alias}.id`)} = ${q.householdId}` : sql`${sql.ref(`${alias}.dest_division_code`)} LIKE ${q.division + '%'}`;
  // In floating point from the exact sum in fen: numeric arithmetic on each household's income
  // (three divisions, each fact read as float8) was a tenth of the household rules' time.
  const income = sql`(coalesce(pm.work_fen, 0)::float8 / 100)`;
  const inLabourForce = sql`coalesce(l.labour_force,
    p.birth_date > ${q.bornAfter} AND p.birth_date <= ${q.bornOnOrBefore} AND p.labour_capacity NOT IN ('lost', 'none') AND ${notKnownStudent('p')})`;
  return sql`SELECT h.id::text AS subject_id, h.dest_division_code AS division_code, h.id::text AS household_id,
      h.household_no AS label, h.county_code, h.id AS household_key,
      h.kind = 'registered_poor' AS "household.registeredPoor",
      h.monitoring_category AS "household.monitoringCategory",
      coalesce(pm.members, 0)::int AS "household.members",
      coalesce(pm.labour_force, 0)::int AS "household.labourForceMembers",
      coalesce(pm.weak_labour, 0)::int AS "household.weakLabourMembers",
      coalesce(pm.employed, 0)::int AS "household.employedMembers",
      coalesce(pm.stably_employed, 0)::int AS "household.stablyEmployedMembers",
      z.household_id IS NOT NULL AS "household.zeroEmployment",
      (${income} * 12 / greatest(coalesce(pm.members, 0), 1))::float8 AS "household.annualWorkIncomePerCapita",
      s.area_kind = 'urban' AS "household.urbanSite",
      coalesce(pm.rural_safety_net, false) AS "household.ruralSafetyNet",
      h.relocation_year AS "household.relocationYear",
      coalesce(mt.income_line, 0)::float8 AS "household.incomeLine",
      CASE WHEN coalesce(ly.income, 0) > 0 THEN greatest(1 - ${income} / ly.income, 0) ELSE 0 END::float8
        AS "household.incomeDropShare",
      coalesce(mt.drop_share, 0)::float8 AS "household.incomeDropThreshold",
      coalesce(dep.medical, 0)::float8 AS "household.medicalExpense12m",
      (coalesce(dep.medical, 0) / greatest(${income} * 12, 1))::float8 AS "household.rigidExpenseShare",
      coalesce(mt.rigid_share, 0)::float8 AS "household.rigidExpenseThreshold",
      coalesce(pm.child_out_of_school, false) OR coalesce(dep.dropout, false) AS "household.childOutOfSchool",
      coalesce(dep.unsafe_housing, false) AS "household.unsafeHousing",
      coalesce(dep.unsafe_water, false) AS "household.unsafeWater",
      coalesce(dep.earner_lost, false) AS "household.earnerLost",
      coalesce(dep.assistance, false) AS "household.temporaryAssistance"
    FROM household h
    JOIN site s ON s.id = h.site_id
    LEFT JOIN mt ON mt.county_code = h.county_code
    LEFT JOIN ly ON ly.household_id = h.id
    LEFT JOIN dep ON dep.household_id = h.id
    LEFT JOIN (SELECT p.household_id, count(*) AS members,
        count(*) FILTER (WHERE ${inLabourForce}) AS labour_force,
        count(*) FILTER (WHERE p.labour_capacity = 'weak' AND ${inLabourForce}) AS weak_labour,
        count(*) FILTER (WHERE l.state = 'employed') AS employed,
        count(*) FILTER (WHERE l.stably_employed) AS stably_employed,
        sum((l.monthly_income * 100)::int8) FILTER (WHERE l.state = 'employed') AS work_fen,
        bool_or(p.safety_net IN ('dibao_rural', 'tekun_rural')) AS rural_safety_net,
        -- 6 to 15 years old on asOf, as birth dates: age() for every member cost more than the rest.
        -- Only a known non-student is out of school, and only a known disability exempts.
        bool_or(p.school_stage = 'none' AND p.health IS DISTINCT FROM 'disabled'
          AND p.birth_date <= ${q.asOf}::date - interval '6 years' AND p.birth_date > ${q.asOf}::date - interval '16 years') AS child_out_of_school
      -- Scoped by the people's own division (kept equal to their household's): the households'
      -- status is settled by the join with h, and joining them here too cost a pass over them.
      FROM person p
      LEFT JOIN l ON l.person_id = p.id
      WHERE ${personScope(q, 'p')}
      GROUP BY p.household_id) pm ON pm.household_id = h.id
    -- Open in the month of asOf: found by then and not yet cleared.
    LEFT JOIN (SELECT DISTINCT household_id FROM zero_employment_case
      WHERE dest_division_code LIKE ${q.division + '%'} AND found_period <= ${month(q)}
        AND (cleared_period IS NULL OR cleared_period > ${month(q)})) z ON z.household_id = h.id
    WHERE ${scope('h')} AND h.status = 'active'`;
}

/**
 * Person facts, and the facts of the person's hire when the record in force names a registered
 * employer (a person has one record a month, so at most one hire): person and hire rules join the
 * household's or the employer's facts beside them, and hires need no second pass over the ledger.
 */
function personFacts(q: FactQuery) {
  return sql`SELECT p.id::text AS subject_id, p.dest_division_code AS division_code, p.household_id::text AS household_id,
      p.household_id AS household_key, p.name AS label,
      extract(year FROM age(${q.asOf}::date, p.birth_date))::int AS "person.age",
      p.sex AS "person.sex",
      p.labour_capacity AS "person.labourCapacity",
      -- Unknown (未填写) is '': no rule's list of stages or safety-net states contains it.
      coalesce(p.school_stage, '') AS "person.schoolStage",
      coalesce(p.disability_grade, 0)::int AS "person.disabilityGrade",
      coalesce(p.safety_net, '') AS "person.safetyNet",
      coalesce(l.labour_force, p.birth_date > ${q.bornAfter} AND p.birth_date <= ${q.bornOnOrBefore}
        AND p.labour_capacity NOT IN ('lost', 'none') AND ${notKnownStudent('p')}) AS "person.labourForce",
      coalesce(l.state = 'employed', false) AS "person.employed",
      CASE WHEN l.state = 'employed' THEN coalesce(l.channel, '') ELSE '' END AS "person.channel",
      CASE WHEN l.state = 'employed' THEN coalesce(l.place, '') ELSE '' END AS "person.place",
      coalesce(l.contract_months, 0)::int AS "person.contractMonths",
      coalesce(l.social_insurance, false) AS "person.socialInsurance",
      coalesce(l.months_employed_last12, 0)::int AS "person.monthsEmployedLast12",
      coalesce(l.months_employed, 0)::int AS "person.consecutiveMonthsEmployed",
      coalesce(l.months_outside, 0)::int AS "person.consecutiveMonthsOutsideProvince",
      coalesce(l.outside_streak > 0 AND l.outside_streak = l.outside_months, false) AS "person.firstCrossProvinceJob",
      coalesce(l.stably_employed, false) AS "person.stablyEmployed",
      coalesce(l.returnee, false) AS "person.returnee",
      coalesce(CASE WHEN l.state = 'employed' THEN l.monthly_income END, 0)::float8 AS "person.monthlyIncome",
      coalesce(te.certificates, 0)::int AS "person.certificates",
      coalesce(te.completed, 0)::int AS "person.trainingsCompleted",
      wp.person_id IS NOT NULL AS "person.holdsWelfarePost",
      0 AS "person.graduationYear", false AS "person.inDifficulty", false AS "person.startingBusiness", false AS "person.lacksFunds",
      CASE WHEN l.state = 'employed' THEN l.employer_id END AS hire_employer_id,
      l.months_at_employer::int AS "hire.monthsEmployed",
      coalesce(l.contract_months, 0)::int AS "hire.contractMonths",
      l.months_insured::int AS "hire.insuredMonths",
      coalesce(to_char(l.start_date, 'YYYY-MM-DD'), '') AS "hire.startDate",
      l.hired_as_returnee AS "hire.returneeHire",
      placed.person_id IS NOT NULL AS "hire.placedByAgency",
      '' AS "hire.trainingKind"
    FROM person p
    LEFT JOIN l ON l.person_id = p.id
    LEFT JOIN (SELECT DISTINCT r.person_id, o.employer_id FROM job_referral r JOIN job_opening o ON o.id = r.opening_id
      WHERE r.outcome = 'hired') placed ON placed.person_id = p.id AND placed.employer_id = l.employer_id
    LEFT JOIN (SELECT person_id, count(*) FILTER (WHERE certificate_no IS NOT NULL) AS certificates,
        count(*) FILTER (WHERE status = 'completed') AS completed
      FROM training_enrolment WHERE dest_division_code LIKE ${q.division + '%'} AND coalesce(completed_on, ${q.asOf}) <= ${q.asOf}
      GROUP BY person_id) te ON te.person_id = p.id
    LEFT JOIN (SELECT DISTINCT person_id FROM welfare_post_holding
      WHERE start_date <= ${q.asOf} AND (end_date IS NULL OR end_date >= ${q.asOf})) wp ON wp.person_id = p.id
    WHERE ${personScope(q, 'p')}`;
}

/**
 * Employers of the division and any employer elsewhere that employs its people (`scoped`), or
 * every employer (a hire's, joined by id in peopleWithHires). Each employer's workers are counted in the pass over
 * the ledger that also finds the employers elsewhere.
 */
function employerFacts(q: FactQuery, scoped: boolean) {
  const inDivision = q.householdId ? sql`false` : sql`e.division_code LIKE ${q.division + '%'}`;
  const scope = scoped ? sql`WHERE ${inDivision} OR w.employer_id IS NOT NULL` : sql``;
  return sql`SELECT e.id::text AS subject_id, e.id AS employer_key, e.division_code, NULL::text AS household_id, e.name AS label,
      e.kind AS "employer.kind",
      e.founded_by_relocated AS "employer.foundedByRelocated",
      e.site_id IS NOT NULL AS "employer.inSite",
      CASE WHEN e.start_date IS NULL OR e.start_date > ${q.asOf}::date THEN 0
        ELSE (extract(year FROM age(${q.asOf}::date, e.start_date)) * 12 + extract(month FROM age(${q.asOf}::date, e.start_date)))::int
      END AS "employer.monthsOperating",
      e.positions AS "employer.positions",
      coalesce(w.n, 0)::int AS "employer.relocatedWorkers"
    FROM employer e
    LEFT JOIN (SELECT employer_id, count(*) FILTER (WHERE state = 'employed') AS n FROM l
      WHERE employer_id IS NOT NULL GROUP BY employer_id) w ON w.employer_id = e.id
    ${scope}`;
}

function siteFacts(q: FactQuery) {
  return sql`SELECT s.id::text AS subject_id, s.division_code, NULL::text AS household_id, s.name AS label,
      coalesce(pp.people, 0)::int AS "site.population",
      coalesce(pp.poor, 0)::int AS "site.registeredPoorPeople",
      coalesce(ws.n, 0)::int AS "site.workshops"
    FROM site s
    LEFT JOIN (SELECT h.site_id, count(*) AS people, count(*) FILTER (WHERE h.kind = 'registered_poor') AS poor
      FROM person p JOIN household h ON h.id = p.household_id AND h.status = 'active'
      WHERE h.dest_division_code LIKE ${q.division + '%'} GROUP BY h.site_id) pp ON pp.site_id = s.id
    LEFT JOIN (SELECT e.site_id, count(*) AS n FROM workshop w JOIN employer e ON e.id = w.employer_id GROUP BY e.site_id) ws ON ws.site_id = s.id
    WHERE s.division_code LIKE ${q.division + '%'}`;
}

const columns = (kind: SubjectKind, alias: string) =>
  sql.raw(Object.keys(factCatalog[kind]).map((name) => `${alias}."${kind}.${name}"`).join(', '));

/** Each household's work income in the same month a year before (income drop). */
function yearBeforeIncome(q: FactQuery) {
  return sql`SELECT r.household_id, (sum(r.monthly_income) FILTER (WHERE r.state = 'employed'))::float8 AS income
    FROM ${recordsOfMonth(q, 'yearBefore', 'r', sql`r.household_id, r.monthly_income, r.state`)}
    GROUP BY r.household_id`;
}

/**
 * The department records each fact of the departments' lists (数据比对) reads: their kinds, the
 * months before asOf they count in, and for a lost earner only members of working age. The facts
 * sum or test these records, and a warning whose rule reads a fact names them as its source
 * (monitoring/warning-repo.ts), so both take them from here.
 */
export const departmentFactRecords = {
  'household.medicalExpense12m': { kinds: ['medical_expense'], months: 12 },
  'household.rigidExpenseShare': { kinds: ['medical_expense'], months: 12 },
  'household.childOutOfSchool': { kinds: ['dropout'], months: 12 },
  'household.unsafeHousing': { kinds: ['unsafe_housing'], months: 12 },
  'household.unsafeWater': { kinds: ['unsafe_water'], months: 12 },
  'household.earnerLost': { kinds: ['death', 'disability'], months: 3, workingAge: true },
  'household.temporaryAssistance': { kinds: ['temporary_assistance'], months: 12 },
} as const satisfies Record<string, { kinds: readonly DepartmentRecordKind[]; months: number; workingAge?: boolean }>;
export type DepartmentFact = keyof typeof departmentFactRecords;

/**
 * Whether the department record aliased `d` is one `fact` reads as of asOf: of its kinds and
 * inside its window (the caller keeps records after asOf out).
 */
export function readByFact(fact: DepartmentFact, asOf: string): RawBuilder<boolean> {
  const r: { kinds: readonly string[]; months: number; workingAge?: boolean } = departmentFactRecords[fact];
  const kinds = sql.join(r.kinds.map((k) => sql.lit(k)));
  const within = sql`d.kind IN (${kinds}) AND d.occurred_on > ${asOf}::date - ${sql.raw(`interval '${r.months} months'`)}`;
  // The birth date looked up for recent deaths and disabilities only, not joined for every record.
  return r.workingAge
    ? sql<boolean>`(${within} AND extract(year FROM age(d.occurred_on, (SELECT p.birth_date FROM person p WHERE p.id = d.person_id))) BETWEEN 16 AND 60)`
    : sql<boolean>`(${within})`;
}

/** What the departments' lists (数据比对) say about each household, in the windows the rules read. */
function departmentFacts(q: FactQuery) {
  const household = q.householdId ? sql` AND d.household_id = ${q.householdId}` : sql``;
  const read = (fact: DepartmentFact) => readByFact(fact, q.asOf);
  return sql`SELECT d.household_id,
      (sum(d.amount) FILTER (WHERE ${read('household.medicalExpense12m')}))::float8 AS medical,
      bool_or(${read('household.childOutOfSchool')}) AS dropout,
      bool_or(${read('household.unsafeHousing')}) AS unsafe_housing,
      bool_or(${read('household.unsafeWater')}) AS unsafe_water,
      bool_or(${read('household.earnerLost')}) AS earner_lost,
      bool_or(${read('household.temporaryAssistance')}) AS assistance
    FROM department_record d
    WHERE d.dest_division_code LIKE ${q.division + '%'} AND d.occurred_on <= ${q.asOf}${household}
    GROUP BY d.household_id`;
}

/** The monitoring settings of each county, resolved before the statement (settings are few). */
function thresholdRows(q: FactQuery) {
  return sql`SELECT * FROM jsonb_to_recordset(${JSON.stringify(q.thresholds)}::jsonb)
    AS x("countyCode" text, "incomeLine" float8, "incomeDropShare" float8, "rigidExpenseShare" float8)`;
}

/**
 * The shared parts of every kind's facts. Each is written into every statement that reads it, not
 * computed once (NOT MATERIALIZED): PostgreSQL then computes only the facts a statement reads —
 * the person rules read four facts of the household, none of its members' sums, so joining them
 * leaves out the members' aggregate and the departments' lists — and can share the work among
 * parallel workers, which it cannot do over a CTE computed once. All rules over a million people:
 * 6.7 s, against 12 s with the parts computed once.
 */
export function factCtes(q: FactQuery): RawBuilder<unknown> {
  return sql`WITH l AS NOT MATERIALIZED (${ledgerFacts(q)}),
      mt AS (SELECT "countyCode" AS county_code, "incomeLine" AS income_line, "incomeDropShare" AS drop_share,
        "rigidExpenseShare" AS rigid_share FROM (${thresholdRows(q)}) t),
      ly AS (${yearBeforeIncome(q)}),
      dep AS (${departmentFacts(q)}),
      hf AS NOT MATERIALIZED (${householdFacts(q)}),
      pf AS NOT MATERIALIZED (${personFacts(q)}),
      ef AS NOT MATERIALIZED (${employerFacts(q, true)})`;
}

/**
 * One row per subject of `kind` in the division: subject_id, division_code, household_id, label
 * and every fact the subject's rules can read (core subjectScope). Runs after factCtes.
 */
export function kindFacts(kind: SubjectKind, q: FactQuery): RawBuilder<unknown> {
  return {
    household: sql`SELECT * FROM hf`,
    person: sql`SELECT pf.subject_id, pf.division_code, pf.household_id, pf.label, ${columns('person', 'pf')}, ${columns('household', 'hf')}
      FROM pf JOIN hf ON hf.household_key = pf.household_key`,
    employer: sql`SELECT * FROM ef`,
    hire: sql`SELECT f.subject_id || ':' || f.hire_employer_id AS subject_id, f.division_code, f.household_id,
        f.label || ' @ ' || f.employer_label AS label, ${columns('hire', 'f')}, ${columns('person', 'f')}, ${columns('employer', 'f')}
      FROM (${peopleWithHires(q)}) f WHERE f.hired`,
    site: siteFacts(q),
  }[kind];
}

/**
 * The people's rows with their hire's facts beside them, for one statement evaluating person and
 * hire rules together (one pass over the people and their records for both kinds): `f.hired` tells
 * the people who have a hire, and each has at most one (one record a month). The hires' own rows
 * are those people's (kindFacts), so both agree on who has a hire. Runs after factCtes.
 */
export function peopleWithHires(q: FactQuery): RawBuilder<unknown> {
  return sql`SELECT pf.subject_id, pf.division_code, pf.household_id, pf.label, e.employer_key IS NOT NULL AS hired,
      pf.hire_employer_id, e.label AS employer_label,
      ${columns('person', 'pf')}, ${columns('household', 'hf')}, ${columns('hire', 'pf')}, ${columns('employer', 'e')}
    FROM pf JOIN hf ON hf.household_key = pf.household_key
    LEFT JOIN (${employerFacts(q, false)}) e ON e.employer_key = pf.hire_employer_id`;
}

/**
 * kindFacts for statements that evaluate many rules over every subject. A household's facts are
 * computed once (OFFSET 0 keeps them a subquery of their own) before the rules read them: written
 * into the rules, each fact's expression was computed again by every rule reading it (0.3 s of
 * the monthly run's 2.9 s). The rows come out of one process either way — the households' last
 * joins run there — where the people's, counted by parallel workers, would have to leave them.
 */
export function factsForRules(kind: SubjectKind, q: FactQuery): RawBuilder<unknown> {
  return kind === 'household' ? sql`${kindFacts(kind, q)} OFFSET 0` : kindFacts(kind, q);
}

export function factRows(kind: SubjectKind, q: FactQuery): RawBuilder<unknown> {
  return sql`${factCtes(q)} ${kindFacts(kind, q)}`;
}

/** The counties with households inside a division (or the one holding a household). */
export async function countiesOf(db: Kysely<DB>, division: string, householdId?: string): Promise<string[]> {
  let q = db.selectFrom('household').select('county_code').distinct().where('dest_division_code', 'like', `${division}%`);
  if (householdId) q = q.where('id', '=', householdId as never);
  return (await q.execute()).map((r) => r.county_code);
}
