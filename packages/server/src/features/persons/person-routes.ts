import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { personInput, personUpdate, recordId } from '@anju/core';
import { pageOf } from '../../platform/paging.js';
import { personListQuery, personOutput, sensitiveOutput } from './person-schemas.js';
import * as service from './person-service.js';

const idParams = z.object({ id: recordId('人员编号') });

export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['人员'];
  app.get('/persons', { schema: { tags, querystring: personListQuery, response: { 200: pageOf(personOutput) } } }, (req) =>
    service.listPersons(app.ctx, req.actor, req.query),
  );
  app.get('/persons/:id', { schema: { tags, params: idParams, response: { 200: personOutput } } }, (req) =>
    service.getPerson(app.ctx, req.actor, req.params.id),
  );
  // POST, not GET: reading unmasked data is an audited action, and must not be cached or prefetched.
  app.post('/persons/:id/sensitive', { schema: { tags, summary: '查看身份证号、电话明文（记入审计）', params: idParams, response: { 200: sensitiveOutput } } }, (req) =>
    service.revealSensitive(app.ctx, req.actor, req.params.id),
  );
  app.post('/persons', { schema: { tags, body: personInput, response: { 201: personOutput } } }, async (req, reply) =>
    reply.code(201).send(await service.createPerson(app.ctx, req.actor, req.body)),
  );
  app.put('/persons/:id', { schema: { tags, params: idParams, body: personUpdate, response: { 200: personOutput } } }, (req) => {
    const { version, ...input } = req.body;
    return service.updatePerson(app.ctx, req.actor, req.params.id, version, input);
  });
  app.delete('/persons/:id', { schema: { tags, params: idParams, querystring: z.object({ version: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    await service.deletePerson(app.ctx, req.actor, req.params.id, req.query.version);
    return reply.code(204).send();
  });
};
