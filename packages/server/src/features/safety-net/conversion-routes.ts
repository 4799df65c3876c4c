import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { conversionCancel, conversionComplete, conversionInput } from '@anju/core';
import { candidatePage, candidateQuery, conversionListQuery, conversionOutput, conversionPage, conversionParams } from './conversion-schemas.js';
import * as service from './conversion-service.js';

export const conversionRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const tags = ['低保特困城乡转换'];
  app.get('/monitoring/conversions/candidates', { schema: { tags, summary: '待确认对象：住城镇安置点的农村低保、特困人员', querystring: candidateQuery, response: { 200: candidatePage } } }, (req) =>
    service.listCandidates(ctx, req.actor, req.query),
  );
  app.get('/monitoring/conversions', { schema: { tags, summary: '城乡转换（含逾期）', querystring: conversionListQuery, response: { 200: conversionPage } } }, (req) =>
    service.listConversions(ctx, req.actor, req.query),
  );
  app.post('/monitoring/conversions', { schema: { tags, summary: '确认转换对象，按工作日计算办结期限', body: conversionInput, response: { 201: conversionOutput } } }, async (req, reply) =>
    reply.code(201).send(await service.createConversion(ctx, req.actor, req.body)),
  );
  app.post(
    '/monitoring/conversions/:id/complete',
    { schema: { tags, summary: '完成转换（人员低保特困状况改为城市）', params: conversionParams, body: conversionComplete, response: { 200: conversionOutput } } },
    (req) => service.completeConversion(ctx, req.actor, req.params.id, req.body),
  );
  app.post('/monitoring/conversions/:id/cancel', { schema: { tags, summary: '撤销转换', params: conversionParams, body: conversionCancel, response: { 200: conversionOutput } } }, (req) =>
    service.cancelConversion(ctx, req.actor, req.params.id, req.body),
  );
};
