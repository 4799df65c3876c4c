import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { likePrefix } from '../../db/like.js';
import type { LabourRecordTable } from '../../db/schema-employment.js';

export type LabourRecordRow = Selectable<LabourRecordTable> & {
  name: string;
  sex: string;
  birth_date: string;
  id_number: string;
  labour_capacity: string;
  skills: string[];
  household_no: string;
  period_status: string;
};

/** Which records a list shows: the figures' drill-downs are these filters. */
export interface RecordFilter {
  period: string;
  divisionCode: string;
  householdId?: string;
  q?: string;
  state?: string;
  channel?: string;
  place?: string;
  fact?: 'labour_force' | 'employed' | 'stably_employed' | 'seeking' | 'first_cross_province' | 'returnee' | 'unconfirmed' | 'training_wish';
}

function base(db: Kysely<DB>) {
  return db
    .selectFrom('labour_record as r')
    .innerJoin('person as pe', 'pe.id', 'r.person_id')
    .innerJoin('household as h', 'h.id', 'r.household_id')
    .innerJoin('labour_period as lp', (j) => j.onRef('lp.county_code', '=', 'r.county_code').onRef('lp.period', '=', 'r.period'));
}

function filtered(db: Kysely<DB>, f: RecordFilter) {
  let q = base(db).where('r.period', '=', f.period).where('r.dest_division_code', 'like', `${f.divisionCode}%`);
  if (f.householdId) q = q.where('r.household_id', '=', f.householdId);
  if (f.q) q = q.where((eb) => eb.or([eb('pe.name', 'like', likePrefix(f.q!)), eb('h.household_no', '=', f.q!)]));
  if (f.state) q = q.where('r.state', '=', f.state);
  if (f.channel) q = q.where('r.channel', '=', f.channel).where('r.state', '=', 'employed');
  if (f.place) q = q.where('r.place', '=', f.place).where('r.state', '=', 'employed');
  switch (f.fact) {
    case 'labour_force': return q.where('r.labour_force', '=', true);
    case 'employed': return q.where('r.labour_force', '=', true).where('r.state', '=', 'employed');
    case 'stably_employed': return q.where('r.labour_force', '=', true).where('r.stably_employed', '=', true);
    case 'seeking': return q.where('r.labour_force', '=', true).where('r.wants_work', '=', true).where('r.state', '<>', 'employed');
    case 'training_wish': return q.where('r.labour_force', '=', true).where('r.training_wish', '=', true);
    case 'first_cross_province': return q.where('r.first_cross_province', '=', true);
    case 'returnee': return q.where('r.returnee', '=', true);
    case 'unconfirmed': return q.where('r.confirmed', '=', false);
    default: return q;
  }
}

const columns = [
  'r.person_id', 'r.period', 'r.county_code', 'r.dest_division_code', 'r.household_id', 'r.wants_work', 'r.state', 'r.channel', 'r.place',
  'r.employer_id', 'r.employer_name', 'r.start_date', 'r.contract_months', 'r.social_insurance', 'r.monthly_income', 'r.training_wish',
  'r.confirmed', 'r.corrected', 'r.labour_force', 'r.stably_employed', 'r.first_cross_province', 'r.returnee', 'r.version', 'r.updated_at',
  'r.updated_by', 'pe.name', 'pe.sex', 'pe.birth_date', 'pe.id_number', 'pe.labour_capacity', 'pe.skills', 'h.household_no', 'lp.status as period_status',
] as const;

export async function listRecords(db: Kysely<DB>, f: RecordFilter, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    filtered(db, f).select(columns).orderBy('h.household_no').orderBy('r.person_id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as LabourRecordRow[], total: Number(total.n) };
}

/** One record, if it lies inside `scope` (a division prefix). */
export async function findRecord(db: Kysely<DB>, personId: string, period: string, scope: string): Promise<LabourRecordRow | undefined> {
  const row = await base(db)
    .select(columns)
    .where('r.person_id', '=', personId)
    .where('r.period', '=', period)
    .where('r.dest_division_code', 'like', `${scope}%`)
    .executeTakeFirst();
  return row as LabourRecordRow | undefined;
}

/** A person's records over time, newest first ("as of" any period). */
export async function personHistory(db: Kysely<DB>, personId: string, scope: string) {
  const rows = await base(db)
    .select(columns)
    .where('r.person_id', '=', personId)
    .where('r.dest_division_code', 'like', `${scope}%`)
    .orderBy('r.period', 'desc')
    .execute();
  return rows as LabourRecordRow[];
}

export type FactColumns = Pick<
  Selectable<LabourRecordTable>,
  'wants_work' | 'state' | 'channel' | 'place' | 'employer_id' | 'employer_name' | 'start_date' | 'contract_months' | 'social_insurance' | 'monthly_income' | 'training_wish'
>;

/** Writes a record's facts if its version still matches; false when someone saved first. */
export async function updateRecord(
  db: Kysely<DB>,
  personId: string,
  period: string,
  version: number,
  facts: FactColumns,
  extra: { corrected?: boolean; userId: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('labour_record')
    .set({ ...facts, confirmed: true, ...(extra.corrected ? { corrected: true } : {}), updated_by: extra.userId, updated_at: new Date(), version: sql`version + 1` })
    .where('person_id', '=', personId)
    .where('period', '=', period)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Confirms the carried-forward records of a division as they stand ("no change this month"). */
export async function confirmUnchanged(db: Kysely<DB>, period: string, divisionCode: string, userId: string | null): Promise<number> {
  const result = await db
    .updateTable('labour_record')
    .set({ confirmed: true, updated_by: userId, updated_at: new Date(), version: sql`version + 1` })
    .where('period', '=', period)
    .where('dest_division_code', 'like', `${divisionCode}%`)
    .where('confirmed', '=', false)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertCorrection(
  db: Kysely<DB>,
  c: { personId: string; period: string; reason: string; before: unknown; after: unknown; userId: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('labour_correction')
    .values({ person_id: c.personId, period: c.period, reason: c.reason, before: JSON.stringify(c.before), after: JSON.stringify(c.after), user_id: c.userId, at: c.at })
    .execute();
}

export async function listCorrections(db: Kysely<DB>, personId: string, period: string) {
  return db
    .selectFrom('labour_correction as c')
    .leftJoin('app_user as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.reason', 'c.before', 'c.after', 'c.at', 'u.display_name'])
    .where('c.person_id', '=', personId)
    .where('c.period', '=', period)
    .orderBy('c.id')
    .execute();
}
