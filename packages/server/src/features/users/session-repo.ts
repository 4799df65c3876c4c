import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export async function insertSession(db: Kysely<DB>, tokenHash: string, userId: string, csrfToken: string, at: Date) {
  await db.insertInto('user_session').values({ token_hash: tokenHash, user_id: userId, csrf_token: csrfToken, created_at: at, last_seen_at: at }).execute();
}

export async function findSession(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.token_hash',
      's.csrf_token',
      's.last_seen_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.division_code',
      'u.department',
      'u.disabled',
      'u.must_change_password',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<DB>, tokenHash: string, at: Date) {
  await db.updateTable('user_session').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string) {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteUserSessions(db: Kysely<DB>, userId: string) {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

export async function deleteOtherSessions(db: Kysely<DB>, userId: string, keepTokenHash: string) {
  await db.deleteFrom('user_session').where('user_id', '=', userId).where('token_hash', '<>', keepTokenHash).execute();
}
