import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../platform/paging.js';
import * as entitlements from './entitlement-service.js';
import { entitlementDecision, entitlementIdParams, entitlementListQuery, entitlementOutput, proposalInput, proposalOutput } from './policy-schemas.js';
import { today as chinaToday } from '../../platform/context.js';

export const entitlementRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const tags = ['政策与待遇'];
  const today = () => chinaToday(ctx);
  app.post(
    '/policy/entitlements/proposals',
    { schema: { tags, summary: '按评估日有效的规则，为区划内符合条件的对象提出待遇', body: proposalInput, response: { 200: proposalOutput } } },
    (req) => entitlements.proposeEntitlements(ctx, req.actor, { division: req.body.division, asOf: req.body.asOf ?? today() }),
  );
  app.get('/policy/entitlements', { schema: { tags, summary: '待遇记录', querystring: entitlementListQuery, response: { 200: pageOf(entitlementOutput) } } }, (req) =>
    entitlements.listEntitlements(ctx, req.actor, req.query),
  );
  const decision = { tags, params: entitlementIdParams, body: entitlementDecision, response: { 200: entitlementOutput } };
  app.post('/policy/entitlements/:id/approve', { schema: { ...decision, summary: '批准待遇（金额由地方确定时须填写金额）' } }, (req) =>
    entitlements.approveEntitlement(ctx, req.actor, req.params.id, req.body),
  );
  app.post('/policy/entitlements/:id/pay', { schema: { ...decision, summary: '登记待遇已发放（仅已批准的）' } }, (req) =>
    entitlements.payEntitlement(ctx, req.actor, req.params.id, req.body),
  );
  app.post('/policy/entitlements/:id/reject', { schema: { ...decision, summary: '驳回待遇（须写明理由）' } }, (req) =>
    entitlements.rejectEntitlement(ctx, req.actor, req.params.id, req.body),
  );
};
