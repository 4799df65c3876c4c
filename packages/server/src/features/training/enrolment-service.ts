/** Who took a course: enrol, 结业 (with a certificate number: 持证) or 退训, and a person's trainings. */
import { enrolmentStatuses, type EnrolmentCompletion } from '@anju/core';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { askedDivision } from '../../platform/division-scope.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { Page } from '../../platform/paging.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { toPersonBrief } from '../persons/person-brief.js';
import { findPersonForAttach } from '../persons/person-brief-repo.js';
import { assertManageTraining, assertReadTraining, loadCourse } from './course-service.js';
import * as repo from './enrolment-repo.js';
import { trainingFigures } from './training-figures-repo.js';
import type { EnrolmentOutput } from './training-schemas.js';

function toOutput(e: repo.EnrolmentRow, on: string): EnrolmentOutput {
  return {
    id: String(e.id),
    courseId: String(e.course_id),
    courseName: e.course_name,
    courseKind: e.course_kind,
    courseProvider: e.course_provider,
    courseStartDate: e.course_start_date,
    courseEndDate: e.course_end_date,
    courseCertificate: e.course_certificate,
    person: toPersonBrief(e, on),
    status: e.status,
    completedOn: e.completed_on,
    certificateNo: e.certificate_no,
    version: e.version,
    updatedAt: e.updated_at.toISOString(),
  };
}

function audited(e: repo.EnrolmentRow) {
  return { courseId: String(e.course_id), personId: String(e.person_id), status: e.status, completedOn: e.completed_on, certificateNo: e.certificate_no };
}

async function loadEnrolment(ctx: AppContext, actor: Actor, id: string): Promise<repo.EnrolmentRow> {
  const row = /^\d+$/.test(id) ? await repo.findEnrolment(ctx.db, id, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('报名记录');
  return row;
}

async function getEnrolment(ctx: AppContext, actor: Actor, id: string): Promise<EnrolmentOutput> {
  return toOutput(await loadEnrolment(ctx, actor, id), today(ctx));
}

export async function listCourseEnrolments(ctx: AppContext, actor: Actor, courseId: string, status: string | undefined, page: number, pageSize: number): Promise<Page<EnrolmentOutput>> {
  assertReadTraining(actor);
  await loadCourse(ctx, actor, courseId);
  const on = today(ctx);
  const { items, total } = await repo.listCourseEnrolments(ctx.db, courseId, status, page, pageSize);
  return { items: items.map((e) => toOutput(e, on)), total, page, pageSize };
}

function duplicate(name: string, status: string): ConflictError {
  const label = enrolmentStatuses.labels[status as keyof typeof enrolmentStatuses.labels] ?? status;
  return new ConflictError(`${name} 已报名本课程（${label}），不能重复报名`);
}

/** The person must live inside both the actor's division and the division the course serves. */
export async function enrol(ctx: AppContext, actor: Actor, courseId: string, personId: string): Promise<EnrolmentOutput> {
  assertManageTraining(actor);
  const course = await loadCourse(ctx, actor, courseId);
  const person = await findPersonForAttach(ctx.db, personId, actor.divisionCode);
  if (!person) throw new ValidationError('人员不存在或不在本人管辖范围内', [{ path: 'personId', message: '人员不存在或无权访问' }]);
  if (person.household_status !== 'active') throw new ValidationError(`${person.person_name} 所在户 ${person.household_no} 已注销，不能报名`, [{ path: 'personId', message: '所在户已注销' }]);
  if (!person.dest_division_code.startsWith(course.division_code)) {
    throw new ValidationError(`${person.person_name} 不在本课程所属区划（${course.division_name ?? course.division_code}）内，不能报名`, [{ path: 'personId', message: '不在本课程所属区划内' }]);
  }
  const existing = await repo.findEnrolmentOf(ctx.db, courseId, personId);
  if (existing) throw duplicate(person.person_name, existing.status);
  let id: string;
  try {
    id = await ctx.db.transaction().execute(async (trx) => {
      const { id } = await repo.insertEnrolment(trx, { course_id: courseId, person_id: personId, dest_division_code: person.dest_division_code });
      await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'create', entity: 'training_enrolment', entityId: String(id), divisionCode: person.dest_division_code, before: null, after: { courseId, personId, status: 'enrolled' } });
      return String(id);
    });
  } catch (error) {
    // Someone enrolled the same person a moment ago: the unique key caught it.
    if (isUniqueViolation(error)) throw duplicate(person.person_name, 'enrolled');
    throw error;
  }
  return getEnrolment(ctx, actor, id);
}

export async function completeEnrolment(ctx: AppContext, actor: Actor, id: string, input: EnrolmentCompletion): Promise<EnrolmentOutput> {
  assertManageTraining(actor);
  const current = await loadEnrolment(ctx, actor, id);
  const on = today(ctx);
  if (input.completedOn < current.course_start_date) {
    throw new ValidationError(`结业日期不能早于开班日期 ${current.course_start_date}`, [{ path: 'completedOn', message: `不能早于开班日期 ${current.course_start_date}` }]);
  }
  if (input.completedOn > on) throw new ValidationError('结业日期不能晚于今天', [{ path: 'completedOn', message: '不能晚于今天' }]);
  if (input.certificateNo && !current.course_certificate) {
    throw new ValidationError('本课程结业不颁发证书，不填写证书编号', [{ path: 'certificateNo', message: '本课程不颁发证书' }]);
  }
  const outcome = { status: 'completed' as const, completed_on: input.completedOn, certificate_no: input.certificateNo };
  await write(ctx, actor, current, input.version, outcome);
  return getEnrolment(ctx, actor, id);
}

export async function dropEnrolment(ctx: AppContext, actor: Actor, id: string, version: number): Promise<EnrolmentOutput> {
  assertManageTraining(actor);
  const current = await loadEnrolment(ctx, actor, id);
  if (current.status === 'completed') throw new ConflictError(`${current.person_name} 已于 ${current.completed_on} 结业，不能退训`);
  await write(ctx, actor, current, version, { status: 'dropped', completed_on: null, certificate_no: null });
  return getEnrolment(ctx, actor, id);
}

async function write(ctx: AppContext, actor: Actor, current: repo.EnrolmentRow, version: number, outcome: Parameters<typeof repo.setEnrolmentOutcome>[3]): Promise<void> {
  const id = String(current.id);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.setEnrolmentOutcome(trx, id, version, outcome))) {
      throw new ConflictError('该报名记录已被他人修改，请查看最新内容后重试', toOutput(current, today(ctx)));
    }
    await appendAudit(trx, {
      userId: actor.userId,
      username: actor.username,
      action: 'update',
      entity: 'training_enrolment',
      entityId: id,
      divisionCode: current.dest_division_code,
      before: audited(current),
      after: { ...audited(current), status: outcome.status, completedOn: outcome.completed_on, certificateNo: outcome.certificate_no },
    });
  });
}

/** Removes an enrolment made by mistake (a 退训 is recorded with dropEnrolment instead). */
export async function deleteEnrolment(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  assertManageTraining(actor);
  const current = await loadEnrolment(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteEnrolment(trx, id, version))) throw new ConflictError('该报名记录已被他人修改，请刷新后重试', toOutput(current, today(ctx)));
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'delete', entity: 'training_enrolment', entityId: id, divisionCode: current.dest_division_code, before: audited(current), after: null });
  });
}

/** A person's trainings: scoped by where the person lives, so a missing and a hidden person look alike. */
export async function personTrainings(ctx: AppContext, actor: Actor, personId: string): Promise<EnrolmentOutput[]> {
  assertReadTraining(actor);
  const person = /^\d+$/.test(personId) ? await findPersonForAttach(ctx.db, personId, actor.divisionCode) : undefined;
  if (!person) throw new NotFoundError('人员');
  const on = today(ctx);
  return (await repo.listPersonEnrolments(ctx.db, personId)).map((e) => toOutput(e, on));
}

/** Trained and certified people of a division inside the actor's own (outside it: refused). */
export async function figures(ctx: AppContext, actor: Actor, divisionCode: string, on: string | undefined) {
  assertReadTraining(actor);
  const scope = askedDivision(actor, divisionCode);
  const day = on ?? today(ctx);
  return { divisionCode: scope, on: day, ...(await trainingFigures(ctx.db, scope, day)) };
}
