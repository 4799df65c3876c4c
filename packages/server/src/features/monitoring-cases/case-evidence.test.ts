/**
 * Evidence files: the type is read from the first bytes and the size capped at 10 MB, both
 * refused in Chinese; verification needs the signed commitment and authorization; a download
 * sends the bytes back with their type and leaves an audit entry.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { EVIDENCE_MAX_BYTES } from '@anju/core';
import { PDF, PNG, startKit, type Kit } from '../../../test/case-kit.js';

let kit: Kit;
let caseId: string;

beforeAll(async () => {
  kit = await startKit('evi');
  caseId = (await kit.lead((await kit.household()).id)).id;
});
afterAll(async () => kit?.close());

const verify = () => kit.act(caseId, kit.as.collector, { action: 'verify', commitmentSignedOn: '2026-06-01', authorizationSignedOn: '2026-06-01' });

describe('evidence files', () => {
  it('refuses verification until the signed commitment and authorization are uploaded', async () => {
    const none = await verify();
    expect(none.status).toBe(400);
    expect(none.body.message).toBe('须先上传已签字的承诺书、数据查询授权书');
    expect((await kit.as.collector.upload(caseId, 'commitment', '承诺书.pdf', PDF)).status).toBe(201);
    const half = await verify();
    expect(half.status).toBe(400);
    expect(half.body.message).toBe('须先上传已签字的数据查询授权书');
  });

  it('refuses a file that is not PDF, JPEG or PNG whatever its name, and one over 10 MB', async () => {
    const { collector } = kit.as;
    const text = await collector.upload(caseId, 'authorization', '授权书.pdf', Buffer.from('这是一个文本文件，不是PDF'));
    expect(text.status).toBe(400);
    expect(text.body.message).toBe('只能上传 PDF、JPEG 或 PNG 格式的文件');
    const big = Buffer.concat([PDF, Buffer.alloc(EVIDENCE_MAX_BYTES, 0x20)]);
    const tooBig = await collector.upload(caseId, 'authorization', '授权书.pdf', big);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.message).toBe('文件超过10 MB，请压缩后上传');
    const kind = await collector.upload(caseId, 'selfie', '照片.png', PNG);
    expect(kind.status).toBe(400);
    expect(kind.body.details[0].path).toBe('kind');
    expect((await kit.as.department.upload(caseId, 'authorization', '授权书.png', PNG)).status).toBe(403);
  });

  it('stores a file by its content, types it by its bytes, and then lets verification through', async () => {
    const saved = await kit.as.collector.upload(caseId, 'authorization', '授权书.jpg', PNG);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const sha = createHash('sha256').update(PNG).digest('hex');
    expect(saved.body).toMatchObject({ kind: 'authorization', fileName: '授权书.jpg', mimeType: 'image/png', sizeBytes: PNG.length, sha256: sha });
    expect(await readFile(join(kit.ctx.config.dataDir, 'evidence', caseId, sha))).toEqual(PNG);
    expect((await verify()).status).toBe(200);
    const detail = (await kit.as.clerk.request('GET', `/api/v1/monitoring/cases/${caseId}`)).body;
    expect(detail.evidence.map((e: { kind: string }) => e.kind)).toEqual(['commitment', 'authorization']);
  });

  it('sends a file back with its type, audited, to those who may read personal data', async () => {
    const detail = (await kit.as.clerk.request('GET', `/api/v1/monitoring/cases/${caseId}`)).body;
    const pdf = detail.evidence.find((e: { kind: string }) => e.kind === 'commitment');
    const res = await kit.as.clerk.request('GET', `/api/v1/monitoring/evidence/${pdf.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.raw).toEqual(PDF);
    const { rows } = await sql<{ username: string }>`SELECT username FROM audit_log WHERE entity = 'case_evidence' AND action = 'read' AND entity_id = ${pdf.id}`.execute(kit.ctx.db);
    expect(rows.map((r) => r.username)).toEqual(['evi-clerk']);
    expect((await kit.as.leader.request('GET', `/api/v1/monitoring/evidence/${pdf.id}`)).status).toBe(403);
    expect((await kit.as.otherClerk.request('GET', `/api/v1/monitoring/evidence/${pdf.id}`)).status).toBe(404);
  });

  it('takes no more files once the case is closed', async () => {
    await kit.actOk(caseId, kit.as.collector, { action: 'reject', reason: '核实后收入稳定不予纳入' });
    const late = await kit.as.collector.upload(caseId, 'other', '补充.pdf', PDF);
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('案件已办结，不能再上传材料');
  });
});
