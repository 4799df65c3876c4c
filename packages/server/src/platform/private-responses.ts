/**
 * What the API sends stays out of caches, and its documentation is for logged-in users (13.14).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resolveSession } from '../features/users/auth-service.js';
import { UnauthenticatedError } from './errors.js';
import { SESSION_COOKIE } from './session-hook.js';

/**
 * Every /api response is `no-store`: most carry personal data (lists, details, exports, audit
 * images, error bodies naming records), and a shared office PC or a proxy must keep none of it.
 * One rule for all is simpler to keep right than a list of the personal ones; the web's static
 * files (outside /api) are still cached.
 */
export function registerNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

/**
 * For @fastify/swagger-ui's `uiHooks`: the documentation lists every route and field of the API,
 * a map for whoever probes it; the people who need it (developers, integrators) have accounts.
 */
export function docsNeedLogin(app: FastifyInstance) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new UnauthenticatedError('接口文档须登录后查看');
    await resolveSession(app.ctx, token);
  };
}
