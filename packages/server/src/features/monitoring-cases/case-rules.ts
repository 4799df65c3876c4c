/**
 * The checks in front of each action, shared by the action service (which refuses) and the
 * detail page's `nextActions` (which greys the button out with the same reason).
 */
import { can, evidenceKinds, type Permission } from '@anju/core';
import type { Actor } from '../../platform/actor.js';
import { actionLabels, actionsAt, FORWARD, permissionFor, rejectionTarget, stepLabel, type CaseAction, type CaseStep } from './case-flow.js';

const WHO: Partial<Record<Permission, string>> = {
  'monitoring.lead': '村、乡镇监测工作人员',
  'monitoring.review': '乡镇审核人员',
  'monitoring.approve': '县级监测审批人员',
};

/** Why the actor may not take `action` on a case at `step`, or undefined. */
export function permissionBlocker(actor: Actor, action: CaseAction, step: string): string | undefined {
  const permission = permissionFor(action, step);
  if (!permission || can(actor.role, permission)) return undefined;
  return `无权${actionLabels[action]}：须由${WHO[permission] ?? '有权限的人员'}办理`;
}

/** Why `action` does not fit the case's step, or undefined. */
export function stepBlocker(action: CaseAction, step: string): string | undefined {
  const fits = action === 'reject' ? rejectionTarget(step) !== undefined : FORWARD[step as CaseStep]?.action === action;
  return fits ? undefined : `当前环节为“${stepLabel(step)}”，不能${actionLabels[action]}`;
}

export interface CaseState {
  step: string;
  notice_end: string | null;
}

/** What must be in place before an action whose step fits (elimination conditions aside). */
export function preconditionBlocker(action: CaseAction, c: CaseState, today: string, kinds: Set<string>): string | undefined {
  if (action === 'verify') {
    const missing = (['commitment', 'authorization'] as const).filter((k) => !kinds.has(k)).map((k) => evidenceKinds.labels[k]);
    if (missing.length) return `须先上传已签字的${missing.join('、')}`;
  }
  if ((action === 'township_review' || action === 'approve_elimination') && c.notice_end && today <= c.notice_end) {
    return `公示期至${c.notice_end}，公示期满后方可${actionLabels[action]}`;
  }
  return undefined;
}

export interface NextAction {
  action: CaseAction;
  label: string;
  allowed: boolean;
  reason?: string;
}

/** The buttons of a case for this actor; `eliminationBlocker` is asked only when all else allows. */
export function nextActionsOf(actor: Actor, c: CaseState, today: string, kinds: Set<string>, eliminationBlocker?: string): NextAction[] {
  return actionsAt(c.step).map((action) => {
    const label = action === 'reject' ? (c.step === 'elimination_notice' ? '退回（继续监测）' : '退回（不予纳入）') : actionLabels[action];
    const reason =
      permissionBlocker(actor, action, c.step) ??
      preconditionBlocker(action, c, today, kinds) ??
      (action === 'propose_elimination' || action === 'approve_elimination' ? eliminationBlocker : undefined);
    return reason ? { action, label, allowed: false, reason } : { action, label, allowed: true };
  });
}
