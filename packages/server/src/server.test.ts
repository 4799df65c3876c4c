/**
 * The server as `npm start` runs it: listening, answering, running the monthly monitoring that is
 * due at start-up, and closing cleanly with its schedule.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testContext, type TestDatabase } from '../test/test-database.js';
import { startServer } from './server.js';

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.close());

describe('startServer', () => {
  it('listens, answers, runs the monitoring due at start and closes', async () => {
    const ctx = testContext(tdb.database, { port: 0, host: '127.0.0.1' });
    const app = await startServer(ctx);
    const { port } = app.server.address() as AddressInfo;
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(health.status).toBe(200);
    // The clock stands in June 2026: May's national run is due and runs at once.
    await expect
      .poll(async () => (await ctx.db.selectFrom('monitor_run').select(['period', 'division_code']).execute()).map((r) => `${r.period}/${r.division_code}`), { timeout: 30_000 })
      .toEqual(['2026-05/']);
    await app.close();
    expect(app.server.listening).toBe(false);
  });
});
