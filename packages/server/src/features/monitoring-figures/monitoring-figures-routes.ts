import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { figuresOutput, figuresQuery } from './monitoring-figures-schemas.js';
import { monitoringFigures } from './monitoring-figures-service.js';

export const monitoringFiguresRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  app.get(
    '/monitoring/figures',
    { schema: { tags: ['防返贫监测'], summary: '监测帮扶统计：监测对象、案件、任务、转换、巩固率及12个月趋势', querystring: figuresQuery, response: { 200: figuresOutput } } },
    (req) => monitoringFigures(ctx, req.actor, req.query),
  );
};
