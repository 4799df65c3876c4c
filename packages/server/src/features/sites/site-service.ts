import { can, siteSizeClass, type SiteInput } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { OUT_OF_SCOPE } from '../../platform/out-of-scope.js';
import type { Page } from '../../platform/paging.js';
import { appendAudit } from '../audit/audit-repo.js';
import { divisionExists } from '../divisions/division-repo.js';
import * as repo from './site-repo.js';
import type { SiteOutput } from './site-schemas.js';

export function toSiteOutput(s: repo.SiteRow): SiteOutput {
  const population = Number(s.population);
  return {
    id: String(s.id),
    code: s.code,
    name: s.name,
    divisionCode: s.division_code,
    divisionName: s.division_name,
    countyCode: s.county_code,
    areaKind: s.area_kind,
    settlementKind: s.settlement_kind,
    crossCounty: s.cross_county,
    buildYear: s.build_year,
    latitude: s.latitude,
    longitude: s.longitude,
    households: Number(s.households),
    population,
    registeredPoorPopulation: Number(s.registered_poor_population),
    sizeClass: siteSizeClass(population),
    version: s.version,
    updatedAt: s.updated_at.toISOString(),
  };
}

function assertCan(actor: Actor, write: boolean): void {
  if (!can(actor.role, write ? 'registry.write' : 'registry.read')) throw new ForbiddenError(write ? '无权修改安置点' : '无权查看安置点');
}

async function checkInput(ctx: AppContext, actor: Actor, input: SiteInput): Promise<void> {
  if (!input.divisionCode.startsWith(actor.divisionCode)) {
    throw new ValidationError('安置点所在行政区划超出本人管辖范围', [{ path: 'divisionCode', message: '超出管辖范围' }]);
  }
  if (!(await divisionExists(ctx.db, input.divisionCode))) {
    throw new ValidationError(`行政区划代码 ${input.divisionCode} 不存在`, [{ path: 'divisionCode', message: '行政区划代码不存在' }]);
  }
}

export async function getSite(ctx: AppContext, actor: Actor, id: string): Promise<SiteOutput> {
  assertCan(actor, false);
  const row = /^\d+$/.test(id) ? await repo.findSite(ctx.db, id, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('安置点');
  return toSiteOutput(row);
}

export async function listSites(
  ctx: AppContext,
  actor: Actor,
  query: { q?: string; divisionCode?: string; areaKind?: string; sort: repo.SiteSort; desc: boolean; page: number; pageSize: number },
): Promise<Page<SiteOutput>> {
  assertCan(actor, false);
  const { items, total } = await repo.listSites(ctx.db, { ...query, scope: actor.divisionCode }, query.sort, query.desc, query.page, query.pageSize);
  return { items: items.map(toSiteOutput), total, page: query.page, pageSize: query.pageSize };
}

/** Site codes are unique nationally; one taken outside the actor's division is not described. */
async function assertCodeFree(ctx: AppContext, actor: Actor, code: string, selfId?: string): Promise<void> {
  const other = await repo.findSiteByCode(ctx.db, code);
  if (!other || String(other.id) === selfId) return;
  if (!other.division_code.startsWith(actor.divisionCode)) throw new ConflictError(OUT_OF_SCOPE.siteCode(code));
  throw new ConflictError(`安置点编码 ${code} 已被本辖区的其他安置点使用`);
}

export async function createSite(ctx: AppContext, actor: Actor, input: SiteInput): Promise<SiteOutput> {
  assertCan(actor, true);
  await checkInput(ctx, actor, input);
  await assertCodeFree(ctx, actor, input.code);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertSite(trx, input);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'create', entity: 'site', entityId: String(id), divisionCode: input.divisionCode, before: null, after: input });
    return String(id);
  });
  return getSite(ctx, actor, id);
}

export async function updateSite(ctx: AppContext, actor: Actor, id: string, version: number, input: SiteInput): Promise<SiteOutput> {
  assertCan(actor, true);
  const before = await getSite(ctx, actor, id);
  await checkInput(ctx, actor, input);
  await assertCodeFree(ctx, actor, input.code, id);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateSite(trx, id, version, input);
    if (!updated) throw new ConflictError('该安置点已被他人修改，请刷新后重试', before);
    if (input.divisionCode !== before.divisionCode) await repo.moveSiteHouseholds(trx, id, input.divisionCode);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'site', entityId: id, divisionCode: input.divisionCode, before, after: input });
  });
  return getSite(ctx, actor, id);
}

/** Only an empty site can go: households and employers keep their site, and history stays whole. */
export async function deleteSite(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  assertCan(actor, true);
  const current = await getSite(ctx, actor, id);
  const employers = await repo.employerCountAtSite(ctx.db, id);
  if (current.households > 0 || employers > 0) {
    throw new ConflictError(`安置点“${current.name}”仍有 ${current.households} 户、${employers} 个经营主体，不能删除`);
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteSite(trx, id, version))) throw new ConflictError('该安置点已被他人修改，请刷新后重试', current);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'delete', entity: 'site', entityId: id, divisionCode: current.divisionCode, before: current, after: null });
  });
}
