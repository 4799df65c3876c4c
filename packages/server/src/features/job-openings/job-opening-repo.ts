import { sql, type Kysely } from 'kysely';
import type { JobOpeningInput } from '@anju/core';
import type { DB } from '../../db/schema.js';
import { likeContains } from '../../db/like.js';

export interface OpeningFilter {
  scope: string;
  q?: string;
  source?: string;
  status?: string;
  place?: string;
  divisionCode?: string;
  employerId?: string;
}

export type OpeningSort = 'title' | 'open_until' | 'positions' | 'updated_at';

export function openingColumns(input: JobOpeningInput) {
  return {
    title: input.title,
    source: input.source,
    employer_id: input.employerId,
    partner: input.partner,
    county_code: input.divisionCode.slice(0, 6),
    division_code: input.divisionCode,
    place: input.place,
    work_location: input.workLocation,
    skills: input.skills,
    min_capacity: input.minCapacity,
    min_age: input.minAge,
    max_age: input.maxAge,
    monthly_pay: input.monthlyPay,
    positions: input.positions,
    open_until: input.openUntil,
    status: input.status,
  };
}

/** The county and township codes above a division, and itself (openings carry 6, 9 or 12 digits). */
function selfAndAbove(code: string): string[] {
  return [6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

/**
 * Openings that reach a division: those posted inside it, and those posted for a county or
 * township containing it (a county's opening is pushed to its villages). Never a sibling's.
 */
function filtered(db: Kysely<DB>, f: OpeningFilter) {
  const reach = f.divisionCode && f.divisionCode.startsWith(f.scope) ? f.divisionCode : f.scope;
  const above = selfAndAbove(reach);
  let q = db
    .selectFrom('job_opening as o')
    .where((eb) => eb.or([eb('o.division_code', 'like', `${reach}%`), ...(above.length > 0 ? [eb('o.division_code', 'in', above)] : [])]));
  if (f.source) q = q.where('o.source', '=', f.source);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.place) q = q.where('o.place', '=', f.place);
  if (f.employerId) q = q.where('o.employer_id', '=', f.employerId);
  if (f.q) q = q.where((eb) => eb.or([eb('o.title', 'like', likeContains(f.q!)), eb('o.partner', 'like', likeContains(f.q!))]));
  return q;
}

/** The opening with its employer's name and how many referrals it had and how many were hired. */
function withCounts(q: ReturnType<typeof filtered>) {
  return q
    .leftJoin('employer as e', 'e.id', 'o.employer_id')
    .selectAll('o')
    .select('e.name as employer_name')
    .select((eb) => [
      eb.selectFrom('job_referral as r').whereRef('r.opening_id', '=', 'o.id').select(eb.fn.countAll<string>().as('n')).as('referrals'),
      eb.selectFrom('job_referral as r').whereRef('r.opening_id', '=', 'o.id').where('r.outcome', '=', 'hired').select(eb.fn.countAll<string>().as('n')).as('hired'),
    ]);
}

export async function listOpenings(db: Kysely<DB>, f: OpeningFilter, sort: OpeningSort | undefined, desc: boolean, page: number, pageSize: number) {
  let items = withCounts(filtered(db, f));
  // Without a chosen order the newest opening comes first.
  items = sort ? items.orderBy(sql.ref(`o.${sort}`), desc ? 'desc' : 'asc').orderBy('o.id', 'desc') : items.orderBy('o.id', 'desc');
  const [rows, total] = await Promise.all([
    items.limit(pageSize).offset((page - 1) * pageSize).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: Number(total.n) };
}

export async function findOpening(db: Kysely<DB>, id: string, scope: string) {
  return withCounts(filtered(db, { scope })).where('o.id', '=', id).executeTakeFirst();
}

export type OpeningRow = NonNullable<Awaited<ReturnType<typeof findOpening>>>;

export async function insertOpening(db: Kysely<DB>, input: JobOpeningInput) {
  return db.insertInto('job_opening').values(openingColumns(input)).returning('id').executeTakeFirstOrThrow();
}

export async function updateOpening(db: Kysely<DB>, id: string, version: number, input: JobOpeningInput) {
  return db
    .updateTable('job_opening')
    .set((eb) => ({ ...openingColumns(input), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

/** Only an opening nobody was referred to can go; one with referrals is closed instead. */
export async function deleteOpening(db: Kysely<DB>, id: string, version: number) {
  return db
    .deleteFrom('job_opening')
    .where('id', '=', id)
    .where('version', '=', version)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('job_referral').select('id').where('opening_id', '=', id))))
    .returning('id')
    .executeTakeFirst();
}
