/**
 * Dashboard figures as a few grouped scans ("cubes") over the registry, scoped by a division
 * prefix (`dest_division_code LIKE prefix%`, served by the text_pattern_ops indexes). One scan
 * of the people gives totals, the age pyramid, households by kind and every sub-division's
 * figures at once; the service adds the cells up. Counts come back as strings from pg and are
 * converted here, at the repository boundary.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notKnownStudent } from '../../db/labour-force-sql.js';

/** Birth-date bounds of the labour-force ages on the reference date (see labour-force-setting.ts). */
export interface BirthWindow {
  bornAfter: string;
  bornOnOrBefore: string;
}

const n = (v: string | number | null | undefined) => Number(v ?? 0);

/** `left(code, length)` with the length inlined (an integer we choose, never user text). */
const areaOf = (column: string, length: number) => sql<string>`left(${sql.ref(column)}, ${sql.lit(Math.trunc(length))})`;

export interface PersonCell {
  area: string;
  kind: string;
  sex: string;
  band: number;
  labourForce: boolean;
  people: number;
}

/**
 * People in active households, grouped by sub-division (the first `areaLength` digits of their
 * destination code; 0 = no split), household kind, sex, five-year age band and labour force.
 * Grouped outside a subquery: a bound parameter in both SELECT and GROUP BY is not "the same
 * expression" to PostgreSQL.
 */
export async function personCube(db: Kysely<DB>, prefix: string, areaLength: number, on: string, lastBand: number, window: BirthWindow): Promise<PersonCell[]> {
  const rows = await db
    .selectFrom((sub) =>
      sub
        .selectFrom('person as p')
        .innerJoin('household as h', 'h.id', 'p.household_id')
        .select([
          areaOf('p.dest_division_code', areaLength).as('area'),
          'h.kind',
          'p.sex',
          sql<number>`least(floor(date_part('year', age(${on}::date, p.birth_date)) / 5), ${lastBand})::int`.as('band'),
          sql<boolean>`(p.birth_date > ${window.bornAfter} AND p.birth_date <= ${window.bornOnOrBefore}
                        AND p.labour_capacity NOT IN ('lost', 'none') AND ${notKnownStudent('p')})`.as('labour_force'),
        ])
        .where('p.dest_division_code', 'like', `${prefix}%`)
        .where('h.status', '=', 'active')
        .as('c'),
    )
    .select((eb) => ['c.area', 'c.kind', 'c.sex', 'c.band', 'c.labour_force', eb.fn.countAll<string>().as('people')])
    .groupBy(['c.area', 'c.kind', 'c.sex', 'c.band', 'c.labour_force'])
    .execute();
  return rows.map((r) => ({ area: r.area, kind: r.kind, sex: r.sex, band: Number(r.band), labourForce: r.labour_force, people: n(r.people) }));
}

/** Active households by sub-division and kind. */
export async function householdCube(db: Kysely<DB>, prefix: string, areaLength: number) {
  const area = areaOf('dest_division_code', areaLength);
  const rows = await db
    .selectFrom('household')
    .select((eb) => [area.as('area'), 'kind', eb.fn.countAll<string>().as('households')])
    .where('dest_division_code', 'like', `${prefix}%`)
    .where('status', '=', 'active')
    .groupBy([area, 'kind'])
    .execute();
  return rows.map((r) => ({ area: r.area, kind: r.kind, households: n(r.households) }));
}

/** Sites by sub-division. */
export async function siteCube(db: Kysely<DB>, prefix: string, areaLength: number) {
  const area = areaOf('division_code', areaLength);
  const rows = await db
    .selectFrom('site')
    .select((eb) => [area.as('area'), eb.fn.countAll<string>().as('sites')])
    .where('division_code', 'like', `${prefix}%`)
    .groupBy(area)
    .execute();
  return rows.map((r) => ({ area: r.area, sites: n(r.sites) }));
}

/** The largest sites of the division by population, for the bar chart. */
export async function figuresBySite(db: Kysely<DB>, prefix: string, limit: number) {
  const rows = await db
    .selectFrom('site as s')
    .leftJoin('household as h', (j) => j.onRef('h.site_id', '=', 's.id').on('h.status', '=', 'active'))
    .leftJoin('person as p', 'p.household_id', 'h.id')
    .select((eb) => [
      's.id',
      's.name',
      eb.fn.count<string>('h.id').distinct().as('households'),
      eb.fn.count<string>('p.id').as('people'),
      eb.fn.count<string>('p.id').filterWhere('h.kind', '=', 'registered_poor').as('registered_poor'),
    ])
    .where('s.division_code', 'like', `${prefix}%`)
    .groupBy(['s.id', 's.name'])
    .orderBy('people', 'desc')
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ siteId: String(r.id), siteName: r.name, households: n(r.households), people: n(r.people), registeredPoorPeople: n(r.registered_poor) }));
}
