import { z } from 'zod';
import { recordId } from '@anju/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { householdEvaluation } from './case-service.js';
import * as population from './population-service.js';
import {
  asOfQuery,
  eligibilityOutput,
  eligibilityQuery,
  eligibleSubjectsQuery,
  householdEvaluationOutput,
  simulationInput,
  simulationOutput,
  simulationSubjectsInput,
  subjectsOutput,
} from './evaluation-schemas.js';
import { today as chinaToday } from '../../platform/context.js';

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const tags = ['政策与待遇'];
  const today = () => chinaToday(ctx);
  app.get(
    '/policy/households/:id/evaluation',
    { schema: { tags, summary: '一户的应享政策（逐条规则及判定依据）', params: z.object({ id: recordId('户编号') }), querystring: asOfQuery, response: { 200: householdEvaluationOutput } } },
    (req) => householdEvaluation(ctx, req.actor, req.params.id, req.query.asOf ?? today()),
  );
  app.get('/policy/eligibility', { schema: { tags, summary: '区划内各规则的符合人数与金额', querystring: eligibilityQuery, response: { 200: eligibilityOutput } } }, (req) =>
    population.eligibility(ctx, req.actor, { division: req.query.division, asOf: req.query.asOf ?? today() }),
  );
  app.get(
    '/policy/eligibility/:ruleId/subjects',
    { schema: { tags, summary: '符合某条规则的对象', params: z.object({ ruleId: z.string() }), querystring: eligibleSubjectsQuery, response: { 200: subjectsOutput } } },
    (req) => population.eligibleSubjectsPage(ctx, req.actor, { ...req.query, asOf: req.query.asOf ?? today(), ruleId: req.params.ruleId }),
  );
  app.post('/policy/simulations', { schema: { tags, summary: '政策试算（不保存）', body: simulationInput, response: { 200: simulationOutput } } }, (req) =>
    population.simulate(ctx, req.actor, { ...req.body, asOf: req.body.asOf ?? today() }),
  );
  app.post('/policy/simulations/subjects', { schema: { tags, summary: '试算中新增或减少的对象', body: simulationSubjectsInput, response: { 200: subjectsOutput } } }, (req) =>
    population.simulationSubjects(ctx, req.actor, { ...req.body, asOf: req.body.asOf ?? today() }),
  );
};
