/**
 * Migrates one database snapshot for the whole run: on PostgreSQL (DATABASE_URL set) the given
 * fresh database becomes the template each test file copies; on PGlite a dumped data directory
 * that each test file loads. Divisions are loaded down to villages of Guizhou (52) only, where
 * the test factories and the demo county live, to keep the snapshot small.
 */
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/connection.js';
import { prepareDatabase } from '../src/platform/prepare.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const database = await openDatabase({ databaseUrl: url });
    await prepareDatabase(database, undefined, { prefix: '52' });
    await database.close();
    project.provide('templateDatabaseUrl', url);
    project.provide('pgliteSnapshot', '');
    return;
  }
  const pglite = await PGlite.create();
  const database = await openDatabase({ pglite });
  await prepareDatabase(database, undefined, { prefix: '52' });
  await database.close();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const dir = await mkdtemp(join(tmpdir(), 'anju-test-'));
  const file = join(dir, 'snapshot.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('templateDatabaseUrl', '');
  project.provide('pgliteSnapshot', file);
}
