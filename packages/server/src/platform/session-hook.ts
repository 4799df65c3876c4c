/**
 * Cookie sessions for /api/v1. Every API route needs a live session unless its route options
 * say `config: { public: true }` (login, health); every state-changing request must also echo
 * the session's CSRF token in a header.
 *
 * The decision reads the route the router matched, never the raw URL: the router decodes
 * percent-escapes, so `/api/%761/templates/persons` is the route `/api/v1/templates/:ledger`
 * while its raw URL does not start with `/api/v1/` (finding 13.5). Routes outside /api/v1 are
 * the web app's files and the OpenAPI page, which hold no records; unmatched paths go on to the
 * 404 handler.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resolveSession } from '../features/users/auth-service.js';
import type { Actor } from './actor.js';
import { ForbiddenError, PasswordChangeRequiredError, UnauthenticatedError } from './errors.js';

export const SESSION_COOKIE = 'anju_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** After an administrator's reset, the only routes open until the user picks a new password. */
const DURING_PASSWORD_CHANGE = new Set(['/api/v1/auth/session', '/api/v1/auth/logout', '/api/v1/auth/password']);
const NOT_LOGGED_IN = '未登录或登录已失效，请重新登录';

function needsSession(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route === undefined || !route.startsWith('/api/v1/')) return false;
  return request.routeOptions.config.public !== true;
}

export function registerSessionHook(app: FastifyInstance): void {
  // A handler that reads the actor on a request without a session gets a 401, not a TypeError
  // (a 500): the getter throws, so no handler has to remember to check.
  const actors = new WeakMap<FastifyRequest, Actor>();
  app.decorateRequest('actor', {
    getter(this: FastifyRequest): Actor {
      const actor = actors.get(this);
      if (!actor) throw new UnauthenticatedError(NOT_LOGGED_IN);
      return actor;
    },
    setter(this: FastifyRequest, actor: Actor) {
      actors.set(this, actor);
    },
  });
  app.addHook('onRequest', async (request) => {
    if (!needsSession(request)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new UnauthenticatedError(NOT_LOGGED_IN);
    const session = await resolveSession(app.ctx, token);
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new ForbiddenError('请求缺少有效的 CSRF 令牌，请刷新页面后重试');
    }
    if (session.mustChangePassword && !DURING_PASSWORD_CHANGE.has(request.routeOptions.url ?? '')) throw new PasswordChangeRequiredError();
    request.actor = session.actor;
    request.sessionToken = token;
  });
}
