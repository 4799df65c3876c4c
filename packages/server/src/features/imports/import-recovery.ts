/**
 * What imports leave behind when a process dies, and what they keep too long. A kill during an
 * import left its staging table (`import_stage_N`, 50,000 rows of names and ID numbers) and its
 * job `running` with no reason; uploads were kept for ever. The server runs this at start and
 * every few minutes; CLI commands do not (a CLI start must not fail a server's running imports).
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../platform/context.js';
import * as jobs from './import-job-repo.js';
import { HEARTBEAT_MS, INSTANCE_ID } from './import-registry.js';
import { uploadDir } from './import-service.js';
import { spoolDir, spoolJobId } from './stage-spool.js';

/** A job whose owner has not spoken for this long is taken for dead (ten missed heartbeats). */
export const STALE_SECONDS = (10 * HEARTBEAT_MS) / 1000;
export const RESTART_REASON = '服务重启，导入中止';
const DAY_MS = 24 * 60 * 60 * 1000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process named by `owner` (host:pid:random) may still be running the job. */
export function ownerAlive(owner: string | null, fresh: boolean): boolean {
  if (!owner) return false;
  if (owner === INSTANCE_ID) return true;
  const [host, pidText] = owner.split(':');
  const pid = Number(pidText);
  // On this host the process table answers at once; our own pid under another name is a previous life.
  if (host === hostname()) return fresh && pid !== process.pid && processAlive(pid);
  return fresh;
}

export interface RecoveryResult {
  failedJobs: string[];
  droppedStages: string[];
  deletedFiles: number;
}

export async function recoverImports(ctx: AppContext): Promise<RecoveryResult> {
  // Stages and spool files first: a job inserts its row before either, so each one listed here
  // belongs to a job the next query sees (the other order could delete one made in between).
  const stages = await jobs.stageTables(ctx.db);
  const spools = await readdir(spoolDir(ctx)).catch(() => [] as string[]);
  const running = await jobs.runningJobs(ctx.db, STALE_SECONDS);
  const live = new Set(running.filter((j) => ownerAlive(j.owner, j.fresh)).map((j) => String(j.id)));
  const failedJobs = running.map((j) => String(j.id)).filter((id) => !live.has(id));
  await jobs.failJobs(ctx.db, failedJobs, RESTART_REASON);

  const droppedStages = stages.filter((t) => !live.has(t.slice('import_stage_'.length)));
  for (const table of droppedStages) await jobs.dropTable(ctx.db, table);

  let deletedFiles = 0;
  for (const name of spools) {
    const jobId = spoolJobId(name);
    if (jobId && live.has(jobId)) continue;
    await rm(join(spoolDir(ctx), name), { force: true });
    deletedFiles++;
  }
  deletedFiles += await deleteExpiredUploads(ctx);
  return { failedJobs, droppedStages, deletedFiles };
}

/** Uploads, error files and lists older than the retention period; jobs forget them first. */
async function deleteExpiredUploads(ctx: AppContext): Promise<number> {
  let deleted = 0;
  for (const path of await jobs.forgetOldFiles(ctx.db, ctx.config.uploadRetentionDays)) {
    await rm(path, { force: true });
    deleted++;
  }
  // Files no job names (a refused upload, an export cut off) go by their age.
  const dir = uploadDir(ctx);
  const cutoff = Date.now() - ctx.config.uploadRetentionDays * DAY_MS;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || info.mtimeMs >= cutoff) continue;
    await rm(path, { force: true });
    deleted++;
  }
  return deleted;
}

/** Runs the recovery now and every `HEARTBEAT_MS × 10`; returns the function that stops it. */
export async function scheduleImportRecovery(ctx: AppContext, log: (line: string) => void): Promise<() => void> {
  const report = (r: RecoveryResult) => {
    if (r.failedJobs.length > 0) log(`已将 ${r.failedJobs.length} 个中断的导入任务标记为失败（${RESTART_REASON}）：${r.failedJobs.join('、')}`);
    if (r.droppedStages.length > 0) log(`已删除遗留的导入暂存表 ${r.droppedStages.length} 张`);
    if (r.deletedFiles > 0) log(`已删除过期或遗留的导入文件 ${r.deletedFiles} 个（上传文件保留 ${ctx.config.uploadRetentionDays} 天）`);
  };
  report(await recoverImports(ctx));
  const timer = setInterval(() => void recoverImports(ctx).then(report, () => undefined), STALE_SECONDS * 1000).unref();
  return () => clearInterval(timer);
}
