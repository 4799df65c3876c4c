import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { householdInput, recordId } from '@anju/core';
import { pageOf } from '../../platform/paging.js';
import { historyEntry, householdDetail, householdListQuery, householdOutput, householdUpdateInput } from './household-schemas.js';
import * as service from './household-service.js';

const idParams = z.object({ id: recordId('户编号') });

export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['搬迁户'];
  app.get('/households', { schema: { tags, querystring: householdListQuery, response: { 200: pageOf(householdOutput) } } }, (req) =>
    service.listHouseholds(app.ctx, req.actor, req.query),
  );
  app.get('/households/:id', { schema: { tags, params: idParams, response: { 200: householdDetail } } }, (req) =>
    service.getHousehold(app.ctx, req.actor, req.params.id),
  );
  app.get('/households/:id/history', { schema: { tags, summary: '变更历史（来自审计日志）', params: idParams, response: { 200: z.array(historyEntry) } } }, (req) =>
    service.householdHistory(app.ctx, req.actor, req.params.id),
  );
  app.post('/households', { schema: { tags, body: householdInput, response: { 201: householdDetail } } }, async (req, reply) =>
    reply.code(201).send(await service.createHousehold(app.ctx, req.actor, req.body)),
  );
  app.put('/households/:id', { schema: { tags, params: idParams, body: householdUpdateInput, response: { 200: householdDetail } } }, (req) => {
    const { version, ...input } = req.body;
    return service.updateHousehold(app.ctx, req.actor, req.params.id, version, input);
  });
  app.delete('/households/:id', { schema: { tags, summary: '注销户（保留历史）', params: idParams, querystring: z.object({ version: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    await service.dissolveHousehold(app.ctx, req.actor, req.params.id, req.query.version);
    return reply.code(204).send();
  });
};
