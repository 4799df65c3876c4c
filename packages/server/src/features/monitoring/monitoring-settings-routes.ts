import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MONITORING_SETTING_KEYS, incomeLineInput, monitoringDeadlinesInput, monitoringThresholdsInput } from '@anju/core';
import * as settings from './monitoring-settings-service.js';
import { datedSettingsOutput, incomeLinesOutput, inForceOutput, inForceQuery } from './monitoring-settings-schemas.js';

export const monitoringSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const tags = ['监测设置'];
  const { thresholds, deadlines } = MONITORING_SETTING_KEYS;
  app.get('/monitoring/settings', { schema: { tags, summary: '某区划某日生效的监测收入标准、预警阈值和识别期限', querystring: inForceQuery, response: { 200: inForceOutput } } }, (req) =>
    settings.monitoringSettingsInForce(ctx, req.actor, req.query),
  );
  app.get('/monitoring/settings/income-lines', { schema: { tags, summary: '各省各年度防止返贫监测收入标准', response: { 200: incomeLinesOutput } } }, (req) =>
    settings.listIncomeLines(ctx, req.actor),
  );
  app.put('/monitoring/settings/income-lines', { schema: { tags, summary: '设置某省某年度监测收入标准（自当年1月1日起）', body: incomeLineInput, response: { 200: incomeLinesOutput } } }, (req) =>
    settings.setIncomeLine(ctx, req.actor, req.body),
  );
  app.get('/monitoring/settings/thresholds', { schema: { tags, summary: '预警与风险消除阈值（生效值与历史）', response: { 200: datedSettingsOutput } } }, (req) =>
    settings.datedSettings(ctx, req.actor, thresholds),
  );
  app.put('/monitoring/settings/thresholds', { schema: { tags, summary: '设置预警与风险消除阈值（自生效日期起）', body: monitoringThresholdsInput, response: { 200: datedSettingsOutput } } }, (req) =>
    settings.setDatedSetting(ctx, req.actor, thresholds, req.body),
  );
  app.get('/monitoring/settings/deadlines', { schema: { tags, summary: '识别程序各环节期限（生效值与历史）', response: { 200: datedSettingsOutput } } }, (req) =>
    settings.datedSettings(ctx, req.actor, deadlines),
  );
  app.put('/monitoring/settings/deadlines', { schema: { tags, summary: '设置识别程序各环节期限（工作日，自生效日期起）', body: monitoringDeadlinesInput, response: { 200: datedSettingsOutput } } }, (req) =>
    settings.setDatedSetting(ctx, req.actor, deadlines, req.body),
  );
};
