/** Drives the real Fastify app in-process: log in as a user, then call the API with its session. */
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Role } from '@anju/core';
import type { AppContext } from '../src/platform/context.js';
import { createUser } from '../src/features/users/user-service.js';
import { systemActor } from '../src/platform/actor.js';

export const TEST_PASSWORD = 'Test1234pass';

export interface ApiSession {
  username: string;
  request(method: InjectOptions['method'], url: string, body?: unknown): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
}

export async function addUser(ctx: AppContext, username: string, role: Role, divisionCode: string, department: string | null = null) {
  return createUser(ctx, systemActor('test'), { username, displayName: username, password: TEST_PASSWORD, role, divisionCode, department: department as never });
}

export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<ApiSession> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'anju_session')!;
  const csrf = res.json().csrfToken as string;
  return {
    username,
    async request(method, url, body) {
      const r = await app.inject({
        method,
        url,
        cookies: { anju_session: cookie.value },
        headers: { 'x-csrf-token': csrf },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      let parsed: unknown = r.body;
      try {
        parsed = r.json();
      } catch {
        /* not JSON: files */
      }
      return { status: r.statusCode, body: parsed, headers: r.headers };
    },
  };
}
