/**
 * Assistance workshops 帮扶车间 (SPEC §5): the facts of an employer of kind 'workshop', and the
 * provincial rules as checks with reasons. Failing a check never hides or refuses a workshop;
 * only the upgrade to a 乡村就业工厂 is refused while the workshop does not qualify.
 */
import { can, upgradeObstacles, workshopCheckLabels, workshopChecks, WORKSHOP_RULES_KEY, DEFAULT_WORKSHOP_RULES, type WorkshopFacts } from '@anju/core';
import type { z } from 'zod';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { assertManageLabourServices } from '../../platform/labour-services-access.js';
import type { Page } from '../../platform/paging.js';
import { appendAudit } from '../audit/audit-repo.js';
import { putSetting } from '../settings/setting-repo.js';
import * as repo from './workshop-repo.js';
import { rulesCache, workshopRulesOn, type RulesInForce } from './workshop-rules.js';
import type { rulesInput, WorkshopOutput, workshopListQuery } from './workshop-schemas.js';

function assertRead(actor: Actor): void {
  if (!can(actor.role, 'registry.read')) throw new ForbiddenError('无权查看帮扶车间');
}

function factsOf(w: repo.WorkshopRow): WorkshopFacts | null {
  if (w.workshop_kind === null || w.version === null) return null;
  return {
    workshopKind: w.workshop_kind as WorkshopFacts['workshopKind'],
    jobs: w.jobs ?? 0,
    povertyWorkers: w.poverty_workers ?? 0,
    relocatedWorkers: w.relocated_workers ?? 0,
    insuredWorkers: w.insured_workers ?? 0,
    yearlyContractWorkers: w.yearly_contract_workers ?? 0,
    recognisedOn: w.recognised_on,
    upgradedOn: w.upgraded_on,
  };
}

function toOutput(w: repo.WorkshopRow, inForce: RulesInForce, on: string): WorkshopOutput {
  const facts = factsOf(w);
  const checks = workshopChecks(facts, inForce.rules, on);
  return {
    employerId: String(w.id),
    name: w.name,
    countyCode: w.county_code,
    divisionCode: w.division_code,
    siteId: w.site_id === null ? null : String(w.site_id),
    siteName: w.site_name,
    facts,
    checks: checks.map((c) => ({ ...c, label: workshopCheckLabels[c.key] })),
    upgradeEligible: facts !== null && facts.upgradedOn === null && upgradeObstacles(facts, inForce.rules, on).length === 0,
    rules: { ...inForce.rules, source: inForce.source, effectiveFrom: inForce.effectiveFrom, jurisdiction: inForce.jurisdiction },
    version: w.version,
    updatedAt: w.updated_at ? w.updated_at.toISOString() : null,
  };
}

async function load(ctx: AppContext, actor: Actor, employerId: string): Promise<repo.WorkshopRow> {
  const row = /^\d+$/.test(employerId) ? await repo.findWorkshop(ctx.db, employerId, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('帮扶车间');
  return row;
}

export async function listWorkshops(ctx: AppContext, actor: Actor, query: z.infer<typeof workshopListQuery>): Promise<Page<WorkshopOutput>> {
  assertRead(actor);
  const on = today(ctx);
  const { page, pageSize, ...filter } = query;
  const { items, total } = await repo.listWorkshops(ctx.db, { ...filter, scope: actor.divisionCode }, page, pageSize);
  const rulesFor = rulesCache(ctx.db, on);
  const out = await Promise.all(items.map(async (w) => toOutput(w, await rulesFor(w.division_code), on)));
  return { items: out, total, page, pageSize };
}

export async function getWorkshop(ctx: AppContext, actor: Actor, employerId: string): Promise<WorkshopOutput> {
  assertRead(actor);
  const row = await load(ctx, actor, employerId);
  const on = today(ctx);
  return toOutput(row, await workshopRulesOn(ctx.db, row.division_code, on), on);
}

function checkDates(facts: WorkshopFacts, on: string): void {
  const issues = [];
  if (facts.recognisedOn && facts.recognisedOn > on) issues.push({ path: 'recognisedOn', message: '认定日期不能晚于今天' });
  if (facts.upgradedOn && facts.upgradedOn > on) issues.push({ path: 'upgradedOn', message: '升级日期不能晚于今天' });
  if (issues.length > 0) throw new ValidationError(issues[0]!.message, issues);
}

/** A new or changed upgrade date must meet the rules in force on that date, else the reasons. */
async function checkUpgrade(ctx: AppContext, row: repo.WorkshopRow, facts: WorkshopFacts): Promise<void> {
  if (!facts.upgradedOn || facts.upgradedOn === row.upgraded_on) return;
  const { rules } = await workshopRulesOn(ctx.db, row.division_code, facts.upgradedOn);
  const reasons = upgradeObstacles(facts, rules, facts.upgradedOn);
  if (reasons.length > 0) {
    throw new ValidationError(`不符合升级为乡村就业工厂的条件：${reasons.join('；')}`, reasons.map((message) => ({ path: 'upgradedOn', message })));
  }
}

export async function saveWorkshop(ctx: AppContext, actor: Actor, employerId: string, version: number | null, facts: WorkshopFacts): Promise<WorkshopOutput> {
  assertManageLabourServices(actor, '修改帮扶车间信息');
  const row = await load(ctx, actor, employerId);
  const on = today(ctx);
  const current = toOutput(row, await workshopRulesOn(ctx.db, row.division_code, on), on);
  checkDates(facts, on);
  await checkUpgrade(ctx, row, facts);
  await ctx.db.transaction().execute(async (trx) => {
    const done = version === null ? await repo.insertWorkshop(trx, employerId, facts) : await repo.updateWorkshop(trx, employerId, version, facts);
    if (!done) throw new ConflictError('该帮扶车间信息已被他人修改，请查看最新内容后重试', current);
    const action = facts.upgradedOn && facts.upgradedOn !== row.upgraded_on ? 'upgrade' : version === null ? 'create' : 'update';
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action, entity: 'workshop', entityId: employerId, divisionCode: row.division_code, before: current.facts, after: facts });
  });
  return getWorkshop(ctx, actor, employerId);
}

/** 升级为乡村就业工厂: the facts as they are, with the upgrade date; refused with the reasons. */
export async function upgradeWorkshop(ctx: AppContext, actor: Actor, employerId: string, version: number, upgradedOn: string): Promise<WorkshopOutput> {
  assertManageLabourServices(actor, '升级帮扶车间');
  const current = await getWorkshop(ctx, actor, employerId);
  if (!current.facts) throw new ValidationError('请先登记帮扶车间信息', [{ path: 'upgradedOn', message: '尚未登记帮扶车间信息' }]);
  if (current.facts.upgradedOn) throw new ConflictError(`该车间已于 ${current.facts.upgradedOn} 升级为乡村就业工厂`, current);
  return saveWorkshop(ctx, actor, employerId, version, { ...(current.facts as WorkshopFacts), upgradedOn });
}

export async function getRules(ctx: AppContext, actor: Actor) {
  assertRead(actor);
  const on = today(ctx);
  const inForce = await workshopRulesOn(ctx.db, actor.divisionCode, on);
  return { ...inForce.rules, source: inForce.source, effectiveFrom: inForce.effectiveFrom, jurisdiction: inForce.jurisdiction, defaults: DEFAULT_WORKSHOP_RULES, on };
}

/** The thresholds are policy: the administrator of a jurisdiction sets them from a date, citing the document. */
export async function setRules(ctx: AppContext, actor: Actor, input: z.infer<typeof rulesInput>) {
  if (actor.role !== 'admin') throw new ForbiddenError('仅系统管理员可修改帮扶车间认定标准');
  if (input.effectiveFrom < '2000-01-01') throw new ValidationError('生效日期过早', [{ path: 'effectiveFrom', message: '生效日期不早于2000年' }]);
  const value = { minPovertyWorkers: input.minPovertyWorkers, upgradeMinYears: input.upgradeMinYears, upgradeMinYearlyWorkers: input.upgradeMinYearlyWorkers };
  const before = await getRules(ctx, actor);
  await ctx.db.transaction().execute(async (trx) => {
    await putSetting(trx, WORKSHOP_RULES_KEY, actor.divisionCode, input.effectiveFrom, value, input.source);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'setting', entityId: WORKSHOP_RULES_KEY, divisionCode: actor.divisionCode, before, after: { ...value, effectiveFrom: input.effectiveFrom, source: input.source } });
  });
  return getRules(ctx, actor);
}
