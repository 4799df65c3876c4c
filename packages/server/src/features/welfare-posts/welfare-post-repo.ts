import { sql, type Kysely } from 'kysely';
import type { WelfarePostInput } from '@anju/core';
import type { DB } from '../../db/schema.js';
import { likeContains } from '../../db/like.js';

export interface PostFilter {
  scope: string;
  q?: string;
  siteId?: string;
  divisionCode?: string;
  duty?: string;
  grade?: string;
  active?: boolean;
  /** true: only posts nobody holds now; false: only held ones. */
  vacant?: boolean;
}

export type PostSort = 'site' | 'title' | 'monthly_pay';
const SORT_COLUMN: Record<PostSort, string> = { site: 's.name', title: 'wp.title', monthly_pay: 'wp.monthly_pay' };

export function postColumns(input: WelfarePostInput, site: { division_code: string }) {
  return {
    site_id: String(input.siteId),
    division_code: site.division_code,
    title: input.title,
    duty: input.duty,
    grade: input.grade,
    monthly_pay: input.monthlyPay,
    funding: input.funding,
    active: input.active,
  };
}

function filtered(db: Kysely<DB>, f: PostFilter) {
  let q = db.selectFrom('welfare_post as wp').innerJoin('site as s', 's.id', 'wp.site_id').where('wp.division_code', 'like', `${f.scope}%`);
  if (f.divisionCode) q = q.where('wp.division_code', 'like', `${f.divisionCode}%`);
  if (f.siteId) q = q.where('wp.site_id', '=', f.siteId);
  if (f.duty) q = q.where('wp.duty', '=', f.duty);
  if (f.grade) q = q.where('wp.grade', '=', f.grade);
  if (f.active !== undefined) q = q.where('wp.active', '=', f.active);
  if (f.q) q = q.where('wp.title', 'like', likeContains(f.q));
  if (f.vacant !== undefined) {
    const held = sql<boolean>`EXISTS (SELECT 1 FROM welfare_post_holding w WHERE w.post_id = wp.id AND w.end_date IS NULL)`;
    q = q.where(f.vacant ? sql<boolean>`NOT ${held}` : held);
  }
  return q;
}

/** A post with its site and its current holder (at most one: the partial unique index). */
function withHolder(db: Kysely<DB>, f: PostFilter) {
  return filtered(db, f)
    .leftJoin('welfare_post_holding as w', (join) => join.onRef('w.post_id', '=', 'wp.id').on('w.end_date', 'is', null))
    .leftJoin('person as p', 'p.id', 'w.person_id')
    .leftJoin('household as h', 'h.id', 'p.household_id')
    .selectAll('wp')
    .select([
      's.name as site_name',
      'w.id as holding_id',
      'w.start_date as holding_start_date',
      'p.id as person_id',
      'p.name as person_name',
      'p.sex',
      'p.birth_date',
      'p.id_number',
      'p.household_id',
      'h.household_no',
    ]);
}

export async function listPosts(db: Kysely<DB>, f: PostFilter, sort: PostSort, desc: boolean, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    withHolder(db, f)
      .orderBy(sql.ref(SORT_COLUMN[sort]), desc ? 'desc' : 'asc')
      .orderBy('wp.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findPost(db: Kysely<DB>, id: string, scope: string) {
  return withHolder(db, { scope }).where('wp.id', '=', id).executeTakeFirst();
}

export type PostRow = NonNullable<Awaited<ReturnType<typeof findPost>>>;

export async function insertPost(db: Kysely<DB>, values: ReturnType<typeof postColumns>) {
  return db.insertInto('welfare_post').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updatePost(db: Kysely<DB>, id: string, version: number, values: ReturnType<typeof postColumns>) {
  return db
    .updateTable('welfare_post')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export async function deletePost(db: Kysely<DB>, id: string, version: number) {
  return db.deleteFrom('welfare_post').where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
}
