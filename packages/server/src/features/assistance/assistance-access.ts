/**
 * Who may do what with a plan (docs/MONITORING.md §3). A department user's inbox is its own
 * department's tasks inside its division, whatever it asks for; a task of another department
 * answers exactly as a missing one.
 */
import { can, caseSteps } from '@anju/core';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.js';

export function assertReadPlan(actor: Actor): void {
  if (!can(actor.role, 'registry.read')) throw new ForbiddenError('无权查看帮扶计划');
}

/** Needs and tasks are added by whoever records leads or approves cases. */
export function assertWritePlan(actor: Actor): void {
  if (!can(actor.role, 'monitoring.lead') && !can(actor.role, 'monitoring.approve')) throw new ForbiddenError('无权制定帮扶计划');
}

export function assertWorkTasks(actor: Actor): void {
  if (!can(actor.role, 'assistance.task')) throw new ForbiddenError('无权办理帮扶任务');
}

/** Only a department's own tasks; '' (a department user without one) matches none. */
export function ownDepartment(actor: Actor): string | undefined {
  return actor.role === 'department' ? (actor.department ?? '') : undefined;
}

/** A division asked for must lie inside the actor's own; outside it looks like none at all. */
export function divisionInScope(actor: Actor, division: string | undefined): string {
  const code = division ?? actor.divisionCode;
  if (!code.startsWith(actor.divisionCode)) throw new NotFoundError('行政区划');
  return code;
}

/** The plan is worked on while the household is monitored (纳入监测 or 风险消除公示中). */
const PLAN_STEPS = new Set(['monitored', 'elimination_notice']);

export function assertPlanStep(step: string, what: string): void {
  if (PLAN_STEPS.has(step)) return;
  const label = caseSteps.labels[step as keyof typeof caseSteps.labels] ?? step;
  throw new ConflictError(`该案件当前处于“${label}”，只有“已纳入监测”或“风险消除公示中”的案件才能${what}`);
}
