import type { Actor } from './actor.js';
import type { AppContext } from './context.js';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    /** Set by the session hook on every authenticated /api/v1 route; reading it without a session throws a 401. */
    actor: Actor;
    sessionToken?: string;
  }
  interface FastifyContextConfig {
    /** Answers without a session (login, health). Every other /api/v1 route requires one. */
    public?: boolean;
  }
}
