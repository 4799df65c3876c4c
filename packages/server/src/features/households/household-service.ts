import { can, maskField, maskRecord, type HouseholdInput } from '@anju/core';
import { today, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { OUT_OF_SCOPE } from '../../platform/out-of-scope.js';
import type { Page } from '../../platform/paging.js';
import { appendAudit } from '../audit/audit-repo.js';
import { getDivision } from '../divisions/division-repo.js';
import { findSite } from '../sites/site-repo.js';
import { listMembers } from '../persons/person-repo.js';
import { toPersonOutput } from '../persons/person-service.js';
import { labourForceSetting } from '../settings/labour-force-setting.js';
import * as repo from './household-repo.js';
import type { HouseholdOutput } from './household-schemas.js';

function isDestinationSide(actor: Actor, h: repo.HouseholdRow): boolean {
  return h.dest_division_code.startsWith(actor.divisionCode);
}

const num = (v: string | null) => (v === null ? null : Number(v));

/**
 * Cross-county relocation splits responsibility (SPEC §2): the destination manages the housing
 * and the people; the origin keeps land, forest and collective rights, and sees only those.
 */
export function toHouseholdOutput(h: repo.HouseholdRow, full: boolean): HouseholdOutput {
  return {
    id: String(h.id),
    view: full ? 'full' : 'origin',
    householdNo: h.household_no,
    headName: h.head_name,
    members: Number(h.members),
    originVillageCode: h.origin_village_code,
    originVillageName: h.origin_village_name,
    crossCounty: h.origin_village_code.slice(0, 6) !== h.county_code,
    siteId: String(h.site_id),
    siteCode: h.site_code,
    siteName: h.site_name,
    destDivisionCode: h.dest_division_code,
    building: full ? h.building : null,
    unit: full ? h.unit : null,
    room: full ? h.room : null,
    relocationYear: h.relocation_year,
    kind: h.kind,
    propertyCertState: full ? h.property_cert_state : null,
    vegetablePlot: full ? h.vegetable_plot : null,
    monitoringCategory: full ? h.monitoring_category : null,
    contractedLandMu: num(h.contracted_land_mu),
    forestLandMu: num(h.forest_land_mu),
    landTransferred: h.land_transferred,
    homesteadReclaimed: h.homestead_reclaimed,
    status: h.status,
    version: h.version,
    updatedAt: h.updated_at.toISOString(),
  };
}

function assertCan(actor: Actor, write: boolean): void {
  if (!can(actor.role, write ? 'registry.write' : 'registry.read')) throw new ForbiddenError(write ? '无权修改搬迁户' : '无权查看搬迁户');
}

async function load(ctx: AppContext, actor: Actor, id: string): Promise<repo.HouseholdRow> {
  const row = /^\d+$/.test(id) ? await repo.findHousehold(ctx.db, id, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('搬迁户');
  return row;
}

export async function getHousehold(ctx: AppContext, actor: Actor, id: string) {
  assertCan(actor, false);
  const row = await load(ctx, actor, id);
  const full = isDestinationSide(actor, row);
  const on = today(ctx);
  const setting = await labourForceSetting(ctx, row.dest_division_code);
  const canUnmask = can(actor.role, 'personal.unmask');
  const memberList = full ? (await listMembers(ctx.db, id)).map((p) => toPersonOutput(p, on, setting, canUnmask)) : [];
  return { ...toHouseholdOutput(row, full), memberList };
}

export interface HouseholdListQuery extends Omit<repo.HouseholdFilter, 'scope' | 'idNumber'> {
  idNumber?: string;
  sort: repo.HouseholdSort;
  desc: 'true' | 'false';
  page: number;
  pageSize: number;
}

export async function listHouseholds(ctx: AppContext, actor: Actor, query: HouseholdListQuery): Promise<Page<HouseholdOutput>> {
  assertCan(actor, false);
  const filter = { ...query, scope: actor.divisionCode, idNumber: query.idNumber?.toUpperCase() };
  const { items, total } = await repo.listHouseholds(ctx.db, filter, query.sort, query.desc === 'true', query.page, query.pageSize);
  return { items: items.map((h) => toHouseholdOutput(h, query.side === 'destination')), total, page: query.page, pageSize: query.pageSize };
}

async function checkInput(ctx: AppContext, actor: Actor, input: HouseholdInput) {
  const site = await findSite(ctx.db, String(input.siteId), actor.divisionCode);
  if (!site) throw new ValidationError('安置点不存在或不在本人管辖范围内', [{ path: 'siteId', message: '安置点不存在或无权访问' }]);
  const village = await getDivision(ctx.db, input.originVillageCode);
  if (!village || village.level !== 5) {
    throw new ValidationError(`迁出地村代码 ${input.originVillageCode} 不是有效的村级行政区划`, [{ path: 'originVillageCode', message: '不是有效的村级行政区划代码' }]);
  }
  return site;
}

/** Household numbers are unique nationally; one taken outside the actor's division is not described. */
async function assertHouseholdNoFree(ctx: AppContext, actor: Actor, householdNo: string, selfId?: string): Promise<void> {
  const other = await repo.findHouseholdByNo(ctx.db, householdNo);
  if (!other || String(other.id) === selfId) return;
  if (!other.dest_division_code.startsWith(actor.divisionCode)) throw new ConflictError(OUT_OF_SCOPE.householdNo(householdNo));
  throw new ConflictError(`户编号 ${householdNo} 已被本辖区的其他户使用`);
}

export async function createHousehold(ctx: AppContext, actor: Actor, input: HouseholdInput) {
  assertCan(actor, true);
  const site = await checkInput(ctx, actor, input);
  await assertHouseholdNoFree(ctx, actor, input.householdNo);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertHousehold(trx, repo.householdColumns(input, site));
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'create', entity: 'household', entityId: String(id), divisionCode: site.division_code, before: null, after: input });
    return String(id);
  });
  return getHousehold(ctx, actor, id);
}

export async function updateHousehold(ctx: AppContext, actor: Actor, id: string, version: number, input: HouseholdInput) {
  assertCan(actor, true);
  const current = await load(ctx, actor, id);
  if (!isDestinationSide(actor, current)) throw new ForbiddenError('迁出地只能查看土地、林地权益，户的信息由迁入地维护');
  const site = await checkInput(ctx, actor, input);
  await assertHouseholdNoFree(ctx, actor, input.householdNo, id);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateHousehold(trx, id, version, repo.householdColumns(input, site));
    if (!updated) throw new ConflictError('该户信息已被他人修改，请查看最新内容后重试', toHouseholdOutput(current, true));
    if (site.division_code !== current.dest_division_code) await repo.syncMembersDestination(trx, id, site.division_code, site.county_code);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'household', entityId: id, divisionCode: site.division_code, before: toHouseholdOutput(current, true), after: input });
  });
  return getHousehold(ctx, actor, id);
}

/** Households are never deleted: dissolving keeps their history and frees members to move. */
export async function dissolveHousehold(ctx: AppContext, actor: Actor, id: string, version: number) {
  assertCan(actor, true);
  const current = await load(ctx, actor, id);
  if (!isDestinationSide(actor, current)) throw new ForbiddenError('迁出地不能注销迁入地的户');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateHousehold(trx, id, version, { status: 'dissolved' }))) throw new ConflictError('该户信息已被他人修改，请刷新后重试');
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'dissolve', entity: 'household', entityId: id, divisionCode: current.dest_division_code, before: { status: current.status }, after: { status: 'dissolved' } });
  });
}

/** Bookkeeping columns that change with every write and say nothing to the reader. */
const NOT_SHOWN = new Set(['version', 'updatedAt', 'updated_at', 'created_at', 'county_code', 'dest_division_code', 'id']);

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Personal fields are masked as on the record itself (`canUnmask`: the reader's `personal.unmask`). */
function diff(before: Record<string, unknown>, after: Record<string, unknown>, canUnmask: boolean) {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (f) => !NOT_SHOWN.has(f) && JSON.stringify(before[f]) !== JSON.stringify(after[f]),
  );
  const shown = (f: string, v: unknown) => maskRecord(maskField(camel(f), v ?? null, canUnmask), canUnmask);
  return fields.map((f) => ({ field: camel(f), before: shown(f, before[f]), after: shown(f, after[f]) }));
}

/**
 * Field-by-field changes of a household and its members, newest first: from the audit log for
 * changes made in the pages and the API, and from imports' before and after images.
 */
export async function householdHistory(ctx: AppContext, actor: Actor, id: string) {
  assertCan(actor, false);
  const row = await load(ctx, actor, id);
  if (!isDestinationSide(actor, row)) throw new NotFoundError('搬迁户');
  const [entries, imported] = await Promise.all([repo.householdHistory(ctx.db, id, 200), repo.householdImportChanges(ctx.db, id, 200)]);
  const canUnmask = can(actor.role, 'personal.unmask');
  const fromAudit = entries.map((e) => ({
    id: String(e.id),
    at: e.at.toISOString(),
    username: e.username,
    action: e.action,
    entity: e.entity,
    entityId: e.entity_id,
    changes: diff((e.before ?? {}) as Record<string, unknown>, (e.after ?? {}) as Record<string, unknown>, canUnmask),
  }));
  const fromImports = imported.map((c) => ({
    id: `import-${c.job_id}-${c.entity}-${c.entity_id}`,
    at: (c.finished_at ?? c.started_at).toISOString(),
    username: c.username ?? null,
    action: 'import',
    entity: c.entity,
    entityId: String(c.entity_id),
    changes: diff(c.before as Record<string, unknown>, c.after as Record<string, unknown>, canUnmask),
  }));
  return [...fromAudit, ...fromImports].sort((a, b) => b.at.localeCompare(a.at));
}
