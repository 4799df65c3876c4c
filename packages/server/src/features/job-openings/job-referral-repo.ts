import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

function referrals(db: Kysely<DB>) {
  return db
    .selectFrom('job_referral as r')
    .innerJoin('job_opening as o', 'o.id', 'r.opening_id')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('employer as e', 'e.id', 'o.employer_id')
    .select([
      'r.id',
      'r.opening_id',
      'r.person_id',
      'r.dest_division_code',
      'r.referred_on',
      'r.outcome',
      'r.outcome_on',
      'r.note',
      'r.version',
      'o.title as opening_title',
      'o.partner',
      'e.name as employer_name',
      'p.name',
      'p.sex',
      'p.birth_date',
      'p.id_number',
    ]);
}

export type ReferralRow = NonNullable<Awaited<ReturnType<typeof findReferral>>>;

export async function findReferral(db: Kysely<DB>, openingId: string, referralId: string) {
  return referrals(db).where('r.opening_id', '=', openingId).where('r.id', '=', referralId).executeTakeFirst();
}

export async function findReferralOf(db: Kysely<DB>, openingId: string, personId: string) {
  return db.selectFrom('job_referral').select(['id', 'referred_on']).where('opening_id', '=', openingId).where('person_id', '=', personId).executeTakeFirst();
}

/** Referrals of an opening, of the people in `scope` only: a county opening may reach several townships. */
export async function listOfOpening(db: Kysely<DB>, openingId: string, scope: string, page: number, pageSize: number) {
  const base = db.selectFrom('job_referral as r').where('r.opening_id', '=', openingId).where('r.dest_division_code', 'like', `${scope}%`);
  const [items, total] = await Promise.all([
    referrals(db).where('r.opening_id', '=', openingId).where('r.dest_division_code', 'like', `${scope}%`).orderBy('r.referred_on', 'desc').orderBy('r.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function listOfPerson(db: Kysely<DB>, personId: string) {
  return referrals(db).where('r.person_id', '=', personId).orderBy('r.referred_on', 'desc').orderBy('r.id', 'desc').execute();
}

export async function insertReferral(db: Kysely<DB>, v: { openingId: string; personId: string; destDivisionCode: string; referredOn: string; note: string | null }) {
  return db
    .insertInto('job_referral')
    .values({ opening_id: v.openingId, person_id: v.personId, dest_division_code: v.destDivisionCode, referred_on: v.referredOn, note: v.note })
    .onConflict((oc) => oc.columns(['opening_id', 'person_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function updateOutcome(db: Kysely<DB>, id: string, version: number, v: { outcome: string; outcomeOn: string; note: string | null }) {
  return db
    .updateTable('job_referral')
    .set((eb) => ({ outcome: v.outcome, outcome_on: v.outcomeOn, note: v.note, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}
