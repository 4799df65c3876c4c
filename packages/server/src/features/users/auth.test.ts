import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, TEST_PASSWORD } from '../../../test/api-client.js';
import { TOWNSHIP_A } from '../../../test/factories.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let ctx: ReturnType<typeof testContext>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  app = await buildApp(ctx);
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

const attempt = (username: string, password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('login', () => {
  it('stores an argon2id hash, never the password', async () => {
    await addUser(ctx, 'hash-user', 'clerk', TOWNSHIP_A);
    const row = await ctx.db.selectFrom('app_user').select('password_hash').where('username', '=', 'hash-user').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    await addUser(ctx, 'known', 'clerk', TOWNSHIP_A);
    const unknown = await attempt('nobody', 'whatever1');
    const wrong = await attempt('known', 'whatever1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().message).toContain('用户名或密码错误');
    expect(wrong.json().message).toContain('用户名或密码错误');
  });

  it('makes a source wait 15 minutes after 5 failures in a row, then lets the right password in', async () => {
    await addUser(ctx, 'locky', 'clerk', TOWNSHIP_A);
    for (let i = 1; i <= 5; i++) expect((await attempt('locky', 'bad-password1')).statusCode).toBe(401);
    // Even the right password is refused while this source waits …
    expect((await attempt('locky', TEST_PASSWORD)).statusCode).toBe(401);
    // … and accepted once the wait has run out.
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 15 * 60_000 + 1000);
    expect((await attempt('locky', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a disabled account and ends its live sessions', async () => {
    const user = await addUser(ctx, 'to-disable', 'clerk', TOWNSHIP_A);
    await addUser(ctx, 'root', 'admin', '');
    const session = await login(app, 'to-disable');
    const admin = await login(app, 'root');
    expect((await admin.request('PATCH', `/api/v1/users/${user.id}`, { version: user.version, disabled: true })).status).toBe(200);
    expect((await session.request('GET', '/api/v1/sites')).status).toBe(401);
    const res = await attempt('to-disable', TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('用户名或密码错误，或账号暂不可用');
  });

  it('logs out idle sessions after 30 minutes', async () => {
    await addUser(ctx, 'idler', 'clerk', TOWNSHIP_A);
    const session = await login(app, 'idler');
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 29 * 60_000);
    expect((await session.request('GET', '/api/v1/sites')).status).toBe(200);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 31 * 60_000);
    const res = await session.request('GET', '/api/v1/sites');
    expect(res.status).toBe(401);
    expect(res.body.message).toContain('30分钟未操作');
  });

  it('sets an httpOnly, SameSite=Strict cookie and security headers', async () => {
    await addUser(ctx, 'headers', 'clerk', TOWNSHIP_A);
    const res = await attempt('headers', TEST_PASSWORD);
    const cookie = res.cookies.find((c) => c.name === 'anju_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('rate-limits login attempts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await attempt(`ghost${i}`, 'x')).statusCode);
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(20);
  });
});
