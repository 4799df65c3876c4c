import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { holdingEnd, holdingStart, recordId, welfarePostInput, welfarePostUpdate } from '@anju/core';
import { pageOf, pageQuery } from '../../platform/paging.js';
import * as posts from './welfare-post-service.js';
import * as holdings from './holding-service.js';
import { candidateOutput, figuresQuery, holdingOutput, postListQuery, postOutput, welfarePostFiguresOutput } from './welfare-post-schemas.js';

const idParams = z.object({ id: recordId('公益岗位编号') });

export const welfarePostRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const tags = ['公益岗位'];
  app.get('/welfare-posts', { schema: { tags, summary: '公益岗位（按安置点）', querystring: postListQuery, response: { 200: pageOf(postOutput) } } }, (req) =>
    posts.listPosts(ctx, req.actor, req.query),
  );
  app.get('/welfare-posts/figures', { schema: { tags, summary: '在用岗位数、在岗岗位数', querystring: figuresQuery, response: { 200: welfarePostFiguresOutput } } }, (req) =>
    posts.figures(ctx, req.actor, req.query.divisionCode, req.query.on),
  );
  app.get('/welfare-posts/:id', { schema: { tags, summary: '一个公益岗位及现任人员', params: idParams, response: { 200: postOutput } } }, (req) =>
    posts.getPost(ctx, req.actor, req.params.id),
  );
  app.post('/welfare-posts', { schema: { tags, summary: '新增公益岗位', body: welfarePostInput, response: { 201: postOutput } } }, async (req, reply) =>
    reply.code(201).send(await posts.createPost(ctx, req.actor, req.body)),
  );
  app.put('/welfare-posts/:id', { schema: { tags, summary: '修改公益岗位', params: idParams, body: welfarePostUpdate, response: { 200: postOutput } } }, (req) => {
    const { version, ...input } = req.body;
    return posts.updatePost(ctx, req.actor, req.params.id, version, input);
  });
  app.delete('/welfare-posts/:id', { schema: { tags, summary: '删除从未有人任职的岗位', params: idParams, querystring: z.object({ version: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    await posts.deletePost(ctx, req.actor, req.params.id, req.query.version);
    return reply.code(204).send();
  });

  app.get('/welfare-posts/:id/holdings', { schema: { tags, summary: '任职记录（现任在前）', params: idParams, response: { 200: z.array(holdingOutput) } } }, (req) =>
    holdings.listHoldings(ctx, req.actor, req.params.id),
  );
  app.post('/welfare-posts/:id/holdings', { schema: { tags, summary: '安排上岗（一岗一人）', params: idParams, body: holdingStart, response: { 201: holdingOutput } } }, async (req, reply) =>
    reply.code(201).send(await holdings.assignHolder(ctx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/welfare-posts/:id/holdings/:holdingId/end',
    { schema: { tags, summary: '办理离岗', params: z.object({ id: recordId('公益岗位编号'), holdingId: recordId('任职记录编号') }), body: holdingEnd, response: { 200: holdingOutput } } },
    (req) => holdings.endHolding(ctx, req.actor, req.params.id, req.params.holdingId, req.body),
  );
  app.get('/welfare-posts/:id/candidates', { schema: { tags, summary: '可安排人员（优先群体在前，附理由）', params: idParams, querystring: pageQuery, response: { 200: pageOf(candidateOutput) } } }, (req) =>
    holdings.listPostCandidates(ctx, req.actor, req.params.id, req.query.page, req.query.pageSize),
  );
};
