import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../platform/paging.js';
import { recordListQuery, recordOutput } from './department-record-schemas.js';
import { listDepartmentRecords } from './department-record-service.js';

export const departmentDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const tags = ['部门数据比对'];
  app.get(
    '/department-data/records',
    { schema: { tags, summary: '部门比对记录（个案页的部门数据依据；按区划、部门、类别、数据月份筛选）', querystring: recordListQuery, response: { 200: pageOf(recordOutput) } } },
    (req) => listDepartmentRecords(ctx, req.actor, req.query),
  );
};
