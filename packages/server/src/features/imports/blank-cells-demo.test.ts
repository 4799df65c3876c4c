/**
 * The demo county's persons ledger cut down to its required columns and imported back changes
 * no optional field of anyone: the export after is the export before, byte for byte (issue 12.1).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ledgers } from '@anju/core';
import { demoTestDatabase } from '../../../test/demo-database.js';
import type { TestDatabase } from '../../../test/test-database.js';
import type { Actor } from '../../platform/actor.js';
import { exportLedger } from './export-service.js';
import { readLedgerFile } from './file-readers.js';
import { runImport } from './import-runner.js';
import { headerOf, LedgerWriter } from './ledger-workbooks.js';

let tdb: TestDatabase;
let ctx: Awaited<ReturnType<typeof demoTestDatabase>>['ctx'];
let admin: Actor;
let dir: string;

beforeAll(async () => {
  const demo = await demoTestDatabase({ persons: 400, seed: 12 });
  ({ tdb, ctx } = demo);
  dir = await mkdtemp(join(tmpdir(), 'anju-blank-demo-'));
  admin = { userId: null, username: 'blank-admin', role: 'admin', divisionCode: demo.county, department: null };
});
afterAll(() => tdb.close());

async function exportPersons(name: string): Promise<string> {
  const path = join(dir, name);
  await exportLedger(ctx, admin, { ledger: 'persons', divisionCode: admin.divisionCode, format: 'csv', path });
  return path;
}

it('a required-columns-only file over the demo data changes no optional field', async () => {
  const before = await exportPersons('demo-before.csv');
  const ledger = ledgers.persons;
  const required = ledger.columns.flatMap((c, i) => (c.required ? [i] : []));
  const cut = join(dir, 'demo-required.csv');
  const writer = new LedgerWriter('csv', cut, ledger.title, required.map((i) => headerOf(ledger.columns[i]!)));
  let rows = 0;
  for await (const { cells } of readLedgerFile(before, 'csv', ledger)) {
    await writer.add(required.map((i) => (cells[i] === undefined ? null : String(cells[i]))));
    rows++;
  }
  await writer.close();
  expect(rows).toBeGreaterThan(300);

  const report = await runImport(ctx, admin, { ledger: 'persons', path: cut, fileName: 'demo-required.csv', format: 'csv', dryRun: false, errorDir: dir });
  expect(report.errors).toEqual([]);
  expect(report.counts.persons).toMatchObject({ inserted: 0, updated: 0, unchanged: rows });
  expect(report.counts.households).toMatchObject({ inserted: 0, updated: 0 });

  const after = await exportPersons('demo-after.csv');
  expect(await readFile(after, 'utf8')).toBe(await readFile(before, 'utf8'));
});
