import { sql, type Kysely } from 'kysely';
import type { EmployerInput } from '@anju/core';
import type { DB } from '../../db/schema.js';
import { likeContains } from '../../db/like.js';

export interface EmployerFilter {
  scope: string;
  q?: string;
  kind?: string;
  divisionCode?: string;
}

export type EmployerSort = 'name' | 'start_date' | 'positions';

export function employerColumns(input: EmployerInput) {
  return {
    credit_code: input.creditCode,
    name: input.name,
    kind: input.kind,
    county_code: input.divisionCode.slice(0, 6),
    division_code: input.divisionCode,
    site_id: input.siteId === null ? null : String(input.siteId),
    start_date: input.startDate,
    founded_by_relocated: input.foundedByRelocated,
    positions: input.positions,
    relocated_employed: input.relocatedEmployed,
  };
}

function filtered(db: Kysely<DB>, f: EmployerFilter) {
  let q = db.selectFrom('employer as e').where('e.division_code', 'like', `${f.scope}%`);
  if (f.divisionCode) q = q.where('e.division_code', 'like', `${f.divisionCode}%`);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.q) q = q.where((eb) => eb.or([eb('e.name', 'like', likeContains(f.q!)), eb('e.credit_code', '=', f.q!.toUpperCase())]));
  return q;
}

export async function listEmployers(db: Kysely<DB>, f: EmployerFilter, sort: EmployerSort, desc: boolean, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    filtered(db, f)
      .leftJoin('site as s', 's.id', 'e.site_id')
      .selectAll('e')
      .select('s.name as site_name')
      .orderBy(sql.ref(`e.${sort}`), desc ? 'desc' : 'asc')
      .orderBy('e.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findEmployer(db: Kysely<DB>, id: string, scope: string) {
  return db
    .selectFrom('employer as e')
    .leftJoin('site as s', 's.id', 'e.site_id')
    .selectAll('e')
    .select('s.name as site_name')
    .where('e.id', '=', id)
    .where('e.division_code', 'like', `${scope}%`)
    .executeTakeFirst();
}

export async function findEmployerByCreditCode(db: Kysely<DB>, creditCode: string) {
  return db.selectFrom('employer').select(['id', 'name', 'division_code']).where('credit_code', '=', creditCode).executeTakeFirst();
}

export async function insertEmployer(db: Kysely<DB>, input: EmployerInput) {
  return db.insertInto('employer').values(employerColumns(input)).returning('id').executeTakeFirstOrThrow();
}

export async function updateEmployer(db: Kysely<DB>, id: string, version: number, input: EmployerInput) {
  return db
    .updateTable('employer')
    .set((eb) => ({ ...employerColumns(input), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export type EmployerRow = NonNullable<Awaited<ReturnType<typeof findEmployer>>>;

export async function deleteEmployer(db: Kysely<DB>, id: string, version: number) {
  return db.deleteFrom('employer').where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
}
