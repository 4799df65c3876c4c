import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';

describe('database connection', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  // PGlite is a single session: a statement issued while another request's transaction is open
  // must not become part of it (and be rolled back with it).
  it('keeps a concurrent write out of a transaction that rolls back', async () => {
    const { db } = t.database;
    const row = (key: string) => ({ key, jurisdiction: '', effective_from: '2026-01-01', value: JSON.stringify(1) });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));

    const doomed = db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('setting').values(row('test.doomed')).execute();
        opened();
        await held;
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);
    await isOpen;
    const outside = db.insertInto('setting').values(row('test.outside')).execute();
    // Give the write time to land inside the open transaction, if it were allowed to.
    await Promise.race([outside, new Promise((resolve) => setTimeout(resolve, 300))]);
    console.log("OUTSIDE-STATE", await Promise.race([outside.then(() => "done", (e) => "err " + e.message), Promise.resolve("pending")]));
    release();
    expect(await doomed).toBe('roll back');
    await outside;

    const keys = (await db.selectFrom('setting').select('key').where('key', 'like', 'test.%').execute()).map((r) => r.key);
    expect(keys).toEqual(['test.outside']);
  });
});
