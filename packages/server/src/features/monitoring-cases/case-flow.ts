/**
 * The identification workflow as data (docs/MONITORING.md §1): which action moves each step on,
 * who may take it, and where a rejection leads. Pure, so the service and the "next actions" the
 * web shows read the same table.
 */
import { caseSteps, IDENTIFICATION_STEPS, type Permission } from '@anju/core';

export type CaseStep = keyof typeof caseSteps.labels;

export const CASE_ACTIONS = [
  'verify', 'compare', 'notice', 'township_review', 'county_approve', 'reject', 'propose_elimination', 'approve_elimination',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const actionLabels: Record<CaseAction, string> = {
  verify: '入户核实',
  compare: '信息比对',
  notice: '民主评议并公示',
  township_review: '乡级审核',
  county_approve: '县级审批',
  reject: '退回',
  propose_elimination: '风险消除评议并公示',
  approve_elimination: '风险消除审批',
};

interface Forward {
  action: Exclude<CaseAction, 'reject'>;
  permission: Permission;
  to: CaseStep;
}

/** The one forward action of each open step. */
export const FORWARD: Partial<Record<CaseStep, Forward>> = {
  lead: { action: 'verify', permission: 'monitoring.lead', to: 'verified' },
  verified: { action: 'compare', permission: 'monitoring.lead', to: 'compared' },
  compared: { action: 'notice', permission: 'monitoring.lead', to: 'notice' },
  notice: { action: 'township_review', permission: 'monitoring.review', to: 'township_reviewed' },
  township_reviewed: { action: 'county_approve', permission: 'monitoring.approve', to: 'monitored' },
  monitored: { action: 'propose_elimination', permission: 'monitoring.lead', to: 'elimination_notice' },
  elimination_notice: { action: 'approve_elimination', permission: 'monitoring.approve', to: 'eliminated' },
};

export const isIdentificationStep = (step: string) => (IDENTIFICATION_STEPS as readonly string[]).includes(step);
export const isClosedStep = (step: string) => step === 'eliminated' || step === 'rejected';

/**
 * Where a rejection at `step` leads, or undefined where nothing can be rejected. Rejecting an
 * elimination keeps the household watched.
 */
export function rejectionTarget(step: string): CaseStep | undefined {
  if (isIdentificationStep(step)) return 'rejected';
  return step === 'elimination_notice' ? 'monitored' : undefined;
}

/** Who owes the action of a step, and so who is told when it is late (§1 "escalated"). */
export function escalationLevel(step: string): 'township' | 'county' | 'city' | null {
  if (step === 'lead' || step === 'verified' || step === 'compared') return 'township';
  if (step === 'notice') return 'county';
  if (step === 'township_reviewed' || step === 'elimination_notice') return 'city';
  return null;
}

/** The permission an action needs at a step (a rejection: whoever may take the step's forward action). */
export function permissionFor(action: CaseAction, step: string): Permission | undefined {
  if (action === 'reject') return rejectionTarget(step) ? FORWARD[step as CaseStep]?.permission : undefined;
  return Object.values(FORWARD).find((f) => f.action === action)?.permission;
}

/** The actions a case at `step` offers: its forward action and, where allowed, a rejection. */
export function actionsAt(step: string): CaseAction[] {
  const forward = FORWARD[step as CaseStep];
  if (!forward) return [];
  return rejectionTarget(step) ? [forward.action, 'reject'] : [forward.action];
}

export const stepLabel = (step: string) => caseSteps.labels[step as CaseStep] ?? step;
