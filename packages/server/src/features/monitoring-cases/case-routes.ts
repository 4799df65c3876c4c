/** The case endpoints of docs/MONITORING.md §6 (identification workflow and evidence). */
import { createReadStream } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EVIDENCE_MAX_BYTES } from '@anju/core';
import { takeAction } from './case-actions.js';
import { caseBoard, createLead, getCase, listCases } from './case-service.js';
import { actionInput, boardOutput, boardQuery, caseDetail, caseListQuery, casePage, eliminationCheckOutput, evidenceOutput, idParam, leadInput } from './case-schemas.js';
import { eliminationCheck } from './elimination-check.js';
import { readEvidence, uploadEvidence, type UploadedPart } from './evidence-service.js';

/** The multipart form: the `kind` field, then the file (cut off just past the size limit). */
async function readPart(req: FastifyRequest): Promise<UploadedPart | undefined> {
  if (!req.isMultipart()) return undefined;
  const file = await req.file({ limits: { fileSize: EVIDENCE_MAX_BYTES }, throwFileSizeLimit: false });
  if (!file) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of file.file) chunks.push(chunk as Buffer);
  const field = file.fields.kind;
  const kind = field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : undefined;
  return { kind, fileName: file.filename, bytes: Buffer.concat(chunks), truncated: file.file.truncated };
}

export const monitoringCaseRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const tags = ['防止返贫监测'];
  const params = idParam;

  app.get('/monitoring/cases', { schema: { tags, summary: '监测案件列表', querystring: caseListQuery, response: { 200: casePage } } }, (req) =>
    listCases(ctx, req.actor, req.query),
  );
  app.get('/monitoring/cases/board', { schema: { tags, summary: '在办案件按环节统计（含逾期）', querystring: boardQuery, response: { 200: boardOutput } } }, (req) =>
    caseBoard(ctx, req.actor, req.query.division),
  );
  app.post('/monitoring/cases', { schema: { tags, summary: '登记风险线索', body: leadInput, response: { 201: caseDetail } } }, async (req, reply) =>
    reply.code(201).send(await createLead(ctx, req.actor, req.body)),
  );
  app.get('/monitoring/cases/:id', { schema: { tags, summary: '监测案件详情（流程记录、材料、预警、既往案件、可办操作）', params, response: { 200: caseDetail } } }, (req) =>
    getCase(ctx, req.actor, req.params.id),
  );
  app.post(
    '/monitoring/cases/:id/actions',
    { schema: { tags, summary: '办理案件环节（入户核实、信息比对、公示、审核、审批、退回、风险消除）', params, body: actionInput, response: { 200: caseDetail } } },
    (req) => takeAction(ctx, req.actor, req.params.id, req.body),
  );
  app.get(
    '/monitoring/cases/:id/elimination-check',
    { schema: { tags, summary: '风险消除条件核查', params, response: { 200: eliminationCheckOutput } } },
    (req) => eliminationCheck(ctx, req.actor, req.params.id),
  );
  app.post(
    '/monitoring/cases/:id/evidence',
    { schema: { tags, summary: '上传案件材料（multipart：kind 字段在前，file 在后；PDF/JPEG/PNG，不超过10 MB）', params, response: { 201: evidenceOutput } } },
    async (req, reply) => reply.code(201).send(await uploadEvidence(ctx, req.actor, req.params.id, () => readPart(req))),
  );
  app.get('/monitoring/evidence/:id', { schema: { tags, summary: '查看案件材料原件（记入审计）', params } }, async (req, reply) => {
    const file = await readEvidence(ctx, req.actor, req.params.id);
    return reply
      .header('content-type', file.mimeType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(createReadStream(file.path));
  });
};
