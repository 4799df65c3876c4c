/**
 * The demo ledger on a small generated county: periods opened through the real path, all but the
 * last closed, every record confirmed, and figures in the ranges the demo promises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/actor.js';
import type { testContext, TestDatabase } from '../../../test/test-database.js';
import { demoTestDatabase } from '../../../test/demo-database.js';
import { figures } from '../employment/figures-service.js';
import { demoPeriods, seedLedger } from './demo-ledger.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let county: string;
const periods = demoPeriods(new Date('2026-06-01T08:00:00Z'), 4);

beforeAll(async () => {
  ({ tdb, ctx, county } = await demoTestDatabase({ persons: 1200, seed: 3 })); // today is 2026-06-01
  await seedLedger(ctx, { seed: 3, periods });
});

afterAll(async () => {
  await tdb?.close();
});

const rows = async <R>(text: string, params: unknown[] = []) => (await tdb.database.pool.query(text, params)).rows as R[];

describe('demo ledger', () => {
  it('ends with last month, open; the earlier periods are closed and every record is confirmed', async () => {
    expect(periods).toEqual(['2026-02', '2026-03', '2026-04', '2026-05']);
    const status = await rows<{ period: string; status: string }>('SELECT period, status FROM labour_period WHERE county_code = $1 ORDER BY period', [county]);
    expect(status).toEqual(periods.map((period, i) => ({ period, status: i === periods.length - 1 ? 'open' : 'closed' })));
    const [unconfirmed] = await rows<{ n: string }>('SELECT count(*) AS n FROM labour_record WHERE NOT confirmed');
    expect(Number(unconfirmed!.n)).toBe(0);
  });

  it('has the figures of a relocated county: most of the labour force at work, out-migration first, a few idle households', async () => {
    const f = await figures(ctx, systemActor(), county, periods.at(-1));
    expect(f.labourForce).toBeGreaterThan(300);
    expect(f.employmentRate).toBeGreaterThan(70);
    expect(f.employmentRate).toBeLessThan(90);
    const channels = Object.entries(f.byChannel).sort((a, b) => b[1] - a[1]);
    expect(channels[0]![0]).toBe('out_migration');
    expect(f.byPlace.outside_province).toBeGreaterThan(0);
    expect(f.income.monthlyAverage).toBeGreaterThan(1800);
    expect(f.income.monthlyAverage).toBeLessThan(6500);
    expect(f.zeroEmployment.open).toBeLessThan(f.householdsWithLabour * 0.1);
  });

  it('keeps most jobs from one period to the next', async () => {
    const [kept] = await rows<{ employed: string; kept: string }>(
      `SELECT count(*) AS employed, count(*) FILTER (WHERE b.state = 'employed' AND b.channel = a.channel) AS kept
       FROM labour_record a JOIN labour_record b ON b.person_id = a.person_id AND b.period = $2
       WHERE a.period = $1 AND a.state = 'employed'`,
      [periods[1], periods[2]],
    );
    expect(Number(kept!.kept) / Number(kept!.employed)).toBeGreaterThan(0.9);
  });
});
