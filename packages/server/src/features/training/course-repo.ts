import { sql, type Kysely } from 'kysely';
import type { TrainingCourseInput } from '@anju/core';
import type { DB } from '../../db/schema.js';
import { likeContains } from '../../db/like.js';

export interface CourseFilter {
  scope: string;
  q?: string;
  kind?: string;
  divisionCode?: string;
  /** Courses running on or after this day (their end date is not earlier). */
  from?: string;
  /** Courses starting on or before this day. */
  to?: string;
}

export type CourseSort = 'start_date' | 'end_date' | 'name';

export function courseColumns(input: TrainingCourseInput) {
  return {
    name: input.name,
    kind: input.kind,
    provider: input.provider,
    county_code: input.divisionCode.slice(0, 6),
    division_code: input.divisionCode,
    place: input.place,
    start_date: input.startDate,
    end_date: input.endDate,
    certificate: input.certificate,
  };
}

function filtered(db: Kysely<DB>, f: CourseFilter) {
  let q = db.selectFrom('training_course as c').where('c.division_code', 'like', `${f.scope}%`);
  if (f.divisionCode) q = q.where('c.division_code', 'like', `${f.divisionCode}%`);
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.from) q = q.where('c.end_date', '>=', f.from);
  if (f.to) q = q.where('c.start_date', '<=', f.to);
  if (f.q) q = q.where((eb) => eb.or([eb('c.name', 'like', likeContains(f.q!)), eb('c.provider', 'like', likeContains(f.q!))]));
  return q;
}

/** A course with its division's name and how many enrolled, completed, dropped and got a certificate. */
function withCounts(db: Kysely<DB>, f: CourseFilter) {
  return filtered(db, f)
    .leftJoin('division as d', 'd.code', 'c.division_code')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('training_enrolment as e')
          .whereRef('e.course_id', '=', 'c.id')
          .select([
            sql<string>`count(*) FILTER (WHERE e.status = 'enrolled')`.as('enrolled'),
            sql<string>`count(*) FILTER (WHERE e.status = 'completed')`.as('completed'),
            sql<string>`count(*) FILTER (WHERE e.status = 'dropped')`.as('dropped'),
            sql<string>`count(*) FILTER (WHERE e.status = 'completed' AND e.certificate_no IS NOT NULL)`.as('certified'),
          ])
          .as('n'),
      (join) => join.onTrue(),
    )
    .selectAll('c')
    .select(['d.name as division_name', 'n.enrolled', 'n.completed', 'n.dropped', 'n.certified']);
}

export async function listCourses(db: Kysely<DB>, f: CourseFilter, sort: CourseSort, desc: boolean, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    withCounts(db, f)
      .orderBy(sql.ref(`c.${sort}`), desc ? 'desc' : 'asc')
      .orderBy('c.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findCourse(db: Kysely<DB>, id: string, scope: string) {
  return withCounts(db, { scope }).where('c.id', '=', id).executeTakeFirst();
}

export type CourseRow = NonNullable<Awaited<ReturnType<typeof findCourse>>>;

export async function insertCourse(db: Kysely<DB>, input: TrainingCourseInput) {
  return db.insertInto('training_course').values(courseColumns(input)).returning('id').executeTakeFirstOrThrow();
}

export async function updateCourse(db: Kysely<DB>, id: string, version: number, input: TrainingCourseInput) {
  return db
    .updateTable('training_course')
    .set((eb) => ({ ...courseColumns(input), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export async function deleteCourse(db: Kysely<DB>, id: string, version: number) {
  return db.deleteFrom('training_course').where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
}

/** Enrolments outside these dates or this division would no longer fit an edited course. */
export async function enrolmentsOutside(db: Kysely<DB>, courseId: string, divisionCode: string, startDate: string) {
  const row = await db
    .selectFrom('training_enrolment')
    .where('course_id', '=', courseId)
    .select([
      sql<string>`count(*) FILTER (WHERE dest_division_code NOT LIKE ${`${divisionCode}%`})`.as('outside_division'),
      sql<string>`count(*) FILTER (WHERE completed_on < ${startDate})`.as('completed_before'),
    ])
    .executeTakeFirstOrThrow();
  return { outsideDivision: Number(row.outside_division), completedBefore: Number(row.completed_before) };
}
