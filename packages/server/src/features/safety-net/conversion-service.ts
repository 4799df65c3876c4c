/**
 * 低保/特困城乡转换 (XX-2020 三(三); docs/MONITORING.md §5): a rural recipient living at an urban
 * site is confirmed, and converted within `conversion` working days; completing it changes the
 * person's safety-net state to the urban counterpart in the same audited transaction.
 */
import { ageOn, can, maskIdNumber, URBAN_SAFETY_NET, type ConversionCancel, type ConversionComplete, type ConversionInput, type RuralSafetyNet } from '@anju/core';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { Page } from '../../platform/paging.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { calendarOf } from '../calendar/working-days.js';
import { monitoringDeadlines } from '../monitoring/monitoring-settings.js';
import * as repo from './conversion-repo.js';
import type { CandidateOutput, ConversionListQuery, ConversionOutput } from './conversion-schemas.js';

/** County monitors and administrators (monitoring.approve), and 民政 department users. */
export function assertConversions(actor: Actor): void {
  const civilAffairs = actor.role === 'department' && actor.department === 'civil_affairs';
  if (!can(actor.role, 'monitoring.approve') && !civilAffairs) throw new ForbiddenError('无权办理低保特困城乡转换（县监测员或民政部门）');
}

function scope(actor: Actor, division: string | undefined): string {
  const code = division ?? actor.divisionCode;
  if (!code.startsWith(actor.divisionCode)) throw new NotFoundError('行政区划');
  return code;
}

type PersonColumns = { person_id: string; person_name: string; sex: string; birth_date: string; id_number: string; household_id: string; household_no: string; dest_division_code: string; division_name: string | null };

function personOf(r: PersonColumns, on: string) {
  return {
    personId: String(r.person_id), name: r.person_name, sex: r.sex, age: ageOn(r.birth_date, on), idNumber: maskIdNumber(r.id_number),
    householdId: String(r.household_id), householdNo: r.household_no, divisionCode: r.dest_division_code, divisionName: r.division_name ?? '',
  };
}

function toOutput(r: repo.ConversionRow, on: string): ConversionOutput {
  return {
    id: String(r.id), ...personOf(r, on), fromState: r.from_state, toState: r.to_state, confirmedOn: r.confirmed_on, dueOn: r.due_on,
    completedOn: r.completed_on, status: r.status as ConversionOutput['status'], note: r.note, overdue: r.overdue, version: r.version,
  };
}

export async function listCandidates(ctx: AppContext, actor: Actor, q: { division?: string; page: number; pageSize: number }): Promise<Page<CandidateOutput>> {
  assertConversions(actor);
  const on = today(ctx);
  const { rows, total } = await repo.listCandidates(ctx.db, scope(actor, q.division), q.pageSize, (q.page - 1) * q.pageSize);
  const items = rows.map((r) => ({ ...personOf(r, on), siteName: r.site_name, safetyNet: r.safety_net as RuralSafetyNet, toState: URBAN_SAFETY_NET[r.safety_net as RuralSafetyNet] }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function listConversions(ctx: AppContext, actor: Actor, q: ConversionListQuery): Promise<Page<ConversionOutput>> {
  assertConversions(actor);
  const on = today(ctx);
  const filter = { division: scope(actor, q.division), status: q.status, overdue: q.overdue === undefined ? undefined : q.overdue === 'true', today: on };
  const { rows, total } = await repo.listConversions(ctx.db, filter, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map((r) => toOutput(r, on)), total, page: q.page, pageSize: q.pageSize };
}

async function load(ctx: AppContext, actor: Actor, id: string): Promise<ConversionOutput> {
  const on = today(ctx);
  const row = /^\d+$/.test(id) ? await repo.findConversion(ctx.db, id, { division: actor.divisionCode, today: on }) : undefined;
  if (!row) throw new NotFoundError('城乡转换记录');
  return toOutput(row, on);
}

function notAfterToday(ctx: AppContext, date: string, path: string, what: string): void {
  if (date > today(ctx)) throw new ValidationError(`${what}不能晚于今天`, [{ path, message: '不能晚于今天' }]);
}

export async function createConversion(ctx: AppContext, actor: Actor, input: ConversionInput): Promise<ConversionOutput> {
  assertConversions(actor);
  notAfterToday(ctx, input.confirmedOn, 'confirmedOn', '确认日期');
  const person = await repo.findCandidate(ctx.db, input.personId, actor.divisionCode);
  if (!person) throw new ValidationError('该人员不是待转换对象（须为住城镇安置点的农村低保、特困人员，且没有待办的转换）', [{ path: 'personId', message: '不是待转换对象' }]);
  const deadlines = await monitoringDeadlines(ctx.db, person.county_code, input.confirmedOn);
  const dueOn = (await calendarOf(ctx.db, { estimate: true })).addWorkingDays(input.confirmedOn, deadlines.conversion);
  const row: repo.NewConversion = {
    person_id: person.person_id, household_id: person.household_id, county_code: person.county_code, dest_division_code: person.dest_division_code,
    from_state: person.safety_net as RuralSafetyNet, to_state: URBAN_SAFETY_NET[person.safety_net as RuralSafetyNet], confirmed_on: input.confirmedOn, due_on: dueOn,
    note: input.note, created_by: actor.username,
  };
  try {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const newId = await repo.insertConversion(trx, row);
      await appendAudit(trx, {
        userId: actor.userId, username: actor.username, action: 'create', entity: 'safety_net_conversion', entityId: newId, divisionCode: row.dest_division_code,
        before: null, after: { personId: row.person_id, fromState: row.from_state, toState: row.to_state, confirmedOn: row.confirmed_on, dueOn, note: row.note },
      });
      return newId;
    });
    return load(ctx, actor, id);
  } catch (error) {
    if (isUniqueViolation(error, 'safety_net_conversion_pending_idx')) throw new ConflictError('该人员已有待办的城乡转换');
    throw error;
  }
}

export async function completeConversion(ctx: AppContext, actor: Actor, id: string, input: ConversionComplete): Promise<ConversionOutput> {
  assertConversions(actor);
  const current = await load(ctx, actor, id);
  if (current.status !== 'pending') throw new ConflictError('该转换已办结或已撤销', current);
  notAfterToday(ctx, input.completedOn, 'completedOn', '转换完成日期');
  if (input.completedOn < current.confirmedOn) throw new ValidationError('转换完成日期不能早于确认日期', [{ path: 'completedOn', message: '早于确认日期' }]);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.closeConversion(trx, id, input.version, { status: 'completed', completed_on: input.completedOn }))) {
      throw new ConflictError('该转换已被他人修改，请刷新后重试', current);
    }
    const person = await repo.setSafetyNet(trx, current.personId, current.fromState, current.toState);
    if (!person) throw new ConflictError('该人员的低保特困状况已不是转换前的状况，请核实后撤销本次转换', current);
    const audit = { userId: actor.userId, username: actor.username, divisionCode: current.divisionCode };
    await appendAudit(trx, { ...audit, action: 'complete', entity: 'safety_net_conversion', entityId: id, before: { status: 'pending' }, after: { status: 'completed', completedOn: input.completedOn } });
    await appendAudit(trx, { ...audit, action: 'update', entity: 'person', entityId: current.personId, before: { safetyNet: current.fromState }, after: { safetyNet: current.toState, conversionId: id } });
  });
  return load(ctx, actor, id);
}

export async function cancelConversion(ctx: AppContext, actor: Actor, id: string, input: ConversionCancel): Promise<ConversionOutput> {
  assertConversions(actor);
  const current = await load(ctx, actor, id);
  if (current.status !== 'pending') throw new ConflictError('该转换已办结或已撤销', current);
  // The reason is kept with the record, after any note written when it was confirmed.
  const note = [current.note, `撤销原因：${input.reason}`].filter(Boolean).join('；');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.closeConversion(trx, id, input.version, { status: 'cancelled', note }))) throw new ConflictError('该转换已被他人修改，请刷新后重试', current);
    await appendAudit(trx, {
      userId: actor.userId, username: actor.username, action: 'cancel', entity: 'safety_net_conversion', entityId: id, divisionCode: current.divisionCode,
      before: { status: 'pending' }, after: { status: 'cancelled', reason: input.reason },
    });
  });
  return load(ctx, actor, id);
}
