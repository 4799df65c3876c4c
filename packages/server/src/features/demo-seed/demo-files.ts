/**
 * Writes generated demo data as ledger files (the same layout offices exchange), so that the
 * demo, the benchmarks and the tests load data through the real import path.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ledgers, type LedgerDefinition } from '@anju/core';
import type { DemoData } from '../demo/generator.js';
import type { FileFormat } from '../imports/file-readers.js';
import { displayValue, headerOf, LedgerWriter } from '../imports/ledger-workbooks.js';

export interface DemoFiles {
  sites: string;
  persons: string;
  rows: { sites: number; persons: number };
}

type Progress = (file: string, rows: number) => void;

async function writeLedger(ledger: LedgerDefinition<unknown>, format: FileFormat, path: string, records: Iterable<Record<string, unknown>>, onProgress?: Progress): Promise<number> {
  const writer = new LedgerWriter(format, path, ledger.title, ledger.columns.map(headerOf));
  let rows = 0;
  try {
    for (const record of records) {
      await writer.add(ledger.columns.map((c) => displayValue(c, record[c.key])));
      if (++rows % 100_000 === 0) onProgress?.(path, rows);
    }
  } finally {
    await writer.close();
  }
  return rows;
}

function* personRows(data: DemoData): Generator<Record<string, unknown>> {
  for (const { household, members } of data.households()) {
    for (const member of members) yield { ...household, ...member };
  }
}

export async function writeDemoFiles(data: DemoData, dir: string, format: FileFormat, onProgress?: Progress): Promise<DemoFiles> {
  await mkdir(dir, { recursive: true });
  const sites = join(dir, `sites.${format}`);
  const persons = join(dir, `persons.${format}`);
  const siteRows = await writeLedger(ledgers.sites as LedgerDefinition<unknown>, format, sites, data.sites as unknown as Record<string, unknown>[]);
  const personCount = await writeLedger(ledgers.persons as LedgerDefinition<unknown>, format, persons, personRows(data), onProgress);
  return { sites, persons, rows: { sites: siteRows, persons: personCount } };
}
