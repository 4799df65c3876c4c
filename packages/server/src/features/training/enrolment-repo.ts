import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

function selectEnrolments(db: Kysely<DB>) {
  return db
    .selectFrom('training_enrolment as e')
    .innerJoin('training_course as c', 'c.id', 'e.course_id')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .select([
      'e.id',
      'e.course_id',
      'e.status',
      'e.completed_on',
      'e.certificate_no',
      'e.dest_division_code',
      'e.version',
      'e.updated_at',
      'c.name as course_name',
      'c.kind as course_kind',
      'c.provider as course_provider',
      'c.start_date as course_start_date',
      'c.end_date as course_end_date',
      'c.certificate as course_certificate',
      'c.division_code as course_division_code',
      'p.id as person_id',
      'p.name as person_name',
      'p.sex',
      'p.birth_date',
      'p.id_number',
      'p.household_id',
      'h.household_no',
    ]);
}

export type EnrolmentRow = Awaited<ReturnType<ReturnType<typeof selectEnrolments>['executeTakeFirstOrThrow']>>;

export async function listCourseEnrolments(db: Kysely<DB>, courseId: string, status: string | undefined, page: number, pageSize: number) {
  let list = selectEnrolments(db).where('e.course_id', '=', courseId);
  let count = db.selectFrom('training_enrolment as e').where('e.course_id', '=', courseId);
  if (status) {
    list = list.where('e.status', '=', status);
    count = count.where('e.status', '=', status);
  }
  const [items, total] = await Promise.all([
    list.orderBy('e.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    count.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** An enrolment is managed with its course: visible when the course is inside `scope`. */
export async function findEnrolment(db: Kysely<DB>, id: string, scope: string) {
  return selectEnrolments(db).where('e.id', '=', id).where('c.division_code', 'like', `${scope}%`).executeTakeFirst();
}

/** A person's trainings, newest first; the person decides the scope, whoever ran the course. */
export async function listPersonEnrolments(db: Kysely<DB>, personId: string) {
  return selectEnrolments(db).where('e.person_id', '=', personId).orderBy('c.start_date', 'desc').orderBy('e.id', 'desc').execute();
}

export async function findEnrolmentOf(db: Kysely<DB>, courseId: string, personId: string) {
  return db.selectFrom('training_enrolment').select(['id', 'status']).where('course_id', '=', courseId).where('person_id', '=', personId).executeTakeFirst();
}

export async function insertEnrolment(db: Kysely<DB>, values: { course_id: string; person_id: string; dest_division_code: string }) {
  return db.insertInto('training_enrolment').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function setEnrolmentOutcome(
  db: Kysely<DB>,
  id: string,
  version: number,
  outcome: { status: 'completed' | 'dropped'; completed_on: string | null; certificate_no: string | null },
) {
  return db
    .updateTable('training_enrolment')
    .set((eb) => ({ ...outcome, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export async function deleteEnrolment(db: Kysely<DB>, id: string, version: number) {
  return db.deleteFrom('training_enrolment').where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
}

