/**
 * Cookie sessions for /api/v1. Every route but login and health needs a live session; every
 * state-changing request must also echo the session's CSRF token in a header.
 */
import type { FastifyInstance } from 'fastify';
import { resolveSession } from '../features/users/auth-service.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

export const SESSION_COOKIE = 'anju_session';
export const CSRF_HEADER = 'x-csrf-token';
const PUBLIC = new Set(['/api/v1/auth/login', '/api/v1/health']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerSessionHook(app: FastifyInstance): void {
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request) => {
    const url = request.url.split('?')[0]!;
    if (!url.startsWith('/api/v1/') || PUBLIC.has(url)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new UnauthenticatedError('未登录或登录已失效，请重新登录');
    const session = await resolveSession(app.ctx, token);
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new ForbiddenError('请求缺少有效的 CSRF 令牌，请刷新页面后重试');
    }
    request.actor = session.actor;
    request.sessionToken = token;
  });
}
