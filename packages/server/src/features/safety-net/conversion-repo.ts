/**
 * SQL of the safety-net conversions (低保/特困城乡转换, XX-2020 三(三)): who is a candidate,
 * the conversions of a division, and the person's safety-net state changed on completion.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export const RURAL_STATES = ['dibao_rural', 'tekun_rural'] as const;

/**
 * Rural 低保/特困 recipients of active households at urban sites, without a pending conversion.
 * One query for the list and the check before a conversion is started.
 */
function candidates(db: Kysely<DB>, scope: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .innerJoin('site as s', 's.id', 'h.site_id')
    .leftJoin('division as d', 'd.code', 'p.dest_division_code')
    .where('p.dest_division_code', 'like', `${scope}%`)
    .where('p.safety_net', 'in', RURAL_STATES)
    .where('h.status', '=', 'active')
    .where('s.area_kind', '=', 'urban')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('safety_net_conversion as c').select('c.id').whereRef('c.person_id', '=', 'p.id').where('c.status', '=', 'pending'))),
    );
}

const CANDIDATE_COLUMNS = [
  'p.id as person_id', 'p.name as person_name', 'p.sex', 'p.birth_date', 'p.id_number', 'p.household_id', 'h.household_no',
  'p.county_code', 'p.dest_division_code', 'd.name as division_name', 's.name as site_name', 'p.safety_net',
] as const;

export async function listCandidates(db: Kysely<DB>, scope: string, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    candidates(db, scope).select(CANDIDATE_COLUMNS).orderBy('p.dest_division_code').orderBy('h.household_no').orderBy('p.id').limit(limit).offset(offset).execute(),
    candidates(db, scope).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findCandidate(db: Kysely<DB>, personId: string, scope: string) {
  return candidates(db, scope).select(CANDIDATE_COLUMNS).where('p.id', '=', personId).executeTakeFirst();
}

export interface ConversionFilter {
  division: string;
  status?: string;
  overdue?: boolean;
  today: string;
}

const overdueExpr = (today: string) => sql<boolean>`(c.status = 'pending' AND c.due_on < ${today}::date)`;

function filtered(db: Kysely<DB>, f: ConversionFilter) {
  let q = db.selectFrom('safety_net_conversion as c').where('c.dest_division_code', 'like', `${f.division}%`);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.overdue !== undefined) q = q.where(f.overdue ? overdueExpr(f.today) : sql<boolean>`NOT ${overdueExpr(f.today)}`);
  return q;
}

function withPerson(db: Kysely<DB>, f: ConversionFilter) {
  return filtered(db, f)
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .innerJoin('household as h', 'h.id', 'c.household_id')
    .leftJoin('division as d', 'd.code', 'c.dest_division_code')
    .select([
      'c.id', 'c.person_id', 'p.name as person_name', 'p.sex', 'p.birth_date', 'p.id_number', 'c.household_id', 'h.household_no',
      'c.dest_division_code', 'd.name as division_name', 'c.from_state', 'c.to_state', 'c.confirmed_on', 'c.due_on', 'c.completed_on',
      'c.status', 'c.note', 'c.version', overdueExpr(f.today).as('overdue'),
    ]);
}

export type ConversionRow = Awaited<ReturnType<ReturnType<typeof withPerson>['executeTakeFirstOrThrow']>>;

/** Pending ones first, the most pressing due date first. */
export async function listConversions(db: Kysely<DB>, f: ConversionFilter, limit: number, offset: number) {
  const pendingFirst = sql<number>`CASE c.status WHEN 'pending' THEN 0 ELSE 1 END`;
  const [rows, total] = await Promise.all([
    withPerson(db, f).orderBy(pendingFirst).orderBy('c.due_on').orderBy('c.id').limit(limit).offset(offset).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findConversion(db: Kysely<DB>, id: string, f: ConversionFilter) {
  return withPerson(db, f).where('c.id', '=', id).executeTakeFirst();
}

export interface NewConversion {
  person_id: string;
  household_id: string;
  county_code: string;
  dest_division_code: string;
  from_state: string;
  to_state: string;
  confirmed_on: string;
  due_on: string;
  note: string | null;
  created_by: string;
}

export async function insertConversion(db: Kysely<DB>, row: NewConversion): Promise<string> {
  const { id } = await db.insertInto('safety_net_conversion').values(row).returning('id').executeTakeFirstOrThrow();
  return String(id);
}

/** Closes a pending conversion at the version read; undefined when stale or no longer pending. */
export async function closeConversion(db: Kysely<DB>, id: string, version: number, set: { status: 'completed' | 'cancelled'; completed_on?: string; note?: string | null }) {
  return db
    .updateTable('safety_net_conversion')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
}

/** The person's state changes only from the state the conversion started from; undefined otherwise. */
export async function setSafetyNet(db: Kysely<DB>, personId: string, from: string, to: string) {
  return db
    .updateTable('person')
    .set({ safety_net: to, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', personId)
    .where('safety_net', '=', from)
    .returning(['id', 'version', 'dest_division_code'])
    .executeTakeFirst();
}
