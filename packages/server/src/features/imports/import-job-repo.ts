import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export async function insertJob(db: Kysely<DB>, job: { ledger: string; file_name: string; file_sha256: string; dry_run: boolean; user_id: string | null; division_code: string }) {
  const row = await db.insertInto('import_job').values({ ...job, status: 'running' }).returning('id').executeTakeFirstOrThrow();
  return String(row.id);
}

export async function updateJob(
  db: Kysely<DB>,
  id: string,
  values: Partial<{ status: string; total_rows: number; inserted: number; updated: number; unchanged: number; error_count: number; errors: string; summary: string; error_file: string | null; unmatched_count: number; unmatched_file: string | null; finished_at: Date }>,
) {
  await db.updateTable('import_job').set(values).where('id', '=', id).execute();
}

const COLUMNS = ['id', 'ledger', 'file_name', 'file_sha256', 'dry_run', 'status', 'total_rows', 'inserted', 'updated', 'unchanged', 'error_count', 'errors', 'summary', 'error_file', 'unmatched_count', 'unmatched_file', 'stored_file', 'user_id', 'division_code', 'started_at', 'finished_at'] as const;

export async function findJob(db: Kysely<DB>, id: string, scope: string) {
  return db.selectFrom('import_job').select(COLUMNS).where('id', '=', id).where('division_code', 'like', `${scope}%`).executeTakeFirst();
}

/** `ledgers`: only jobs of these ledgers (a department user sees only their own list's jobs). */
export async function listJobs(db: Kysely<DB>, scope: string, page: number, pageSize: number, ledgers?: string[]) {
  let q = db.selectFrom('import_job').where('import_job.division_code', 'like', `${scope}%`);
  if (ledgers) q = q.where('import_job.ledger', 'in', ledgers.length > 0 ? ledgers : ['']);
  const [items, total] = await Promise.all([
    q.leftJoin('app_user as u', 'u.id', 'import_job.user_id').select(COLUMNS.map((c) => `import_job.${c}` as const)).select('u.username').orderBy('import_job.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function setStoredFile(db: Kysely<DB>, id: string, path: string) {
  await db.updateTable('import_job').set({ stored_file: path }).where('id', '=', id).execute();
}

export type ImportJobRow = NonNullable<Awaited<ReturnType<typeof findJob>>>;

/** Takes a checked job for import exactly once: a second confirmation finds nothing to take. */
export async function claimValidatedJob(db: Kysely<DB>, id: string, scope: string) {
  return db
    .updateTable('import_job')
    .set({ status: 'confirmed' })
    .where('id', '=', id)
    .where('status', '=', 'validated')
    .where('division_code', 'like', `${scope}%`)
    .returning(['ledger', 'file_name', 'stored_file'])
    .executeTakeFirst();
}
