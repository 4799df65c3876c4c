import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { needInput, recordId, taskInput, taskUpdate } from '@anju/core';
import { caseParams, needOutput, planOutput, taskListQuery, taskOutput, taskPage } from './assistance-schemas.js';
import * as plans from './plan-service.js';
import * as tasks from './task-service.js';

export const assistanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const tags = ['帮扶计划'];
  app.get('/monitoring/cases/:id/plan', { schema: { tags, summary: '一户一策：需求清单和任务清单', params: caseParams, response: { 200: planOutput } } }, (req) =>
    plans.getPlan(ctx, req.actor, req.params.id),
  );
  app.post('/monitoring/cases/:id/needs', { schema: { tags, summary: '登记帮扶需求', params: caseParams, body: needInput, response: { 201: needOutput } } }, async (req, reply) =>
    reply.code(201).send(await plans.addNeed(ctx, req.actor, req.params.id, req.body)),
  );
  app.post('/monitoring/cases/:id/tasks', { schema: { tags, summary: '交办帮扶任务', params: caseParams, body: taskInput, response: { 201: taskOutput } } }, async (req, reply) =>
    reply.code(201).send(await plans.addTask(ctx, req.actor, req.params.id, req.body)),
  );
  app.get('/monitoring/tasks', { schema: { tags, summary: '帮扶任务（部门待办）', querystring: taskListQuery, response: { 200: taskPage } } }, (req) =>
    tasks.listTasks(ctx, req.actor, req.query),
  );
  app.patch('/monitoring/tasks/:id', { schema: { tags, summary: '办理帮扶任务（办结须填写结果）', params: z.object({ id: recordId('帮扶任务编号') }), body: taskUpdate, response: { 200: taskOutput } } }, (req) =>
    tasks.updateTask(ctx, req.actor, req.params.id, req.body),
  );
};
