/** anju — the command line of 安居. Exit codes: 0 success; non-zero on any error, reason on stderr. */
import { Command, CommanderError } from 'commander';
import { registerAdmin } from './commands/admin.js';
import { registerImportExport } from './commands/import-export.js';
import { registerPolicy } from './commands/policy.js';
import { registerMonitor } from './commands/monitor.js';
import { registerRun } from './commands/run.js';

const program = new Command('anju').description('安居 — 易地扶贫搬迁后续扶持管理平台').exitOverride();
registerRun(program);
registerImportExport(program);
registerAdmin(program);
registerPolicy(program);
registerMonitor(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const message = error instanceof Error ? error.message : String(error);
  const details = (error as { details?: { path: string; message: string }[] }).details ?? [];
  console.error(`错误：${message}`);
  for (const d of details) console.error(`  ${d.path}：${d.message}`);
  process.exit(1);
}
