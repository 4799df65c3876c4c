import { can, type EmployerInput } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { OUT_OF_SCOPE } from '../../platform/out-of-scope.js';
import type { Page } from '../../platform/paging.js';
import { appendAudit } from '../audit/audit-repo.js';
import { divisionExists } from '../divisions/division-repo.js';
import { findSite } from '../sites/site-repo.js';
import * as repo from './employer-repo.js';
import type { EmployerOutput } from './employer-schemas.js';

function toOutput(e: repo.EmployerRow): EmployerOutput {
  return {
    id: String(e.id),
    creditCode: e.credit_code,
    name: e.name,
    kind: e.kind,
    countyCode: e.county_code,
    divisionCode: e.division_code,
    siteId: e.site_id === null ? null : String(e.site_id),
    siteName: e.site_name,
    startDate: e.start_date,
    foundedByRelocated: e.founded_by_relocated,
    positions: e.positions,
    relocatedEmployed: e.relocated_employed,
    version: e.version,
    updatedAt: e.updated_at.toISOString(),
  };
}

function assertCan(actor: Actor, write: boolean): void {
  if (!can(actor.role, write ? 'registry.write' : 'registry.read')) throw new ForbiddenError(write ? '无权修改经营主体' : '无权查看经营主体');
}

async function checkInput(ctx: AppContext, actor: Actor, input: EmployerInput, selfId?: string): Promise<void> {
  if (!input.divisionCode.startsWith(actor.divisionCode) || !(await divisionExists(ctx.db, input.divisionCode))) {
    throw new ValidationError('所在行政区划不存在或超出本人管辖范围', [{ path: 'divisionCode', message: '行政区划不存在或超出管辖范围' }]);
  }
  if (input.siteId !== null && !(await findSite(ctx.db, String(input.siteId), actor.divisionCode))) {
    throw new ValidationError('安置点不存在或不在本人管辖范围内', [{ path: 'siteId', message: '安置点不存在或无权访问' }]);
  }
  if (input.creditCode) {
    // Named only inside the actor's division; outside it, one answer that describes nothing.
    const other = await repo.findEmployerByCreditCode(ctx.db, input.creditCode);
    if (other && String(other.id) !== selfId) {
      if (!other.division_code.startsWith(actor.divisionCode)) throw new ConflictError(OUT_OF_SCOPE.creditCode(input.creditCode));
      throw new ConflictError(`统一社会信用代码 ${input.creditCode} 已登记为「${other.name}」`);
    }
  }
}

async function load(ctx: AppContext, actor: Actor, id: string) {
  const row = /^\d+$/.test(id) ? await repo.findEmployer(ctx.db, id, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('经营主体');
  return row;
}

export async function getEmployer(ctx: AppContext, actor: Actor, id: string): Promise<EmployerOutput> {
  assertCan(actor, false);
  return toOutput(await load(ctx, actor, id));
}

export async function listEmployers(
  ctx: AppContext,
  actor: Actor,
  query: { q?: string; kind?: string; divisionCode?: string; sort: repo.EmployerSort; desc: 'true' | 'false'; page: number; pageSize: number },
): Promise<Page<EmployerOutput>> {
  assertCan(actor, false);
  const { items, total } = await repo.listEmployers(ctx.db, { ...query, scope: actor.divisionCode }, query.sort, query.desc === 'true', query.page, query.pageSize);
  return { items: items.map(toOutput), total, page: query.page, pageSize: query.pageSize };
}

export async function createEmployer(ctx: AppContext, actor: Actor, input: EmployerInput): Promise<EmployerOutput> {
  assertCan(actor, true);
  await checkInput(ctx, actor, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertEmployer(trx, input);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'create', entity: 'employer', entityId: String(id), divisionCode: input.divisionCode, before: null, after: input });
    return String(id);
  });
  return getEmployer(ctx, actor, id);
}

export async function updateEmployer(ctx: AppContext, actor: Actor, id: string, version: number, input: EmployerInput): Promise<EmployerOutput> {
  assertCan(actor, true);
  const current = toOutput(await load(ctx, actor, id));
  await checkInput(ctx, actor, input, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateEmployer(trx, id, version, input))) throw new ConflictError('该经营主体已被他人修改，请查看最新内容后重试', current);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'employer', entityId: id, divisionCode: input.divisionCode, before: current, after: input });
  });
  return getEmployer(ctx, actor, id);
}

export async function deleteEmployer(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  assertCan(actor, true);
  const current = toOutput(await load(ctx, actor, id));
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteEmployer(trx, id, version))) throw new ConflictError('该经营主体已被他人修改，请刷新后重试', current);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'delete', entity: 'employer', entityId: id, divisionCode: current.divisionCode, before: current, after: null });
  });
}
