/**
 * Opening a period writes its records with their derived facts final (ledger-open-repo.ts), so
 * opening no longer runs the refresh over them: the facts it writes must be the refresh's, on a
 * small demo ledger with the cases the carry-forward cannot settle by itself (people without a
 * record last month, a month skipped, other stable-employment windows, months left unconfirmed).
 * Migration 0014 fills the months counted as the refresh computes them. And the foreign keys that
 * migration 0010 replaced still refuse what they refused.
 */
import { readFileSync } from 'node:fs';
import { addMonths } from '@anju/core';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.js';
import type { testContext, TestDatabase } from '../../../test/test-database.js';
import { demoTestDatabase } from '../../../test/demo-database.js';
import { demoPeriods, seedLedger } from '../demo-seed/demo-ledger.js';
import { factScope } from './labour-facts.js';
import { historyFacts, labourForceOf, refreshPersonFacts, type FactScope } from './labour-facts-repo.js';
import { streakColumns } from './labour-streaks.js';
import { insertCarriedForward } from './ledger-open-repo.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let county: string;
// Over a year, so that the twelve-month counts lose a month when the next one opens.
const periods = demoPeriods(new Date('2026-06-01T08:00:00Z'), 13);
const last = periods.at(-1)!;

beforeAll(async () => {
  ({ tdb, ctx, county } = await demoTestDatabase({ persons: 800, seed: 5 })); // today is 2026-06-01
  await seedLedger(ctx, { seed: 5, periods });
});

afterAll(async () => {
  await tdb?.close();
});

/** The records of the scope's period whose derived facts are not the refresh's own, from each person's whole history. */
async function differing(db: Kysely<DB>, s: FactScope): Promise<number> {
  const facts = sql`(SELECT ${labourForceOf(s, 'pe')}, ${historyFacts(s)}
    FROM person pe JOIN labour_record h ON h.person_id = pe.id AND h.period <= ${s.period} WHERE pe.id = r.person_id GROUP BY pe.id)`;
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM labour_record r
    WHERE r.county_code = ${county} AND r.period = ${s.period}
      AND (r.labour_force, r.stably_employed, r.first_cross_province, r.returnee, ${streakColumns}) <> ${facts}`.execute(db);
  return Number(rows[0]!.n);
}

/** Leaves every third person's records of `months` unconfirmed, and refreshes the months after them. */
async function unconfirm(trx: Kysely<DB>, months: string[]): Promise<void> {
  await sql`UPDATE labour_record SET confirmed = false WHERE county_code = ${county} AND period = ANY(${months}::text[]) AND person_id % 3 = 0`.execute(trx);
  for (const period of periods.filter((p) => months.some((m) => m <= p))) await refreshPersonFacts(trx, await factScope(ctx, trx, county, period, county));
}

/** Opens `period` with a stable-employment window of `window` periods, checks it, and takes it back. */
async function openAndCompare(period: string, window: number, prepare?: (trx: Kysely<DB>) => Promise<void>): Promise<{ records: number; differing: number }> {
  let result = { records: 0, differing: 0 };
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      if (prepare) await prepare(trx);
      const base = await factScope(ctx, trx, county, last, county);
      const s: FactScope = { ...base, period, previous: last, windowStart: addMonths(period, 1 - window), yearStart: addMonths(period, -11), minEmployedPeriods: Math.ceil(window / 2) };
      const records = await insertCarriedForward(trx, s, null);
      result = { records, differing: await differing(trx, s) };
      throw new Error('take it back');
    })
    .catch((e: Error) => {
      if (e.message !== 'take it back') throw e;
    });
  return result;
}

describe('opening a period', () => {
  it('writes the facts the refresh would, for every stable-employment window', async () => {
    const next = addMonths(last, 1);
    for (const window of [1, 3, 6, 12, 18, 24]) {
      const opened = await openAndCompare(next, window);
      expect(opened.records, `window ${window}`).toBeGreaterThan(300);
      expect(opened.differing, `window ${window}`).toBe(0);
    }
  });

  it('writes the facts the refresh would for people with no record last month, and after a skipped month', async () => {
    // Some of last month's records gone (their people have older ones), and a month skipped.
    const gone = async (trx: Kysely<DB>) => {
      await sql`DELETE FROM labour_record WHERE county_code = ${county} AND period = ${last} AND person_id % 7 = 0`.execute(trx);
    };
    expect(await openAndCompare(addMonths(last, 1), 12, gone)).toMatchObject({ differing: 0 });
    expect(await openAndCompare(addMonths(last, 2), 12)).toMatchObject({ differing: 0 });
  });

  it('writes the months counted the refresh would when earlier months are unconfirmed', async () => {
    // Last month, the month that leaves the twelve-month count, and one between: unconfirmed.
    const months = [last, addMonths(last, -11), addMonths(last, -5)];
    for (const window of [6, 12, 18]) {
      expect(await openAndCompare(addMonths(last, 1), window, (trx) => unconfirm(trx, months)), `window ${window}`).toMatchObject({ differing: 0 });
    }
  });
});

describe('migration 0014', () => {
  it('fills the months counted of existing records as the refresh computes them', async () => {
    const migration = (way: 'up' | 'down') =>
      readFileSync(new URL(`../../db/migrations/0014_labour_months_counted.${way}.sql`, import.meta.url), 'utf8');
    let wrong = -1;
    await ctx.db
      .transaction()
      .execute(async (trx) => {
        await unconfirm(trx, [last, addMonths(last, -3)]);
        await sql.raw(migration('down')).execute(trx);
        await sql.raw(migration('up')).execute(trx);
        wrong = 0;
        for (const period of periods) wrong += await differing(trx, await factScope(ctx, trx, county, period, county));
        throw new Error('take it back');
      })
      .catch((e: Error) => {
        if (e.message !== 'take it back') throw e;
      });
    expect(wrong).toBe(0);
  });

  it('refuses to delete a person or an employer a record names, as the foreign keys did', async () => {
    const { rows } = await sql<{ person_id: string; period: string; employer_id: string }>`
      SELECT person_id, period, employer_id FROM labour_record WHERE employer_id IS NOT NULL LIMIT 1`.execute(ctx.db);
    const named = rows[0]!;
    await expect(sql`DELETE FROM person WHERE id = ${named.person_id}`.execute(ctx.db)).rejects.toMatchObject({ code: '23503' });
    await expect(sql`DELETE FROM employer WHERE id = ${named.employer_id}`.execute(ctx.db)).rejects.toMatchObject({ code: '23503' });
    await expect(sql`UPDATE labour_record SET employer_id = -1 WHERE person_id = ${named.person_id} AND period = ${named.period}`.execute(ctx.db)).rejects.toMatchObject({ code: '23503' });
    const left = await sql<{ n: string }>`SELECT count(*) AS n FROM person WHERE id = ${named.person_id}`.execute(ctx.db);
    expect(Number(left.rows[0]!.n)).toBe(1);
  });
});
