import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import { likeContains, likePrefix } from '../../db/like.js';
import type { SiteInput } from '@anju/core';

export interface SiteFilter {
  scope: string;
  q?: string;
  divisionCode?: string;
  areaKind?: string;
}

export type SiteSort = 'code' | 'name' | 'population' | 'build_year';

function toColumns(input: SiteInput) {
  return {
    code: input.code,
    name: input.name,
    county_code: input.divisionCode.slice(0, 6),
    division_code: input.divisionCode,
    area_kind: input.areaKind,
    settlement_kind: input.settlementKind,
    cross_county: input.crossCounty,
    build_year: input.buildYear,
    latitude: input.latitude,
    longitude: input.longitude,
  };
}

function selectSites(db: Kysely<DB>) {
  // Population is derived from the registry, never typed in (SPEC §3.1).
  return db
    .selectFrom('site as s')
    .leftJoin('division as d', 'd.code', 's.division_code')
    .selectAll('s')
    .select('d.name as division_name')
    .select([
      sql<string>`(SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id WHERE h.site_id = s.id AND h.status = 'active')`.as('population'),
      sql<string>`(SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id WHERE h.site_id = s.id AND h.status = 'active' AND h.kind = 'registered_poor')`.as('registered_poor_population'),
      sql<string>`(SELECT count(*) FROM household h WHERE h.site_id = s.id AND h.status = 'active')`.as('households'),
    ]);
}

export async function findSite(db: Kysely<DB>, id: string, scope: string) {
  return selectSites(db).where('s.id', '=', id as never).where('s.division_code', 'like', `${scope}%`).executeTakeFirst();
}

export async function findSiteByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('site').select(['id', 'code', 'division_code', 'county_code']).where('code', '=', code).executeTakeFirst();
}

function applyFilter<QB extends SelectQueryBuilder<DB & { s: DB['site']; d: DB['division'] }, 's' | 'd', object>>(qb: QB, f: SiteFilter): QB {
  let q = qb.where('s.division_code', 'like', `${f.scope}%`);
  if (f.divisionCode) q = q.where('s.division_code', 'like', `${f.divisionCode}%`);
  if (f.areaKind) q = q.where('s.area_kind', '=', f.areaKind);
  if (f.q) q = q.where((eb) => eb.or([eb('s.name', 'like', likeContains(f.q!)), eb('s.code', 'like', likePrefix(f.q!))]));
  return q as QB;
}

export async function listSites(db: Kysely<DB>, f: SiteFilter, sort: SiteSort, desc: boolean, page: number, pageSize: number) {
  const order = sort === 'population' ? sql`population` : sql.ref(`s.${sort}`);
  const [items, total] = await Promise.all([
    applyFilter(selectSites(db), f)
      .orderBy(order, desc ? 'desc' : 'asc')
      .orderBy('s.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    applyFilter(db.selectFrom('site as s').leftJoin('division as d', 'd.code', 's.division_code'), f)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function insertSite(db: Kysely<DB>, input: SiteInput) {
  return db.insertInto('site').values(toColumns(input)).returning('id').executeTakeFirstOrThrow();
}

export async function updateSite(db: Kysely<DB>, id: string, version: number, input: SiteInput) {
  return db
    .updateTable('site')
    .set((eb) => ({ ...toColumns(input), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id as never)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

/** Households carry their site's division for scoping; keep them in step when a site moves. */
export async function moveSiteHouseholds(db: Kysely<DB>, siteId: string, divisionCode: string) {
  await db
    .updateTable('household')
    .set({ dest_division_code: divisionCode, county_code: divisionCode.slice(0, 6) })
    .where('site_id', '=', siteId as never)
    .execute();
  await sql`UPDATE person p SET dest_division_code = ${divisionCode}, county_code = ${divisionCode.slice(0, 6)}
            FROM household h WHERE h.id = p.household_id AND h.site_id = ${siteId}`.execute(db);
}

export type SiteRow = NonNullable<Awaited<ReturnType<typeof findSite>>>;

export async function deleteSite(db: Kysely<DB>, id: string, version: number) {
  return db.deleteFrom('site').where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
}

export async function employerCountAtSite(db: Kysely<DB>, id: string): Promise<number> {
  const row = await db.selectFrom('employer').select((eb) => eb.fn.countAll<string>().as('n')).where('site_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}
