/**
 * The task inbox (任务清单) of the assistance plans: departments move their tasks on and report
 * the outcome; a task is late while open past its due date (docs/MONITORING.md §3).
 */
import { taskStatuses, type TaskUpdate } from '@anju/core';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { Page } from '../../platform/paging.js';
import { appendAudit } from '../audit/audit-repo.js';
import { assertReadPlan, assertWorkTasks, divisionInScope, ownDepartment } from './assistance-access.js';
import * as repo from './assistance-repo.js';
import type { TaskListQuery, TaskOutput } from './assistance-schemas.js';

export function toTaskOutput(t: repo.TaskRow): TaskOutput {
  return {
    id: String(t.id),
    caseId: String(t.case_id),
    householdId: String(t.household_id),
    householdNo: t.household_no,
    headName: t.head_name ?? '',
    divisionCode: t.dest_division_code,
    divisionName: t.division_name ?? '',
    measure: t.measure,
    department: t.department,
    title: t.title,
    dueOn: t.due_on,
    status: t.status as TaskOutput['status'],
    outcome: t.outcome,
    doneOn: t.done_on,
    late: t.late,
    version: t.version,
  };
}

/** The actor's own scope: its division and, for a department user, its department. */
function scopeOf(ctx: AppContext, actor: Actor): repo.TaskFilter {
  return { division: actor.divisionCode, department: ownDepartment(actor), today: today(ctx) };
}

/** Another department's task, or one outside the division, answers exactly as a missing one. */
async function loadTask(ctx: AppContext, actor: Actor, id: string) {
  const row = /^\d+$/.test(id) ? await repo.findTask(ctx.db, id, scopeOf(ctx, actor)) : undefined;
  if (!row) throw new NotFoundError('帮扶任务');
  return row;
}

export async function getTask(ctx: AppContext, actor: Actor, id: string): Promise<TaskOutput> {
  assertReadPlan(actor);
  return toTaskOutput(await loadTask(ctx, actor, id));
}

export async function listTasks(ctx: AppContext, actor: Actor, query: TaskListQuery): Promise<Page<TaskOutput>> {
  assertReadPlan(actor);
  const { page, pageSize } = query;
  const own = ownDepartment(actor);
  const filter: repo.TaskFilter = {
    division: divisionInScope(actor, query.division),
    department: own ?? query.department,
    status: query.status,
    late: query.late === undefined ? undefined : query.late === 'true',
    today: today(ctx),
  };
  const { rows, total } = await repo.listTasks(ctx.db, filter, pageSize, (page - 1) * pageSize);
  return { items: rows.map(toTaskOutput), total, page, pageSize };
}

const label = (status: string) => taskStatuses.labels[status as keyof typeof taskStatuses.labels] ?? status;

export async function updateTask(ctx: AppContext, actor: Actor, id: string, input: TaskUpdate): Promise<TaskOutput> {
  assertWorkTasks(actor);
  const current = toTaskOutput(await loadTask(ctx, actor, id));
  if (current.status === 'done' || current.status === 'cancelled') throw new ConflictError(`该任务${label(current.status)}，不能再修改`, current);
  // Withdrawing a task is the assigning side's decision, not the department's.
  if (input.status === 'cancelled' && ownDepartment(actor) !== undefined) throw new ForbiddenError('行业部门不能撤销任务，请联系县监测员');
  const day = today(ctx);
  const done = input.status === 'done';
  const doneOn = done ? (input.doneOn ?? day) : null;
  if (doneOn !== null && doneOn > day) throw new ValidationError('办结日期不能晚于今天', [{ path: 'doneOn', message: '不能晚于今天' }]);
  const set = { status: input.status, outcome: input.outcome, done_on: doneOn };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateTask(trx, id, input.version, set))) throw new ConflictError('该任务已被他人修改，请刷新后重试', current);
    await appendAudit(trx, {
      userId: actor.userId, username: actor.username, action: 'update', entity: 'assistance_task', entityId: id, divisionCode: current.divisionCode,
      before: { status: current.status, outcome: current.outcome, doneOn: current.doneOn },
      after: { status: set.status, outcome: set.outcome, doneOn: set.done_on },
    });
  });
  return getTask(ctx, actor, id);
}
