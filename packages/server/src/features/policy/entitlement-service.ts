/**
 * Entitlements 待遇 (SPEC §6): who is owed what, turned into records a county decides on. A run
 * proposes one entitlement per eligible (rule, subject) in force on a date, never a one-time
 * benefit twice and never more months of a monthly one than the rule gives; each is then
 * approved (with the amount, when the document leaves it to local decision), paid, or rejected
 * with a reason, under optimistic locking, every step audited. Everything is scoped to the
 * actor's division: a record outside it answers exactly as a missing one.
 */
import { sql } from 'kysely';
import { can } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { Page } from '../../platform/paging.js';
import { appendAudit } from '../audit/audit-repo.js';
import { activePacks } from './pack-service.js';
import { assertDivision, assertPolicyRead } from './policy-access.js';
import { eligibleSubjects } from './population-service.js';
import * as repo from './entitlement-repo.js';
import type { EntitlementDecision, EntitlementOutput } from './policy-schemas.js';

// Proposal runs are serialised: two at once would both see the same months still owed.
const PROPOSAL_LOCK = 734_301;
const CHUNK = 5_000;

const STATUS_LABELS = { proposed: '待审核', approved: '已批准', paid: '已发放', rejected: '已驳回' } as const;
type Status = keyof typeof STATUS_LABELS;

async function ruleTitles(ctx: AppContext): Promise<Map<string, string>> {
  return new Map((await activePacks(ctx.db)).flatMap((p) => p.rules.map((r) => [r.id, r.title] as const)));
}

function toOutput(e: repo.EntitlementRow, titles: Map<string, string>): EntitlementOutput {
  return {
    id: String(e.id),
    ruleId: e.rule_id,
    ruleTitle: titles.get(e.rule_id) ?? e.rule_id,
    packCode: e.pack_code,
    ruleVersionFrom: e.rule_version_from,
    subjectKind: e.subject_kind as EntitlementOutput['subjectKind'],
    subjectId: e.subject_id,
    subjectLabel: e.subject_label,
    payee: e.payee,
    divisionCode: e.division_code,
    householdId: e.household_id === null ? null : String(e.household_id),
    status: e.status as Status,
    kind: e.kind,
    per: e.per as 'once' | 'month',
    amount: e.amount === null ? null : Number(e.amount),
    months: e.months,
    periodFrom: e.period_from,
    periodTo: e.period_to,
    reason: e.reason,
    proposedAt: e.proposed_at.toISOString(),
    decidedAt: e.decided_at?.toISOString() ?? null,
    decidedBy: e.decided_by_name ?? null,
    version: e.version,
  };
}

export async function proposeEntitlements(ctx: AppContext, actor: Actor, q: { division: string; asOf: string }) {
  if (!can(actor.role, 'entitlements.propose')) throw new ForbiddenError('无权提出待遇（须为乡镇、县级业务人员）');
  assertDivision(actor, q.division);
  // Money is granted and paid; services and duties (包保, 一户一岗 …) are work to do, not
  // entitlements, and are followed up elsewhere.
  const eligible = (await eligibleSubjects(ctx, actor, q)).filter((s) => s.kind === 'cash' || s.kind === 'loan');
  const candidates: repo.Candidate[] = eligible.map((s) => ({
    pack_code: s.packCode,
    rule_id: s.ruleId,
    rule_version_from: s.ruleVersionFrom,
    subject_kind: s.subjectKind,
    subject_id: s.subjectId,
    subject_label: s.label,
    payee: s.payee,
    division_code: s.divisionCode,
    household_id: s.householdId,
    kind: s.kind,
    per: s.per,
    amount: s.amount,
    months: s.months,
  }));
  return ctx.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${PROPOSAL_LOCK})`.execute(trx);
    const total = { proposed: 0, granted: 0, exhausted: 0, ids: [] as string[] };
    for (let i = 0; i < candidates.length; i += CHUNK) {
      const r = await repo.insertProposals(trx, candidates.slice(i, i + CHUNK), { asOf: q.asOf, proposedBy: actor.userId, at: ctx.now() });
      total.proposed += r.proposed;
      total.granted += r.granted;
      total.exhausted += r.exhausted;
      total.ids.push(...r.ids);
    }
    const result = { proposed: total.proposed, skipped: { granted: total.granted, exhausted: total.exhausted } };
    if (total.proposed > 0) {
      await appendAudit(trx, {
        userId: actor.userId, username: actor.username, action: 'propose', entity: 'entitlement', entityId: null, divisionCode: q.division,
        // The ids, not whole rows: a county's run can propose tens of thousands.
        before: null, after: { asOf: q.asOf, eligible: candidates.length, ...result, firstId: total.ids[0], lastId: total.ids.at(-1) },
      });
    }
    return result;
  });
}

export async function listEntitlements(
  ctx: AppContext,
  actor: Actor,
  q: { division?: string; status?: Status; ruleId?: string; page: number; pageSize: number },
): Promise<Page<EntitlementOutput>> {
  assertPolicyRead(actor);
  if (q.division !== undefined) assertDivision(actor, q.division);
  const { page, pageSize, ...filter } = q;
  const { items, total } = await repo.listEntitlements(ctx.db, { ...filter, scope: actor.divisionCode }, page, pageSize);
  const titles = await ruleTitles(ctx);
  return { items: items.map((e) => toOutput(e, titles)), total, page, pageSize };
}

async function load(ctx: AppContext, actor: Actor, id: string): Promise<repo.EntitlementRow> {
  const row = /^\d{1,18}$/.test(id) ? await repo.findEntitlement(ctx.db, id, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('待遇记录');
  return row;
}

const stale = () => new ConflictError('该待遇记录已被他人处理，请刷新后重试');

function requireStatus(row: repo.EntitlementRow, allowed: Status[], doing: string): void {
  if (!allowed.includes(row.status as Status)) {
    throw new ConflictError(`该待遇当前为“${STATUS_LABELS[row.status as Status]}”，只有${allowed.map((s) => `“${STATUS_LABELS[s]}”`).join('或')}的待遇才能${doing}`);
  }
}

async function applyDecision(ctx: AppContext, actor: Actor, row: repo.EntitlementRow, version: number, d: Omit<repo.Decision, 'by' | 'at'>) {
  const titles = await ruleTitles(ctx);
  const before = toOutput(row, titles);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.decide(trx, String(row.id), version, { ...d, by: actor.userId, at: ctx.now() }))) throw stale();
    await appendAudit(trx, {
      userId: actor.userId, username: actor.username, action: d.status === 'approved' ? 'approve' : d.status === 'paid' ? 'pay' : 'reject',
      entity: 'entitlement', entityId: String(row.id), divisionCode: row.division_code,
      before: { status: before.status, amount: before.amount, version: before.version },
      after: { status: d.status, amount: d.amount ?? before.amount, reason: d.reason ?? null, version: version + 1 },
    });
  });
  return toOutput(await load(ctx, actor, String(row.id)), titles);
}

/** The shared first lines of a decision: who may, which record, and the version the user saw. */
async function loadForDecision(ctx: AppContext, actor: Actor, id: string, version: number, permission: 'entitlements.propose' | 'entitlements.approve', doing: string) {
  if (!can(actor.role, permission)) throw new ForbiddenError(`无权${doing}待遇`);
  const row = await load(ctx, actor, id);
  if (row.version !== version) throw stale();
  return row;
}

export async function approveEntitlement(ctx: AppContext, actor: Actor, id: string, input: EntitlementDecision) {
  const row = await loadForDecision(ctx, actor, id, input.version, 'entitlements.approve', '批准');
  requireStatus(row, ['proposed'], '批准');
  const proposed = row.amount === null ? null : Number(row.amount);
  if (proposed === null && input.amount === undefined) {
    throw new ValidationError('该待遇的金额由地方确定，批准时须填写金额', [{ path: 'amount', message: '须填写金额（元）' }]);
  }
  if (proposed !== null && input.amount !== undefined && input.amount > proposed) {
    throw new ValidationError(`批准金额不能超过按政策计算的 ${proposed} 元`, [{ path: 'amount', message: `不能超过 ${proposed} 元` }]);
  }
  return applyDecision(ctx, actor, row, input.version, { status: 'approved', amount: input.amount });
}

export async function payEntitlement(ctx: AppContext, actor: Actor, id: string, input: EntitlementDecision) {
  const row = await loadForDecision(ctx, actor, id, input.version, 'entitlements.approve', '登记发放');
  requireStatus(row, ['approved'], '登记发放');
  return applyDecision(ctx, actor, row, input.version, { status: 'paid' });
}

export async function rejectEntitlement(ctx: AppContext, actor: Actor, id: string, input: EntitlementDecision) {
  const row = await loadForDecision(ctx, actor, id, input.version, 'entitlements.propose', '驳回');
  requireStatus(row, ['proposed', 'approved'], '驳回');
  // An approval is the county's decision: only someone who may approve may take it back.
  if (row.status === 'approved' && !can(actor.role, 'entitlements.approve')) throw new ForbiddenError('已批准的待遇只能由有审批权限的人员驳回');
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 4) throw new ValidationError('驳回须写明理由（至少4个字）', [{ path: 'reason', message: '至少4个字' }]);
  return applyDecision(ctx, actor, row, input.version, { status: 'rejected', reason });
}
