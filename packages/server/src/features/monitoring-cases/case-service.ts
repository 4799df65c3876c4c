/** Cases: the list and board, a case's page, and a new lead (docs/MONITORING.md §1, §6). */
import type { z } from 'zod';
import { can, categoryConflict, caseSteps, proposedCategory, type CaseCategory, type HouseholdKind } from '@anju/core';
import { today as todayOf, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { calendarOf } from '../calendar/working-days.js';
import { monitoringDeadlines } from '../monitoring/monitoring-settings.js';
import { findWarning, listWarnings, takeWarning } from '../monitoring/warning-repo.js';
import { ruleIndex, warningOutputs } from '../monitoring/warning-service.js';
import { assertCaseRead, loadCase, scopedDivision } from './case-access.js';
import { stepDueOf } from './case-deadlines.js';
import { FORWARD, stepLabel, type CaseStep } from './case-flow.js';
import { caseFieldsOf, caseListItemOf } from './case-output.js';
import * as repo from './case-repo.js';
import { nextActionsOf } from './case-rules.js';
import type { caseListQuery, leadInput } from './case-schemas.js';
import { eliminationConditions } from './elimination-check.js';
import { evidenceKindsOf, evidenceOf } from './evidence-repo.js';

export async function listCases(ctx: AppContext, actor: Actor, q: z.output<typeof caseListQuery>) {
  assertCaseRead(actor);
  const division = scopedDivision(actor, q.division);
  const today = todayOf(ctx);
  const [{ rows, total }, cal] = await Promise.all([repo.listCases(ctx.db, { ...q, division }, today, q.pageSize, (q.page - 1) * q.pageSize), calendarOf(ctx.db)]);
  return { items: rows.map((r) => caseListItemOf(r, today, cal)), total, page: q.page, pageSize: q.pageSize };
}

const BOARD_STEPS = Object.keys(FORWARD) as CaseStep[];

export async function caseBoard(ctx: AppContext, actor: Actor, divisionAsked: string | undefined) {
  assertCaseRead(actor);
  const division = scopedDivision(actor, divisionAsked);
  const counts = await repo.boardCounts(ctx.db, division, todayOf(ctx));
  const steps = BOARD_STEPS.map((step) => ({ step, label: caseSteps.labels[step], ...(counts.get(step) ?? { count: 0, overdue: 0 }) }));
  return { division, steps, total: steps.reduce((n, s) => n + s.count, 0), overdue: steps.reduce((n, s) => n + s.overdue, 0) };
}

/** Department records attached at comparison are shown only to those who may read them. */
function eventOutput(e: Awaited<ReturnType<typeof repo.eventsOf>>[number], seesRecords: boolean) {
  const data = { ...((e.data ?? {}) as Record<string, unknown>) };
  if (!seesRecords && Array.isArray(data.departmentRecords)) {
    data.departmentRecordCount = data.departmentRecords.length;
    delete data.departmentRecords;
  }
  return { id: e.id, action: e.action, fromStep: e.from_step, toStep: e.to_step, note: e.note, data, username: e.username, at: new Date(e.at).toISOString() };
}

async function eliminationBlocker(ctx: AppContext, actor: Actor, row: repo.CaseRow, today: string): Promise<string | undefined> {
  const forward = FORWARD[row.step as CaseStep];
  if (!forward || !['monitored', 'elimination_notice'].includes(row.step) || !can(actor.role, forward.permission)) return undefined;
  const unmet = (await eliminationConditions(ctx, row, today)).filter((c) => !c.met);
  return unmet.length ? `不符合风险消除条件：${unmet.map((c) => c.label).join('、')}` : undefined;
}

export async function caseDetailOf(ctx: AppContext, actor: Actor, row: repo.CaseRow) {
  const today = todayOf(ctx);
  const [events, evidence, warnings, rules, earlier, kinds, blocker, cal] = await Promise.all([
    repo.eventsOf(ctx.db, row.id),
    evidenceOf(ctx.db, row.id),
    listWarnings(ctx.db, { division: row.dest_division_code, takenCaseId: row.id }, 100, 0),
    ruleIndex(ctx),
    repo.closedCasesOf(ctx.db, row.household_id, row.id),
    evidenceKindsOf(ctx.db, row.id),
    eliminationBlocker(ctx, actor, row, today),
    calendarOf(ctx.db),
  ]);
  const seesRecords = can(actor.role, 'department_data.read');
  return {
    ...caseFieldsOf(row, today, cal),
    events: events.map((e) => eventOutput(e, seesRecords)),
    evidence: evidence.map((e) => ({
      id: e.id, kind: e.kind, fileName: e.file_name, mimeType: e.mime_type, sizeBytes: e.size_bytes, sha256: e.sha256, username: e.username,
      uploadedAt: e.uploaded_at.toISOString(),
    })),
    warnings: await warningOutputs(ctx, actor, warnings.rows, rules),
    earlierCases: earlier.map((c) => ({
      id: c.id, step: c.step, channel: c.channel, category: c.category, leadOn: c.lead_on, monitoredOn: c.monitored_on, eliminatedOn: c.eliminated_on,
      closedOn: c.closed_on, rejectedStep: c.rejected_step, rejectedReason: c.rejected_reason,
    })),
    nextActions: nextActionsOf(actor, row, today, kinds, blocker),
  };
}

export async function getCase(ctx: AppContext, actor: Actor, id: string) {
  assertCaseRead(actor);
  return caseDetailOf(ctx, actor, await loadCase(ctx, actor, id));
}

/** The warnings a lead takes must be the household's and still open; each wrong one is named. Returns their categories. */
async function checkWarnings(ctx: AppContext, actor: Actor, householdId: string, ids: string[]): Promise<CaseCategory[]> {
  const issues = [];
  const categories: CaseCategory[] = [];
  for (const [i, id] of ids.entries()) {
    const w = await findWarning(ctx.db, id, actor.divisionCode);
    if (!w || w.household_id !== householdId) issues.push({ path: `warningIds.${i}`, message: `预警${id}不属于该户` });
    else if (w.status !== 'open') issues.push({ path: `warningIds.${i}`, message: `预警${id}已处理，不能再转为线索` });
    else categories.push(w.category as CaseCategory);
  }
  if (issues.length) throw new ValidationError('所选预警不能转为该户的线索', issues);
  return categories;
}

/**
 * The category a case may have for a household of `kind` (SPEC §4): refused with the reason,
 * on the field `category`, when it contradicts the kind — 脱贫不稳定户 only for a registered-poor
 * household, 边缘易致贫户 only for an ordinary one.
 */
export function assertCategoryFits(kind: HouseholdKind, category: CaseCategory, then = ''): void {
  const conflict = categoryConflict(kind, category);
  if (conflict) throw new ValidationError(`监测类别与户类型不符：${conflict}${then}`, [{ path: 'category', message: conflict }]);
}

export async function createLead(ctx: AppContext, actor: Actor, input: z.output<typeof leadInput>) {
  if (!can(actor.role, 'monitoring.lead')) throw new ForbiddenError('无权登记风险线索');
  const household = await repo.householdInScope(ctx.db, input.householdId, actor.divisionCode);
  if (!household) throw new NotFoundError('搬迁户');
  if (household.status !== 'active') throw new ValidationError('该户已注销，不能登记风险线索', [{ path: 'householdId', message: '该户已注销' }]);
  const open = await repo.openCaseOf(ctx.db, household.id);
  const refuseOpen = (caseId: string, step: string) =>
    new ConflictError(`该户已有进行中的监测案件（案件编号${caseId}，当前环节：${stepLabel(step)}），不能重复登记`);
  if (open) throw refuseOpen(open.id, open.step);
  const warningIds = [...new Set(input.warningIds)];
  const kind = household.kind as HouseholdKind;
  // Proposed from the household's kind and the warnings taken; one given must fit the kind.
  const proposed = proposedCategory(kind, await checkWarnings(ctx, actor, household.id, warningIds));
  const category = input.category ?? proposed;
  assertCategoryFits(kind, category);

  const today = todayOf(ctx);
  const at = ctx.now();
  try {
    const caseId = await ctx.db.transaction().execute(async (trx) => {
      const [cal, deadlines] = await Promise.all([calendarOf(trx, { estimate: true }), monitoringDeadlines(trx, household.county_code, today)]);
      const wholeDue = cal.addWorkingDays(today, deadlines.whole);
      const stepDue = stepDueOf('lead', cal, deadlines, { today, wholeDue, noticeEnd: null });
      const { id } = await repo.insertCase(trx, {
        household_id: household.id, county_code: household.county_code, dest_division_code: household.dest_division_code,
        channel: input.channel, category, risk_note: input.riskNote, lead_on: today, step_due: stepDue, whole_due: wholeDue,
        created_by: actor.username,
      });
      for (const warningId of warningIds) {
        if (!(await takeWarning(trx, warningId, id, actor.username))) throw new ConflictError(`预警${warningId}已被他人处理，请刷新后重试`);
      }
      await repo.insertEvent(trx, {
        caseId: id, action: 'lead', fromStep: null, toStep: 'lead', note: input.riskNote, username: actor.username, at,
        data: { channel: input.channel, category, proposedCategory: proposed, warningIds, stepDue, wholeDue },
      });
      await appendAudit(trx, {
        userId: actor.userId, username: actor.username, action: 'create', entity: 'monitoring_case', entityId: id,
        divisionCode: household.dest_division_code, before: null, after: { ...input, category, warningIds, step: 'lead', stepDue, wholeDue },
      });
      return id;
    });
    return getCase(ctx, actor, caseId);
  } catch (error) {
    if (!isUniqueViolation(error, 'monitoring_case_open_idx')) throw error;
    const raced = await repo.openCaseOf(ctx.db, household.id);
    throw refuseOpen(raced?.id ?? '', raced?.step ?? 'lead');
  }
}
