/**
 * Who holds a public-welfare post, and who should come first for one (SPEC §5): weak and half
 * labour, zero-employment families, disabled and older workers (SX-2021 (六); XX-2020 二(三);
 * GZ-2022 9).
 */
import { OLDER_WORKER_AGE, welfarePriorities, type HoldingEnd, type HoldingStart, type WelfarePriority } from '@anju/core';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { Page } from '../../platform/paging.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { toPersonBrief } from '../persons/person-brief.js';
import { findPersonForAttach } from '../persons/person-brief-repo.js';
import { labourForceBirthWindow, labourForceSetting } from '../settings/labour-force-setting.js';
import * as repo from './holding-repo.js';
import { listCandidates, type CandidateRow } from './candidate-repo.js';
import { assertManagePosts, assertReadPosts, loadPost } from './welfare-post-service.js';
import type { CandidateOutput, HoldingOutput } from './welfare-post-schemas.js';

function toOutput(h: repo.HoldingRow, on: string): HoldingOutput {
  return {
    id: String(h.id),
    postId: String(h.post_id),
    person: toPersonBrief(h, on),
    startDate: h.start_date,
    endDate: h.end_date,
    endReason: h.end_reason,
    current: h.end_date === null,
  };
}

export async function listHoldings(ctx: AppContext, actor: Actor, postId: string): Promise<HoldingOutput[]> {
  assertReadPosts(actor);
  await loadPost(ctx, actor, postId);
  const on = today(ctx);
  return (await repo.listHoldings(ctx.db, postId)).map((h) => toOutput(h, on));
}

async function holdingOf(ctx: AppContext, postId: string, holdingId: string): Promise<HoldingOutput> {
  const found = (await repo.listHoldings(ctx.db, postId)).find((h) => String(h.id) === holdingId);
  if (!found) throw new NotFoundError('任职记录');
  return toOutput(found, today(ctx));
}

/**
 * 上岗. The person lives in the post's division and holds no other post (一人一岗). A post has at
 * most one current holder: the partial unique index decides, so two clerks at once cannot both win.
 */
export async function assignHolder(ctx: AppContext, actor: Actor, postId: string, input: HoldingStart): Promise<HoldingOutput> {
  assertManagePosts(actor);
  const post = await loadPost(ctx, actor, postId);
  if (!post.active) throw new ConflictError(`岗位「${post.title}」已停用，不能安排人员`);
  const person = await findPersonForAttach(ctx.db, input.personId, actor.divisionCode);
  if (!person) throw new ValidationError('人员不存在或不在本人管辖范围内', [{ path: 'personId', message: '人员不存在或无权访问' }]);
  if (person.household_status !== 'active') throw new ValidationError(`${person.person_name} 所在户 ${person.household_no} 已注销，不能上岗`, [{ path: 'personId', message: '所在户已注销' }]);
  if (!person.dest_division_code.startsWith(post.division_code)) {
    throw new ValidationError(`${person.person_name} 不在岗位所在安置点「${post.site_name}」的区划内`, [{ path: 'personId', message: '不在岗位所在区划内' }]);
  }
  const last = await repo.lastEndDate(ctx.db, postId);
  if (last && input.startDate < last) throw new ValidationError(`上岗日期不能早于上一任离岗日期 ${last}`, [{ path: 'startDate', message: `不能早于 ${last}` }]);
  const others = (await repo.currentPostsOf(ctx.db, input.personId)).filter((p) => String(p.id) !== postId);
  if (others.length > 0) throw new ConflictError(`${person.person_name} 现在岗「${others[0]!.title}」，一人同时只能在一个公益岗位`);
  let id: string;
  try {
    id = await ctx.db.transaction().execute(async (trx) => {
      const { id } = await repo.insertHolding(trx, { post_id: postId, person_id: input.personId, start_date: input.startDate });
      await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'create', entity: 'welfare_post_holding', entityId: String(id), divisionCode: post.division_code, before: null, after: { postId, personId: input.personId, startDate: input.startDate } });
      return String(id);
    });
  } catch (error) {
    if (!isUniqueViolation(error, 'welfare_post_current_idx')) throw error;
    const holder = await repo.currentHolderName(ctx.db, postId);
    throw new ConflictError(`岗位「${post.title}」现由 ${holder ?? '他人'} 在岗，须先办理其离岗，才能安排新的人员`);
  }
  return holdingOf(ctx, postId, id);
}

/** 离岗: closes the current holding; ended holdings stay as the post's history. */
export async function endHolding(ctx: AppContext, actor: Actor, postId: string, holdingId: string, input: HoldingEnd): Promise<HoldingOutput> {
  assertManagePosts(actor);
  const post = await loadPost(ctx, actor, postId);
  const holding = /^\d+$/.test(holdingId) ? await repo.findHolding(ctx.db, postId, holdingId) : undefined;
  if (!holding) throw new NotFoundError('任职记录');
  if (holding.end_date !== null) throw new ConflictError(`该任职已于 ${holding.end_date} 结束`);
  if (input.endDate < holding.start_date) throw new ValidationError(`离岗日期不能早于上岗日期 ${holding.start_date}`, [{ path: 'endDate', message: `不能早于上岗日期 ${holding.start_date}` }]);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.endHolding(trx, holdingId, input.endDate, input.reason))) throw new ConflictError('该任职已被他人办理离岗，请刷新后重试');
    await appendAudit(trx, {
      userId: actor.userId,
      username: actor.username,
      action: 'update',
      entity: 'welfare_post_holding',
      entityId: holdingId,
      divisionCode: post.division_code,
      before: { postId, personId: String(holding.person_id), startDate: holding.start_date, endDate: null, endReason: null },
      after: { postId, personId: String(holding.person_id), startDate: holding.start_date, endDate: input.endDate, endReason: input.reason },
    });
  });
  return holdingOf(ctx, postId, holdingId);
}

function reasonsOf(c: CandidateRow): { priorities: WelfarePriority[]; reasons: string[] } {
  const priorities: WelfarePriority[] = [];
  if (c.weak_labour) priorities.push('weak_labour');
  if (c.zero_employment) priorities.push('zero_employment');
  if (c.disabled) priorities.push('disabled');
  if (c.older_worker) priorities.push('older_worker');
  const reasons = priorities.map((p) => (p === 'disabled' && c.disability_grade ? `残疾（${c.disability_grade}级）` : welfarePriorities.labels[p]));
  return { priorities, reasons };
}

/** The labour force of the post's division without a post now, priority groups first. */
export async function listPostCandidates(ctx: AppContext, actor: Actor, postId: string, page: number, pageSize: number): Promise<Page<CandidateOutput>> {
  assertReadPosts(actor);
  const post = await loadPost(ctx, actor, postId);
  const on = today(ctx);
  const ages = labourForceBirthWindow(await labourForceSetting(ctx, post.division_code), on);
  // Born on or before the day OLDER_WORKER_AGE years ago = that old or older today.
  const older = labourForceBirthWindow({ minAge: OLDER_WORKER_AGE, maxAge: OLDER_WORKER_AGE }, on).bornOnOrBefore;
  const { items, total } = await listCandidates(ctx.db, { divisionCode: post.division_code, scope: actor.divisionCode, ...ages, olderBornOnOrBefore: older }, page, pageSize);
  return {
    items: items.map((c) => ({ person: toPersonBrief(c, on), labourCapacity: c.labour_capacity, ...reasonsOf(c) })),
    total,
    page,
    pageSize,
  };
}
