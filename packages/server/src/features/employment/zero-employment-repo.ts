import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export type ZeroCaseState = 'new' | 'continuing' | 'cleared' | 'open';

export interface ZeroCaseFilter {
  divisionCode: string;
  period: string;
  state?: ZeroCaseState;
}

function filtered(db: Kysely<DB>, f: ZeroCaseFilter) {
  let q = db
    .selectFrom('zero_employment_case as z')
    .innerJoin('household as h', 'h.id', 'z.household_id')
    .innerJoin('person as head', (j) => j.onRef('head.household_id', '=', 'h.id').on('head.relation', '=', 'head'))
    .where('z.dest_division_code', 'like', `${f.divisionCode}%`)
    .where('z.found_period', '<=', f.period);
  const open = sql<boolean>`(z.cleared_period IS NULL OR z.cleared_period > ${f.period})`;
  switch (f.state) {
    case 'new': return q.where('z.found_period', '=', f.period).where(open);
    case 'continuing': return q.where('z.found_period', '<', f.period).where(open);
    case 'cleared': return q.where('z.cleared_period', '=', f.period);
    case 'open': return q.where(open);
    default: return (q = q.where((eb) => eb.or([open, eb('z.cleared_period', '=', f.period)])));
  }
}

export async function listCases(db: Kysely<DB>, f: ZeroCaseFilter, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    filtered(db, f)
      .select([
        'z.id', 'z.household_id', 'z.dest_division_code', 'z.found_period', 'z.found_on', 'z.last_seen_period', 'z.cleared_period', 'z.cleared_on',
        'z.cleared_reason', 'z.action', 'z.action_note', 'z.responsible', 'z.version', 'h.household_no', 'head.name as head_name',
      ])
      .orderBy('z.found_on')
      .orderBy('z.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findCase(db: Kysely<DB>, id: string, scope: string) {
  return db
    .selectFrom('zero_employment_case')
    .selectAll()
    .where('id', '=', id)
    .where('dest_division_code', 'like', `${scope}%`)
    .executeTakeFirst();
}

export async function setAction(db: Kysely<DB>, id: string, version: number, a: { action: string; responsible: string; note: string | null }): Promise<boolean> {
  const result = await db
    .updateTable('zero_employment_case')
    .set({ action: a.action, responsible: a.responsible, action_note: a.note, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
