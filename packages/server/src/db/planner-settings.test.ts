import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { withPlannerSettings } from './planner-settings.js';
import type { DB } from './schema.js';

const setting = async (db: Kysely<DB>, name: string) => (await sql<{ v: string }>`SELECT current_setting(${name}) AS v`.execute(db)).rows[0]!.v;

describe('planner settings for some statements', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it('hold inside the run only, and are back to the session values after it, in the same transaction', async () => {
    const seen = await t.database.db.transaction().execute(async (trx) => {
      const before = await setting(trx, 'parallel_tuple_cost');
      const inside = await withPlannerSettings(trx, { parallel_tuple_cost: '0.01', enable_mergejoin: 'off' }, async (db) => [
        await setting(db, 'parallel_tuple_cost'),
        await setting(db, 'enable_mergejoin'),
      ]);
      return { before, inside, after: [await setting(trx, 'parallel_tuple_cost'), await setting(trx, 'enable_mergejoin')] };
    });
    expect(seen.inside).toEqual(['0.01', 'off']);
    expect(seen.after).toEqual([seen.before, 'on']);
  });

  it('open a transaction of their own when called outside one, and leave the session as it was', async () => {
    const { db } = t.database;
    expect(await withPlannerSettings(db, { enable_memoize: 'off' }, (trx) => setting(trx, 'enable_memoize'))).toBe('off');
    expect(await setting(db, 'enable_memoize')).toBe('on');
  });
});
