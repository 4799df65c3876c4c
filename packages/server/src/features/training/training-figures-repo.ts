import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Trained and certified workers of a division on a day (SPEC §5: 培训率、持证率): distinct persons
 * whose enrolment, counted where they lived when enrolled, was completed on or before `onDate`,
 * and of those the ones with a certificate number. Dropped and unfinished enrolments do not
 * count. The rates divide these by the labour force, which the caller knows.
 */
export async function trainingFigures(db: Kysely<DB>, divisionCodePrefix: string, onDate: string): Promise<{ trained: number; certified: number }> {
  const row = await db
    .selectFrom('training_enrolment')
    .where('dest_division_code', 'like', `${divisionCodePrefix}%`)
    .where('status', '=', 'completed')
    .where('completed_on', '<=', onDate)
    .select([
      sql<string>`count(DISTINCT person_id)`.as('trained'),
      sql<string>`count(DISTINCT person_id) FILTER (WHERE certificate_no IS NOT NULL)`.as('certified'),
    ])
    .executeTakeFirstOrThrow();
  return { trained: Number(row.trained), certified: Number(row.certified) };
}
