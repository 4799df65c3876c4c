import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { HouseholdInput } from '@anju/core';
import type { DB } from '../../db/schema.js';
import { likePrefix } from '../../db/like.js';

export interface HouseholdFilter {
  scope: string;
  /** destination: households living in my division; origin: households that left my villages. */
  side: 'destination' | 'origin';
  q?: string;
  idNumber?: string;
  siteId?: string;
  divisionCode?: string;
  kind?: string;
  monitoringCategory?: string;
  status?: string;
}

export type HouseholdSort = 'household_no' | 'relocation_year' | 'members';

type HQ = SelectQueryBuilder<DB & { h: DB['household'] }, 'h', object>;

export function householdColumns(input: HouseholdInput, site: { division_code: string; county_code: string }) {
  return {
    household_no: input.householdNo,
    county_code: site.county_code,
    dest_division_code: site.division_code,
    origin_village_code: input.originVillageCode,
    site_id: String(input.siteId),
    building: input.building,
    unit: input.unit,
    room: input.room,
    relocation_year: input.relocationYear,
    kind: input.kind,
    property_cert_state: input.propertyCertState,
    vegetable_plot: input.vegetablePlot,
    monitoring_category: input.monitoringCategory,
    contracted_land_mu: input.contractedLandMu,
    forest_land_mu: input.forestLandMu,
    land_transferred: input.landTransferred,
    homestead_reclaimed: input.homesteadReclaimed,
  };
}

function selectHouseholds(db: Kysely<DB>) {
  return db
    .selectFrom('household as h')
    .innerJoin('site as s', 's.id', 'h.site_id')
    .leftJoin('division as ov', 'ov.code', 'h.origin_village_code')
    .selectAll('h')
    .select(['s.code as site_code', 's.name as site_name', 'ov.name as origin_village_name'])
    .select([
      sql<string | null>`(SELECT p.name FROM person p WHERE p.household_id = h.id AND p.relation = 'head' LIMIT 1)`.as('head_name'),
      sql<string>`(SELECT count(*) FROM person p WHERE p.household_id = h.id)`.as('members'),
    ]);
}

function applyFilter<QB extends HQ>(qb: QB, f: HouseholdFilter): QB {
  let q = qb;
  const column = f.side === 'origin' ? 'h.origin_village_code' : 'h.dest_division_code';
  q = q.where(column, 'like', `${f.scope}%`) as QB;
  if (f.divisionCode) q = q.where(column, 'like', `${f.divisionCode}%`) as QB;
  if (f.siteId) q = q.where('h.site_id', '=', f.siteId as never) as QB;
  if (f.kind) q = q.where('h.kind', '=', f.kind) as QB;
  if (f.monitoringCategory) q = q.where('h.monitoring_category', '=', f.monitoringCategory) as QB;
  q = q.where('h.status', '=', f.status ?? 'active') as QB;
  if (f.idNumber) {
    const idNumber = f.idNumber;
    q = q.where('h.id', 'in', (eb) => eb.selectFrom('person').select('household_id').where('id_number', '=', idNumber)) as QB;
  }
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        eb('h.household_no', 'like', likePrefix(text)),
        eb('h.id', 'in', eb.selectFrom('person').select('household_id').where('name', 'like', likePrefix(text)).where('relation', '=', 'head')),
      ]),
    ) as QB;
  }
  return q;
}

export async function listHouseholds(db: Kysely<DB>, f: HouseholdFilter, sort: HouseholdSort, desc: boolean, page: number, pageSize: number) {
  const order = sort === 'members' ? sql`members` : sql.ref(`h.${sort}`);
  const [items, total] = await Promise.all([
    applyFilter(selectHouseholds(db), f).orderBy(order, desc ? 'desc' : 'asc').orderBy('h.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    applyFilter(db.selectFrom('household as h'), f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Finds a household visible from either side; the caller decides how much of it to show. */
export async function findHousehold(db: Kysely<DB>, id: string, scope: string) {
  return selectHouseholds(db)
    .where('h.id', '=', id as never)
    .where((eb) => eb.or([eb('h.dest_division_code', 'like', `${scope}%`), eb('h.origin_village_code', 'like', `${scope}%`)]))
    .executeTakeFirst();
}

export async function findHouseholdByNo(db: Kysely<DB>, householdNo: string) {
  return db.selectFrom('household').select(['id', 'household_no', 'dest_division_code']).where('household_no', '=', householdNo).executeTakeFirst();
}

export async function insertHousehold(db: Kysely<DB>, values: ReturnType<typeof householdColumns>) {
  return db.insertInto('household').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateHousehold(db: Kysely<DB>, id: string, version: number, values: Partial<ReturnType<typeof householdColumns>> & { status?: string }) {
  return db
    .updateTable('household')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id as never)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

/** Members carry the household's destination for scoping: keep them in step on a move. */
export async function syncMembersDestination(db: Kysely<DB>, householdId: string, divisionCode: string, countyCode: string) {
  await db.updateTable('person').set({ dest_division_code: divisionCode, county_code: countyCode }).where('household_id', '=', householdId as never).execute();
}

export async function householdHistory(db: Kysely<DB>, householdId: string, limit: number) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'username', 'action', 'entity', 'entity_id', 'before', 'after'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', 'household'), eb('entity_id', '=', householdId)]),
        eb.and([
          eb('entity', '=', 'person'),
          eb('entity_id', 'in', eb.selectFrom('person').select(sql<string>`id::text`.as('id')).where('household_id', '=', householdId as never)),
        ]),
      ]),
    )
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export type HouseholdRow = NonNullable<Awaited<ReturnType<typeof findHousehold>>>;

/** Rows of this household and its members that imports changed, with when and by whom. */
export async function householdImportChanges(db: Kysely<DB>, householdId: string, limit: number) {
  return db
    .selectFrom('import_change as c')
    .innerJoin('import_job as j', 'j.id', 'c.job_id')
    .leftJoin('app_user as u', 'u.id', 'j.user_id')
    .select(['c.job_id', 'c.entity', 'c.entity_id', 'c.before', 'c.after', 'j.finished_at', 'j.started_at', 'u.username'])
    .where((eb) =>
      eb.or([
        eb.and([eb('c.entity', '=', 'household'), eb('c.entity_id', '=', householdId)]),
        eb.and([eb('c.entity', '=', 'person'), eb('c.entity_id', 'in', eb.selectFrom('person').select('id').where('household_id', '=', householdId))]),
      ]),
    )
    .orderBy('c.job_id', 'desc')
    .limit(limit)
    .execute();
}
