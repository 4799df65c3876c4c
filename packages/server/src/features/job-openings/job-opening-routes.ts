import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { jobOpeningInput, recordId, referralInput, referralOutcomeInput } from '@anju/core';
import { pageOf, pageQuery } from '../../platform/paging.js';
import { matchPage, matchQuery, openingListQuery, openingOutput, openingUpdate, referralOutput } from './job-opening-schemas.js';
import * as openings from './job-opening-service.js';
import * as matching from './job-match-service.js';
import * as referrals from './job-referral-service.js';

const idParams = z.object({ id: recordId('岗位编号') });
const referralParams = z.object({ id: recordId('岗位编号'), referralId: recordId('推荐记录编号') });

export const jobOpeningRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['岗位对接'];
  const ctx = app.ctx;
  app.get('/job-openings', { schema: { tags, summary: '岗位（本辖区及上级发布到本辖区的）', querystring: openingListQuery, response: { 200: pageOf(openingOutput) } } }, (req) =>
    openings.listOpenings(ctx, req.actor, req.query),
  );
  app.get('/job-openings/:id', { schema: { tags, summary: '一个岗位', params: idParams, response: { 200: openingOutput } } }, (req) => openings.getOpening(ctx, req.actor, req.params.id));
  app.post('/job-openings', { schema: { tags, summary: '发布岗位', body: jobOpeningInput, response: { 201: openingOutput } } }, async (req, reply) =>
    reply.code(201).send(await openings.createOpening(ctx, req.actor, req.body)),
  );
  app.put('/job-openings/:id', { schema: { tags, summary: '修改岗位', params: idParams, body: openingUpdate, response: { 200: openingOutput } } }, (req) => {
    const { version, ...input } = req.body;
    return openings.updateOpening(ctx, req.actor, req.params.id, version, input);
  });
  app.delete('/job-openings/:id', { schema: { tags, summary: '删除未推送过的岗位', params: idParams, querystring: z.object({ version: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    await openings.deleteOpening(ctx, req.actor, req.params.id, req.query.version);
    return reply.code(204).send();
  });

  app.get('/job-openings/:id/matches', { schema: { tags, summary: '人岗匹配：按得分排序的求职人员及理由（默认最新一期台账）', params: idParams, querystring: matchQuery, response: { 200: matchPage } } }, (req) =>
    matching.matchesOf(ctx, req.actor, req.params.id, req.query),
  );

  app.get('/job-openings/:id/referrals', { schema: { tags, summary: '岗位的推送记录', params: idParams, querystring: pageQuery, response: { 200: pageOf(referralOutput) } } }, (req) =>
    referrals.referralsOfOpening(ctx, req.actor, req.params.id, req.query.page, req.query.pageSize),
  );
  app.post('/job-openings/:id/referrals', { schema: { tags, summary: '岗位推送（同一人同一岗位只推送一次）', params: idParams, body: referralInput, response: { 201: referralOutput } } }, async (req, reply) =>
    reply.code(201).send(await referrals.refer(ctx, req.actor, req.params.id, req.body)),
  );
  app.put('/job-openings/:id/referrals/:referralId', { schema: { tags, summary: '登记对接结果', params: referralParams, body: referralOutcomeInput, response: { 200: referralOutput } } }, (req) =>
    referrals.recordOutcome(ctx, req.actor, req.params.id, req.params.referralId, req.body),
  );
  app.get('/persons/:id/job-referrals', { schema: { tags, summary: '某人的岗位推送记录', params: idParams, response: { 200: z.array(referralOutput) } } }, (req) =>
    referrals.referralsOfPerson(ctx, req.actor, req.params.id),
  );
};
