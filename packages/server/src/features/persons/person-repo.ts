import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { PersonInput } from '@anju/core';
import type { DB } from '../../db/schema.js';
import { likePrefix } from '../../db/like.js';
import { notKnownStudent } from '../../db/labour-force-sql.js';

export interface PersonFilter {
  scope: string;
  q?: string;
  idNumber?: string;
  householdId?: string;
  siteId?: string;
  divisionCode?: string;
  sex?: string;
  labourCapacity?: string;
  /** Birth-date bounds of the labour-force ages on the reference date. */
  labourForce?: { bornAfter: string; bornOnOrBefore: string };
  registeredPoor?: boolean;
}

export type PersonSort = 'id' | 'name' | 'birth_date';

type PQ = SelectQueryBuilder<DB & { p: DB['person'] }, 'p', object>;

export function personColumns(input: PersonInput & { sex: string; birthDate: string }, household: { dest_division_code: string; county_code: string }) {
  return {
    id_number: input.idNumber,
    household_id: String(input.householdId),
    county_code: household.county_code,
    dest_division_code: household.dest_division_code,
    name: input.name,
    sex: input.sex,
    birth_date: input.birthDate,
    relation: input.relation,
    ethnicity: input.ethnicity,
    education: input.education,
    school_stage: input.schoolStage,
    health: input.health,
    disability_grade: input.disabilityGrade,
    labour_capacity: input.labourCapacity,
    skills: input.skills === null ? [] : input.skills,
    medical_insurance: input.medicalInsurance,
    pension_insurance: input.pensionInsurance,
    safety_net: input.safetyNet,
    forest_ranger: input.forestRanger,
    hukou_state: input.hukouState,
    phone: input.phone,
  };
}

function selectPersons(db: Kysely<DB>) {
  return db
    .selectFrom('person as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .selectAll('p')
    .select(['h.household_no', 'h.kind as household_kind', 'h.site_id']);
}

function applyFilter<QB extends PQ>(qb: QB, f: PersonFilter): QB {
  let q = qb.where('p.dest_division_code', 'like', `${f.scope}%`) as QB;
  if (f.divisionCode) q = q.where('p.dest_division_code', 'like', `${f.divisionCode}%`) as QB;
  if (f.householdId) q = q.where('p.household_id', '=', f.householdId as never) as QB;
  if (f.idNumber) q = q.where('p.id_number', '=', f.idNumber) as QB;
  if (f.q) q = q.where('p.name', 'like', likePrefix(f.q)) as QB;
  if (f.sex) q = q.where('p.sex', '=', f.sex) as QB;
  if (f.labourCapacity) q = q.where('p.labour_capacity', '=', f.labourCapacity) as QB;
  if (f.siteId) {
    const siteId = f.siteId;
    q = q.where('p.household_id', 'in', (eb) => eb.selectFrom('household').select('id').where('site_id', '=', siteId as never)) as QB;
  }
  if (f.registeredPoor !== undefined) {
    const kind = f.registeredPoor ? 'registered_poor' : 'synchronous';
    q = q.where('p.household_id', 'in', (eb) => eb.selectFrom('household').select('id').where('kind', '=', kind)) as QB;
  }
  if (f.labourForce) {
    q = q
      .where('p.birth_date', '>', f.labourForce.bornAfter)
      .where('p.birth_date', '<=', f.labourForce.bornOnOrBefore)
      .where('p.labour_capacity', 'not in', ['lost', 'none'])
      .where(notKnownStudent('p')) as QB;
  }
  return q;
}

export async function listPersons(db: Kysely<DB>, f: PersonFilter, sort: PersonSort, desc: boolean, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    applyFilter(selectPersons(db), f).orderBy(sql.ref(`p.${sort}`), desc ? 'desc' : 'asc').orderBy('p.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    applyFilter(db.selectFrom('person as p'), f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findPerson(db: Kysely<DB>, id: string, scope: string) {
  return selectPersons(db).where('p.id', '=', id as never).where('p.dest_division_code', 'like', `${scope}%`).executeTakeFirst();
}

/** Any household, any scope: used only to refuse a duplicate ID number (named only inside the caller's scope). */
export async function findPersonByIdNumber(db: Kysely<DB>, idNumber: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .select(['p.id', 'p.household_id', 'p.dest_division_code', 'h.household_no', 'h.status'])
    .where('p.id_number', '=', idNumber)
    .executeTakeFirst();
}

export async function listMembers(db: Kysely<DB>, householdId: string) {
  return selectPersons(db).where('p.household_id', '=', householdId as never).orderBy(sql`p.relation = 'head'`, 'desc').orderBy('p.birth_date').execute();
}

export async function insertPerson(db: Kysely<DB>, values: ReturnType<typeof personColumns>) {
  return db.insertInto('person').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updatePerson(db: Kysely<DB>, id: string, version: number, values: ReturnType<typeof personColumns>) {
  return db
    .updateTable('person')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id as never)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export async function deletePerson(db: Kysely<DB>, id: string, version: number) {
  return db.deleteFrom('person').where('id', '=', id as never).where('version', '=', version).returning('id').executeTakeFirst();
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;
