/**
 * Taking a step of a case (docs/MONITORING.md §1). Checks run in the order a user can act on:
 * the right to act (403), the version read (409), the step (409), what the step needs (400);
 * then the case, its timeline event, the household's category where it changes and the audit
 * entries are written in one transaction, at the version read.
 */
import type { Updateable } from 'kysely';
import type { CaseCategory, HouseholdKind } from '@anju/core';
import type { MonitoringCaseTable } from '../../db/schema-monitoring-cases.js';
import { today as todayOf, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { calendarOf, type WorkingCalendar } from '../calendar/working-days.js';
import { monitoringDeadlines } from '../monitoring/monitoring-settings.js';
import { canWorkCases, loadCase } from './case-access.js';
import { addCalendarDays, addMonthsToDate, noticeEndOf, stepDueOf } from './case-deadlines.js';
import { rejectionTarget, type CaseStep } from './case-flow.js';
import { departmentRecordsOf } from './case-facts-repo.js';
import * as repo from './case-repo.js';
import { permissionBlocker, preconditionBlocker, stepBlocker } from './case-rules.js';
import type { ActionInput } from './case-schemas.js';
import { assertCategoryFits, caseDetailOf } from './case-service.js';
import { assertEliminable } from './elimination-check.js';
import { evidenceKindsOf } from './evidence-repo.js';

interface Change {
  to: CaseStep;
  values: Updateable<MonitoringCaseTable>;
  data: Record<string, unknown>;
  note: string | null;
  /** The household's monitoring category after the step, when it changes. */
  category?: string;
}

interface StepContext {
  ctx: AppContext;
  row: repo.CaseRow;
  today: string;
  cal: WorkingCalendar;
  noticeDays: number;
  due: (step: CaseStep, noticeEnd?: string | null) => string | null;
}

function notAfterToday(date: string, today: string, path: string, label: string) {
  if (date > today) throw new ValidationError(`${label}不能晚于今天`, [{ path, message: `${label}不能晚于今天（${today}）` }]);
}

function noticeDates(s: StepContext, start: string, notBefore: string | null) {
  if (notBefore && start < notBefore) throw new ValidationError(`公示开始日期不能早于${notBefore}`, [{ path: 'noticeStart', message: `不能早于${notBefore}` }]);
  return { notice_start: start, notice_end: noticeEndOf(start, s.noticeDays) };
}

async function changeOf(s: StepContext, input: ActionInput): Promise<Change> {
  const { row, today } = s;
  switch (input.action) {
    case 'verify':
      notAfterToday(input.commitmentSignedOn, today, 'commitmentSignedOn', '承诺书签订日期');
      notAfterToday(input.authorizationSignedOn, today, 'authorizationSignedOn', '授权书签订日期');
      return {
        to: 'verified', note: input.note,
        values: { commitment_signed_on: input.commitmentSignedOn, authorization_signed_on: input.authorizationSignedOn, step_due: s.due('verified') },
        data: { commitmentSignedOn: input.commitmentSignedOn, authorizationSignedOn: input.authorizationSignedOn },
      };
    case 'compare': {
      const from = addCalendarDays(addMonthsToDate(today, -12), 1);
      const records = await departmentRecordsOf(s.ctx.db, row.household_id, from, today);
      const departmentRecords = records.map((r) => ({
        id: r.id, department: r.department, kind: r.kind, personId: r.person_id, name: r.name, occurredOn: r.occurred_on, period: r.period,
        amount: r.amount === null ? null : Number(r.amount), detail: r.detail, sourceFile: r.source_file,
      }));
      return { to: 'compared', note: input.note, values: { step_due: s.due('compared') }, data: { from, to: today, departmentRecords } };
    }
    case 'notice': {
      const dates = noticeDates(s, input.noticeStart, row.lead_on);
      return { to: 'notice', note: input.note, values: { ...dates, step_due: s.due('notice', dates.notice_end) }, data: { noticeStart: dates.notice_start, noticeEnd: dates.notice_end } };
    }
    case 'township_review':
      return { to: 'township_reviewed', note: input.note, values: { step_due: s.due('township_reviewed') }, data: {} };
    case 'county_approve':
      // The household's kind may have been corrected since the lead: its category must still fit.
      assertCategoryFits(row.household_kind as HouseholdKind, row.category as CaseCategory, '；请退回本案件，按现在的户类型重新登记线索');
      return { to: 'monitored', note: input.note, values: { monitored_on: today, step_due: null }, data: { monitoredOn: today }, category: row.category };
    case 'reject': {
      const to = rejectionTarget(row.step)!;
      const values: Updateable<MonitoringCaseTable> = to === 'rejected'
        ? { rejected_step: row.step, rejected_reason: input.reason, closed_on: today, step_due: null }
        : { elimination_proposed_on: null, notice_start: null, notice_end: null, step_due: null };
      return { to, note: input.reason, values, data: { reason: input.reason } };
    }
    case 'propose_elimination': {
      const conditions = await assertEliminable(s.ctx, row, today);
      const dates = noticeDates(s, input.noticeStart, row.monitored_on);
      return {
        to: 'elimination_notice', note: input.note,
        values: { ...dates, elimination_proposed_on: today, step_due: s.due('elimination_notice', dates.notice_end) },
        data: { noticeStart: dates.notice_start, noticeEnd: dates.notice_end, conditions },
      };
    }
    case 'approve_elimination': {
      const conditions = await assertEliminable(s.ctx, row, today);
      return { to: 'eliminated', note: input.note, values: { eliminated_on: today, closed_on: today, step_due: null }, data: { conditions }, category: 'none' };
    }
  }
}

const stale = (row: repo.CaseRow) => new ConflictError('案件已被他人办理，请刷新后重试', { id: row.id, step: row.step, version: row.version });

export async function takeAction(ctx: AppContext, actor: Actor, id: string, input: ActionInput) {
  const row = await loadCase(ctx, actor, id);
  if (!canWorkCases(actor)) throw new ForbiddenError('无权办理监测案件');
  const denied = permissionBlocker(actor, input.action, row.step);
  if (denied) throw new ForbiddenError(denied);
  if (row.version !== input.version) throw stale(row);
  const wrongStep = stepBlocker(input.action, row.step);
  if (wrongStep) throw new ConflictError(wrongStep);
  const today = todayOf(ctx);
  const blocked = preconditionBlocker(input.action, row, today, await evidenceKindsOf(ctx.db, row.id));
  if (blocked) throw new ValidationError(blocked, [{ path: input.action === 'verify' ? 'evidence' : 'noticeEnd', message: blocked }]);

  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const [cal, deadlines] = await Promise.all([calendarOf(trx, { estimate: true }), monitoringDeadlines(trx, row.county_code, today)]);
    const due = (step: CaseStep, noticeEnd: string | null = null) => stepDueOf(step, cal, deadlines, { today, wholeDue: row.whole_due, noticeEnd });
    const change = await changeOf({ ctx: { ...ctx, db: trx }, row, today, cal, noticeDays: deadlines.noticeDays, due }, input);
    const updated = await repo.updateCase(trx, row.id, input.version, { ...change.values, step: change.to });
    if (!updated) throw stale(row);
    await repo.insertEvent(trx, { caseId: row.id, action: input.action, fromStep: row.step, toStep: change.to, note: change.note, data: change.data, username: actor.username, at });
    const audit = { userId: actor.userId, username: actor.username, divisionCode: row.dest_division_code };
    await appendAudit(trx, {
      ...audit, action: input.action, entity: 'monitoring_case', entityId: row.id,
      before: { step: row.step, version: row.version }, after: { step: change.to, version: updated.version, ...change.values, note: change.note },
    });
    if (change.category !== undefined) {
      const previous = await repo.setHouseholdCategory(trx, row.household_id, change.category);
      await appendAudit(trx, {
        ...audit, action: 'update', entity: 'household', entityId: row.household_id,
        before: { monitoringCategory: previous }, after: { monitoringCategory: change.category, caseId: row.id },
      });
    }
  });
  return caseDetailOf(ctx, actor, await loadCase(ctx, actor, id));
}

