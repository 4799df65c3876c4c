import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notKnownStudent } from '../../db/labour-force-sql.js';

export interface CandidateFilter {
  /** The post's division (its site's): candidates live there … */
  divisionCode: string;
  /** … and inside the actor's division. */
  scope: string;
  /** Labour-force ages: born after / on or before (see labourForceBirthWindow). */
  bornAfter: string;
  bornOnOrBefore: string;
  /** Born on or before this day = an older worker (大龄) on the reference day. */
  olderBornOnOrBefore: string;
}

/**
 * The labour force of a division who hold no post now, each with the priority groups they belong
 * to (SX-2021 (六); GZ-2022 9), in one set-based query: most reasons first, then the oldest.
 */
function candidates(db: Kysely<DB>, f: CandidateFilter) {
  return db
    .selectFrom('person as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .where('h.status', '=', 'active')
    .where('p.dest_division_code', 'like', `${f.divisionCode}%`)
    .where('p.dest_division_code', 'like', `${f.scope}%`)
    .where('p.birth_date', '>', f.bornAfter)
    .where('p.birth_date', '<=', f.bornOnOrBefore)
    .where('p.labour_capacity', 'not in', ['lost', 'none'])
    .where(notKnownStudent('p'))
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM welfare_post_holding w WHERE w.person_id = p.id AND w.end_date IS NULL)`);
}

export async function listCandidates(db: Kysely<DB>, f: CandidateFilter, page: number, pageSize: number) {
  const flagged = candidates(db, f).select([
    'p.id as person_id',
    'p.name as person_name',
    'p.sex',
    'p.birth_date',
    'p.id_number',
    'p.household_id',
    'h.household_no',
    'p.labour_capacity',
    'p.disability_grade',
    sql<boolean>`p.labour_capacity = 'weak'`.as('weak_labour'),
    sql<boolean>`p.health IS NOT DISTINCT FROM 'disabled'`.as('disabled'),
    sql<boolean>`p.birth_date <= ${f.olderBornOnOrBefore}`.as('older_worker'),
    sql<boolean>`EXISTS (SELECT 1 FROM zero_employment_case z WHERE z.household_id = p.household_id AND z.cleared_period IS NULL)`.as('zero_employment'),
  ]);
  const [items, total] = await Promise.all([
    db
      .selectFrom(flagged.as('c'))
      .selectAll('c')
      .orderBy(sql`c.weak_labour::int + c.disabled::int + c.older_worker::int + c.zero_employment::int`, 'desc')
      .orderBy('c.birth_date')
      .orderBy('c.person_id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    candidates(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export type CandidateRow = Awaited<ReturnType<typeof listCandidates>>['items'][number];
