import type { Database } from '../db/connection.js';
import { migrateUp } from '../db/migrate.js';
import { loadDivisions, type VillageScope } from '../features/divisions/division-loader.js';

/**
 * Brings a database to a working state: schema migrated and national division codes loaded.
 * Safe to run on every start: both steps do nothing when already done.
 */
export async function prepareDatabase(database: Database, log: (line: string) => void = () => undefined, villages: VillageScope = 'all') {
  const migrations = await migrateUp(database);
  if (migrations.length > 0) log(`已执行数据库迁移：${migrations.join(', ')}`);
  const started = Date.now();
  const divisions = await loadDivisions(database, villages);
  if (divisions > 0) log(`已载入全国行政区划代码 ${divisions.toLocaleString()} 条（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  // Jobs that were running when the process stopped will never finish: say so.
  await database.pool.query(`UPDATE import_job SET status = 'failed', finished_at = now() WHERE status = 'running'`);
}
