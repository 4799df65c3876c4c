import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { likeContains, likePrefix } from '../../db/like.js';

const COLUMNS = ['code', 'name', 'level', 'parent_code', 'code_year'] as const;

export async function divisionExists(db: Kysely<DB>, code: string): Promise<boolean> {
  return (await db.selectFrom('division').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function getDivision(db: Kysely<DB>, code: string) {
  return db.selectFrom('division').select(COLUMNS).where('code', '=', code).executeTakeFirst();
}

export async function getDivisions(db: Kysely<DB>, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('division').select(COLUMNS).where('code', 'in', codes).execute();
}

export async function childDivisions(db: Kysely<DB>, parentCode: string | null) {
  let q = db.selectFrom('division').select(COLUMNS);
  q = parentCode === null ? q.where('level', '=', 1) : q.where('parent_code', '=', parentCode);
  return q.orderBy('code').execute();
}

/** Name or code search inside a prefix; codes match by prefix, names by substring. */
export async function searchDivisions(db: Kysely<DB>, text: string, prefix: string, limit: number) {
  let q = db.selectFrom('division').select(COLUMNS).where('code', 'like', `${prefix}%`);
  q = /^\d+$/.test(text) ? q.where('code', 'like', likePrefix(text)) : q.where('name', 'like', likeContains(text));
  return q.orderBy('level').orderBy('code').limit(limit).execute();
}

export type DivisionRow = NonNullable<Awaited<ReturnType<typeof getDivision>>>;
