import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { labourCorrection, labourRecordUpdate, period, recordId, zeroEmploymentActionInput } from '@anju/core';
import { pageOf, pageQuery } from '../../platform/paging.js';
import * as ledger from './ledger-service.js';
import * as figures from './figures-service.js';
import * as zero from './zero-employment-service.js';
import { dispatchReport } from './dispatch-report.js';
import * as settings from './employment-settings-service.js';
import { labourRecordOutput, periodOutput, recordListQuery } from './employment-schemas.js';

const tags = ['劳动力台账'];
const countyQuery = z.object({ countyCode: z.string().regex(/^\d{6}$/, '县级代码须为6位数字').optional() });
const recordParams = z.object({ personId: recordId('人员编号'), period });
const divisionQuery = z.object({ divisionCode: z.string().regex(/^\d{0,12}$/, '行政区划代码须为数字').default('') });

export const employmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  app.get('/employment/periods', { schema: { tags, summary: '月调度期别', querystring: countyQuery, response: { 200: z.array(periodOutput) } } }, (req) =>
    ledger.listPeriods(ctx, req.actor, req.query.countyCode),
  );
  app.post(
    '/employment/periods',
    { schema: { tags, summary: '开启新一期（结转上期数据待确认）', body: countyQuery.extend({ period }), response: { 201: z.object({ countyCode: z.string(), period: z.string(), carriedFrom: z.string().nullable(), records: z.number() }) } } },
    async (req, reply) => reply.code(201).send(await ledger.openPeriod(ctx, req.actor, req.body.countyCode, req.body.period)),
  );
  app.post(
    '/employment/periods/everywhere',
    {
      schema: {
        tags,
        summary: '在辖区内尚未开启的各县一并开启新一期',
        body: z.object({ divisionCode: z.string().regex(/^\d{0,12}$/, '行政区划代码须为数字'), period }),
        response: {
          200: z.object({
            period: z.string(),
            opened: z.array(z.object({ countyCode: z.string(), carriedFrom: z.string().nullable(), records: z.number() })),
            failed: z.array(z.object({ countyCode: z.string(), message: z.string() })),
          }),
        },
      },
    },
    (req) => ledger.openPeriodEverywhere(ctx, req.actor, req.body.divisionCode, req.body.period),
  );
  app.post('/employment/periods/:period/close', { schema: { tags, summary: '关闭期别（此后只能更正）', params: z.object({ period }), body: countyQuery } }, async (req, reply) => {
    await ledger.closePeriod(ctx, req.actor, req.body.countyCode, req.params.period);
    return reply.code(204).send();
  });

  app.get('/employment/records', { schema: { tags, summary: '台账记录（筛选即各项指标的明细）', querystring: recordListQuery, response: { 200: pageOf(labourRecordOutput) } } }, (req) => {
    const { page, pageSize, reveal, ...filter } = req.query;
    return ledger.listRecords(ctx, req.actor, filter, page, pageSize, reveal === 'income');
  });
  app.get('/employment/records/:personId/:period', { schema: { tags, summary: '一条台账记录', params: recordParams, response: { 200: labourRecordOutput } } }, (req) =>
    ledger.getRecord(ctx, req.actor, req.params.personId, req.params.period),
  );
  app.put('/employment/records/:personId/:period', { schema: { tags, summary: '填报或修改本期记录', params: recordParams, body: labourRecordUpdate, response: { 200: labourRecordOutput } } }, (req) =>
    ledger.updateRecord(ctx, req.actor, req.params.personId, req.params.period, req.body.version, req.body.facts),
  );
  app.post(
    '/employment/records/:personId/:period/corrections',
    { schema: { tags, summary: '更正已关闭期别的记录（须说明原因）', params: recordParams, body: labourCorrection, response: { 200: labourRecordOutput } } },
    (req) => ledger.correctRecord(ctx, req.actor, req.params.personId, req.params.period, req.body.version, req.body.facts, req.body.reason),
  );
  app.get('/employment/records/:personId/:period/corrections', { schema: { tags, summary: '更正记录', params: recordParams } }, (req) =>
    ledger.listCorrections(ctx, req.actor, req.params.personId, req.params.period),
  );
  app.get('/employment/persons/:personId/history', { schema: { tags, summary: '某人各期台账（按期查询历史）', params: z.object({ personId: recordId('人员编号') }), response: { 200: z.array(labourRecordOutput) } } }, (req) =>
    ledger.recordHistory(ctx, req.actor, req.params.personId),
  );
  app.post('/employment/confirmations', { schema: { tags, summary: '确认本村（区划）结转记录无变化', body: z.object({ period, divisionCode: z.string().regex(/^\d{6,12}$/, '须为县级及以下区划代码') }), response: { 200: z.object({ confirmed: z.number() }) } } }, async (req) => ({
    confirmed: await ledger.confirmUnchanged(ctx, req.actor, req.body.period, req.body.divisionCode),
  }));

  app.get('/employment/figures', { schema: { tags: ['就业统计'], summary: '就业指标（任一区划、任一期）', querystring: divisionQuery.extend({ period: period.optional() }) } }, (req) =>
    figures.figures(ctx, req.actor, req.query.divisionCode, req.query.period),
  );
  app.get('/employment/trend', { schema: { tags: ['就业统计'], summary: '就业指标趋势', querystring: divisionQuery.extend({ to: period.optional(), periods: z.coerce.number().int().min(1).max(36).default(12) }) } }, (req) =>
    figures.trend(ctx, req.actor, req.query.divisionCode, req.query.to, req.query.periods),
  );

  app.get('/employment/settings', { schema: { tags: ['就业统计'], summary: '就业指标口径（设置项及其政策依据）' } }, (req) => settings.employmentSettings(ctx, req.actor));
  app.put('/employment/settings/stable', { schema: { tags: ['就业统计'], summary: '设置稳定就业标准（管理员，自生效日期起）', body: settings.stableSettingInput } }, (req) =>
    settings.setStableSetting(ctx, req.actor, req.body),
  );

  app.get('/employment/dispatch-report', { schema: { tags: ['就业统计'], summary: '导出月调度表（.xlsx）', querystring: divisionQuery.extend({ period }) } }, async (req, reply) => {
    const { buffer, name } = await dispatchReport(ctx, req.actor, req.query.divisionCode, req.query.period);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(buffer);
  });

  app.get(
    '/employment/zero-households',
    { schema: { tags: ['零就业家庭'], summary: '零就业家庭（新增、持续、已清零）', querystring: pageQuery.extend({ period, divisionCode: divisionQuery.shape.divisionCode, state: z.enum(['new', 'continuing', 'cleared', 'open']).optional() }) } },
    (req) => zero.listZeroHouseholds(ctx, req.actor, { divisionCode: req.query.divisionCode, period: req.query.period, state: req.query.state }, req.query.page, req.query.pageSize),
  );
  app.put('/employment/zero-households/:id/action', { schema: { tags: ['零就业家庭'], summary: '登记帮扶措施和责任人', params: z.object({ id: recordId('零就业家庭编号') }), body: zeroEmploymentActionInput } }, (req) =>
    zero.setZeroAction(ctx, req.actor, req.params.id, req.body),
  );
};
