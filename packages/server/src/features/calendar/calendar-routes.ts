import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarYearInput } from '@anju/core';
import { calendarYear, setCalendarYear } from './calendar-service.js';
import { calendarYearOutput as output, yearParams } from './calendar-schemas.js';

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const tags = ['监测设置'];
  app.get('/calendar/:year', { schema: { tags, summary: '某年的法定节假日与调休安排（工作日历）', params: yearParams, response: { 200: output } } }, (req) =>
    calendarYear(ctx, req.actor, req.params.year),
  );
  app.put(
    '/calendar/:year',
    { schema: { tags, summary: '录入某年的放假与调休安排（替代软件包所带的该年安排；空列表恢复软件包）', params: yearParams, body: calendarYearInput, response: { 200: output } } },
    (req) => setCalendarYear(ctx, req.actor, req.params.year, req.body.days),
  );
};
