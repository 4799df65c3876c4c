import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardOutput, dashboardQuery } from './dashboard-schemas.js';
import * as service from './dashboard-service.js';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/dashboard',
    { schema: { tags: ['驾驶舱'], summary: '区划的安置点、搬迁户、人口、劳动力等数字与图表数据', querystring: dashboardQuery, response: { 200: dashboardOutput } } },
    (req) => service.getDashboard(app.ctx, req.actor, req.query.divisionCode),
  );
};
