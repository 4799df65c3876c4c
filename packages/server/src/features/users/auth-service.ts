import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { LockedError, UnauthenticatedError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { hashPassword, verifyPassword } from './password.js';
import * as users from './user-repo.js';
import * as sessions from './session-repo.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function formatTime(d: Date): string {
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

let dummyHash: Promise<string> | undefined;

export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
  displayName: string;
}

/**
 * Password login with lock-out: after N failures in a row the account is locked for M minutes,
 * and the message says until when. Unknown users and wrong passwords get the same message.
 */
export async function login(ctx: AppContext, username: string, password: string, ip: string): Promise<LoginResult> {
  const now = ctx.now();
  const user = await users.findUserForLogin(ctx.db, username);
  const wrong = new UnauthenticatedError('用户名或密码错误');
  if (!user) {
    // Spend the same time as a real check, so response time does not reveal which names exist.
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(await dummyHash, password);
    throw wrong;
  }
  if (user.disabled) throw new UnauthenticatedError('账号已停用，请联系管理员');
  if (user.locked_until && user.locked_until > now) {
    throw new LockedError(`连续登录失败次数过多，账号已锁定至 ${formatTime(user.locked_until)}`);
  }
  const id = String(user.id);
  if (!(await verifyPassword(user.password_hash, password))) {
    const attempts = user.failed_logins + 1;
    if (attempts >= ctx.config.lockoutAttempts) {
      const until = new Date(now.getTime() + ctx.config.lockoutMinutes * 60_000);
      await ctx.db.transaction().execute(async (trx) => {
        await users.recordFailedLogin(trx, id, attempts, until);
        await appendAudit(trx, { userId: id, username, action: 'lockout', entity: 'user', entityId: id, divisionCode: user.division_code, before: null, after: { ip, lockedUntil: until.toISOString() } });
      });
      throw new LockedError(`连续${attempts}次登录失败，账号已锁定至 ${formatTime(until)}`);
    }
    await users.recordFailedLogin(ctx.db, id, attempts, null);
    throw new UnauthenticatedError(`用户名或密码错误（再失败${ctx.config.lockoutAttempts - attempts}次将锁定账号）`);
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await ctx.db.transaction().execute(async (trx) => {
    await users.recordSuccessfulLogin(trx, id);
    await sessions.insertSession(trx, hashToken(token), id, csrfToken, now);
    await appendAudit(trx, { userId: id, username, action: 'login', entity: 'user', entityId: id, divisionCode: user.division_code, before: null, after: { ip } });
  });
  return {
    token,
    csrfToken,
    displayName: user.display_name,
    actor: { userId: id, username, role: user.role as Role, divisionCode: user.division_code, department: user.department },
  };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  displayName: string;
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
    actor: { userId: String(row.user_id), username: row.username, role: row.role as Role, divisionCode: row.division_code, department: row.department },
  };
}

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await sessions.deleteSession(ctx.db, hashToken(token));
}
