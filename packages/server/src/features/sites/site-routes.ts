import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordId, siteInput } from '@anju/core';
import { pageOf } from '../../platform/paging.js';
import { siteListQuery, siteOutput, siteUpdateInput } from './site-schemas.js';
import * as service from './site-service.js';

const idParams = z.object({ id: recordId('安置点编号') });

export const siteRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['安置点'];
  app.get('/sites', { schema: { tags, querystring: siteListQuery, response: { 200: pageOf(siteOutput) } } }, (req) =>
    service.listSites(app.ctx, req.actor, req.query),
  );
  app.get('/sites/:id', { schema: { tags, params: idParams, response: { 200: siteOutput } } }, (req) =>
    service.getSite(app.ctx, req.actor, req.params.id),
  );
  app.post('/sites', { schema: { tags, body: siteInput, response: { 201: siteOutput } } }, async (req, reply) =>
    reply.code(201).send(await service.createSite(app.ctx, req.actor, req.body)),
  );
  app.put('/sites/:id', { schema: { tags, params: idParams, body: siteUpdateInput, response: { 200: siteOutput } } }, (req) => {
    const { version, ...input } = req.body;
    return service.updateSite(app.ctx, req.actor, req.params.id, version, input);
  });  app.delete('/sites/:id', { schema: { tags, summary: '删除安置点（仅限无户、无经营主体）', params: idParams, querystring: z.object({ version: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    await service.deleteSite(app.ctx, req.actor, req.params.id, req.query.version);
    return reply.code(204).send();
  });
};
