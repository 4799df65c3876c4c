import { can } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { divisionExists } from '../divisions/division-repo.js';
import { hashPassword, passwordProblem } from './password.js';
import * as repo from './user-repo.js';
import * as sessions from './session-repo.js';
import { clearAccountAttempts } from './login-throttle-repo.js';
import type { UserCreateInput, UserOutput, UserUpdateInput } from './user-schemas.js';

function assertManager(actor: Actor): void {
  if (!actor.userId && actor.role === 'admin') return; // the CLI acts as the system
  if (!can(actor.role, 'users.manage')) throw new ForbiddenError('无权管理用户');
}

function toOutput(u: repo.UserRow): UserOutput {
  return {
    id: String(u.id),
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    divisionCode: u.division_code,
    department: u.department,
    disabled: u.disabled,
    lockedUntil: u.locked_until ? u.locked_until.toISOString() : null,
    version: u.version,
    createdAt: u.created_at.toISOString(),
  };
}

/** An administrator may only place users inside its own division, and never above itself. */
async function assertDivision(ctx: AppContext, actor: Actor, code: string): Promise<void> {
  if (!code.startsWith(actor.divisionCode)) {
    throw new ValidationError('所属行政区划超出本人管辖范围', [{ path: 'divisionCode', message: `须在 ${actor.divisionCode || '全国'} 范围内` }]);
  }
  if (code && !(await divisionExists(ctx.db, code))) {
    throw new ValidationError(`行政区划代码 ${code} 不存在`, [{ path: 'divisionCode', message: '行政区划代码不存在' }]);
  }
}

export async function createUser(ctx: AppContext, actor: Actor, input: UserCreateInput): Promise<UserOutput> {
  assertManager(actor);
  const problem = await passwordProblem(input.password, input.username);
  if (problem) throw new ValidationError(problem, [{ path: 'password', message: problem }]);
  if (input.role === 'department' && !input.department) {
    throw new ValidationError('行业部门用户须指定部门', [{ path: 'department', message: '须指定部门' }]);
  }
  await assertDivision(ctx, actor, input.divisionCode);
  if (await repo.findUserForLogin(ctx.db, input.username)) {
    throw new ConflictError(`用户名 ${input.username} 已存在`);
  }
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertUser(trx, {
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: input.role,
      division_code: input.divisionCode,
      department: input.department,
    });
    const out = toOutput(row);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'create', entity: 'user', entityId: out.id, divisionCode: out.divisionCode, before: null, after: out });
    return out;
  });
}

export async function listUsers(ctx: AppContext, actor: Actor, page: number, pageSize: number) {
  assertManager(actor);
  const { items, total } = await repo.listUsers(ctx.db, actor.divisionCode, page, pageSize);
  return { items: items.map(toOutput), total, page, pageSize };
}

async function loadInScope(ctx: AppContext, actor: Actor, id: string): Promise<repo.UserRow> {
  const user = /^\d+$/.test(id) ? await repo.findUserById(ctx.db, id, actor.divisionCode) : undefined;
  if (!user) throw new NotFoundError('用户');
  return user;
}

export async function updateUser(ctx: AppContext, actor: Actor, id: string, input: UserUpdateInput): Promise<UserOutput> {
  assertManager(actor);
  const before = await loadInScope(ctx, actor, id);
  if (input.divisionCode !== undefined) await assertDivision(ctx, actor, input.divisionCode);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.updateUser(trx, id, input.version, {
      display_name: input.displayName,
      role: input.role,
      division_code: input.divisionCode,
      department: input.department,
      disabled: input.disabled,
    });
    if (!row) throw new ConflictError('该用户已被他人修改，请刷新后重试', toOutput(await loadInScope(ctx, actor, id)));
    if (input.disabled) await sessions.deleteUserSessions(trx, id);
    const out = toOutput(row);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'user', entityId: id, divisionCode: out.divisionCode, before: toOutput(before), after: out });
    return out;
  });
}

/**
 * Sets a temporary password chosen by the administrator, who thus knows it: the user must pick
 * a new one at the next login before anything else. Lifts every login wait on the account and
 * ends its sessions.
 */
export async function resetPassword(ctx: AppContext, actor: Actor, id: string, password: string): Promise<UserOutput> {
  assertManager(actor);
  const before = await loadInScope(ctx, actor, id);
  const problem = await passwordProblem(password, before.username);
  if (problem) throw new ValidationError(problem, [{ path: 'password', message: problem }]);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.updateUser(trx, id, before.version, { password_hash: passwordHash, locked_until: null, failed_logins: 0, must_change_password: true });
    if (!row) throw new ConflictError('该用户已被他人修改，请刷新后重试');
    await sessions.deleteUserSessions(trx, id);
    await clearAccountAttempts(trx, row.username);
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'reset_password', entity: 'user', entityId: id, divisionCode: row.division_code, before: null, after: null });
    return toOutput(row);
  });
}

export async function findUserByName(ctx: AppContext, actor: Actor, username: string): Promise<UserOutput> {
  assertManager(actor);
  const u = await repo.findUserForLogin(ctx.db, username);
  if (!u || !u.division_code.startsWith(actor.divisionCode)) throw new NotFoundError('用户');
  return toOutput(u);
}
