/**
 * Imports through the API: the upload is kept under the data directory, checked in a dry run
 * in the background (the client polls the job for progress), and committed on confirmation.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { canImportLedger, canUseImportCentre, ledgerNames, type LedgerName } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import type { FileFormat, RowNote } from './file-readers.js';
import { createImportJob, executeImport } from './import-runner.js';
import * as jobs from './import-job-repo.js';
import { onSettled, reserveImport } from './import-registry.js';

export function uploadDir(ctx: AppContext): string {
  return join(ctx.config.dataDir, 'uploads');
}

export async function newUploadPath(ctx: AppContext, format: FileFormat): Promise<string> {
  await mkdir(uploadDir(ctx), { recursive: true });
  return join(uploadDir(ctx), `${Date.now()}-${randomBytes(6).toString('hex')}.${format}`);
}

function assertCanImport(actor: Actor): void {
  if (!canUseImportCentre(actor.role)) throw new ForbiddenError('无权导入台账');
}

/** Registry ledgers need import.run; a department's list, its department (or a county monitor, an admin). */
function assertCanImportLedger(actor: Actor, ledger: string): void {
  if (!canImportLedger(actor.role, actor.department, ledger)) throw new ForbiddenError('无权导入该台账（行业部门用户只能导入本部门的数据）');
}

/** A job the actor may see: inside their division and of a ledger they may import. */
async function visibleJob(ctx: AppContext, actor: Actor, jobId: string) {
  assertCanImport(actor);
  const job = /^\d+$/.test(jobId) ? await jobs.findJob(ctx.db, jobId, actor.divisionCode) : undefined;
  return job && canImportLedger(actor.role, actor.department, job.ledger) ? job : undefined;
}

/**
 * Starts a job and returns its id at once; the job records its own progress and result. Refused
 * while the actor or the system runs as many imports as allowed (import-registry.ts).
 */
async function startJob(ctx: AppContext, actor: Actor, ledger: LedgerName, path: string, fileName: string, format: FileFormat, dryRun: boolean, release = reserveImport(ctx, actor)): Promise<string> {
  const request = { ledger, path, fileName, format, dryRun, errorDir: uploadDir(ctx) };
  let jobId: string;
  try {
    jobId = await createImportJob(ctx, actor, request);
    await jobs.setStoredFile(ctx.db, jobId, path);
  } catch (error) {
    release();
    throw error;
  }
  // Before the job's result is visible: its place is free again, and a checked file waits for its
  // confirmation while any other end needs the upload no more (an error file is already written).
  onSettled(ctx, jobId, async (status) => {
    release();
    if (status !== 'validated') await forgetUpload(ctx, path).catch(() => undefined);
  });
  // The outcome, failures included, is written to the job row that the client polls.
  executeImport(ctx, actor, jobId, request)
    .catch(() => undefined)
    .finally(release);
  return jobId;
}

async function forgetUpload(ctx: AppContext, path: string): Promise<void> {
  await jobs.clearStoredFile(ctx.db, path);
  await rm(path, { force: true });
}

export async function startUpload(ctx: AppContext, actor: Actor, ledger: LedgerName, path: string, fileName: string, format: FileFormat) {
  try {
    assertCanImportLedger(actor, ledger);
    return await startJob(ctx, actor, ledger, path, fileName, format, true);
  } catch (error) {
    await rm(path, { force: true }); // a refused upload is not kept
    throw error;
  }
}

export async function confirm(ctx: AppContext, actor: Actor, jobId: string) {
  const job = await visibleJob(ctx, actor, jobId);
  if (!job) throw new NotFoundError('导入任务');
  if (!job.stored_file && job.status === 'validated') throw new ConflictError(`上传的文件已超过保留期限（${ctx.config.uploadRetentionDays} 天）被删除，请重新上传`);
  // The place is taken before the job is claimed: a refusal must leave the job confirmable.
  const release = reserveImport(ctx, actor);
  const claimed = await jobs.claimValidatedJob(ctx.db, jobId, actor.divisionCode).catch((error: unknown) => {
    release();
    throw error;
  });
  if (!claimed) {
    release();
    const why = { rejected: '该文件校验未通过，不能导入；请修改后重新上传', confirmed: '该文件已确认导入，不能重复导入' }[job.status];
    throw new ConflictError(why ?? `该任务状态为“${job.status}”，只有预检通过的任务可以确认导入`);
  }
  const format = claimed.stored_file!.endsWith('.csv') ? 'csv' : 'xlsx';
  return startJob(ctx, actor, claimed.ledger as LedgerName, claimed.stored_file!, claimed.file_name, format, false, release);
}

function toOutput(j: jobs.ImportJobRow & { username?: string | null }) {
  return {
    id: String(j.id),
    ledger: j.ledger,
    fileName: j.file_name,
    dryRun: j.dry_run,
    status: j.status,
    rows: j.total_rows,
    inserted: j.inserted,
    updated: j.updated,
    unchanged: j.unchanged,
    errorCount: j.error_count,
    errors: j.errors as { row: number; column: string; value: string; reason: string }[],
    noteCount: j.note_count,
    notes: j.notes as RowNote[],
    counts: j.summary as Record<string, { inserted: number; updated: number; unchanged: number }>,
    hasErrorFile: j.error_file !== null,
    unmatchedCount: j.unmatched_count,
    hasUnmatchedFile: j.unmatched_file !== null,
    username: j.username ?? null,
    startedAt: j.started_at.toISOString(),
    finishedAt: j.finished_at ? j.finished_at.toISOString() : null,
  };
}

export async function getJob(ctx: AppContext, actor: Actor, jobId: string) {
  const job = await visibleJob(ctx, actor, jobId);
  if (!job) throw new NotFoundError('导入任务');
  return toOutput(job);
}

export async function errorFileOf(ctx: AppContext, actor: Actor, jobId: string): Promise<string> {
  const job = await visibleJob(ctx, actor, jobId);
  if (!job?.error_file) throw new NotFoundError('错误标注文件');
  return job.error_file;
}

export async function unmatchedFileOf(ctx: AppContext, actor: Actor, jobId: string): Promise<string> {
  const job = await visibleJob(ctx, actor, jobId);
  if (!job?.unmatched_file) throw new NotFoundError('未匹配清单');
  return job.unmatched_file;
}

export async function listJobs(ctx: AppContext, actor: Actor, page: number, pageSize: number) {
  assertCanImport(actor);
  const importable = ledgerNames.filter((l) => canImportLedger(actor.role, actor.department, l));
  const all = importable.length === ledgerNames.length;
  const { items, total } = await jobs.listJobs(ctx.db, actor.divisionCode, page, pageSize, all ? undefined : importable);
  return { items: items.map(toOutput), total, page, pageSize };
}
