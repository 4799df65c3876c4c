/**
 * The health check load balancers and monitors ask. It used to answer 200 from memory while every
 * pool connection was held by stalled imports and no login could be served; now it asks the
 * database and answers 503 when the database does not answer within HEALTH_TIMEOUT_MS.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pingDatabase } from './health-repo.js';

export const HEALTH_TIMEOUT_MS = 3000;

const healthOutput = z.object({ ok: z.boolean(), database: z.string(), message: z.string().optional() });

async function answers(ping: Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS)));
  try {
    return await Promise.race([ping.then(() => true, () => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  app.get('/health', { schema: { tags: ['系统'], summary: '健康检查（含数据库）', response: { 200: healthOutput, 503: healthOutput } }, config: { public: true } }, async (_req, reply) => {
    if (await answers(pingDatabase(ctx.db))) return { ok: true, database: ctx.database.kind };
    return reply.code(503).send({ ok: false, database: ctx.database.kind, message: `数据库在 ${HEALTH_TIMEOUT_MS / 1000} 秒内没有响应` });
  });
};
