/**
 * One import in its own process, so its peak memory is its own: prints a JSON line with the
 * time, the rows and the process's peak resident memory.
 */
import { createContext, loadConfig, openDatabase, runImport, systemActor } from '@anju/server';

const [ledger, file, url] = process.argv.slice(2) as ['sites' | 'persons', string, string];
const database = await openDatabase({ databaseUrl: url });
const ctx = createContext(database, { ...loadConfig({}), dataDir: '/tmp' });
const started = process.hrtime.bigint();
const report = await runImport(ctx, systemActor('bench'), { ledger, path: file, fileName: file, format: file.endsWith('.csv') ? 'csv' : 'xlsx', dryRun: false, errorDir: '/tmp' });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await database.close();
if (report.status !== 'committed') {
  console.error(JSON.stringify(report.errors.slice(0, 5)));
  process.exit(1);
}
console.log(JSON.stringify({ seconds, rows: report.rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
