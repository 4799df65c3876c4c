/** Training courses 技能培训 (SPEC §5): anyone who reads the registry sees them; 人社 work manages them. */
import { can, type TrainingCourseInput } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { assertManageLabourServices } from '../../platform/labour-services-access.js';
import type { Page } from '../../platform/paging.js';
import { appendAudit } from '../audit/audit-repo.js';
import { divisionExists } from '../divisions/division-repo.js';
import * as repo from './course-repo.js';
import type { CourseOutput } from './training-schemas.js';

function toOutput(c: repo.CourseRow): CourseOutput {
  return {
    id: String(c.id),
    name: c.name,
    kind: c.kind,
    provider: c.provider,
    countyCode: c.county_code,
    divisionCode: c.division_code,
    divisionName: c.division_name,
    place: c.place,
    startDate: c.start_date,
    endDate: c.end_date,
    certificate: c.certificate,
    enrolled: Number(c.enrolled ?? 0),
    completed: Number(c.completed ?? 0),
    dropped: Number(c.dropped ?? 0),
    certified: Number(c.certified ?? 0),
    version: c.version,
    updatedAt: c.updated_at.toISOString(),
  };
}

export function assertReadTraining(actor: Actor): void {
  if (!can(actor.role, 'registry.read')) throw new ForbiddenError('无权查看技能培训');
}

export function assertManageTraining(actor: Actor): void {
  assertManageLabourServices(actor, '管理技能培训（须为人社部门或乡镇、县级业务人员）');
}

/** A course outside the actor's division answers exactly as a missing one. */
export async function loadCourse(ctx: AppContext, actor: Actor, id: string): Promise<repo.CourseRow> {
  const row = /^\d+$/.test(id) ? await repo.findCourse(ctx.db, id, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('培训课程');
  return row;
}

async function checkInput(ctx: AppContext, actor: Actor, input: TrainingCourseInput): Promise<void> {
  if (!input.divisionCode.startsWith(actor.divisionCode) || !(await divisionExists(ctx.db, input.divisionCode))) {
    throw new ValidationError('所属行政区划不存在或超出本人管辖范围', [{ path: 'divisionCode', message: '行政区划不存在或超出管辖范围' }]);
  }
}

export async function getCourse(ctx: AppContext, actor: Actor, id: string): Promise<CourseOutput> {
  assertReadTraining(actor);
  return toOutput(await loadCourse(ctx, actor, id));
}

export async function listCourses(
  ctx: AppContext,
  actor: Actor,
  query: Omit<repo.CourseFilter, 'scope'> & { sort: repo.CourseSort; desc: 'true' | 'false'; page: number; pageSize: number },
): Promise<Page<CourseOutput>> {
  assertReadTraining(actor);
  const { sort, desc, page, pageSize, ...filter } = query;
  const { items, total } = await repo.listCourses(ctx.db, { ...filter, scope: actor.divisionCode }, sort, desc === 'true', page, pageSize);
  return { items: items.map(toOutput), total, page, pageSize };
}

export async function createCourse(ctx: AppContext, actor: Actor, input: TrainingCourseInput): Promise<CourseOutput> {
  assertManageTraining(actor);
  await checkInput(ctx, actor, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertCourse(trx, input);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'create', entity: 'training_course', entityId: String(id), divisionCode: input.divisionCode, before: null, after: input });
    return String(id);
  });
  return getCourse(ctx, actor, id);
}

export async function updateCourse(ctx: AppContext, actor: Actor, id: string, version: number, input: TrainingCourseInput): Promise<CourseOutput> {
  assertManageTraining(actor);
  const current = toOutput(await loadCourse(ctx, actor, id));
  await checkInput(ctx, actor, input);
  // Enrolled people and completion days were checked against the course as it was.
  const misfits = await repo.enrolmentsOutside(ctx.db, id, input.divisionCode, input.startDate);
  if (misfits.outsideDivision > 0) {
    throw new ValidationError(`已有 ${misfits.outsideDivision} 名学员不在该区划内，不能改为此区划`, [{ path: 'divisionCode', message: '已有学员不在该区划内' }]);
  }
  if (misfits.completedBefore > 0) {
    throw new ValidationError(`已有 ${misfits.completedBefore} 名学员的结业日期早于新的开班日期`, [{ path: 'startDate', message: '开班日期晚于已有学员的结业日期' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateCourse(trx, id, version, input))) throw new ConflictError('该培训课程已被他人修改，请查看最新内容后重试', current);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'training_course', entityId: id, divisionCode: input.divisionCode, before: current, after: input });
  });
  return getCourse(ctx, actor, id);
}

export async function deleteCourse(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  assertManageTraining(actor);
  const current = toOutput(await loadCourse(ctx, actor, id));
  const enrolments = current.enrolled + current.completed + current.dropped;
  if (enrolments > 0) throw new ConflictError(`本课程已有 ${enrolments} 条报名记录，不能删除`);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteCourse(trx, id, version))) throw new ConflictError('该培训课程已被他人修改，请刷新后重试', current);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'delete', entity: 'training_course', entityId: id, divisionCode: current.divisionCode, before: current, after: null });
  });
}
