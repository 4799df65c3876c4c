import type { Actor } from './actor.js';
import type { AppContext } from './context.js';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    /** Set by the session hook on every authenticated /api/v1 route. */
    actor: Actor;
    sessionToken?: string;
  }
}
