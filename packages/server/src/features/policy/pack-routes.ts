import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as packs from './pack-service.js';
import {
  packCodeParams,
  packDetail,
  packRejected,
  packRevisionOutput,
  packSummary,
  packUpload,
  parameterEdit,
  parameterParams,
  revisionParams,
  ruleEdit,
  ruleParams,
} from './policy-schemas.js';

/** A refused pack answers 422 in the one error shape, plus the check's issues as they are. */
async function orRejected<T>(reply: FastifyReply, status: number, work: () => Promise<T>) {
  try {
    return reply.code(status).send(await work());
  } catch (error) {
    if (!(error instanceof packs.PackRejectedError)) throw error;
    return reply.code(422).send({ code: error.code, message: error.message, details: error.details, issues: error.issues });
  }
}

export const packRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const tags = ['政策与待遇'];
  app.get('/policy/packs', { schema: { tags, summary: '政策包', response: { 200: z.object({ items: z.array(packSummary) }) } } }, (req) =>
    packs.listPacks(ctx, req.actor),
  );
  app.get('/policy/packs/:code', { schema: { tags, summary: '一个政策包（全部规则、参数及其各版本）与修订记录', params: packCodeParams, response: { 200: packDetail } } }, (req) =>
    packs.getPack(ctx, req.actor, req.params.code),
  );
  app.get(
    '/policy/packs/:code/revisions/:revision',
    { schema: { tags, summary: '政策包的某一修订版', params: revisionParams, response: { 200: packRevisionOutput } } },
    (req) => packs.getRevision(ctx, req.actor, req.params.code, req.params.revision),
  );
  app.put(
    '/policy/packs/:code/parameters/:name',
    {
      schema: {
        tags,
        summary: '设定参数自某日起的值（校验整个政策包后保存为新修订版）',
        params: parameterParams,
        body: parameterEdit,
        response: { 200: packDetail, 422: packRejected },
      },
    },
    (req, reply) => orRejected(reply, 200, () => packs.setParameter(ctx, req.actor, req.params.code, req.params.name, req.body)),
  );
  app.put(
    '/policy/packs/:code/rules/:id',
    {
      schema: { tags, summary: '新增规则自某日起的版本（校验整个政策包后保存为新修订版）', params: ruleParams, body: ruleEdit, response: { 200: packDetail, 422: packRejected } },
    },
    (req, reply) => orRejected(reply, 200, () => packs.setRule(ctx, req.actor, req.params.code, req.params.id, req.body)),
  );
  app.post(
    '/policy/packs',
    { schema: { tags, summary: '上传政策包（YAML/JSON；新编号为新增，已有编号为新修订版）', body: packUpload, response: { 201: packDetail, 422: packRejected } } },
    (req, reply) => orRejected(reply, 201, () => packs.uploadPack(ctx, req.actor, req.body)),
  );
};
