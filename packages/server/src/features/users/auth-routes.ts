import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeOwnPassword, login, logout, resolveSession } from './auth-service.js';
import { SESSION_COOKIE } from '../../platform/session-hook.js';

const sessionOutput = z.object({
  csrfToken: z.string(),
  user: z.object({
    id: z.string().nullable(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    divisionCode: z.string(),
    department: z.string().nullable(),
    /** After an administrator's reset: the web shows only the change-password form. */
    mustChangePassword: z.boolean(),
  }),
  idleTimeoutMinutes: z.number(),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: app.ctx.config.secureCookies };

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['认证'],
        summary: '登录',
        body: z.object({ username: z.string().min(1, '请输入用户名'), password: z.string().min(1, '请输入密码') }),
        response: { 200: sessionOutput },
      },
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await login(app.ctx, request.body.username, request.body.password, request.ip);
      // Secure whenever the client came over HTTPS (seen through trustProxy only when configured);
      // ANJU_SECURE_COOKIES forces it. Plain http stays possible for the demo on a LAN.
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, secure: cookieOptions.secure || request.protocol === 'https' });
      return {
        csrfToken: result.csrfToken,
        user: { id: result.actor.userId, username: result.actor.username, displayName: result.displayName, role: result.actor.role, divisionCode: result.actor.divisionCode, department: result.actor.department, mustChangePassword: result.mustChangePassword },
        idleTimeoutMinutes: app.ctx.config.idleTimeoutMinutes,
      };
    },
  );

  app.get('/auth/session', { schema: { tags: ['认证'], summary: '当前会话', response: { 200: sessionOutput } } }, async (request) => {
    const s = await resolveSession(app.ctx, request.sessionToken!);
    return {
      csrfToken: s.csrfToken,
      user: { id: s.actor.userId, username: s.actor.username, displayName: s.displayName, role: s.actor.role, divisionCode: s.actor.divisionCode, department: s.actor.department, mustChangePassword: s.mustChangePassword },
      idleTimeoutMinutes: app.ctx.config.idleTimeoutMinutes,
    };
  });

  app.post('/auth/logout', { schema: { tags: ['认证'], summary: '退出登录' } }, async (request, reply) => {
    await logout(app.ctx, request.sessionToken!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['认证'],
        summary: '修改本人密码',
        body: z.object({ currentPassword: z.string().min(1, '请输入当前密码'), newPassword: z.string().min(1, '请输入新密码') }),
      },
      // A stolen session must not become a way to guess the current password quickly.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      await changeOwnPassword(app.ctx, request.actor, request.sessionToken!, request.body.currentPassword, request.body.newPassword);
      return reply.code(204).send();
    },
  );
};
