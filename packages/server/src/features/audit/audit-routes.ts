import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf, pageQuery } from '../../platform/paging.js';
import * as service from './audit-service.js';

const entry = z.object({
  id: z.string(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  divisionCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['审计日志'];
  app.get(
    '/audit',
    {
      schema: {
        tags,
        querystring: pageQuery.extend({
          entity: z.string().optional(),
          entityId: z.string().optional(),
          username: z.string().optional(),
          action: z.string().optional(),
          from: z.iso.date().optional(),
          to: z.iso.date().optional(),
        }),
        response: { 200: pageOf(entry) },
      },
    },
    (req) => service.listAudit(app.ctx, req.actor, req.query),
  );
  app.post(
    '/audit/verify',
    {
      schema: {
        tags,
        summary: '校验审计日志哈希链',
        response: {
          200: z.object({
            ok: z.boolean(),
            entries: z.number(),
            brokenId: z.string().optional(),
            reason: z.string().optional(),
            lastHash: z.string().optional(),
            /** The latest signed checkpoint outside the database, when the log is whole. */
            checkpoint: z.number().optional(),
            /** Entries a checkpoint vouched for that are gone. */
            missing: z.number().optional(),
          }),
        },
      },
    },
    (req) => service.verify(app.ctx, req.actor),
  );
};
