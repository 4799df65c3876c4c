import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Public-welfare posts of a division on a day: the active posts, and of those the ones somebody
 * held on `onDate` (started on or before it, not ended before it).
 */
export async function welfarePostFigures(db: Kysely<DB>, divisionCodePrefix: string, onDate: string): Promise<{ posts: number; filled: number }> {
  const row = await db
    .selectFrom('welfare_post as wp')
    .where('wp.division_code', 'like', `${divisionCodePrefix}%`)
    .where('wp.active', '=', true)
    .select([
      sql<string>`count(*)`.as('posts'),
      sql<string>`count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM welfare_post_holding w
        WHERE w.post_id = wp.id AND w.start_date <= ${onDate} AND (w.end_date IS NULL OR w.end_date >= ${onDate})))`.as('filled'),
    ])
    .executeTakeFirstOrThrow();
  return { posts: Number(row.posts), filled: Number(row.filled) };
}
