/**
 * Set-based matching and merge of a staged department list (数据比对). Rows match a person
 * inside the importer's division by ID number (and name); the rest are reported back as
 * unmatched with a reason that says nothing about people outside the division. Matched rows
 * become department records (idempotent on their content key), and some lists update a
 * registry fact, with before and after images kept as import changes of the job.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { MergeCounts, StagedIssue } from '../imports/registry-import-repo.js';

/** One reason for "not registered" and "registered outside your division": the second must not show. */
export const NOT_IN_DIVISION = '不在本辖区登记人员中';
export const NAME_DIFFERS = '姓名与本辖区登记的姓名不一致';

/** Fills in each row's person (or its unmatched reason) and returns the file's own errors. */
export async function matchAndCheck(db: Kysely<DB>, stage: string, scope: string): Promise<StagedIssue[]> {
  const t = sql.table(stage);
  const inScope = `${scope}%`;
  // Names are stored normalised (single spaces); offices differ on spaces inside names, so drop them.
  await sql`
    UPDATE ${t} s SET person_id = p.id, household_id = p.household_id, county_code = p.county_code, dest_division_code = p.dest_division_code
    FROM person p
    WHERE p.id_number = s.id_number AND p.dest_division_code LIKE ${inScope} AND replace(p.name, ' ', '') = replace(s.name, ' ', '')`.execute(db);
  await sql`
    UPDATE ${t} s SET unmatched = CASE
      WHEN EXISTS (SELECT 1 FROM person p WHERE p.id_number = s.id_number AND p.dest_division_code LIKE ${inScope}) THEN ${NAME_DIFFERS}
      ELSE ${NOT_IN_DIVISION} END
    WHERE s.person_id IS NULL`.execute(db);
  const { rows } = await sql<StagedIssue>`
    SELECT row_no, '身份证号' AS column, id_number AS value, '与本文件第' || first_row || '行是同一人的同一条记录，请删除重复行' AS reason
    FROM (SELECT row_no, id_number, first_value(row_no) OVER (PARTITION BY id_number, kind, record_key ORDER BY row_no) AS first_row FROM ${t}) x
    WHERE row_no <> first_row`.execute(db);
  return rows;
}

export async function unmatchedRows(db: Kysely<DB>, stage: string): Promise<{ row_no: number; reason: string }[]> {
  const { rows } = await sql<{ row_no: number; reason: string }>`
    SELECT row_no, unmatched AS reason FROM ${sql.table(stage)} WHERE unmatched IS NOT NULL ORDER BY row_no`.execute(db);
  return rows;
}

/**
 * Matched rows become records, each naming its file, its row there and the department's own number
 * of it (a monitor checks a warning against the paper with them); a record already there (same
 * person, kind and content) is left alone and keeps the file it first came in.
 */
export async function mergeRecords(db: Kysely<DB>, stage: string, jobId: string, department: string): Promise<MergeCounts> {
  const t = sql.table(stage);
  const { rows } = await sql<{ inserted: string; matched: string }>`
    WITH ins AS (
      INSERT INTO department_record (department, kind, person_id, household_id, county_code, dest_division_code, occurred_on, period,
        amount, detail, record_key, import_job_id, source_file, source_row, record_no)
      SELECT ${department}, s.kind, s.person_id, s.household_id, s.county_code, s.dest_division_code, s.occurred_on, s.period,
        s.amount, s.detail, s.record_key, j.id, j.file_name, s.row_no, s.record_no
      FROM ${t} s CROSS JOIN import_job j
      WHERE j.id = ${jobId} AND s.person_id IS NOT NULL
      ON CONFLICT (person_id, kind, record_key) DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins) AS inserted, (SELECT count(*) FROM ${t} WHERE person_id IS NOT NULL) AS matched`.execute(db);
  const inserted = Number(rows[0]!.inserted);
  return { inserted, updated: 0, unchanged: Number(rows[0]!.matched) - inserted };
}

/**
 * The person's value each list says, from the file's newest row per person — unless a newer
 * month's list already said otherwise (an old file imported late changes nothing).
 */
function latestPerPerson(stage: string, kinds: string[], select: RawBuilder<unknown>) {
  const t = sql.table(stage);
  return sql`
    SELECT l.* FROM (
      SELECT DISTINCT ON (s.person_id) s.person_id, s.period, ${select}
      FROM ${t} s WHERE s.person_id IS NOT NULL AND s.kind IN (${sql.join(kinds)})
      ORDER BY s.person_id, s.period DESC, s.occurred_on DESC, s.row_no DESC
    ) l
    WHERE NOT EXISTS (SELECT 1 FROM department_record d WHERE d.person_id = l.person_id AND d.kind IN (${sql.join(kinds)}) AND d.period > l.period)`;
}

/** Updates person rows from `target` (person_id + new values) and keeps before/after images. */
async function updatePersons(db: Kysely<DB>, jobId: string, target: RawBuilder<unknown>, set: RawBuilder<unknown>, changed: RawBuilder<unknown>): Promise<MergeCounts> {
  const { rows } = await sql<{ considered: string; updated: string }>`
    WITH target AS (${target}),
    up AS (
      UPDATE person p SET ${set}, version = p.version + 1, updated_at = now()
      FROM target t WHERE p.id = t.person_id AND ${changed}
      RETURNING p.id, to_jsonb(p.*) AS after_row
    ), changes AS (
      -- Sibling statements see the table as it was: those rows are the before-images.
      INSERT INTO import_change (job_id, entity, entity_id, before, after)
      SELECT ${jobId}, 'person', up.id, to_jsonb(old.*), up.after_row FROM up JOIN person old ON old.id = up.id
    )
    SELECT (SELECT count(*) FROM target) AS considered, (SELECT count(*) FROM up) AS updated`.execute(db);
  const updated = Number(rows[0]!.updated);
  return { inserted: 0, updated, unchanged: Number(rows[0]!.considered) - updated };
}

/** 民政 低保/特困 → person.safety_net: in care sets it; a stop clears it if it was that one. */
export function updateSafetyNet(db: Kysely<DB>, stage: string, jobId: string): Promise<MergeCounts> {
  const latest = latestPerPerson(stage, ['dibao', 'tekun'], sql`s.kind || '_' || (s.detail->>'area') AS value, s.detail->>'status' AS status`);
  const target = sql`
    SELECT l.person_id, CASE WHEN l.status = 'active' THEN l.value WHEN p.safety_net = l.value THEN 'none' ELSE p.safety_net END AS safety_net
    FROM (${latest}) l JOIN person p ON p.id = l.person_id`;
  return updatePersons(db, jobId, target, sql`safety_net = t.safety_net`, sql`p.safety_net IS DISTINCT FROM t.safety_net`);
}

/** 残联 → person.disability_grade and health 残疾. */
export function updateDisability(db: Kysely<DB>, stage: string, jobId: string): Promise<MergeCounts> {
  const target = latestPerPerson(stage, ['disability'], sql`(s.detail->>'grade')::smallint AS grade`);
  return updatePersons(db, jobId, target, sql`disability_grade = t.grade, health = 'disabled'`, sql`(p.disability_grade IS DISTINCT FROM t.grade OR p.health IS DISTINCT FROM 'disabled')`);
}
