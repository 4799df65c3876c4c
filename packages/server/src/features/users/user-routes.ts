import { z } from 'zod';
import { recordId } from '@anju/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf, pageQuery } from '../../platform/paging.js';
import { userCreateInput, userOutput, userUpdateInput } from './user-schemas.js';
import * as service from './user-service.js';

const idParams = z.object({ id: recordId('用户编号') });

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['用户管理'];
  app.get('/users', { schema: { tags, querystring: pageQuery, response: { 200: pageOf(userOutput) } } }, (req) =>
    service.listUsers(app.ctx, req.actor, req.query.page, req.query.pageSize),
  );
  app.post('/users', { schema: { tags, body: userCreateInput, response: { 201: userOutput } } }, async (req, reply) =>
    reply.code(201).send(await service.createUser(app.ctx, req.actor, req.body)),
  );
  app.patch('/users/:id', { schema: { tags, params: idParams, body: userUpdateInput, response: { 200: userOutput } } }, (req) =>
    service.updateUser(app.ctx, req.actor, req.params.id, req.body),
  );
  app.post(
    '/users/:id/password',
    { schema: { tags, params: idParams, body: z.object({ password: z.string() }), response: { 200: userOutput } } },
    (req) => service.resetPassword(app.ctx, req.actor, req.params.id, req.body.password),
  );
};
