import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * A person of an active household inside `scope`, with the columns of a PersonBrief and where they
 * live: features that attach people to their records (enrolments, post holdings) check with this.
 */
export async function findPersonForAttach(db: Kysely<DB>, id: string, scope: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .select(['p.id as person_id', 'p.name as person_name', 'p.sex', 'p.birth_date', 'p.id_number', 'p.household_id', 'h.household_no', 'p.dest_division_code', 'p.county_code', 'h.status as household_status'])
    .where('p.id', '=', id)
    .where('p.dest_division_code', 'like', `${scope}%`)
    .executeTakeFirst();
}
