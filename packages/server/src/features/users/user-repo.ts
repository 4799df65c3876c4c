import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

const USER_COLUMNS = [
  'id',
  'username',
  'display_name',
  'role',
  'division_code',
  'department',
  'disabled',
  'failed_logins',
  'locked_until',
  'must_change_password',
  'version',
  'created_at',
] as const;

export async function findUserForLogin(db: Kysely<DB>, username: string) {
  return db.selectFrom('app_user').select([...USER_COLUMNS, 'password_hash']).where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Kysely<DB>, id: string, divisionPrefix: string) {
  return db
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .where('id', '=', id as never)
    .where('division_code', 'like', `${divisionPrefix}%`)
    .executeTakeFirst();
}

export async function listUsers(db: Kysely<DB>, divisionPrefix: string, page: number, pageSize: number) {
  const q = db.selectFrom('app_user').where('division_code', 'like', `${divisionPrefix}%`);
  const [items, total] = await Promise.all([
    q.select(USER_COLUMNS).orderBy('division_code').orderBy('username').limit(pageSize).offset((page - 1) * pageSize).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function insertUser(
  db: Kysely<DB>,
  user: { username: string; display_name: string; password_hash: string; role: string; division_code: string; department: string | null },
) {
  return db.insertInto('app_user').values(user).returning(USER_COLUMNS).executeTakeFirstOrThrow();
}

export async function recordFailedLogin(db: Kysely<DB>, id: string, attempts: number, lockUntil: Date | null) {
  await db
    .updateTable('app_user')
    .set({ failed_logins: lockUntil ? 0 : attempts, locked_until: lockUntil })
    .where('id', '=', id as never)
    .execute();
}

export async function recordSuccessfulLogin(db: Kysely<DB>, id: string) {
  await db.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', id as never).execute();
}

export async function updateUser(
  db: Kysely<DB>,
  id: string,
  version: number,
  changes: Partial<{ display_name: string; role: string; division_code: string; department: string | null; disabled: boolean; password_hash: string; locked_until: null; failed_logins: number; must_change_password: boolean }>,
) {
  return db
    .updateTable('app_user')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id as never)
    .where('version', '=', version)
    .returning(USER_COLUMNS)
    .executeTakeFirst();
}

/** The user's own choice: no version check (only they change it), the reset's mark cleared. */
export async function setOwnPassword(db: Kysely<DB>, id: string, passwordHash: string) {
  await db
    .updateTable('app_user')
    .set((eb) => ({ password_hash: passwordHash, must_change_password: false, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id as never)
    .execute();
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;
