/** An export that cannot write its file fails with the reason instead of waiting for ever. */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { buildSite, TOWNSHIP_A } from '../../../test/factories.js';
import type { Actor } from '../../platform/actor.js';
import { createSite } from '../sites/site-service.js';
import { exportLedger } from './export-service.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
const clerk: Actor = { userId: null, username: 'export-clerk', role: 'clerk', divisionCode: TOWNSHIP_A, department: null };

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  // More than a write buffer (16 KB) of rows: the writer then waits for 'drain', which a stream
  // that failed to open never emits.
  for (let i = 0; i < 250; i++) await createSite(ctx, clerk, buildSite({ name: `导出失败测试安置点第${i}号（名称写长一些以占满缓冲区）` }));
});
afterAll(() => tdb.close());

it('rejects with the file error when the folder does not exist (it used to hang)', async () => {
  const path = join(tmpdir(), `anju-missing-${process.pid}`, 'nested', 'sites.csv');
  await expect(exportLedger(ctx, clerk, { ledger: 'sites', divisionCode: TOWNSHIP_A, format: 'csv', path })).rejects.toThrow(/ENOENT/);
});
