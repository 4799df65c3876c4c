import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as service from './division-service.js';

const divisionOutput = z.object({ code: z.string(), name: z.string(), level: z.number(), parentCode: z.string().nullable(), codeYear: z.number() });

export const divisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['行政区划'];
  app.get(
    '/divisions',
    {
      schema: {
        tags,
        summary: '下级行政区划（不带 parent 时为本人所属区划）或按名称/代码搜索',
        querystring: z.object({ parent: z.string().regex(/^\d{2,12}$/).optional(), q: z.string().trim().min(1).max(30).optional() }),
        response: { 200: z.array(divisionOutput) },
      },
    },
    (req) => (req.query.q ? service.search(app.ctx, req.actor, req.query.q) : service.children(app.ctx, req.actor, req.query.parent)),
  );
  app.get(
    '/divisions/:code',
    { schema: { tags, params: z.object({ code: z.string().regex(/^\d{2,12}$/) }), response: { 200: z.object({ division: divisionOutput, path: z.array(divisionOutput) }) } } },
    (req) => service.withPath(app.ctx, req.params.code),
  );
};
