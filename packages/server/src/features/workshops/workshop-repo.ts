import type { Kysely } from 'kysely';
import type { WorkshopFacts } from '@anju/core';
import type { DB } from '../../db/schema.js';
import { likeContains } from '../../db/like.js';

export interface WorkshopFilter {
  scope: string;
  q?: string;
  workshopKind?: string;
  divisionCode?: string;
}

/**
 * Employers of kind 'workshop' with their workshop facts, which are missing (all nulls) until
 * somebody fills them in: such workshops are listed too, their checks say what is missing.
 */
function workshops(db: Kysely<DB>, scope: string) {
  return db
    .selectFrom('employer as e')
    .leftJoin('workshop as w', 'w.employer_id', 'e.id')
    .where('e.kind', '=', 'workshop')
    .where('e.division_code', 'like', `${scope}%`);
}

function filtered(db: Kysely<DB>, f: WorkshopFilter) {
  let q = workshops(db, f.scope);
  if (f.divisionCode) q = q.where('e.division_code', 'like', `${f.divisionCode}%`);
  if (f.workshopKind) q = q.where('w.workshop_kind', '=', f.workshopKind);
  if (f.q) q = q.where('e.name', 'like', likeContains(f.q));
  return q;
}

const columns = [
  'e.id',
  'e.name',
  'e.county_code',
  'e.division_code',
  'e.site_id',
  'w.workshop_kind',
  'w.jobs',
  'w.poverty_workers',
  'w.relocated_workers',
  'w.insured_workers',
  'w.yearly_contract_workers',
  'w.recognised_on',
  'w.upgraded_on',
  'w.version',
  'w.updated_at',
] as const;

export async function listWorkshops(db: Kysely<DB>, f: WorkshopFilter, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    filtered(db, f)
      .leftJoin('site as s', 's.id', 'e.site_id')
      .select(columns)
      .select('s.name as site_name')
      .orderBy('e.name')
      .orderBy('e.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findWorkshop(db: Kysely<DB>, employerId: string, scope: string) {
  return workshops(db, scope).leftJoin('site as s', 's.id', 'e.site_id').select(columns).select('s.name as site_name').where('e.id', '=', employerId).executeTakeFirst();
}

export type WorkshopRow = NonNullable<Awaited<ReturnType<typeof findWorkshop>>>;

function factColumns(f: WorkshopFacts) {
  return {
    workshop_kind: f.workshopKind,
    jobs: f.jobs,
    poverty_workers: f.povertyWorkers,
    relocated_workers: f.relocatedWorkers,
    insured_workers: f.insuredWorkers,
    yearly_contract_workers: f.yearlyContractWorkers,
    recognised_on: f.recognisedOn,
    upgraded_on: f.upgradedOn,
  };
}

/** First facts of a workshop; undefined when someone else was first (the caller answers 409). */
export async function insertWorkshop(db: Kysely<DB>, employerId: string, f: WorkshopFacts) {
  return db
    .insertInto('workshop')
    .values({ employer_id: employerId, ...factColumns(f) })
    .onConflict((oc) => oc.column('employer_id').doNothing())
    .returning('employer_id')
    .executeTakeFirst();
}

export async function updateWorkshop(db: Kysely<DB>, employerId: string, version: number, f: WorkshopFacts) {
  return db
    .updateTable('workshop')
    .set((eb) => ({ ...factColumns(f), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('employer_id', '=', employerId)
    .where('version', '=', version)
    .returning('employer_id')
    .executeTakeFirst();
}
