import { z } from 'zod';
import { recordId } from '@anju/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runMonitor } from './monitor-run.js';
import * as warnings from './warning-service.js';
import { listRuns } from './warning-repo.js';
import { dismissInput, runInput, runOutput, warningListQuery, warningOutput, warningPage } from './warning-schemas.js';

export const monitoringRunRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const tags = ['防止返贫监测'];
  app.get('/monitoring/warnings', { schema: { tags, summary: '预警列表', querystring: warningListQuery, response: { 200: warningPage } } }, (req) =>
    warnings.listWarnings(ctx, req.actor, req.query),
  );
  app.post(
    '/monitoring/warnings/:id/dismiss',
    { schema: { tags, summary: '排除预警（须写明理由）', params: z.object({ id: recordId('预警编号') }), body: dismissInput, response: { 200: warningOutput } } },
    (req) => warnings.dismissWarning(ctx, req.actor, req.params.id, req.body),
  );
  app.post('/monitoring/runs', { schema: { tags, summary: '运行月度监测（同月重复运行不重复预警）', body: runInput, response: { 200: runOutput } } }, (req) =>
    runMonitor(ctx, req.actor, req.body),
  );
  app.get('/monitoring/runs', { schema: { tags, summary: '月度监测运行记录', querystring: z.object({ division: z.string().default('') }) } }, async (req) => {
    const division = req.query.division.startsWith(req.actor.divisionCode) ? req.query.division : req.actor.divisionCode;
    const runs = await listRuns(ctx.db, division, 24);
    return runs.map((r) => ({ id: r.id, period: r.period, division: r.division_code, asOf: r.as_of, raised: r.raised, startedAt: r.started_at, finishedAt: r.finished_at, by: r.username, summary: r.summary }));
  });
};
