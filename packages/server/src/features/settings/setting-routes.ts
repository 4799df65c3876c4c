import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { labourForceInput, getLabourForce, setLabourForce } from './setting-service.js';

const output = z.object({ minAge: z.number(), maxAge: z.number(), defaults: z.object({ minAge: z.number(), maxAge: z.number() }), on: z.string() });

export const settingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['设置'];
  app.get('/settings/labour-force', { schema: { tags, summary: '劳动力年龄（本人辖区今天生效的值）', response: { 200: output } } }, (req) => getLabourForce(app.ctx, req.actor));
  app.put('/settings/labour-force', { schema: { tags, summary: '设置本辖区劳动力年龄（自生效日期起）', body: labourForceInput, response: { 200: output } } }, (req) =>
    setLabourForce(app.ctx, req.actor, req.body),
  );
};
