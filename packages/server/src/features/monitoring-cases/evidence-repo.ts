/** The case_evidence table: one row per uploaded file; the bytes live under the data directory. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface NewEvidence {
  case_id: string;
  kind: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  stored_path: string;
  username: string;
  /** The service's clock, not the database's, so a test's clock dates the file too. */
  uploaded_at: Date;
}

export async function insertEvidence(db: Kysely<DB>, values: NewEvidence) {
  return db.insertInto('case_evidence').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function evidenceOf(db: Kysely<DB>, caseId: string) {
  return db.selectFrom('case_evidence').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** The evidence kinds a case has, for the checks of a step (verify needs 承诺书 and 授权书). */
export async function evidenceKindsOf(db: Kysely<DB>, caseId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('case_evidence').select('kind').distinct().where('case_id', '=', caseId).execute();
  return new Set(rows.map((r) => r.kind));
}

/** A file with its case's division, inside the division it is read from. */
export async function findEvidence(db: Kysely<DB>, id: string, scope: string) {
  return db
    .selectFrom('case_evidence as e')
    .innerJoin('monitoring_case as c', 'c.id', 'e.case_id')
    .selectAll('e')
    .select(['c.dest_division_code', 'c.household_id'])
    .where('e.id', '=', id)
    .where('c.dest_division_code', 'like', `${scope}%`)
    .executeTakeFirst();
}
