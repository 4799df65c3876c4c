import { can, maskRecord } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ForbiddenError } from '../../platform/errors.js';
import * as repo from './audit-repo.js';
import { verifyAudit } from './audit-anchor.js';

export async function listAudit(ctx: AppContext, actor: Actor, filter: Omit<repo.AuditFilter, 'divisionCode'> & { page: number; pageSize: number }) {
  if (!can(actor.role, 'audit.read')) throw new ForbiddenError('无权查看审计日志');
  const { items, total } = await repo.listAudit(ctx.db, { ...filter, divisionCode: actor.divisionCode }, filter.page, filter.pageSize);
  // Before/after images are masked as the records themselves: ID numbers, phones and incomes for
  // everyone (they are read through audited calls), birth dates for roles that may not unmask.
  const canUnmask = can(actor.role, 'personal.unmask');
  return {
    items: items.map((e) => ({
      id: String(e.id),
      at: e.at.toISOString(),
      username: e.username,
      action: e.action,
      entity: e.entity,
      entityId: e.entity_id,
      divisionCode: e.division_code,
      before: maskRecord(e.before, canUnmask),
      after: maskRecord(e.after, canUnmask),
    })),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** The chain covers every division, so only national administrators may run the check. */
export async function verify(ctx: AppContext, actor: Actor) {
  if (actor.role !== 'admin') throw new ForbiddenError('仅系统管理员可校验审计日志');
  return verifyAudit(ctx);
}
