/**
 * The monthly labour ledger (月调度, SPEC §5): opening and closing periods, filling in records,
 * corrections of closed periods. Every write is audited and recomputes the derived facts of what
 * it touched in the same transaction.
 */
import { can, smallestCommonDivision, type LabourFacts } from '@anju/core';
import type { Kysely } from 'kysely';
import pMap from 'p-map';
import type { DB } from '../../db/schema.js';
import { today as chinaToday, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { askedDivision } from '../../platform/division-scope.js';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { Page } from '../../platform/paging.js';
import { appendAudit } from '../audit/audit-repo.js';
import { findEmployer } from '../employers/employer-repo.js';
import { factScope, refreshFacts, refreshFigures } from './labour-facts.js';
import { insertCarriedForward } from './ledger-open-repo.js';
import * as repo from './ledger-repo.js';
import * as periods from './period-repo.js';
import { toColumns, toFacts, toRecordOutput } from './ledger-output.js';
import type { LabourRecordOutput } from './employment-schemas.js';

export function assertRead(actor: Actor): void {
  if (!can(actor.role, 'registry.read')) throw new ForbiddenError('无权查看劳动力台账');
}

function assertCan(actor: Actor, permission: 'employment.write' | 'employment.period', what: string): void {
  if (!can(actor.role, permission)) throw new ForbiddenError(`无权${what}`);
}

/** The county a county-level action applies to: the actor's own, or one inside their division. */
function countyOf(actor: Actor, countyCode: string | undefined): string {
  const county = countyCode ?? actor.divisionCode;
  if (!/^\d{6}$/.test(county) || !county.startsWith(actor.divisionCode)) {
    throw new ValidationError('须指定本人管辖范围内的县级行政区划', [{ path: 'countyCode', message: '须为管辖范围内的6位县级代码' }]);
  }
  return county;
}

function currentPeriod(ctx: AppContext): string {
  return chinaToday(ctx).slice(0, 7);
}

export async function listPeriods(ctx: AppContext, actor: Actor, countyCode: string | undefined) {
  assertRead(actor);
  const county = actor.divisionCode.length >= 6 ? actor.divisionCode.slice(0, 6) : countyOf(actor, countyCode);
  return (await periods.listPeriods(ctx.db, county)).map((p) => ({
    countyCode: p.county_code,
    period: p.period,
    status: p.status as 'open' | 'closed',
    openedAt: p.opened_at.toISOString(),
    closedAt: p.closed_at ? p.closed_at.toISOString() : null,
  }));
}

function assertNotFuture(ctx: AppContext, period: string): void {
  if (period > currentPeriod(ctx)) throw new ValidationError(`期别 ${period} 尚未到来，不能开启`, [{ path: 'period', message: '不能开启未来的期别' }]);
}

export async function openPeriod(ctx: AppContext, actor: Actor, countyCode: string | undefined, period: string) {
  assertCan(actor, 'employment.period', '开启月调度期别');
  const county = countyOf(actor, countyCode);
  assertNotFuture(ctx, period);
  const existing = await periods.listPeriods(ctx.db, county);
  if (existing.some((p) => p.period === period)) throw new ConflictError(`${period} 期已开启，不能重复开启`);
  const latest = existing[0]?.period;
  if (latest && period < latest) throw new ValidationError(`只能开启 ${latest} 之后的期别`, [{ path: 'period', message: `须晚于已有的最新期别 ${latest}` }]);
  return ctx.db.transaction().execute(async (trx) => {
    await periods.insertPeriod(trx, county, period, actor.userId, ctx.now());
    const scope = await factScope(ctx, trx, county, period, county);
    // The records are written with their facts final: only what follows from them is refreshed.
    const records = await insertCarriedForward(trx, scope, actor.userId);
    await refreshFigures(trx, scope);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'open_period', entity: 'labour_period', entityId: `${county}:${period}`, divisionCode: county, before: null, after: { period, carriedFrom: latest ?? null, records } });
    return { countyCode: county, period, carriedFrom: latest ?? null, records };
  });
}

export interface OpenEverywhereResult {
  period: string;
  opened: { countyCode: string; carriedFrom: string | null; records: number }[];
  failed: { countyCode: string; message: string }[];
}

/**
 * Opens a period in every county of a division that has not opened it yet (a city's or a
 * province's 月调度 starting at once), each county as openPeriod opens it — its own transaction
 * and audit entry — so one county's failure is reported and leaves the others opened. Two
 * counties at a time: opening is mostly writing, and two writers keep both cores of the database
 * busy (all 20 counties of a million people: 13.5 s one at a time, 9.1 s two at a time).
 */
export async function openPeriodEverywhere(ctx: AppContext, actor: Actor, divisionCode: string, period: string): Promise<OpenEverywhereResult> {
  assertCan(actor, 'employment.period', '开启月调度期别');
  if (!divisionCode.startsWith(actor.divisionCode)) throw new ValidationError('须指定本人管辖范围内的行政区划', [{ path: 'divisionCode', message: '不在管辖范围内' }]);
  assertNotFuture(ctx, period);
  const counties = await periods.countiesWithout(ctx.db, divisionCode, period);
  // p-map keeps the counties' order: the results come out sorted by county code as asked.
  const outcomes = await pMap(
    counties,
    async (countyCode) => {
      try {
        return { opened: await openPeriod(ctx, actor, countyCode, period) };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return { failed: { countyCode, message: error.message } };
      }
    },
    { concurrency: 2 },
  );
  return { period, opened: outcomes.flatMap((o) => o.opened ?? []), failed: outcomes.flatMap((o) => o.failed ?? []) };
}

export async function closePeriod(ctx: AppContext, actor: Actor, countyCode: string | undefined, period: string) {
  assertCan(actor, 'employment.period', '关闭月调度期别');
  const county = countyOf(actor, countyCode);
  const found = await periods.findPeriod(ctx.db, county, period);
  if (!found) throw new NotFoundError(`${period} 期`);
  if (found.status === 'closed') throw new ConflictError(`${period} 期已关闭`);
  const unconfirmed = await repo.listRecords(ctx.db, { period, divisionCode: county, fact: 'unconfirmed' }, 1, 1);
  if (unconfirmed.total > 0) throw new ConflictError(`${period} 期尚有 ${unconfirmed.total} 条记录未确认，确认后才能关闭`);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await periods.closePeriod(trx, county, period, actor.userId, ctx.now()))) throw new ConflictError(`${period} 期已关闭`);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'close_period', entity: 'labour_period', entityId: `${county}:${period}`, divisionCode: county, before: { status: 'open' }, after: { status: 'closed' } });
  });
}

/** Out of scope is refused (404), never replaced by the actor's own division. */
function scopeOf(actor: Actor, divisionCode: string): string {
  return askedDivision(actor, divisionCode);
}

export async function listRecords(ctx: AppContext, actor: Actor, filter: repo.RecordFilter, page: number, pageSize: number, revealIncome: boolean): Promise<Page<LabourRecordOutput>> {
  assertRead(actor);
  if (revealIncome && !can(actor.role, 'personal.unmask')) throw new ForbiddenError('无权查看收入');
  const result = await repo.listRecords(ctx.db, { ...filter, divisionCode: scopeOf(actor, filter.divisionCode) }, page, pageSize);
  if (revealIncome && result.items.length > 0) {
    // Filed under the divisions actually read (not the one asked for), each record with its own.
    const divisions = [...new Set(result.items.map((r) => r.dest_division_code))].sort();
    const records = result.items.map((r) => ({ personId: String(r.person_id), divisionCode: r.dest_division_code }));
    await ctx.db.transaction().execute((trx) =>
      appendAudit(trx, {
        userId: actor.userId, username: actor.username, action: 'unmask', entity: 'labour_record', entityId: filter.period, divisionCode: smallestCommonDivision(divisions),
        before: null, after: { fields: ['monthlyIncome'], divisions, records },
      }),
    );
  }
  return { items: result.items.map((r) => toRecordOutput(r, revealIncome)), total: result.total, page, pageSize };
}

async function load(ctx: AppContext, actor: Actor, personId: string, period: string): Promise<repo.LabourRecordRow> {
  const row = /^\d+$/.test(personId) ? await repo.findRecord(ctx.db, personId, period, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('劳动力台账记录');
  return row;
}

export async function getRecord(ctx: AppContext, actor: Actor, personId: string, period: string): Promise<LabourRecordOutput> {
  assertRead(actor);
  return toRecordOutput(await load(ctx, actor, personId, period), false);
}

export async function recordHistory(ctx: AppContext, actor: Actor, personId: string) {
  assertRead(actor);
  const rows = /^\d+$/.test(personId) ? await repo.personHistory(ctx.db, personId, actor.divisionCode) : [];
  if (rows.length === 0) throw new NotFoundError('劳动力台账记录');
  return rows.map((r) => toRecordOutput(r, false));
}

async function checkEmployer(ctx: AppContext, facts: LabourFacts, countyCode: string): Promise<void> {
  if (facts.employerId && !(await findEmployer(ctx.db, facts.employerId, countyCode))) {
    throw new ValidationError('用工单位不存在或不在本县', [{ path: 'facts.employerId', message: '用工单位不存在或不在本县' }]);
  }
}

/** Recompute this period and the later ones (their stable-employment windows include it). */
async function refreshFrom(ctx: AppContext, trx: Kysely<DB>, county: string, period: string, prefix: string): Promise<void> {
  for (const p of [period, ...(await periods.laterPeriods(trx, county, period))]) await refreshFacts(ctx, trx, county, p, prefix);
}

export async function updateRecord(ctx: AppContext, actor: Actor, personId: string, period: string, version: number, facts: LabourFacts): Promise<LabourRecordOutput> {
  assertCan(actor, 'employment.write', '填报劳动力台账');
  const row = await load(ctx, actor, personId, period);
  if (row.period_status === 'closed') throw new ConflictError(`${period} 期已关闭，修改须由县级通过“更正”办理并说明原因`);
  await checkEmployer(ctx, facts, row.county_code);
  const before = toFacts(row);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateRecord(trx, personId, period, version, toColumns(facts), { userId: actor.userId }))) {
      throw new ConflictError('该记录已被他人修改，请查看最新内容后重试', toRecordOutput(row, false));
    }
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'labour_record', entityId: `${personId}:${period}`, divisionCode: row.dest_division_code, before, after: facts });
    await refreshFrom(ctx, trx, row.county_code, period, row.dest_division_code);
  });
  return getRecord(ctx, actor, personId, period);
}

export async function correctRecord(ctx: AppContext, actor: Actor, personId: string, period: string, version: number, facts: LabourFacts, reason: string): Promise<LabourRecordOutput> {
  assertCan(actor, 'employment.period', '更正已关闭期别的台账');
  const row = await load(ctx, actor, personId, period);
  if (row.period_status !== 'closed') throw new ConflictError(`${period} 期尚未关闭，请直接修改`);
  await checkEmployer(ctx, facts, row.county_code);
  const before = toFacts(row);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateRecord(trx, personId, period, version, toColumns(facts), { corrected: true, userId: actor.userId }))) {
      throw new ConflictError('该记录已被他人修改，请查看最新内容后重试', toRecordOutput(row, false));
    }
    await repo.insertCorrection(trx, { personId, period, reason, before, after: facts, userId: actor.userId, at: ctx.now() });
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'correct', entity: 'labour_record', entityId: `${personId}:${period}`, divisionCode: row.dest_division_code, before, after: { ...facts, reason } });
    await refreshFrom(ctx, trx, row.county_code, period, row.dest_division_code);
  });
  return getRecord(ctx, actor, personId, period);
}

export async function listCorrections(ctx: AppContext, actor: Actor, personId: string, period: string) {
  assertRead(actor);
  await load(ctx, actor, personId, period);
  // Incomes stay masked here too: the ledger reveals them only through its audited read.
  const masked = (facts: unknown) => ({ ...(facts as object), monthlyIncome: null });
  return (await repo.listCorrections(ctx.db, personId, period)).map((c) => ({ id: String(c.id), reason: c.reason, before: masked(c.before), after: masked(c.after), at: c.at.toISOString(), by: c.display_name }));
}

/** "No change this month" for every unconfirmed record of a division (a village, usually). */
export async function confirmUnchanged(ctx: AppContext, actor: Actor, period: string, divisionCode: string): Promise<number> {
  assertCan(actor, 'employment.write', '填报劳动力台账');
  const scope = scopeOf(actor, divisionCode);
  const county = scope.slice(0, 6);
  const found = county.length === 6 ? await periods.findPeriod(ctx.db, county, period) : undefined;
  if (!found) throw new NotFoundError(`${period} 期`);
  if (found.status === 'closed') throw new ConflictError(`${period} 期已关闭`);
  return ctx.db.transaction().execute(async (trx) => {
    const n = await repo.confirmUnchanged(trx, period, scope, actor.userId);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'confirm', entity: 'labour_record', entityId: period, divisionCode: scope, before: null, after: { period, confirmed: n } });
    // A confirmed month counts towards the months employed and insured (labour-streaks.ts).
    if (n > 0) await refreshFrom(ctx, trx, county, period, scope);
    return n;
  });
}
