/** 一户一策: a monitored household's needs list and task list (docs/MONITORING.md §3). */
import type { NeedInput, TaskInput } from '@anju/core';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { assertPlanStep, assertReadPlan, assertWritePlan, ownDepartment } from './assistance-access.js';
import * as repo from './assistance-repo.js';
import type { NeedOutput, PlanOutput } from './assistance-schemas.js';
import { getTask, toTaskOutput } from './task-service.js';

type NeedRow = Awaited<ReturnType<typeof repo.listNeeds>>[number];

const toNeedOutput = (n: NeedRow): NeedOutput => ({
  id: String(n.id),
  kind: n.kind,
  description: n.description,
  username: n.username,
  createdAt: n.created_at.toISOString(),
});

/** A case outside the actor's division answers exactly as a missing one. */
async function loadCase(ctx: AppContext, actor: Actor, id: string) {
  const row = /^\d+$/.test(id) ? await repo.findCaseInScope(ctx.db, id, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('监测案件');
  return row;
}

/** The whole plan; a department user sees the needs and only its own department's tasks. */
export async function getPlan(ctx: AppContext, actor: Actor, caseId: string): Promise<PlanOutput> {
  assertReadPlan(actor);
  const found = await loadCase(ctx, actor, caseId);
  const filter = { division: actor.divisionCode, department: ownDepartment(actor), caseId: found.id, today: today(ctx) };
  const [needs, tasks] = await Promise.all([repo.listNeeds(ctx.db, found.id), repo.listTasks(ctx.db, filter, 1000, 0)]);
  return { needs: needs.map(toNeedOutput), tasks: tasks.rows.map(toTaskOutput) };
}

export async function addNeed(ctx: AppContext, actor: Actor, caseId: string, input: NeedInput): Promise<NeedOutput> {
  assertWritePlan(actor);
  const found = await loadCase(ctx, actor, caseId);
  assertPlanStep(found.step, '登记帮扶需求');
  const need = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertNeed(trx, { case_id: found.id, kind: input.kind, description: input.description, username: actor.username, created_at: ctx.now() });
    await appendAudit(trx, {
      userId: actor.userId, username: actor.username, action: 'create', entity: 'assistance_need', entityId: String(row.id),
      divisionCode: found.dest_division_code, before: null, after: { caseId: found.id, ...input },
    });
    return row;
  });
  return toNeedOutput(need);
}

export async function addTask(ctx: AppContext, actor: Actor, caseId: string, input: TaskInput) {
  assertWritePlan(actor);
  const found = await loadCase(ctx, actor, caseId);
  assertPlanStep(found.step, '交办帮扶任务');
  if (input.dueOn < today(ctx)) throw new ValidationError('办理时限不能早于今天', [{ path: 'dueOn', message: '不能早于今天' }]);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const taskId = await repo.insertTask(trx, {
      case_id: found.id, household_id: found.household_id, county_code: found.county_code, dest_division_code: found.dest_division_code,
      measure: input.measure, department: input.department, title: input.title, due_on: input.dueOn, created_by: actor.username,
      created_at: ctx.now(), updated_at: ctx.now(),
    });
    await appendAudit(trx, {
      userId: actor.userId, username: actor.username, action: 'create', entity: 'assistance_task', entityId: taskId,
      divisionCode: found.dest_division_code, before: null, after: { caseId: found.id, ...input },
    });
    return taskId;
  });
  return getTask(ctx, actor, id);
}
