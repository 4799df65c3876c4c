/**
 * Referrals (岗位推送, XX-2020 二(七)): a person pushed to an opening, once, and what came of it.
 * A referral is the actor's when both the opening reaches them and the person lives in their
 * division.
 */
import { ageOn, maskIdNumber, type ReferralInput, type ReferralOutcomeInput } from '@anju/core';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { assertManageLabourServices } from '../../platform/labour-services-access.js';
import type { Page } from '../../platform/paging.js';
import { appendAudit } from '../audit/audit-repo.js';
import { findPerson } from '../persons/person-repo.js';
import * as repo from './job-referral-repo.js';
import type { ReferralOutput } from './job-opening-schemas.js';
import { assertRead, loadOpening } from './job-opening-service.js';

function toOutput(r: repo.ReferralRow, on: string): ReferralOutput {
  return {
    id: String(r.id),
    openingId: String(r.opening_id),
    openingTitle: r.opening_title,
    employerName: r.employer_name,
    partner: r.partner,
    personId: String(r.person_id),
    name: r.name,
    sex: r.sex,
    age: ageOn(r.birth_date, on),
    idNumber: maskIdNumber(r.id_number),
    divisionCode: r.dest_division_code,
    referredOn: r.referred_on,
    outcome: r.outcome,
    outcomeOn: r.outcome_on,
    note: r.note,
    version: r.version,
  };
}

async function loadReferral(ctx: AppContext, actor: Actor, openingId: string, referralId: string): Promise<repo.ReferralRow> {
  const row = /^\d+$/.test(referralId) ? await repo.findReferral(ctx.db, openingId, referralId) : undefined;
  if (!row || !row.dest_division_code.startsWith(actor.divisionCode)) throw new NotFoundError('推送记录');
  return row;
}

export async function refer(ctx: AppContext, actor: Actor, openingId: string, input: ReferralInput): Promise<ReferralOutput> {
  assertManageLabourServices(actor, '推送岗位');
  const opening = await loadOpening(ctx, actor, openingId);
  const on = today(ctx);
  if (opening.status !== 'open') throw new ConflictError(`岗位「${opening.title}」已结束招聘，不能推送`);
  if (opening.open_until !== null && opening.open_until < on) throw new ConflictError(`岗位「${opening.title}」已过截止日期（${opening.open_until}），不能推送`);
  const referredOn = input.referredOn ?? on;
  if (referredOn > on) throw new ValidationError('推送日期不能晚于今天', [{ path: 'referredOn', message: '推送日期不能晚于今天' }]);
  const person = await findPerson(ctx.db, input.personId, actor.divisionCode);
  if (!person) throw new ValidationError('人员不存在或不在本人管辖范围内', [{ path: 'personId', message: '人员不存在或无权访问' }]);
  if (!person.dest_division_code.startsWith(opening.division_code)) {
    throw new ValidationError('该人员不在岗位的对接区划内', [{ path: 'personId', message: '该人员不在岗位的对接区划内' }]);
  }
  const duplicate = (referredOnBefore: string) => new ConflictError(`${person.name}已于 ${referredOnBefore} 推送到岗位「${opening.title}」，同一人不能重复推送到同一岗位`);
  const existing = await repo.findReferralOf(ctx.db, String(opening.id), input.personId);
  if (existing) throw duplicate(existing.referred_on);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertReferral(trx, { openingId: String(opening.id), personId: input.personId, destDivisionCode: person.dest_division_code, referredOn, note: input.note });
    if (!inserted) throw duplicate(referredOn);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'create', entity: 'job_referral', entityId: String(inserted.id), divisionCode: person.dest_division_code, before: null, after: { openingId: String(opening.id), personId: input.personId, referredOn, note: input.note } });
    return String(inserted.id);
  });
  return toOutput(await loadReferral(ctx, actor, String(opening.id), id), on);
}

export async function recordOutcome(ctx: AppContext, actor: Actor, openingId: string, referralId: string, input: ReferralOutcomeInput): Promise<ReferralOutput> {
  assertManageLabourServices(actor, '登记对接结果');
  const opening = await loadOpening(ctx, actor, openingId);
  const row = await loadReferral(ctx, actor, String(opening.id), referralId);
  const on = today(ctx);
  const current = toOutput(row, on);
  if (input.outcomeOn > on) throw new ValidationError('结果日期不能晚于今天', [{ path: 'outcomeOn', message: '结果日期不能晚于今天' }]);
  if (input.outcomeOn < row.referred_on) throw new ValidationError(`结果日期不能早于推送日期（${row.referred_on}）`, [{ path: 'outcomeOn', message: `不能早于推送日期 ${row.referred_on}` }]);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateOutcome(trx, referralId, input.version, input))) throw new ConflictError('该推送记录已被他人修改，请查看最新内容后重试', current);
    const before = { outcome: row.outcome, outcomeOn: row.outcome_on, note: row.note };
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'job_referral', entityId: referralId, divisionCode: row.dest_division_code, before, after: { outcome: input.outcome, outcomeOn: input.outcomeOn, note: input.note } });
  });
  return toOutput(await loadReferral(ctx, actor, String(opening.id), referralId), on);
}

export async function referralsOfOpening(ctx: AppContext, actor: Actor, openingId: string, page: number, pageSize: number): Promise<Page<ReferralOutput>> {
  assertRead(actor);
  const opening = await loadOpening(ctx, actor, openingId);
  const { items, total } = await repo.listOfOpening(ctx.db, String(opening.id), actor.divisionCode, page, pageSize);
  const on = today(ctx);
  return { items: items.map((r) => toOutput(r, on)), total, page, pageSize };
}

export async function referralsOfPerson(ctx: AppContext, actor: Actor, personId: string): Promise<ReferralOutput[]> {
  assertRead(actor);
  const person = /^\d+$/.test(personId) ? await findPerson(ctx.db, personId, actor.divisionCode) : undefined;
  if (!person) throw new NotFoundError('人员');
  const on = today(ctx);
  return (await repo.listOfPerson(ctx.db, personId)).map((r) => toOutput(r, on));
}
