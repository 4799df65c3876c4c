import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Holdings of one post, the current one first, then the latest. */
export async function listHoldings(db: Kysely<DB>, postId: string) {
  return db
    .selectFrom('welfare_post_holding as w')
    .innerJoin('person as p', 'p.id', 'w.person_id')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .select(['w.id', 'w.post_id', 'w.start_date', 'w.end_date', 'w.end_reason', 'p.id as person_id', 'p.name as person_name', 'p.sex', 'p.birth_date', 'p.id_number', 'p.household_id', 'h.household_no'])
    .where('w.post_id', '=', postId)
    .orderBy((eb) => eb('w.end_date', 'is', null), 'desc')
    .orderBy('w.start_date', 'desc')
    .orderBy('w.id', 'desc')
    .execute();
}

export type HoldingRow = Awaited<ReturnType<typeof listHoldings>>[number];

export async function findHolding(db: Kysely<DB>, postId: string, holdingId: string) {
  return db.selectFrom('welfare_post_holding').selectAll().where('id', '=', holdingId).where('post_id', '=', postId).executeTakeFirst();
}

/** The day the last holder left: a new holder cannot start before it. */
export async function lastEndDate(db: Kysely<DB>, postId: string): Promise<string | null> {
  const row = await db.selectFrom('welfare_post_holding').where('post_id', '=', postId).select((eb) => eb.fn.max('end_date').as('last')).executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

/** The current holder's name, to say who is in the way when a second one is assigned. */
export async function currentHolderName(db: Kysely<DB>, postId: string): Promise<string | null> {
  const row = await db
    .selectFrom('welfare_post_holding as w')
    .innerJoin('person as p', 'p.id', 'w.person_id')
    .select('p.name')
    .where('w.post_id', '=', postId)
    .where('w.end_date', 'is', null)
    .executeTakeFirst();
  return row?.name ?? null;
}

/** Posts the person holds now, by title: a person is shown holding another post. */
export async function currentPostsOf(db: Kysely<DB>, personId: string) {
  return db
    .selectFrom('welfare_post_holding as w')
    .innerJoin('welfare_post as wp', 'wp.id', 'w.post_id')
    .select(['wp.id', 'wp.title'])
    .where('w.person_id', '=', personId)
    .where('w.end_date', 'is', null)
    .execute();
}

export async function insertHolding(db: Kysely<DB>, values: { post_id: string; person_id: string; start_date: string }) {
  return db.insertInto('welfare_post_holding').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Ends an open holding; nothing when it was already ended (by someone else meanwhile). */
export async function endHolding(db: Kysely<DB>, id: string, endDate: string, reason: string) {
  return db
    .updateTable('welfare_post_holding')
    .set({ end_date: endDate, end_reason: reason })
    .where('id', '=', id)
    .where('end_date', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

export async function countHoldings(db: Kysely<DB>, postId: string): Promise<number> {
  const row = await db.selectFrom('welfare_post_holding').where('post_id', '=', postId).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
