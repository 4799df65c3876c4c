/**
 * Job openings (岗位) from employers, workshops, partner regions and public posts. An opening
 * belongs to a division; it is seen there, below it (its villages) and above it, and edited only
 * by users whose division contains it.
 */
import { can, type JobOpeningInput } from '@anju/core';
import type { z } from 'zod';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { assertManageLabourServices } from '../../platform/labour-services-access.js';
import type { Page } from '../../platform/paging.js';
import { appendAudit } from '../audit/audit-repo.js';
import { divisionExists } from '../divisions/division-repo.js';
import { findEmployer } from '../employers/employer-repo.js';
import * as repo from './job-opening-repo.js';
import type { OpeningOutput, openingListQuery } from './job-opening-schemas.js';

export function assertRead(actor: Actor): void {
  if (!can(actor.role, 'registry.read')) throw new ForbiddenError('无权查看岗位');
}

function toOutput(o: repo.OpeningRow, actor: Actor, on: string): OpeningOutput {
  return {
    id: String(o.id),
    title: o.title,
    source: o.source,
    employerId: o.employer_id === null ? null : String(o.employer_id),
    employerName: o.employer_name,
    partner: o.partner,
    countyCode: o.county_code,
    divisionCode: o.division_code,
    place: o.place,
    workLocation: o.work_location,
    skills: o.skills,
    minCapacity: o.min_capacity,
    minAge: o.min_age,
    maxAge: o.max_age,
    monthlyPay: o.monthly_pay === null ? null : Number(o.monthly_pay),
    positions: o.positions,
    openUntil: o.open_until,
    status: o.status,
    expired: o.status === 'open' && o.open_until !== null && o.open_until < on,
    referrals: Number(o.referrals ?? 0),
    hired: Number(o.hired ?? 0),
    editable: o.division_code.startsWith(actor.divisionCode),
    version: o.version,
    updatedAt: o.updated_at.toISOString(),
  };
}

/** Loads an opening the actor can see; the same 404 for one outside their reach as for none. */
export async function loadOpening(ctx: AppContext, actor: Actor, id: string): Promise<repo.OpeningRow> {
  const row = /^\d+$/.test(id) ? await repo.findOpening(ctx.db, id, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('岗位');
  return row;
}

export async function getOpening(ctx: AppContext, actor: Actor, id: string): Promise<OpeningOutput> {
  assertRead(actor);
  return toOutput(await loadOpening(ctx, actor, id), actor, today(ctx));
}

export async function listOpenings(ctx: AppContext, actor: Actor, query: z.infer<typeof openingListQuery>): Promise<Page<OpeningOutput>> {
  assertRead(actor);
  const { page, pageSize, sort, desc, ...filter } = query;
  const { items, total } = await repo.listOpenings(ctx.db, { ...filter, scope: actor.divisionCode }, sort, desc === 'true', page, pageSize);
  const on = today(ctx);
  return { items: items.map((o) => toOutput(o, actor, on)), total, page, pageSize };
}

async function checkInput(ctx: AppContext, actor: Actor, input: JobOpeningInput): Promise<void> {
  if (!input.divisionCode.startsWith(actor.divisionCode) || !(await divisionExists(ctx.db, input.divisionCode))) {
    throw new ValidationError('对接区划不存在或超出本人管辖范围', [{ path: 'divisionCode', message: '行政区划不存在或超出管辖范围' }]);
  }
  if (input.employerId) {
    const employer = await findEmployer(ctx.db, input.employerId, actor.divisionCode);
    if (!employer) throw new ValidationError('用工单位不存在或不在本人管辖范围内', [{ path: 'employerId', message: '用工单位不存在或无权访问' }]);
    if (input.source === 'workshop' && employer.kind !== 'workshop') {
      throw new ValidationError(`「${employer.name}」不是帮扶车间`, [{ path: 'employerId', message: '来源为帮扶车间时须选择帮扶车间' }]);
    }
  }
}

/** Writes need the labour-services permission and the opening inside the actor's own division. */
async function loadForWrite(ctx: AppContext, actor: Actor, id: string): Promise<repo.OpeningRow> {
  const row = await loadOpening(ctx, actor, id);
  if (!row.division_code.startsWith(actor.divisionCode)) throw new ForbiddenError('该岗位由上级发布，只能由发布单位修改');
  return row;
}

export async function createOpening(ctx: AppContext, actor: Actor, input: JobOpeningInput): Promise<OpeningOutput> {
  assertManageLabourServices(actor, '发布岗位');
  await checkInput(ctx, actor, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertOpening(trx, input);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'create', entity: 'job_opening', entityId: String(id), divisionCode: input.divisionCode, before: null, after: input });
    return String(id);
  });
  return getOpening(ctx, actor, id);
}

export async function updateOpening(ctx: AppContext, actor: Actor, id: string, version: number, input: JobOpeningInput): Promise<OpeningOutput> {
  assertManageLabourServices(actor, '修改岗位');
  const current = toOutput(await loadForWrite(ctx, actor, id), actor, today(ctx));
  await checkInput(ctx, actor, input);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateOpening(trx, id, version, input))) throw new ConflictError('该岗位已被他人修改，请查看最新内容后重试', current);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'job_opening', entityId: id, divisionCode: input.divisionCode, before: current, after: input });
  });
  return getOpening(ctx, actor, id);
}

export async function deleteOpening(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  assertManageLabourServices(actor, '删除岗位');
  const current = toOutput(await loadForWrite(ctx, actor, id), actor, today(ctx));
  if (current.referrals > 0) throw new ConflictError(`该岗位已推送 ${current.referrals} 人次，不能删除；不再招聘请将状态改为“已结束”`);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteOpening(trx, id, version))) throw new ConflictError('该岗位已被他人修改，请刷新后重试', current);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'delete', entity: 'job_opening', entityId: id, divisionCode: current.divisionCode, before: current, after: null });
  });
}
