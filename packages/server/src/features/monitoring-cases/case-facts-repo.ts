/**
 * What the workflow reads about a household beyond its case: the department records attached
 * at the comparison step, and the ledger, task and insurance figures of the elimination check.
 * The assistance tasks belong to features/assistance; this only counts them.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Department records (数据比对) of the household's members that occurred in [from, to]. */
export async function departmentRecordsOf(db: Kysely<DB>, householdId: string, from: string, to: string) {
  return db
    .selectFrom('department_record as d')
    .innerJoin('person as p', 'p.id', 'd.person_id')
    .select(['d.id', 'd.department', 'd.kind', 'd.person_id', 'p.name', 'd.occurred_on', 'd.period', 'd.amount', 'd.detail', 'd.source_file'])
    .where('d.household_id', '=', householdId as never)
    .where('d.occurred_on', '>=', from as never)
    .where('d.occurred_on', '<=', to as never)
    .orderBy('d.occurred_on', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
}

/**
 * The household's work income in each of the county's last `periods` ledger periods up to
 * `month`, newest first; a period without a record of the household counts as no income.
 */
export async function householdIncomeByPeriod(db: Kysely<DB>, householdId: string, countyCode: string, month: string, periods: number) {
  const { rows } = await sql<{ period: string; income: string }>`
    SELECT lp.period, coalesce(sum(r.monthly_income) FILTER (WHERE r.state = 'employed'), 0) AS income
    FROM (SELECT period FROM labour_period WHERE county_code = ${countyCode} AND period <= ${month}
          ORDER BY period DESC LIMIT ${periods}) lp
    LEFT JOIN labour_record r ON r.county_code = ${countyCode} AND r.period = lp.period AND r.household_id = ${householdId}
    GROUP BY lp.period ORDER BY lp.period DESC`.execute(db);
  return rows.map((r) => ({ period: r.period, income: Number(r.income) }));
}

/**
 * Members of the household, how many lack basic medical insurance, and how many nobody has
 * recorded either way (未填写: neither insured nor uninsured as far as anyone knows).
 */
export async function memberInsurance(db: Kysely<DB>, householdId: string) {
  const row = await db
    .selectFrom('person')
    .select((eb) => [
      eb.fn.countAll<string>().as('members'),
      sql<string>`count(*) FILTER (WHERE NOT medical_insurance)`.as('uninsured'),
      sql<string>`count(*) FILTER (WHERE medical_insurance IS NULL)`.as('unknown'),
    ])
    .where('household_id', '=', householdId as never)
    .executeTakeFirstOrThrow();
  return { members: Number(row.members), uninsured: Number(row.uninsured), unknown: Number(row.unknown) };
}

/** Assistance tasks of the case that are done (帮扶措施已落实). */
export async function doneTaskCount(db: Kysely<DB>, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('assistance_task')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('case_id', '=', caseId)
    .where('status', '=', 'done')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
