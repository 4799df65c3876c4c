import type { Database } from '../db/connection.js';
import { migrateUp } from '../db/migrate.js';
import { loadDivisions, type VillageScope } from '../features/divisions/division-loader.js';
import { storeBundledPacks } from '../features/policy/pack-service.js';

/**
 * Brings a database to a working state: schema migrated, national division codes loaded, and the
 * bundled policy packs stored. Safe to run on every start: each step does nothing when already done.
 */
export async function prepareDatabase(database: Database, log: (line: string) => void = () => undefined, villages: VillageScope = 'all') {
  const migrations = await migrateUp(database);
  if (migrations.length > 0) log(`已执行数据库迁移：${migrations.join(', ')}`);
  const started = Date.now();
  const divisions = await loadDivisions(database, villages);
  if (divisions > 0) log(`已载入全国行政区划代码 ${divisions.toLocaleString()} 条（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  const packs = await storeBundledPacks(database.db);
  if (packs.length > 0) log(`已存入随系统发布的政策包：${packs.join('、')}`);
  // Imports left running by a dead process are the server's to end (imports/import-recovery.ts):
  // every CLI command runs this too, and must not fail the imports a live server is running.
}
