/** A test database holding a generated demo county, for tests of what is built over demo data. */
import { generateDemo } from '../src/features/demo/generator.js';
import { loadDemo } from '../src/features/demo-seed/demo-seed.js';
import { createTestDatabase, testContext, type TestDatabase } from './test-database.js';

/** `persons` demo people (seed `seed`) loaded through the import path; the test clock stands at 2026-06-01. */
export async function demoTestDatabase(options: { persons: number; seed: number; countyCapacity?: number }): Promise<{ tdb: TestDatabase; ctx: ReturnType<typeof testContext>; county: string }> {
  const tdb = await createTestDatabase();
  const ctx = testContext(tdb.database);
  const data = await generateDemo(options);
  await loadDemo(ctx, data, () => undefined);
  return { tdb, ctx, county: data.counties[0]!.code };
}
