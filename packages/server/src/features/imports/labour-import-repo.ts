/**
 * Set-based checks and merge of a staged labour ledger (月调度) file: each row updates one
 * existing record of an open period inside the importer's division. Equal rows are left alone,
 * so re-importing a file changes nothing; a file confirms every record it names.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { OUT_OF_SCOPE } from '../../platform/out-of-scope.js';
import type { MergeCounts, StagedIssue } from './registry-import-repo.js';

export async function checkLabour(db: Kysely<DB>, stage: string, scope: string): Promise<StagedIssue[]> {
  const t = sql.table(stage);
  const { rows } = await sql<StagedIssue>`
    SELECT row_no, '身份证号' AS column, id_number AS value, '同一人同一期在本文件第' || first_row || '行已出现' AS reason
    FROM (SELECT row_no, id_number, first_value(row_no) OVER (PARTITION BY id_number, period ORDER BY row_no) AS first_row FROM ${t}) x
    WHERE row_no <> first_row
    UNION ALL
    -- A person registered nowhere and one registered outside the division answer alike.
    SELECT s.row_no, '身份证号', s.id_number,
      CASE WHEN p.dest_division_code LIKE ${scope + '%'} THEN '该人员在 ' || s.period || ' 期劳动力台账中没有本辖区的记录'
           ELSE ${OUT_OF_SCOPE.person}::text END
    FROM ${t} s
    LEFT JOIN person p ON p.id_number = s.id_number
    LEFT JOIN labour_record r ON r.person_id = p.id AND r.period = s.period AND r.dest_division_code LIKE ${scope + '%'}
    WHERE r.person_id IS NULL
    UNION ALL
    SELECT s.row_no, '姓名', s.name, '姓名与身份证号登记的“' || p.name || '”不符'
    FROM ${t} s JOIN person p ON p.id_number = s.id_number
    JOIN labour_record r ON r.person_id = p.id AND r.period = s.period AND r.dest_division_code LIKE ${scope + '%'}
    -- As the departments' lists: offices differ on spaces inside names (赵 六 stored before
    -- ideographic padding was dropped, 赵　六 read as 赵六 now).
    WHERE replace(p.name, ' ', '') <> replace(s.name, ' ', '')
    UNION ALL
    SELECT s.row_no, '期别', s.period, s.period || ' 期已关闭，只能由县级逐条更正'
    FROM ${t} s JOIN person p ON p.id_number = s.id_number
    JOIN labour_record r ON r.person_id = p.id AND r.period = s.period AND r.dest_division_code LIKE ${scope + '%'}
    JOIN labour_period lp ON lp.county_code = r.county_code AND lp.period = r.period
    WHERE lp.status <> 'open'
  `.execute(db);
  return rows;
}

/** A job detail left blank (stage `absent`) keeps the stored one if the person was and stays employed. */
function keptWhileEmployed(column: string, key: string) {
  return sql.raw(`CASE WHEN '${key}' = ANY(s.absent) AND s.state = 'employed' AND cur.state = 'employed' THEN cur.${column} ELSE s.${column} END AS ${column}`);
}

export async function mergeLabour(db: Kysely<DB>, stage: string, jobId: string): Promise<MergeCounts> {
  const t = sql.table(stage);
  const { rows } = await sql<{ updated: string; confirmed: string; total: string }>`
    WITH given AS (
      -- A blank cell keeps the record's value (labourKeptFields): the job's details only while
      -- the person stays employed, the training wish always.
      SELECT p.id AS person_id, s.period, s.wants_work, s.state, s.channel, s.place, cur.confirmed AS was_confirmed,
        ${keptWhileEmployed('employer_name', 'employerName')}, ${keptWhileEmployed('start_date', 'startDate')},
        ${keptWhileEmployed('contract_months', 'contractMonths')}, ${keptWhileEmployed('social_insurance', 'socialInsurance')},
        ${keptWhileEmployed('monthly_income', 'monthlyIncome')},
        CASE WHEN 'trainingWish' = ANY(s.absent) THEN cur.training_wish ELSE s.training_wish END AS training_wish,
        cur.wants_work AS cur_wants_work, cur.state AS cur_state, cur.channel AS cur_channel, cur.place AS cur_place,
        cur.employer_name AS cur_employer_name, cur.start_date AS cur_start_date, cur.contract_months AS cur_contract_months,
        cur.social_insurance AS cur_social_insurance, cur.monthly_income AS cur_monthly_income, cur.training_wish AS cur_training_wish
      FROM ${t} s JOIN person p ON p.id_number = s.id_number
      JOIN labour_record cur ON cur.person_id = p.id AND cur.period = s.period
    ), src AS (
      SELECT given.*,
        (cur_wants_work, cur_state, cur_channel, cur_place, cur_employer_name, cur_start_date, cur_contract_months,
          cur_social_insurance, cur_monthly_income, cur_training_wish) IS DISTINCT FROM (
          wants_work, state, channel, place, employer_name, start_date, contract_months,
          social_insurance, monthly_income, training_wish) AS changed
      FROM given
    ), up AS (
      UPDATE labour_record r SET
        wants_work = src.wants_work, state = src.state, channel = src.channel, place = src.place,
        employer_id = CASE WHEN r.employer_name IS NOT DISTINCT FROM src.employer_name THEN r.employer_id END,
        employer_name = src.employer_name, start_date = src.start_date, contract_months = src.contract_months,
        social_insurance = src.social_insurance, monthly_income = src.monthly_income, training_wish = src.training_wish,
        confirmed = true, version = r.version + 1, updated_at = now()
      FROM src
      WHERE r.person_id = src.person_id AND r.period = src.period AND (src.changed OR NOT src.was_confirmed)
      RETURNING r.person_id, r.period, src.changed, to_jsonb(r.*) AS after_row
    ), changes AS (
      -- Sibling statements see the table as it was: those rows are the before-images.
      INSERT INTO import_change (job_id, entity, entity_id, before, after)
      -- import_change keys rows by one bigint: a record's is person_id × 10⁶ + YYYYMM.
      SELECT ${jobId}, 'labour_record', up.person_id * 1000000 + replace(up.period, '-', '')::bigint, to_jsonb(old.*), up.after_row
      FROM up JOIN labour_record old ON old.person_id = up.person_id AND old.period = up.period
      WHERE up.changed
    )
    SELECT count(*) FILTER (WHERE changed) AS updated, count(*) FILTER (WHERE NOT changed) AS confirmed, (SELECT count(*) FROM ${t}) AS total FROM up
  `.execute(db);
  const r = rows[0]!;
  return { inserted: 0, updated: Number(r.updated), unchanged: Number(r.total) - Number(r.updated) };
}

/** The (county, period, division) sets a merged file touched, for recomputing their facts. */
export async function touchedScopes(db: Kysely<DB>, stage: string): Promise<{ county_code: string; period: string }[]> {
  const t = sql.table(stage);
  const { rows } = await sql<{ county_code: string; period: string }>`
    SELECT DISTINCT r.county_code, r.period FROM ${t} s JOIN person p ON p.id_number = s.id_number
    JOIN labour_record r ON r.person_id = p.id AND r.period = s.period ORDER BY 1, 2`.execute(db);
  return rows;
}
