/**
 * Who may see and act on cases. Reading needs the registry read right (department users and
 * leaders read their division's cases); each step's action needs its permission (case-flow.ts).
 * A case outside the actor's division is answered like a missing one.
 */
import { can } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { findCase, type CaseRow } from './case-repo.js';

export function assertCaseRead(actor: Actor): void {
  if (!can(actor.role, 'registry.read')) throw new ForbiddenError('无权查看监测案件');
}

/** The division asked for, which must lie inside the actor's own (else "not found"). */
export function scopedDivision(actor: Actor, division: string | undefined): string {
  const asked = division ?? actor.divisionCode;
  if (!asked.startsWith(actor.divisionCode)) throw new NotFoundError('区划');
  return asked;
}

export async function loadCase(ctx: AppContext, actor: Actor, id: string): Promise<CaseRow> {
  const row = /^\d+$/.test(id) ? await findCase(ctx.db, id, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('监测案件');
  return row;
}

/** Uploading evidence is part of working a case at any of its steps. */
export function canWorkCases(actor: Actor): boolean {
  return can(actor.role, 'monitoring.lead') || can(actor.role, 'monitoring.review') || can(actor.role, 'monitoring.approve');
}
