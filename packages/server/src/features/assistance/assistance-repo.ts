/**
 * SQL of the assistance plan (一户一策): the needs and tasks of a case, and the task inbox of a
 * department. Every read is scoped by a division prefix; the inbox also by department.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A task is open while assigned or in progress; late when open past its due date. */
export const OPEN_TASK_STATUSES = ['assigned', 'in_progress'] as const;

export async function findCaseInScope(db: Kysely<DB>, id: string, scope: string) {
  return db
    .selectFrom('monitoring_case')
    .select(['id', 'household_id', 'county_code', 'dest_division_code', 'step'])
    .where('id', '=', id)
    .where('dest_division_code', 'like', `${scope}%`)
    .executeTakeFirst();
}

export async function listNeeds(db: Kysely<DB>, caseId: string) {
  return db.selectFrom('assistance_need').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export async function insertNeed(db: Kysely<DB>, row: { case_id: string; kind: string; description: string; username: string; created_at: Date }) {
  return db.insertInto('assistance_need').values(row).returningAll().executeTakeFirstOrThrow();
}

export interface TaskFilter {
  /** The actor's division, or a division inside it. */
  division: string;
  department?: string;
  /** A task status, or 'open' for assigned and in progress together. */
  status?: string;
  late?: boolean;
  caseId?: string;
  today: string;
}

const lateExpr = (today: string) => sql<boolean>`(t.status IN ('assigned', 'in_progress') AND t.due_on < ${today}::date)`;

function filtered(db: Kysely<DB>, f: TaskFilter) {
  let q = db.selectFrom('assistance_task as t').where('t.dest_division_code', 'like', `${f.division}%`);
  if (f.department !== undefined) q = q.where('t.department', '=', f.department);
  if (f.status === 'open') q = q.where('t.status', 'in', OPEN_TASK_STATUSES);
  else if (f.status) q = q.where('t.status', '=', f.status);
  if (f.late !== undefined) q = q.where(f.late ? lateExpr(f.today) : sql<boolean>`NOT ${lateExpr(f.today)}`);
  if (f.caseId) q = q.where('t.case_id', '=', f.caseId);
  return q;
}

function withHousehold(db: Kysely<DB>, f: TaskFilter) {
  return filtered(db, f)
    .innerJoin('household as h', 'h.id', 't.household_id')
    .leftJoin('person as p', (j) => j.onRef('p.household_id', '=', 'h.id').on('p.relation', '=', 'head'))
    .leftJoin('division as d', 'd.code', 't.dest_division_code')
    .select([
      't.id', 't.case_id', 't.household_id', 'h.household_no', 'p.name as head_name', 't.dest_division_code', 'd.name as division_name',
      't.measure', 't.department', 't.title', 't.due_on', 't.status', 't.outcome', 't.done_on', 't.version',
      lateExpr(f.today).as('late'),
    ]);
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof withHousehold>['executeTakeFirstOrThrow']>>;

/** Late tasks first, then by due date: the order a department works through its inbox. */
export async function listTasks(db: Kysely<DB>, f: TaskFilter, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    withHousehold(db, f).orderBy('late', 'desc').orderBy('t.due_on').orderBy('t.id').limit(limit).offset(offset).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findTask(db: Kysely<DB>, id: string, f: TaskFilter) {
  return withHousehold(db, f).where('t.id', '=', id).executeTakeFirst();
}

export interface NewTask {
  case_id: string;
  household_id: string;
  county_code: string;
  dest_division_code: string;
  measure: string;
  department: string;
  title: string;
  due_on: string;
  created_by: string;
  /** The service's clock (tests move it). */
  created_at: Date;
  updated_at: Date;
}

export async function insertTask(db: Kysely<DB>, row: NewTask): Promise<string> {
  const { id } = await db.insertInto('assistance_task').values(row).returning('id').executeTakeFirstOrThrow();
  return String(id);
}

/** Moves a task at the version read; undefined when stale. */
export async function updateTask(db: Kysely<DB>, id: string, version: number, set: { status: string; outcome: string | null; done_on: string | null }) {
  return db
    .updateTable('assistance_task')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}
