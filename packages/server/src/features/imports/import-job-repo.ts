import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export async function insertJob(db: Kysely<DB>, job: { ledger: string; file_name: string; file_sha256: string; dry_run: boolean; user_id: string | null; division_code: string; owner: string }) {
  const row = await db.insertInto('import_job').values({ ...job, status: 'running', heartbeat_at: sql<Date>`now()` }).returning('id').executeTakeFirstOrThrow();
  return String(row.id);
}

/** The running jobs of one process are alive: their heartbeat moves on. */
export async function heartbeat(db: Kysely<DB>, owner: string) {
  await db.updateTable('import_job').set({ heartbeat_at: sql<Date>`now()` }).where('owner', '=', owner).where('status', '=', 'running').execute();
}

/** Running jobs with their owner and whether it spoke within `staleSeconds` (by the database's clock). */
export async function runningJobs(db: Kysely<DB>, staleSeconds: number) {
  return db
    .selectFrom('import_job')
    .select(['id', 'owner'])
    .select(sql<boolean>`coalesce(heartbeat_at > now() - make_interval(secs => ${staleSeconds}), false)`.as('fresh'))
    .where('status', '=', 'running')
    .execute();
}

/** Ends jobs that will never finish, with the reason shown to the user. */
export async function failJobs(db: Kysely<DB>, ids: string[], reason: string) {
  if (ids.length === 0) return;
  const errors = JSON.stringify([{ row: 0, column: '', value: '', reason }]);
  await db.updateTable('import_job').set({ status: 'failed', finished_at: sql<Date>`now()`, errors }).where('id', 'in', ids).where('status', '=', 'running').execute();
}

/** Staging tables present in the database (they hold whole ledgers, personal data included). */
export async function stageTables(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename ~ '^import_stage_[0-9]+$'`.execute(db);
  return rows.map((r) => r.name);
}

export async function dropTable(db: Kysely<DB>, name: string) {
  await sql`DROP TABLE IF EXISTS ${sql.table(name)}`.execute(db);
}

/** Files of jobs started more than `days` ago, then forgotten by them (the caller deletes the files). */
export async function forgetOldFiles(db: Kysely<DB>, days: number): Promise<string[]> {
  const old = await db
    .selectFrom('import_job')
    .select(['id', 'stored_file', 'error_file', 'unmatched_file'])
    .where('status', '<>', 'running')
    .where('started_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .where((eb) => eb.or([eb('stored_file', 'is not', null), eb('error_file', 'is not', null), eb('unmatched_file', 'is not', null)]))
    .execute();
  if (old.length === 0) return [];
  await db.updateTable('import_job').set({ stored_file: null, error_file: null, unmatched_file: null }).where('id', 'in', old.map((j) => j.id)).execute();
  return old.flatMap((j) => [j.stored_file, j.error_file, j.unmatched_file]).filter((f): f is string => f !== null);
}

/** The upload is gone: no job may offer it for confirmation any more. */
export async function clearStoredFile(db: Kysely<DB>, path: string) {
  await db.updateTable('import_job').set({ stored_file: null }).where('stored_file', '=', path).execute();
}

export async function updateJob(
  db: Kysely<DB>,
  id: string,
  values: Partial<{ status: string; total_rows: number; inserted: number; updated: number; unchanged: number; error_count: number; errors: string; summary: string; error_file: string | null; unmatched_count: number; unmatched_file: string | null; notes: string; note_count: number; finished_at: Date }>,
) {
  await db.updateTable('import_job').set(values).where('id', '=', id).execute();
}

const COLUMNS = ['id', 'ledger', 'file_name', 'file_sha256', 'dry_run', 'status', 'total_rows', 'inserted', 'updated', 'unchanged', 'error_count', 'errors', 'summary', 'error_file', 'unmatched_count', 'unmatched_file', 'notes', 'note_count', 'stored_file', 'user_id', 'division_code', 'started_at', 'finished_at'] as const;

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
    .where('stored_file', 'is not', null)
    .where('division_code', 'like', `${scope}%`)
    .returning(['ledger', 'file_name', 'stored_file'])
    .executeTakeFirst();
}
