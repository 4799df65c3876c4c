/**
 * Refuses a NUL character (U+0000) anywhere in a request's path parameters, query or JSON body
 * before any schema or handler sees it. PostgreSQL text cannot hold U+0000, so such a value used
 * to travel as far as the query and fail there as a 500 (finding 13.12); no Chinese name,
 * address or note ever contains one. One hook covers every route, present and future.
 */
import type { FastifyInstance } from 'fastify';
import { ValidationError } from './errors.js';

const PART_NAMES = { params: '路径参数', query: '查询参数', body: '请求体' } as const;

/** The dotted path of the first string holding U+0000 (the same path style zod errors use). */
function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return (path ? `${path}.${key}` : key).replaceAll('\u0000', '␀');
    const found = nulPath(child, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function registerRequestGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of ['params', 'query', 'body'] as const) {
      const path = nulPath(request[part], '');
      if (path === undefined) continue;
      const field = path || '整体';
      throw new ValidationError(`${PART_NAMES[part]}校验未通过：${field}：不能含有空字符（U+0000）`, [{ path, message: '不能含有空字符（U+0000）' }]);
    }
  });
}
