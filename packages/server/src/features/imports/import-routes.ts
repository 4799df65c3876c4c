import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ledgerNames, ledgers, recordId } from '@anju/core';
import { ValidationError } from '../../platform/errors.js';
import { pageOf, pageQuery } from '../../platform/paging.js';
import { formatOf } from './file-readers.js';
import { writeTemplate } from './ledger-workbooks.js';
import { exportLedger } from './export-service.js';
import * as service from './import-service.js';

const ledgerParam = z.object({ ledger: z.enum(ledgerNames as [string, ...string[]], { error: `台账须为：${ledgerNames.join('、')}` }) });
const jobParam = z.object({ id: recordId('导入任务编号') });
const jobOutput = z.object({
  id: z.string(),
  ledger: z.string(),
  fileName: z.string(),
  dryRun: z.boolean(),
  status: z.string().describe('running 进行中 / validated 预检通过 / confirmed 已确认（另起导入任务） / rejected 校验未通过 / committed 已导入 / failed 失败'),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errorCount: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), value: z.string(), reason: z.string() })),
  noteCount: z.number().describe('未作为记录导入、也不算错误的行数（小计/合计行）'),
  notes: z.array(z.object({ row: z.number(), reason: z.string() })).describe('这些行中的前若干行及原因'),
  counts: z.record(z.string(), z.object({ inserted: z.number(), updated: z.number(), unchanged: z.number() })),
  hasErrorFile: z.boolean(),
  unmatchedCount: z.number().describe('部门比对数据中未匹配到本辖区登记人员的行数'),
  hasUnmatchedFile: z.boolean(),
  username: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendFile(reply: FastifyReply, path: string, downloadName: string, removeAfter: boolean) {
  if (removeAfter) reply.raw.on('close', () => void rm(path, { force: true }));
  return reply
    .header('content-type', downloadName.endsWith('.csv') ? 'text/csv; charset=utf-8' : XLSX)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(downloadName)}`)
    .send(createReadStream(path));
}

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['导入导出'];
  const ctx = app.ctx;

  app.get('/templates/:ledger', { schema: { tags, summary: '下载导入模板', params: ledgerParam } }, async (req, reply) => {
    const ledger = ledgers[req.params.ledger as keyof typeof ledgers];
    const path = await service.newUploadPath(ctx, 'xlsx');
    await writeTemplate(ledger, path);
    return sendFile(reply, path, `${ledger.title}模板.xlsx`, true);
  });

  app.post('/imports/:ledger', { schema: { tags, summary: '上传台账并预检（不写入）', params: ledgerParam, response: { 202: z.object({ jobId: z.string() }) } } }, async (req, reply) => {
    const file = await req.file();
    if (!file) throw new ValidationError('请选择要上传的文件', [{ path: 'file', message: '缺少文件' }]);
    const format = formatOf(file.filename);
    const path = await service.newUploadPath(ctx, format);
    await pipeline(file.file, createWriteStream(path));
    if (file.file.truncated) {
      await rm(path, { force: true });
      throw new ValidationError('文件超过大小上限（512 MB）');
    }
    const jobId = await service.startUpload(ctx, req.actor, req.params.ledger as keyof typeof ledgers, path, file.filename, format);
    return reply.code(202).send({ jobId });
  });

  app.get('/imports', { schema: { tags, summary: '导入记录', querystring: pageQuery, response: { 200: pageOf(jobOutput) } } }, (req) =>
    service.listJobs(ctx, req.actor, req.query.page, req.query.pageSize),
  );
  app.get('/imports/:id', { schema: { tags, summary: '导入任务进度与结果', params: jobParam, response: { 200: jobOutput } } }, (req) =>
    service.getJob(ctx, req.actor, req.params.id),
  );
  app.post('/imports/:id/confirm', { schema: { tags, summary: '确认导入预检通过的文件', params: jobParam, response: { 202: z.object({ jobId: z.string() }) } } }, async (req, reply) =>
    reply.code(202).send({ jobId: await service.confirm(ctx, req.actor, req.params.id) }),
  );
  app.get('/imports/:id/errors.xlsx', { schema: { tags, summary: '下载错误标注文件', params: jobParam } }, async (req, reply) =>
    sendFile(reply, await service.errorFileOf(ctx, req.actor, req.params.id), `导入错误-${req.params.id}.xlsx`, false),
  );
  app.get('/imports/:id/unmatched.xlsx', { schema: { tags, summary: '下载部门比对未匹配清单（含原因）', params: jobParam } }, async (req, reply) =>
    sendFile(reply, await service.unmatchedFileOf(ctx, req.actor, req.params.id), `比对未匹配-${req.params.id}.xlsx`, false),
  );

  app.get(
    '/exports/:ledger',
    { schema: { tags, summary: '导出台账', params: ledgerParam, querystring: z.object({ divisionCode: z.string().regex(/^(\d{2,12})?$/).default(''), format: z.enum(['xlsx', 'csv']).default('xlsx'), period: z.string().regex(/^\d{4}-\d{2}$/, '期别须为 YYYY-MM').optional().describe('劳动力台账的期别') }) } },
    async (req, reply) => {
      const ledgerName = req.params.ledger as keyof typeof ledgers;
      const divisionCode = req.query.divisionCode || req.actor.divisionCode;
      const path = await service.newUploadPath(ctx, req.query.format);
      await exportLedger(ctx, req.actor, { ledger: ledgerName, divisionCode, format: req.query.format, path, period: req.query.period });
      const name = [ledgers[ledgerName].title, divisionCode || '全国', req.query.period].filter(Boolean).join('-');
      return sendFile(reply, path, `${name}.${req.query.format}`, true);
    },
  );
};
