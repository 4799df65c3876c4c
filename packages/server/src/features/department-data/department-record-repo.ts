/**
 * The department_record table (数据比对 records). The monitoring run's warning SQL reads the
 * table directly; this repository serves the evidence lists of the case pages.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface RecordFilter {
  /** Division prefix every row must lie in (already checked against the user's own). */
  division: string;
  department?: string;
  kind?: string;
  period?: string;
  householdId?: string;
  personId?: string;
  from?: string;
  to?: string;
}

export async function listRecords(db: Kysely<DB>, f: RecordFilter, page: number, pageSize: number) {
  let q = db
    .selectFrom('department_record as d')
    .innerJoin('person as p', 'p.id', 'd.person_id')
    .innerJoin('household as h', 'h.id', 'd.household_id')
    .where('d.dest_division_code', 'like', `${f.division}%`);
  if (f.department) q = q.where('d.department', '=', f.department);
  if (f.kind) q = q.where('d.kind', '=', f.kind);
  if (f.period) q = q.where('d.period', '=', f.period);
  if (f.householdId) q = q.where('d.household_id', '=', f.householdId);
  if (f.personId) q = q.where('d.person_id', '=', f.personId);
  if (f.from) q = q.where('d.occurred_on', '>=', f.from);
  if (f.to) q = q.where('d.occurred_on', '<=', f.to);
  const [items, total] = await Promise.all([
    q
      .select([
        'd.id', 'd.department', 'd.kind', 'd.person_id', 'd.household_id', 'd.dest_division_code', 'd.occurred_on', 'd.period', 'd.amount',
        'd.detail', 'd.source_file', 'd.import_job_id', 'd.created_at', 'p.name', 'p.id_number', 'h.household_no',
      ])
      .orderBy('d.occurred_on', 'desc')
      .orderBy('d.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export type RecordRow = Awaited<ReturnType<typeof listRecords>>['items'][number];

/** The counties whose people an import's new records are about. */
export async function countiesOfJob(db: Kysely<DB>, jobId: string): Promise<string[]> {
  const rows = await db.selectFrom('department_record').select('county_code').distinct().where('import_job_id', '=', jobId).orderBy('county_code').execute();
  return rows.map((r) => r.county_code);
}

/** Records by id (a warning's sources), with the file, row and department number that find each on paper. */
export async function recordsByIds(db: Kysely<DB>, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('department_record as d')
    .innerJoin('person as p', 'p.id', 'd.person_id')
    .select(['d.id', 'd.department', 'd.kind', 'd.occurred_on', 'd.period', 'd.source_file', 'd.source_row', 'd.record_no', 'p.name'])
    .where('d.id', 'in', ids)
    .execute();
}
