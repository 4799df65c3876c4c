// scratch: the facts written by opening a period agree with the refresh's (full history) facts
import { addMonths } from '@anju/core';
import { openDatabase } from '@anju/server';
import { sql } from 'kysely';
import { insertCarriedForward } from '../../packages/server/src/features/employment/ledger-open-repo.js';
import { historyFacts, labourForceOf, type FactScope } from '../../packages/server/src/features/employment/labour-facts-repo.js';
import { streakColumns } from '../../packages/server/src/features/employment/labour-streaks.js';
import { databaseUrl } from '../bench-db.js';

const [dbName, county] = process.argv.slice(2) as [string, string];
const database = await openDatabase({ databaseUrl: databaseUrl(dbName) });
const db = database.db;
const [{ q }] = (await database.pool.query('SELECT max(period) AS q FROM labour_period WHERE county_code = $1', [county])).rows;
const variants: { name: string; w: number; minE: number; minC: number; skip?: number; dropPrev?: boolean }[] = [
  { name: 'default', w: 12, minE: 6, minC: 12 },
  { name: 'w6', w: 6, minE: 4, minC: 12 },
  { name: 'w18', w: 18, minE: 9, minC: 24 },
  { name: 'w1', w: 1, minE: 1, minC: 12 },
  { name: 'gap', w: 12, minE: 6, minC: 12, skip: 2 },
  { name: 'prev dropped for some', w: 12, minE: 6, minC: 12, dropPrev: true },
];
for (const v of process.env.ONLY ? [variants[0]!, variants[0]!, variants[0]!] : variants) {
  const period = addMonths(q, v.skip ?? 1);
  const s: FactScope = {
    countyCode: county, period, prefix: county, previous: q, windowStart: addMonths(period, 1 - v.w), yearStart: addMonths(period, -11),
    bornAfter: `${Number(period.slice(0, 4)) - 61}-12-31`, bornOnOrBefore: `${Number(period.slice(0, 4)) - 16}-12-31`,
    minEmployedPeriods: v.minE, minContractMonths: v.minC, today: '2026-12-01', closed: false,
  };
  try {
    await db.transaction().execute(async (trx) => {
      if (v.dropPrev) {
        // persons with history but no record last period (a record taken back), and a few whose last record is in another county
        await sql`DELETE FROM labour_record WHERE period = ${q} AND county_code = ${county} AND person_id % 37 = 0 AND person_id NOT IN (SELECT person_id FROM labour_correction)`.execute(trx);
        await sql`UPDATE labour_record SET county_code = 'elsewhere' WHERE period = ${addMonths(q, -3)} AND county_code = ${county} AND person_id % 41 = 0`.execute(trx);
      }
      if (process.env.MEMO === 'off') await sql`SET LOCAL enable_memoize = off`.execute(trx);
      const t = Date.now();
      const n = await insertCarriedForward(trx, s, null);
      const ms = Date.now() - t;
      const facts = sql`(SELECT ${labourForceOf(s, 'pe')}, ${historyFacts(s)} FROM person pe JOIN labour_record h ON h.person_id = pe.id AND h.period <= ${s.period} WHERE pe.id = r.person_id GROUP BY pe.id)`;
      const factsText = sql`(SELECT ROW(${labourForceOf(s, 'pe')}, ${historyFacts(s)})::text FROM person pe JOIN labour_record h ON h.person_id = pe.id AND h.period <= ${s.period} WHERE pe.id = r.person_id GROUP BY pe.id)`;
      const cols = sql`(r.labour_force, r.stably_employed, r.first_cross_province, r.returnee, ${streakColumns})`;
      const bad = await sql<{ n: string; carried: string; sample: unknown }>`
        SELECT count(*) AS n, 0 AS carried,
          (array_agg(r.person_id || ': ' || ROW${cols}::text || ' vs ' || ${factsText}))[1:3] AS sample
        FROM labour_record r WHERE r.county_code = ${county} AND r.period = ${period} AND ${cols} <> ${facts}`.execute(trx);
      console.log(`${v.name}: ${n} records in ${ms} ms; ${bad.rows[0]!.n} differ from the refresh (${bad.rows[0]!.carried} carried)`, bad.rows[0]!.sample ?? '');
      throw new Error('rollback');
    });
  } catch (e) {
    if ((e as Error).message !== 'rollback') throw e;
  }
}
await database.close();
