import { z } from 'zod';
import { recordId } from '@anju/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../platform/paging.js';
import { rulesInput, rulesResponse, workshopListQuery, workshopOutput, workshopUpdate, workshopUpgrade } from './workshop-schemas.js';
import * as service from './workshop-service.js';

const idParams = z.object({ id: recordId('帮扶车间编号') });

export const workshopRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['帮扶车间'];
  const ctx = app.ctx;
  app.get('/workshops', { schema: { tags, summary: '本辖区帮扶车间及认定条件核验结果', querystring: workshopListQuery, response: { 200: pageOf(workshopOutput) } } }, (req) =>
    service.listWorkshops(ctx, req.actor, req.query),
  );
  app.get('/workshops/rules', { schema: { tags, summary: '帮扶车间认定与升级标准（本辖区今天生效的值）', response: { 200: rulesResponse } } }, (req) => service.getRules(ctx, req.actor));
  app.put('/workshops/rules', { schema: { tags, summary: '设置本辖区帮扶车间认定与升级标准（自生效日期起）', body: rulesInput, response: { 200: rulesResponse } } }, (req) =>
    service.setRules(ctx, req.actor, req.body),
  );
  app.get('/workshops/:id', { schema: { tags, summary: '一个帮扶车间（经营主体编号）', params: idParams, response: { 200: workshopOutput } } }, (req) =>
    service.getWorkshop(ctx, req.actor, req.params.id),
  );
  app.put('/workshops/:id', { schema: { tags, summary: '登记或修改帮扶车间信息（首次登记时 version 为 null）', params: idParams, body: workshopUpdate, response: { 200: workshopOutput } } }, (req) => {
    const { version, ...facts } = req.body;
    return service.saveWorkshop(ctx, req.actor, req.params.id, version, facts);
  },
  );
  app.post('/workshops/:id/upgrade', { schema: { tags, summary: '升级为乡村就业工厂（不符合条件时说明原因）', params: idParams, body: workshopUpgrade, response: { 200: workshopOutput } } }, (req) =>
    service.upgradeWorkshop(ctx, req.actor, req.params.id, req.body.version, req.body.upgradedOn),
  );
};
