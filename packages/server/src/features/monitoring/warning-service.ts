/**
 * The warnings queue: each warning with its household, its rule and clause, the category it points
 * to, the facts that fired it, and the department records behind it (file, row, department number).
 */
import { can, departmentDataScope, departmentRecordKinds, factDef, listDepartments, recordNoLabel, type SubjectKind } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { recordsByIds } from '../department-data/department-record-repo.js';
import { activePacks } from '../policy/pack-service.js';
import { assertDivision, assertPolicyRead } from '../policy/policy-access.js';
import * as repo from './warning-repo.js';

type WarningRow = Awaited<ReturnType<typeof repo.listWarnings>>['rows'][number];
type SourceRow = Awaited<ReturnType<typeof recordsByIds>>[number];
export type RuleIndex = Awaited<ReturnType<typeof ruleIndex>>;

/** The active rules by id, to title warnings (also used by the case page). */
export async function ruleIndex(ctx: AppContext) {
  const rules = (await activePacks(ctx.db)).flatMap((p) => p.rules.map((r) => [r.id, r] as const));
  return new Map(rules);
}

/** Stored fact values with their labels and sources; personal ones (expenses) are masked. */
function labelledFacts(facts: unknown) {
  return Object.entries((facts ?? {}) as Record<string, unknown>).map(([name, value]) => {
    const [variable, field] = name.split('.') as [SubjectKind, string];
    const def = factDef(variable, field);
    return { name, label: def?.label ?? name, value: def?.personal ? null : value, masked: def?.personal ?? false, source: def?.source ?? '' };
  });
}

function sourceOutput(r: SourceRow) {
  return {
    recordId: r.id,
    department: r.department,
    departmentLabel: listDepartments.labels[r.department as keyof typeof listDepartments.labels] ?? r.department,
    kind: r.kind,
    kindLabel: departmentRecordKinds.labels[r.kind as keyof typeof departmentRecordKinds.labels] ?? r.kind,
    personName: r.name,
    occurredOn: r.occurred_on,
    period: r.period,
    file: r.source_file,
    row: r.source_row,
    recordNo: r.record_no,
    recordNoLabel: recordNoLabel(r.department),
  };
}

/**
 * Warnings as the API shows them (warningOutput); the case page lists its warnings the same way.
 * The department records behind them are read in one query and shown only to those who may read
 * department data — a department user only their own department's; everyone sees how many.
 */
export async function warningOutputs(ctx: AppContext, actor: Actor, rows: WarningRow[], rules: RuleIndex) {
  const scope = can(actor.role, 'department_data.read') ? departmentDataScope(actor.role, actor.department) : 'none';
  const ids = scope === 'none' ? [] : [...new Set(rows.flatMap((r) => r.source_record_ids))];
  const records = new Map((await recordsByIds(ctx.db, ids)).filter((r) => !scope || r.department === scope).map((r) => [r.id, sourceOutput(r)]));
  return rows.map((row) => {
    const rule = rules.get(row.rule_id);
    return {
      id: row.id,
      householdId: row.household_id,
      householdNo: row.household_no,
      headName: row.head_name ?? '',
      divisionCode: row.dest_division_code,
      divisionName: row.division_name ?? '',
      householdKind: row.household_kind as 'registered_poor' | 'synchronous',
      ruleId: row.rule_id,
      ruleTitle: rule?.title ?? row.rule_id,
      clause: rule?.clause ?? { ref: '', text: '' },
      period: row.period,
      facts: labelledFacts(row.facts),
      category: row.category as 'unstable' | 'marginal' | 'sudden_hardship',
      sources: row.source_record_ids.flatMap((id) => records.get(id) ?? []),
      sourceCount: row.source_record_ids.length,
      status: row.status,
      dismissedReason: row.dismissed_reason,
      takenCaseId: row.taken_case_id,
      version: row.version,
      createdAt: row.created_at.toISOString(),
    };
  });
}

export async function listWarnings(ctx: AppContext, actor: Actor, f: repo.WarningFilter & { page: number; pageSize: number }) {
  assertPolicyRead(actor);
  assertDivision(actor, f.division);
  const { rows, total } = await repo.listWarnings(ctx.db, f, f.pageSize, (f.page - 1) * f.pageSize);
  return { total, page: f.page, pageSize: f.pageSize, items: await warningOutputs(ctx, actor, rows, await ruleIndex(ctx)) };
}

export async function dismissWarning(ctx: AppContext, actor: Actor, id: string, body: { reason: string; version: number }) {
  if (!can(actor.role, 'monitoring.run') && !can(actor.role, 'registry.write')) throw new ForbiddenError('无权排除预警');
  const current = /^\d+$/.test(id) ? await repo.findWarning(ctx.db, id, actor.divisionCode) : undefined;
  if (!current) throw new NotFoundError('预警');
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.dismissWarning(trx, id, body.version, body.reason, actor.username);
    if (!row) return undefined;
    await appendAudit(trx, {
      userId: actor.userId, username: actor.username, action: 'dismiss', entity: 'monitoring_warning', entityId: id,
      divisionCode: row.dest_division_code, before: { status: current.status }, after: { status: 'dismissed', reason: body.reason },
    });
    return row;
  });
  if (!updated) throw new ConflictError(current.status === 'open' ? '预警已被他人修改，请刷新后重试' : '该预警已处理，不能排除');
  const { rows } = await repo.listWarnings(ctx.db, { division: actor.divisionCode, householdId: updated.household_id }, 1000, 0);
  const [warning] = await warningOutputs(ctx, actor, rows.filter((r) => r.id === id), await ruleIndex(ctx));
  return warning!;
}
