import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { employerInput, recordId } from '@anju/core';
import { pageOf } from '../../platform/paging.js';
import { employerListQuery, employerOutput, employerUpdateInput } from './employer-schemas.js';
import * as service from './employer-service.js';

const idParams = z.object({ id: recordId('用工单位编号') });

export const employerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['经营主体'];
  app.get('/employers', { schema: { tags, querystring: employerListQuery, response: { 200: pageOf(employerOutput) } } }, (req) =>
    service.listEmployers(app.ctx, req.actor, req.query),
  );
  app.get('/employers/:id', { schema: { tags, params: idParams, response: { 200: employerOutput } } }, (req) =>
    service.getEmployer(app.ctx, req.actor, req.params.id),
  );
  app.post('/employers', { schema: { tags, body: employerInput, response: { 201: employerOutput } } }, async (req, reply) =>
    reply.code(201).send(await service.createEmployer(app.ctx, req.actor, req.body)),
  );
  app.put('/employers/:id', { schema: { tags, params: idParams, body: employerUpdateInput, response: { 200: employerOutput } } }, (req) => {
    const { version, ...input } = req.body;
    return service.updateEmployer(app.ctx, req.actor, req.params.id, version, input);
  });  app.delete('/employers/:id', { schema: { tags, params: idParams, querystring: z.object({ version: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    await service.deleteEmployer(app.ctx, req.actor, req.params.id, req.query.version);
    return reply.code(204).send();
  });
};
