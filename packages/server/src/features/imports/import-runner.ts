/**
 * One import, start to end: stream the file, validate every row, COPY the good ones into a
 * staging table, run the set-based checks, then merge in one transaction — or write nothing at
 * all if any row is bad (all-or-nothing), and roll back on a dry run.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { can, CellError, cellCode, isBlank, readRow, type LedgerDefinition, type LedgerName, type RawCell } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { copyLines, csvLine } from '../../db/copy.js';
import { appendAudit, importChangesDigest } from '../audit/audit-repo.js';
import { readLedgerFile, type FileFormat, type RowNote } from './file-readers.js';
import { ledgerPlans } from './ledger-plans.js';
import { writeErrorWorkbook, writeUnmatchedWorkbook } from './ledger-workbooks.js';
import * as repo from './registry-import-repo.js';
import * as jobs from './import-job-repo.js';
import { stageDdl, stageTableName } from './stage-columns.js';
import { inspectLedgerFile } from './file-inspection.js';
import { INSTANCE_ID, trackImport } from './import-registry.js';
import { abortable } from './import-watch.js';
import { spoolLines, spooledLines, spoolPath } from './stage-spool.js';

export interface RowError {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export type ImportStatus = 'committed' | 'validated' | 'rejected';

export interface ImportReport {
  jobId: string;
  ledger: LedgerName;
  fileName: string;
  dryRun: boolean;
  status: ImportStatus;
  rows: number;
  errorCount: number;
  /** The first errors in row order (all of them up to MAX_REPORTED). */
  errors: RowError[];
  /** Rows passed over without an error (subtotal and total rows), the first MAX_REPORTED of them. */
  notes: RowNote[];
  noteCount: number;
  counts: Record<string, repo.MergeCounts>;
  errorFile: string | null;
  /** Rows that went in as nothing because they match nobody in the division (department lists). */
  unmatched: number;
  /** Those rows with their reasons; ID numbers masked unless the importer may see them. */
  unmatchedFile: string | null;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'merging' | 'done';
  rows: number;
}

export interface ImportRequest {
  /** Where the error copy of a rejected file is written (its path is kept on the job). */
  errorDir: string;
  ledger: LedgerName;
  path: string;
  fileName: string;
  format: FileFormat;
  dryRun: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export const MAX_REPORTED = 5000;
/** Errors kept for marking the error workbook; beyond this only the count grows. */
const MAX_MARKED = 100_000;
const PROGRESS_EVERY = 10_000;

class Rejected extends Error {}
class DryRunDone extends Error {}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function runImport(ctx: AppContext, actor: Actor, request: ImportRequest): Promise<ImportReport> {
  return executeImport(ctx, actor, await createImportJob(ctx, actor, request), request);
}

export async function createImportJob(ctx: AppContext, actor: Actor, request: ImportRequest): Promise<string> {
  return jobs.insertJob(ctx.db, {
    ledger: request.ledger,
    file_name: request.fileName,
    file_sha256: await fileSha256(request.path),
    dry_run: request.dryRun,
    user_id: actor.userId,
    division_code: actor.divisionCode,
    owner: INSTANCE_ID,
  });
}

export async function executeImport(ctx: AppContext, actor: Actor, jobId: string, request: ImportRequest): Promise<ImportReport> {
  const plan = ledgerPlans[request.ledger];
  const job = { sha256: (await jobs.findJob(ctx.db, jobId, ''))?.file_sha256 ?? null };
  const stage = stageTableName(jobId);
  const spool = spoolPath(ctx, jobId);
  const { watch, settle, untrack } = trackImport(ctx, jobId);
  let cleaned = false;
  // Before the result is written: a client that sees it finds no stage left and may import again.
  const cleanUp = async (status: string) => {
    if (cleaned) return;
    cleaned = true;
    await rm(spool, { force: true });
    // A stage that cannot be dropped now (the database went away) is dropped at the next start.
    await repo.dropStage(ctx.db, stage).catch(() => undefined);
    await settle(status);
  };
  const errors: RowError[] = [];
  let errorCount = 0;
  let rows = 0;
  const report = (status: ImportStatus, counts: Record<string, repo.MergeCounts> = {}): ImportReport => ({
    jobId,
    ledger: request.ledger,
    fileName: request.fileName,
    dryRun: request.dryRun,
    status,
    rows,
    errorCount,
    errors: errors.sort((a, b) => a.row - b.row).slice(0, MAX_REPORTED),
    notes,
    noteCount,
    counts,
    errorFile,
    unmatched: unmatched.length,
    unmatchedFile,
  });
  let errorFile: string | null = null;
  let unmatched: { row_no: number; reason: string }[] = [];
  let unmatchedFile: string | null = null;
  const addError = (e: RowError) => {
    errorCount++;
    if (errors.length < MAX_MARKED) errors.push(e);
  };
  const notes: RowNote[] = [];
  let noteCount = 0;
  const addNote = (note: RowNote) => {
    noteCount++;
    if (notes.length < MAX_REPORTED) notes.push(note);
  };
  // Households some of whose rows were refused: the stage holds only part of them, so the checks
  // must not judge them whole (a refused head's row is not a household without a head).
  const householdColumn = plan.definition.columns.findIndex((c) => c.key === 'householdNo');
  const partialHouseholds = new Set<string>();

  try {
    await inspectLedgerFile(request.path, request.format);
    async function* validLines(): AsyncGenerator<string> {
      for await (const { rowNo, cells } of abortable(readLedgerFile(request.path, request.format, plan.definition, addNote), watch)) {
        rows++;
        if (rows % PROGRESS_EVERY === 0) {
          request.onProgress?.({ phase: 'reading', rows });
          await jobs.updateJob(ctx.db, jobId, { total_rows: rows });
        }
        const result = readRow(plan.definition, cells);
        if (!result.ok) {
          for (const issue of result.issues) addError({ row: rowNo, ...issue });
          const householdNo = householdColumn >= 0 ? readableCode(cells[householdColumn]) : undefined;
          if (householdNo) partialHouseholds.add(householdNo);
          continue;
        }
        yield csvLine([rowNo, ...plan.stage.map((c) => c.value(result.value))]);
      }
    }
    // Read the whole file before touching the pool (stage-spool.ts says why).
    await spoolLines(spool, validLines());
    watch.check();
    await repo.createStage(ctx.db, stageDdl(stage, plan.stage));
    await copyLines(ctx.database, stage, ['row_no', ...plan.stage.map((c) => c.name)], spooledLines(spool));
    request.onProgress?.({ phase: 'checking', rows });
    await repo.analyzeStage(ctx.db, stage);

    let counts: Record<string, repo.MergeCounts> = {};
    watch.check();
    try {
      await ctx.db.transaction().execute(async (trx) => {
        for (const issue of await plan.check(trx, stage, actor.divisionCode, [...partialHouseholds])) {
          addError({ row: issue.row_no, column: issue.column, value: issue.value ?? '', reason: issue.reason });
        }
        if (errorCount > 0) throw new Rejected();
        if (plan.unmatched) unmatched = await plan.unmatched(trx, stage);
        request.onProgress?.({ phase: 'merging', rows });
        counts = await plan.merge(trx, stage, jobId);
        if (request.dryRun) throw new DryRunDone();
        await plan.afterMerge?.(ctx, trx, stage);
        await appendAudit(trx, {
          userId: actor.userId,
          username: actor.username,
          action: 'import',
          entity: 'import_job',
          entityId: jobId,
          divisionCode: actor.divisionCode,
          before: null,
          after: { ledger: request.ledger, fileName: request.fileName, sha256: job.sha256, rows, counts, changes: await importChangesDigest(trx, jobId) },
        });
      });
    } catch (error) {
      if (!(error instanceof Rejected) && !(error instanceof DryRunDone)) throw error;
    }
    const status: ImportStatus = errorCount > 0 ? 'rejected' : request.dryRun ? 'validated' : 'committed';
    if (status === 'rejected') errorFile = await markErrors(request, plan.definition, errors, jobId);
    else if (unmatched.length > 0) unmatchedFile = await listUnmatched(request, plan.definition, unmatched, jobId, !can(actor.role, 'personal.unmask'));
    const result = report(status, counts);
    // A run that writes nothing still reads the division's records through its checks: audit it too.
    if (status !== 'committed') {
      await ctx.db.transaction().execute((trx) =>
        appendAudit(trx, {
          userId: actor.userId,
          username: actor.username,
          action: request.dryRun ? 'import_dry_run' : 'import_rejected',
          entity: 'import_job',
          entityId: jobId,
          divisionCode: actor.divisionCode,
          before: null,
          after: { ledger: request.ledger, fileName: request.fileName, sha256: job.sha256, rows, status, errorCount, counts },
        }),
      );
    }
    const total = (k: keyof repo.MergeCounts) => Object.values(counts).reduce((n, c) => n + c[k], 0);
    await cleanUp(status);
    await jobs.updateJob(ctx.db, jobId, {
      status,
      total_rows: rows,
      inserted: total('inserted'),
      updated: total('updated'),
      unchanged: total('unchanged'),
      error_count: errorCount,
      errors: JSON.stringify(result.errors),
      summary: JSON.stringify(counts),
      error_file: errorFile,
      unmatched_count: unmatched.length,
      unmatched_file: unmatchedFile,
      notes: JSON.stringify(result.notes),
      note_count: noteCount,
      finished_at: new Date(),
    });
    if (status === 'committed') await plan.afterCommit?.(ctx, jobId);
    request.onProgress?.({ phase: 'done', rows });
    return result;
  } catch (error) {
    await cleanUp('failed');
    await jobs.updateJob(ctx.db, jobId, { status: 'failed', total_rows: rows, finished_at: new Date(), errors: JSON.stringify([{ row: 0, column: '', value: '', reason: error instanceof Error ? error.message : String(error) }]) });
    throw error;
  } finally {
    await cleanUp('failed');
    untrack();
  }
}

/** A refused row's code cell as the stage would hold it, if it can be read at all. */
function readableCode(cell: RawCell): string | undefined {
  if (isBlank(cell)) return undefined;
  try {
    return cellCode(cell, '');
  } catch (error) {
    if (error instanceof CellError) return undefined;
    throw error;
  }
}

async function markErrors(request: ImportRequest, ledger: LedgerDefinition<unknown>, errors: RowError[], jobId: string): Promise<string> {
  const byRow = new Map<number, string[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), `${e.column}：${e.reason}`]);
  await mkdir(request.errorDir, { recursive: true });
  const path = join(request.errorDir, `import-${jobId}-errors.xlsx`);
  await writeErrorWorkbook(ledger, readLedgerFile(request.path, request.format, ledger), byRow, path);
  return path;
}

async function listUnmatched(request: ImportRequest, ledger: LedgerDefinition<unknown>, rows: { row_no: number; reason: string }[], jobId: string, maskIds: boolean): Promise<string> {
  await mkdir(request.errorDir, { recursive: true });
  const path = join(request.errorDir, `import-${jobId}-unmatched.xlsx`);
  await writeUnmatchedWorkbook(ledger, readLedgerFile(request.path, request.format, ledger), new Map(rows.map((r) => [r.row_no, r.reason])), path, maskIds);
  return path;
}
