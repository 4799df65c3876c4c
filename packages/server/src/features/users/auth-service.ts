import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { UnauthenticatedError, ValidationError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import * as users from './user-repo.js';
import * as sessions from './session-repo.js';
import * as throttle from './login-throttle-repo.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The one answer to every failed login: an unknown name, a wrong password, a disabled account
 * and a source that must still wait all read alike, so the answer tells nothing about accounts.
 */
export const LOGIN_FAILED = '用户名或密码错误，或账号暂不可用';

let dummyHash: Promise<string> | undefined;

export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
  displayName: string;
  mustChangePassword: boolean;
}

/**
 * Password login, throttled per account name and source address: after N failures from one
 * source that source waits M minutes, and each further failure doubles the wait (up to a day).
 * An attacker thus slows only himself; the owner signing in from another address is never
 * locked out, the administrator included.
 */
export async function login(ctx: AppContext, username: string, password: string, ip: string): Promise<LoginResult> {
  const now = ctx.now();
  const failed = new UnauthenticatedError(LOGIN_FAILED);
  const slot = await throttle.reserveAttempt(ctx.db, username, ip, now, { attempts: ctx.config.lockoutAttempts, minutes: ctx.config.lockoutMinutes });
  if (!slot) throw failed;
  const user = await users.findUserForLogin(ctx.db, username);
  // Unknown names spend the same time as a real check, so response time does not reveal them.
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyHash), password);
  if (!user || !passwordOk || user.disabled) {
    await throttle.forgetOldAttempts(ctx.db, now);
    if (slot.blockedUntil) {
      const id = user ? String(user.id) : null;
      await ctx.db.transaction().execute((trx) =>
        appendAudit(trx, { userId: id, username, action: 'login_backoff', entity: 'user', entityId: id, divisionCode: user?.division_code ?? null, before: null, after: { ip, failures: slot.failures, waitUntil: slot.blockedUntil!.toISOString() } }),
      );
    }
    throw failed;
  }
  const id = String(user.id);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await ctx.db.transaction().execute(async (trx) => {
    await throttle.clearAttempts(trx, username, ip);
    await users.recordSuccessfulLogin(trx, id);
    await sessions.insertSession(trx, hashToken(token), id, csrfToken, now);
    await appendAudit(trx, { userId: id, username, action: 'login', entity: 'user', entityId: id, divisionCode: user.division_code, before: null, after: { ip } });
  });
  return {
    token,
    csrfToken,
    displayName: user.display_name,
    mustChangePassword: user.must_change_password,
    actor: { userId: id, username, role: user.role as Role, divisionCode: user.division_code, department: user.department },
  };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  displayName: string;
  /** Set after an administrator's reset: nothing but changing it until then. */
  mustChangePassword: boolean;
}

/** Idle sessions expire; a live one is touched at most once a minute to keep writes rare. */
export async function resolveSession(ctx: AppContext, token: string): Promise<ResolvedSession> {
  const tokenHash = hashToken(token);
  const row = await sessions.findSession(ctx.db, tokenHash);
  if (!row) throw new UnauthenticatedError('未登录或登录已失效，请重新登录');
  const now = ctx.now();
  const idleMs = now.getTime() - row.last_seen_at.getTime();
  if (idleMs > ctx.config.idleTimeoutMinutes * 60_000) {
    await sessions.deleteSession(ctx.db, tokenHash);
    throw new UnauthenticatedError(`超过${ctx.config.idleTimeoutMinutes}分钟未操作，请重新登录`);
  }
  if (row.disabled) {
    await sessions.deleteSession(ctx.db, tokenHash);
    throw new UnauthenticatedError('账号已停用，请联系管理员');
  }
  if (idleMs > 60_000) await sessions.touchSession(ctx.db, tokenHash, now);
  return {
    csrfToken: row.csrf_token,
    displayName: row.display_name,
    mustChangePassword: row.must_change_password,
    actor: { userId: String(row.user_id), username: row.username, role: row.role as Role, divisionCode: row.division_code, department: row.department },
  };
}

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await sessions.deleteSession(ctx.db, hashToken(token));
}

/**
 * A user replaces their own password, proving they know the current one (a borrowed session
 * alone must not take the account over). Clears the reset's must-change mark and ends the
 * user's other sessions.
 */
export async function changeOwnPassword(ctx: AppContext, actor: Actor, token: string, current: string, next: string): Promise<void> {
  const user = actor.userId ? await users.findUserForLogin(ctx.db, actor.username) : undefined;
  if (!user || String(user.id) !== actor.userId) throw new UnauthenticatedError('未登录或登录已失效，请重新登录');
  if (!(await verifyPassword(user.password_hash, current))) {
    throw new ValidationError('当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }]);
  }
  const problem = next === current ? '新密码不能与当前密码相同' : await passwordProblem(next, user.username);
  if (problem) throw new ValidationError(problem, [{ path: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(next);
  await ctx.db.transaction().execute(async (trx) => {
    await users.setOwnPassword(trx, actor.userId!, passwordHash);
    await sessions.deleteOtherSessions(trx, actor.userId!, hashToken(token));
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'change_password', entity: 'user', entityId: actor.userId, divisionCode: user.division_code, before: null, after: null });
  });
}
