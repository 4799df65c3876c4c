/**
 * Evidence files of a case (docs/MONITORING.md §2): PDF, JPEG or PNG by their first bytes, up
 * to 10 MB, stored once per content under the data directory (evidence/<case>/<sha256>). Every
 * download is audited, as the files carry signatures and ID numbers.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { can, EVIDENCE_MAX_BYTES, evidenceKinds } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { assertCaseRead, canWorkCases, loadCase } from './case-access.js';
import { isClosedStep } from './case-flow.js';
import { insertEvent } from './case-repo.js';
import { findEvidence, insertEvidence } from './evidence-repo.js';
import { sniffEvidenceType } from './file-type.js';

export interface UploadedPart {
  kind: string | undefined;
  fileName: string;
  bytes: Buffer;
  /** True when the file was cut off at the size limit. */
  truncated: boolean;
}

const MB = Math.round(EVIDENCE_MAX_BYTES / 1024 / 1024);

function checkPart(part: UploadedPart | undefined): UploadedPart & { kind: keyof typeof evidenceKinds.labels; mime: string } {
  if (!part) throw new ValidationError('请选择要上传的文件', [{ path: 'file', message: '缺少文件' }]);
  const kind = part.kind === undefined ? undefined : evidenceKinds.parse(part.kind);
  if (!kind) throw new ValidationError(`材料类别须为以下之一：${Object.values(evidenceKinds.labels).join('、')}`, [{ path: 'kind', message: '材料类别不正确' }]);
  if (part.truncated || part.bytes.length > EVIDENCE_MAX_BYTES) throw new ValidationError(`文件超过${MB} MB，请压缩后上传`, [{ path: 'file', message: `文件不能超过${MB} MB` }]);
  if (part.bytes.length === 0) throw new ValidationError('文件为空', [{ path: 'file', message: '文件为空' }]);
  const mime = sniffEvidenceType(part.bytes.subarray(0, 16));
  if (!mime) throw new ValidationError('只能上传 PDF、JPEG 或 PNG 格式的文件', [{ path: 'file', message: '文件格式须为 PDF、JPEG 或 PNG' }]);
  return { ...part, kind, mime };
}

export async function uploadEvidence(ctx: AppContext, actor: Actor, caseId: string, read: () => Promise<UploadedPart | undefined>) {
  const row = await loadCase(ctx, actor, caseId);
  if (!canWorkCases(actor)) throw new ForbiddenError('无权上传案件材料');
  if (isClosedStep(row.step)) throw new ConflictError('案件已办结，不能再上传材料');
  const part = checkPart(await read());
  const sha256 = createHash('sha256').update(part.bytes).digest('hex');
  const storedPath = join('evidence', row.id, sha256);
  const full = join(ctx.config.dataDir, storedPath);
  await mkdir(join(ctx.config.dataDir, 'evidence', row.id), { recursive: true });
  // The same content uploaded twice (e.g. under another kind) is kept once.
  if (!(await access(full).then(() => true, () => false))) await writeFile(full, part.bytes);
  const at = ctx.now();
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const e = await insertEvidence(trx, {
      case_id: row.id, kind: part.kind, file_name: part.fileName.slice(0, 200), mime_type: part.mime, size_bytes: part.bytes.length, sha256,
      stored_path: storedPath, username: actor.username, uploaded_at: at,
    });
    await insertEvent(trx, {
      caseId: row.id, action: 'evidence', fromStep: row.step, toStep: row.step, note: `上传${evidenceKinds.labels[part.kind]}：${e.file_name}`,
      data: { evidenceId: e.id, kind: part.kind }, username: actor.username, at,
    });
    await appendAudit(trx, {
      userId: actor.userId, username: actor.username, action: 'upload', entity: 'case_evidence', entityId: e.id, divisionCode: row.dest_division_code,
      before: null, after: { caseId: row.id, kind: part.kind, fileName: e.file_name, mimeType: part.mime, sizeBytes: part.bytes.length, sha256 },
    });
    return e;
  });
  return {
    id: saved.id, kind: saved.kind, fileName: saved.file_name, mimeType: saved.mime_type, sizeBytes: saved.size_bytes, sha256: saved.sha256,
    username: saved.username, uploadedAt: saved.uploaded_at.toISOString(),
  };
}

/** A file to send back; the read is audited like any unmasked read of personal data. */
export async function readEvidence(ctx: AppContext, actor: Actor, id: string) {
  assertCaseRead(actor);
  const row = /^\d+$/.test(id) ? await findEvidence(ctx.db, id, actor.divisionCode) : undefined;
  if (!row) throw new NotFoundError('案件材料');
  if (!can(actor.role, 'personal.unmask')) throw new ForbiddenError('无权查看案件材料原件');
  const path = join(ctx.config.dataDir, row.stored_path);
  if (!(await access(path).then(() => true, () => false))) throw new NotFoundError('材料文件');
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      userId: actor.userId, username: actor.username, action: 'read', entity: 'case_evidence', entityId: row.id, divisionCode: row.dest_division_code,
      before: null, after: { caseId: row.case_id, kind: row.kind, fileName: row.file_name },
    }),
  );
  return { path, mimeType: row.mime_type, fileName: row.file_name };
}
