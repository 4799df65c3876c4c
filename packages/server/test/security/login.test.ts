/**
 * Finding 13.8: the login. A client must not pick its own address, a failed login must not say
 * why, an attacker must not lock anyone out, and passwords must be worth guessing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { createTestDatabase, testContext, type TestDatabase } from '../test-database.js';
import { addUser, login, TEST_PASSWORD, type ApiSession } from '../api-client.js';
import { TOWNSHIP_A } from '../factories.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let ctx: ReturnType<typeof testContext>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'sec-root', 'admin', '');
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

// Each test speaks from its own addresses, so the per-address rate limit of one test never
// spills into another.
function attempt(username: string, password: string, from: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: from, headers });
}

const minutes = (n: number) => {
  ctx.clock.now = new Date(ctx.clock.now.getTime() + n * 60_000);
};

// A fresh session each time: the tests move the clock past the idle timeout.
const asAdmin = (): Promise<ApiSession> => login(app, 'sec-root');

const ONE_MESSAGE = { code: 'UNAUTHENTICATED', message: '用户名或密码错误，或账号暂不可用', details: [] };

describe('13.8 login', () => {
  it('13.8 a forged X-Forwarded-For neither escapes the rate limit nor lands in the audit log', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      statuses.push((await attempt(`ghost${i}`, 'x', '10.8.0.1', { 'x-forwarded-for': `203.0.113.${i + 1}` })).statusCode);
    }
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(20);

    await addUser(ctx, 'sec-forger', 'clerk', TOWNSHIP_A);
    expect((await attempt('sec-forger', TEST_PASSWORD, '10.8.0.2', { 'x-forwarded-for': '203.0.113.99' })).statusCode).toBe(200);
    const entry = await ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'login')
      .where('username', '=', 'sec-forger')
      .executeTakeFirstOrThrow();
    expect(entry.after).toEqual({ ip: '10.8.0.2' });
  });

  it('13.8 trusts X-Forwarded-For only from a configured proxy', async () => {
    const proxied = await buildApp(testContext(tdb.database, { trustProxy: ['10.7.0.1'] }));
    try {
      await addUser(ctx, 'sec-proxied', 'clerk', TOWNSHIP_A);
      const viaProxy = await proxied.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'sec-proxied', password: TEST_PASSWORD },
        remoteAddress: '10.7.0.1',
        headers: { 'x-forwarded-for': '198.51.100.20' },
      });
      expect(viaProxy.statusCode).toBe(200);
      const entry = await ctx.db.selectFrom('audit_log').select('after').where('action', '=', 'login').where('username', '=', 'sec-proxied').executeTakeFirstOrThrow();
      expect(entry.after).toEqual({ ip: '198.51.100.20' });
    } finally {
      await proxied.close();
    }
  });

  it('13.8 ANJU_TRUST_PROXY is off unless set: a hop count or a list of proxy addresses', async () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ ANJU_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(() => loadConfig({ ANJU_TRUST_PROXY: 'true' })).toThrow(/ANJU_TRUST_PROXY/);
    const oneHop = await buildApp(testContext(tdb.database, { trustProxy: loadConfig({ ANJU_TRUST_PROXY: '1' }).trustProxy }));
    try {
      await addUser(ctx, 'sec-hop', 'clerk', TOWNSHIP_A);
      const res = await oneHop.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'sec-hop', password: TEST_PASSWORD },
        remoteAddress: '10.7.0.2',
        headers: { 'x-forwarded-for': '203.0.113.5, 198.51.100.30' },
      });
      expect(res.statusCode).toBe(200);
      const entry = await ctx.db.selectFrom('audit_log').select('after').where('action', '=', 'login').where('username', '=', 'sec-hop').executeTakeFirstOrThrow();
      expect(entry.after).toEqual({ ip: '198.51.100.30' });
    } finally {
      await oneHop.close();
    }
  });

  it('13.8 every failed login gets one message: unknown user, wrong password, disabled, slowed down', async () => {
    const known = await addUser(ctx, 'sec-known', 'clerk', TOWNSHIP_A);
    const disabled = await addUser(ctx, 'sec-disabled', 'clerk', TOWNSHIP_A);
    const admin = await asAdmin();
    expect((await admin.request('PATCH', `/api/v1/users/${disabled.id}`, { version: disabled.version, disabled: true })).status).toBe(200);
    const answers = [
      await attempt('sec-nobody', 'Wrong1234x', '10.8.1.1'),
      await attempt(known.username, 'Wrong1234x', '10.8.1.1'),
      await attempt(disabled.username, TEST_PASSWORD, '10.8.1.1'),
    ];
    for (let i = 0; i < 6; i++) answers.push(await attempt(known.username, 'Wrong1234x', '10.8.1.2'));
    answers.push(await attempt(known.username, TEST_PASSWORD, '10.8.1.2'));
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toEqual(ONE_MESSAGE);
    }
  });

  it('13.8 an attacker slows only himself: the administrator still signs in from his own machine', async () => {
    await addUser(ctx, 'sec-boss', 'admin', '');
    const attacker = '198.51.100.7';
    for (let i = 0; i < 5; i++) expect((await attempt('sec-boss', `Guess${i}abc1`, attacker)).statusCode).toBe(401);
    // The attacker now waits, even with the right password …
    expect((await attempt('sec-boss', TEST_PASSWORD, attacker)).statusCode).toBe(401);
    // … while the owner, from another address, is not locked out.
    expect((await attempt('sec-boss', TEST_PASSWORD, '10.8.2.1')).statusCode).toBe(200);
    const lockedUntil = await ctx.db.selectFrom('app_user').select('locked_until').where('username', '=', 'sec-boss').executeTakeFirstOrThrow();
    expect(lockedUntil.locked_until).toBeNull();
  });

  it('13.8 the wait for one account and source doubles with each further failure', async () => {
    await addUser(ctx, 'sec-target', 'clerk', TOWNSHIP_A);
    const from = '198.51.100.8';
    for (let i = 0; i < 5; i++) await attempt('sec-target', `Guess${i}abc1`, from);
    minutes(14);
    expect((await attempt('sec-target', TEST_PASSWORD, from)).statusCode).toBe(401);
    minutes(2); // 16 minutes after the fifth failure: one more try
    expect((await attempt('sec-target', 'Guess5abc1', from)).statusCode).toBe(401);
    minutes(29);
    expect((await attempt('sec-target', TEST_PASSWORD, from)).statusCode).toBe(401);
    minutes(2); // 31 minutes after the sixth failure
    expect((await attempt('sec-target', TEST_PASSWORD, from)).statusCode).toBe(200);
    // A success starts the count afresh.
    for (let i = 0; i < 4; i++) await attempt('sec-target', `Guess${i}abc1`, from);
    expect((await attempt('sec-target', TEST_PASSWORD, from)).statusCode).toBe(200);
  });

  it('13.8 refuses passwords that are short, contain the username or are common', async () => {
    const admin = await asAdmin();
    const tries: Array<[string, string, RegExp]> = [
      ['sec-short', 'Ab12345', /至少8位/],
      ['zhangsan', 'Zhangsan2024', /不能包含用户名/],
      ['sec-common1', 'woaini1314', /常见密码/],
      ['sec-common2', 'qq123456', /常见密码/],
      ['sec-common3', 'Password1', /常见密码/],
      ['sec-common4', 'a1234567', /常见密码/],
    ];
    for (const [username, password, reason] of tries) {
      const res = await admin.request('POST', '/api/v1/users', { username, displayName: username, password, role: 'clerk', divisionCode: TOWNSHIP_A });
      expect(res.status, `${username} / ${password}`).toBe(400);
      expect(res.body.details).toEqual([{ path: 'password', message: expect.stringMatching(reason) }]);
    }
    const fine = await admin.request('POST', '/api/v1/users', { username: 'sec-fine', displayName: 'x', password: 'Lu0pan-Shui7', role: 'clerk', divisionCode: TOWNSHIP_A });
    expect(fine.status).toBe(201);
  });

  it('13.8 users change their own password, giving the current one', async () => {
    await addUser(ctx, 'sec-changer', 'clerk', TOWNSHIP_A);
    const me = await login(app, 'sec-changer');
    const wrong = await me.request('POST', '/api/v1/auth/password', { currentPassword: 'Not-it-123', newPassword: 'Qiannan-77river' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ path: 'currentPassword', message: '当前密码不正确' }]);
    const weak = await me.request('POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'sec-changer1' });
    expect(weak.status).toBe(400);
    const ok = await me.request('POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Qiannan-77river' });
    expect(ok.status).toBe(204);
    expect((await me.request('GET', '/api/v1/sites')).status).toBe(200);
    expect((await attempt('sec-changer', TEST_PASSWORD, '10.8.3.1')).statusCode).toBe(401);
    expect((await attempt('sec-changer', 'Qiannan-77river', '10.8.3.1')).statusCode).toBe(200);
  });

  it('13.8 after an administrator resets a password the user must change it before anything else', async () => {
    const user = await addUser(ctx, 'sec-reset', 'clerk', TOWNSHIP_A);
    const admin = await asAdmin();
    expect((await admin.request('POST', `/api/v1/users/${user.id}/password`, { password: 'Temp-2026-xyz' })).status).toBe(200);
    const first = await attempt('sec-reset', 'Temp-2026-xyz', '10.8.4.1');
    expect(first.statusCode).toBe(200);
    expect(first.json().user.mustChangePassword).toBe(true);
    const me = await login(app, 'sec-reset', 'Temp-2026-xyz');
    const blocked = await me.request('GET', '/api/v1/sites');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await me.request('GET', '/api/v1/auth/session')).body.user.mustChangePassword).toBe(true);
    expect((await me.request('POST', '/api/v1/auth/password', { currentPassword: 'Temp-2026-xyz', newPassword: 'Temp-2026-xyz' })).status).toBe(400);
    expect((await me.request('POST', '/api/v1/auth/password', { currentPassword: 'Temp-2026-xyz', newPassword: 'Anshun-88bridge' })).status).toBe(204);
    expect((await me.request('GET', '/api/v1/sites')).status).toBe(200);
    expect((await me.request('GET', '/api/v1/auth/session')).body.user.mustChangePassword).toBe(false);
  });
});
