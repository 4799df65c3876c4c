/** The one error handler: every failure leaves as { code, message, details } in Chinese. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ConflictError, DomainError } from './errors.js';

export interface ErrorBody {
  code: string;
  message: string;
  details: { path: string; message: string }[];
  current?: unknown;
}

const PART_NAMES: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const body: ErrorBody = { code: error.code, message: error.message, details: error.details };
      if (error instanceof ConflictError && error.current !== undefined) body.current = error.current;
      return reply.code(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? '格式不正确',
      }));
      const part = PART_NAMES[error.validationContext ?? 'body'] ?? '请求';
      return reply.code(400).send({ code: 'VALIDATION', message: `${part}校验未通过：${details.map((d) => `${d.path || '整体'}：${d.message}`).join('；')}`, details });
    }
    if (error.statusCode === 429) {
      return reply.code(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试', details: [] });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ code: error.code ?? 'BAD_REQUEST', message: `请求无效：${error.message}`, details: [] });
    }
    request.log.error(error);
    return reply.code(500).send({ code: 'INTERNAL', message: '服务器内部错误，请联系管理员', details: [] });
  });
}

/** Unknown paths: JSON for the API; with a web app, its index.html for everything else. */
export function registerNotFound(app: FastifyInstance, serveIndex: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0]!;
    if (serveIndex && request.method === 'GET' && !url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html', { maxAge: 0 });
    return reply.code(404).send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${url}`, details: [] });
  });
}
