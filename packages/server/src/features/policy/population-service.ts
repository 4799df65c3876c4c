/**
 * Who is eligible for what in a division, as of a date (SPEC §6), through SQL: the rules in force
 * are compiled once and evaluated over every subject, a statement for each kind of subject (person
 * and hire rules in one). The what-if runs the same with changed parameters, saving nothing.
 */
import { compileRules, subjectKinds, type CompiledRule, type PolicyPack, type SubjectKind } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { getDivisions } from '../divisions/division-repo.js';
import { activePacks } from './pack-service.js';
import { assertPolicyRead, assertDivision, factQuery } from './policy-access.js';
import * as repo from './population-repo.js';

export interface EvaluationQuery {
  division: string;
  asOf: string;
}

/** The rules in force on a date, applicable somewhere inside the division. */
async function rulesInForce(ctx: AppContext, q: EvaluationQuery, overrides: Record<string, number> = {}): Promise<CompiledRule[]> {
  const rules = compileRules(await activePacks(ctx.db), q.asOf, overrides);
  return rules.filter((r) => r.jurisdiction.startsWith(q.division) || q.division.startsWith(r.jurisdiction));
}

const byKind = (rules: CompiledRule[]) => subjectKinds.map((kind) => ({ kind, rules: rules.filter((r) => r.rule.subject === kind) }));

const ruleInfo = (r: CompiledRule) => ({
  ruleId: r.rule.id,
  packCode: r.pack.code,
  title: r.rule.title,
  subject: r.rule.subject,
  kind: r.version.benefit.kind,
});

export async function eligibility(ctx: AppContext, actor: Actor, q: EvaluationQuery) {
  assertPolicyRead(actor);
  assertDivision(actor, q.division);
  const rules = await rulesInForce(ctx, q);
  const fq = await factQuery(ctx, q);
  const totals = await repo.ruleTotals(ctx.db, fq, rules);
  return { asOf: q.asOf, division: q.division, rules: totals.map((t) => ({ ...ruleInfo(t.rule), eligible: t.eligible, cost: t.cost })) };
}

async function ruleById(ctx: AppContext, q: EvaluationQuery, ruleId: string, overrides?: Record<string, number>) {
  const rule = (await rulesInForce(ctx, q, overrides)).find((r) => r.rule.id === ruleId);
  if (!rule) throw new NotFoundError(`规则 ${ruleId}（${q.asOf} 有效）`);
  return rule;
}

const pageOf = (page: number, pageSize: number) => ({ limit: pageSize, offset: (page - 1) * pageSize });

export async function eligibleSubjectsPage(ctx: AppContext, actor: Actor, q: EvaluationQuery & { ruleId: string; page: number; pageSize: number }) {
  assertPolicyRead(actor);
  assertDivision(actor, q.division);
  const rule = await ruleById(ctx, q, q.ruleId);
  const result = await repo.eligibleSubjectRows(ctx.db, rule.rule.subject, await factQuery(ctx, q), rule, pageOf(q.page, q.pageSize));
  return { total: result.total, items: await withSubjectKind(ctx, rule.rule.subject, result.items) };
}

async function divisionNames(ctx: AppContext, codes: string[]): Promise<Map<string, string>> {
  return new Map((await getDivisions(ctx.db, [...new Set(codes)])).map((d) => [d.code, d.name]));
}

async function withSubjectKind(ctx: AppContext, kind: SubjectKind, items: repo.SubjectRow[]) {
  const names = await divisionNames(ctx, items.map((i) => i.division_code));
  return items.map((i) => ({
    subjectKind: kind,
    subjectId: i.subject_id,
    label: i.label,
    divisionCode: i.division_code,
    divisionName: names.get(i.division_code) ?? '',
    householdId: i.household_id,
    amount: i.amount,
  }));
}

export interface EligibleSubject {
  ruleId: string;
  ruleVersionFrom: string;
  packCode: string;
  subjectKind: SubjectKind;
  subjectId: string;
  label: string;
  divisionCode: string;
  householdId: string | null;
  amount: number | null;
  per: 'once' | 'month';
  months: number | null;
  kind: string;
  payee: string;
}

/** Every eligible (rule, subject) in the division: what entitlements are proposed from. */
export async function eligibleSubjects(ctx: AppContext, actor: Actor, q: EvaluationQuery & { ruleIds?: string[] }): Promise<EligibleSubject[]> {
  assertPolicyRead(actor);
  assertDivision(actor, q.division);
  const rules = (await rulesInForce(ctx, q)).filter((r) => !q.ruleIds || q.ruleIds.includes(r.rule.id));
  const fq = await factQuery(ctx, q);
  const out: EligibleSubject[] = [];
  for (const rule of rules) {
    const { items } = await repo.eligibleSubjectRows(ctx.db, rule.rule.subject, fq, rule, { limit: 10_000_000, offset: 0 });
    const b = rule.version.benefit;
    for (const i of items) {
      out.push({
        ruleId: rule.rule.id,
        ruleVersionFrom: rule.version.from,
        packCode: rule.pack.code,
        subjectKind: rule.rule.subject,
        subjectId: i.subject_id,
        label: i.label,
        divisionCode: i.division_code,
        householdId: i.household_id,
        amount: i.amount,
        per: b.per,
        months: b.per === 'month' ? (b.months ?? null) : null,
        kind: b.kind,
        payee: b.payee,
      });
    }
  }
  return out;
}

export interface SimulationQuery extends EvaluationQuery {
  set: Record<string, number>;
}

/** The parameters a what-if changes must exist; their keys are `CODE.name`. */
async function checkedOverrides(ctx: AppContext, set: Record<string, number>): Promise<void> {
  const packs = await activePacks(ctx.db);
  const known = new Set(packs.flatMap((p: PolicyPack) => p.parameters.map((x) => `${p.code}.${x.name}`)));
  const unknown = Object.keys(set).filter((k) => !known.has(k));
  if (unknown.length) {
    throw new ValidationError(`没有这些政策参数：${unknown.join('、')}`, unknown.map((k) => ({ path: `set.${k}`, message: '未知参数（应写作 政策包编号.参数名）' })));
  }
  const bad = Object.entries(set).filter(([, v]) => !Number.isFinite(v));
  if (bad.length) throw new ValidationError('参数值须为数字', bad.map(([k]) => ({ path: `set.${k}`, message: '须为数字' })));
}

export async function simulate(ctx: AppContext, actor: Actor, q: SimulationQuery) {
  assertPolicyRead(actor);
  assertDivision(actor, q.division);
  await checkedOverrides(ctx, q.set);
  const [before, after] = [await rulesInForce(ctx, q), await rulesInForce(ctx, q, q.set)];
  const fq = await factQuery(ctx, q);
  const childLength = childCodeLength(q.division);
  type RuleChange = { ruleId: string; title: string; kind: string; before: number; after: number; gained: number; lost: number; costBefore: number | null; costAfter: number | null };
  const rules = new Map<string, RuleChange>();
  const divisions = new Map<string, { gained: number; lost: number; costDelta: number | null }>();
  const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
  for (const { kind, rules: ofKind } of byKind(before)) {
    const pairs = ofKind.map((b) => ({ before: b, after: after.find((a) => a.rule.id === b.rule.id)! }));
    for (const t of await repo.simulationTotals(ctx.db, kind, fq, pairs, childLength)) {
      const rule = pairs[t.index]!.before;
      const r = rules.get(rule.rule.id) ?? { ruleId: rule.rule.id, title: rule.rule.title, kind: rule.version.benefit.kind, before: 0, after: 0, gained: 0, lost: 0, costBefore: null, costAfter: null };
      r.before += t.before;
      r.after += t.after;
      r.gained += t.gained;
      r.lost += t.lost;
      r.costBefore = add(r.costBefore, t.costBefore);
      r.costAfter = add(r.costAfter, t.costAfter);
      rules.set(rule.rule.id, r);
      const d = divisions.get(t.child) ?? { gained: 0, lost: 0, costDelta: null };
      d.gained += t.gained;
      d.lost += t.lost;
      if (t.costBefore !== null || t.costAfter !== null) d.costDelta = (d.costDelta ?? 0) + (t.costAfter ?? 0) - (t.costBefore ?? 0);
      divisions.set(t.child, d);
    }
  }
  const names = await divisionNames(ctx, [...divisions.keys()]);
  return {
    asOf: q.asOf,
    division: q.division,
    set: q.set,
    rules: [...rules.values()],
    divisions: [...divisions.entries()].map(([code, d]) => ({ code, name: names.get(code) ?? code, ...d })).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

export async function simulationSubjects(ctx: AppContext, actor: Actor, q: SimulationQuery & { ruleId: string; change: 'gained' | 'lost'; page: number; pageSize: number }) {
  assertPolicyRead(actor);
  assertDivision(actor, q.division);
  await checkedOverrides(ctx, q.set);
  const [before, after] = [await ruleById(ctx, q, q.ruleId), await ruleById(ctx, q, q.ruleId, q.set)];
  const fq = await factQuery(ctx, q);
  const result = await repo.changedSubjectRows(ctx.db, before.rule.subject, fq, before, after, q.change, pageOf(q.page, q.pageSize));
  return { total: result.total, items: await withSubjectKind(ctx, before.rule.subject, result.items) };
}

/** Division codes nest 2/4/6/9/12 digits; a what-if is broken down one level below. */
function childCodeLength(code: string): number {
  return [2, 4, 6, 9, 12].find((n) => n > code.length) ?? 12;
}
