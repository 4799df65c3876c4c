/** The public-welfare post catalogue per site 公益岗位 (SPEC §5); 人社 work manages it. */
import { can, type WelfarePostInput } from '@anju/core';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { askedDivision } from '../../platform/division-scope.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { assertManageLabourServices } from '../../platform/labour-services-access.js';
import type { Page } from '../../platform/paging.js';
import { appendAudit } from '../audit/audit-repo.js';
import { toPersonBrief, type PersonBriefRow } from '../persons/person-brief.js';
import { findSite } from '../sites/site-repo.js';
import * as repo from './welfare-post-repo.js';
import { countHoldings } from './holding-repo.js';
import { welfarePostFigures } from './welfare-post-figures-repo.js';
import type { PostOutput } from './welfare-post-schemas.js';

function toOutput(w: repo.PostRow, on: string): PostOutput {
  const holder =
    w.holding_id !== null && w.person_id !== null
      ? { ...toPersonBrief(w as PersonBriefRow, on), holdingId: String(w.holding_id), startDate: w.holding_start_date! }
      : null;
  return {
    id: String(w.id),
    siteId: String(w.site_id),
    siteName: w.site_name,
    divisionCode: w.division_code,
    title: w.title,
    duty: w.duty,
    grade: w.grade,
    monthlyPay: Number(w.monthly_pay),
    funding: w.funding,
    active: w.active,
    currentHolder: holder,
    version: w.version,
    updatedAt: w.updated_at.toISOString(),
  };
}

/** What the audit log keeps of a post: the input's fields, so before and after compare. */
function audited(w: PostOutput) {
  return { siteId: Number(w.siteId), title: w.title, duty: w.duty, grade: w.grade, monthlyPay: w.monthlyPay, funding: w.funding, active: w.active };
}

export function assertReadPosts(actor: Actor): void {
  if (!can(actor.role, 'registry.read')) throw new ForbiddenError('无权查看公益岗位');
}

export function assertManagePosts(actor: Actor): void {
  assertManageLabourServices(actor, '管理公益岗位（须为人社部门或乡镇、县级业务人员）');
}

/** A post outside the actor's division answers exactly as a missing one. */
export async function loadPost(ctx: AppContext, actor: Actor, id: string): Promise<repo.PostRow> {
  const row = /^\d+$/.test(id) ? await repo.findPost(ctx.db, id, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('公益岗位');
  return row;
}

async function siteOf(ctx: AppContext, actor: Actor, input: WelfarePostInput) {
  const site = await findSite(ctx.db, String(input.siteId), actor.divisionCode);
  if (!site) throw new ValidationError('安置点不存在或不在本人管辖范围内', [{ path: 'siteId', message: '安置点不存在或无权访问' }]);
  return site;
}

export async function getPost(ctx: AppContext, actor: Actor, id: string): Promise<PostOutput> {
  assertReadPosts(actor);
  return toOutput(await loadPost(ctx, actor, id), today(ctx));
}

export async function listPosts(
  ctx: AppContext,
  actor: Actor,
  query: Omit<repo.PostFilter, 'scope' | 'active' | 'vacant'> & { active?: 'true' | 'false'; vacant?: 'true' | 'false'; sort: repo.PostSort; desc: 'true' | 'false'; page: number; pageSize: number },
): Promise<Page<PostOutput>> {
  assertReadPosts(actor);
  const { sort, desc, page, pageSize, active, vacant, ...filter } = query;
  const flag = (v?: 'true' | 'false') => (v === undefined ? undefined : v === 'true');
  const on = today(ctx);
  const { items, total } = await repo.listPosts(ctx.db, { ...filter, active: flag(active), vacant: flag(vacant), scope: actor.divisionCode }, sort, desc === 'true', page, pageSize);
  return { items: items.map((w) => toOutput(w, on)), total, page, pageSize };
}

export async function createPost(ctx: AppContext, actor: Actor, input: WelfarePostInput): Promise<PostOutput> {
  assertManagePosts(actor);
  const site = await siteOf(ctx, actor, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertPost(trx, repo.postColumns(input, site));
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'create', entity: 'welfare_post', entityId: String(id), divisionCode: site.division_code, before: null, after: input });
    return String(id);
  });
  return getPost(ctx, actor, id);
}

export async function updatePost(ctx: AppContext, actor: Actor, id: string, version: number, input: WelfarePostInput): Promise<PostOutput> {
  assertManagePosts(actor);
  const current = toOutput(await loadPost(ctx, actor, id), today(ctx));
  const site = await siteOf(ctx, actor, input);
  if (current.currentHolder) {
    const holder = current.currentHolder.name;
    if (!input.active) throw new ValidationError(`${holder} 仍在岗，请先办理离岗再停用岗位`, [{ path: 'active', message: '仍有人在岗' }]);
    if (String(input.siteId) !== current.siteId) throw new ValidationError(`${holder} 仍在岗，不能把岗位改到其他安置点`, [{ path: 'siteId', message: '仍有人在岗' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updatePost(trx, id, version, repo.postColumns(input, site)))) throw new ConflictError('该公益岗位已被他人修改，请查看最新内容后重试', current);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'welfare_post', entityId: id, divisionCode: site.division_code, before: audited(current), after: input });
  });
  return getPost(ctx, actor, id);
}

/** Only a post nobody ever held; one with history is kept and set inactive instead. */
export async function deletePost(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  assertManagePosts(actor);
  const current = toOutput(await loadPost(ctx, actor, id), today(ctx));
  const holdings = await countHoldings(ctx.db, id);
  if (holdings > 0) throw new ConflictError(`该岗位已有 ${holdings} 条任职记录，不能删除；不再设置的岗位请改为停用`);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deletePost(trx, id, version))) throw new ConflictError('该公益岗位已被他人修改，请刷新后重试', current);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'delete', entity: 'welfare_post', entityId: id, divisionCode: current.divisionCode, before: audited(current), after: null });
  });
}

/** Posts and filled posts of a division inside the actor's own (outside it: refused). */
export async function figures(ctx: AppContext, actor: Actor, divisionCode: string, on: string | undefined) {
  assertReadPosts(actor);
  const scope = askedDivision(actor, divisionCode);
  const day = on ?? today(ctx);
  return { divisionCode: scope, on: day, ...(await welfarePostFigures(ctx.db, scope, day)) };
}
