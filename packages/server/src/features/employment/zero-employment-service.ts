/** Zero-employment households (零就业家庭) per period and the action taken for each (GZ-2022 5). */
import type { z } from 'zod';
import { can, type zeroEmploymentActionInput } from '@anju/core';
import { today as chinaToday, type AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { askedDivision } from '../../platform/division-scope.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { assertRead } from './ledger-service.js';
import * as repo from './zero-employment-repo.js';

const DAY = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

export async function listZeroHouseholds(ctx: AppContext, actor: Actor, f: repo.ZeroCaseFilter, page: number, pageSize: number) {
  assertRead(actor);
  const scope = askedDivision(actor, f.divisionCode);
  const today = chinaToday(ctx);
  const { items, total } = await repo.listCases(ctx.db, { ...f, divisionCode: scope }, page, pageSize);
  return {
    items: items.map((c) => {
      const clearedBy = c.cleared_period !== null && c.cleared_period <= f.period;
      return {
        id: String(c.id),
        householdId: String(c.household_id),
        householdNo: c.household_no,
        headName: c.head_name,
        divisionCode: c.dest_division_code,
        foundPeriod: c.found_period,
        foundOn: c.found_on,
        state: clearedBy ? ('cleared' as const) : c.found_period === f.period ? ('new' as const) : ('continuing' as const),
        clearedPeriod: clearedBy ? c.cleared_period : null,
        clearedOn: clearedBy ? c.cleared_on : null,
        clearedReason: clearedBy ? c.cleared_reason : null,
        daysOpen: daysBetween(c.found_on, clearedBy && c.cleared_on ? c.cleared_on : today),
        action: c.action,
        actionNote: c.action_note,
        responsible: c.responsible,
        version: c.version,
      };
    }),
    total,
    page,
    pageSize,
  };
}

export async function setZeroAction(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof zeroEmploymentActionInput>) {
  if (!can(actor.role, 'employment.write')) throw new ForbiddenError('无权登记零就业家庭帮扶措施');
  const found = /^\d+$/.test(id) ? await repo.findCase(ctx.db, id, actor.divisionCode) : undefined;
  if (!found) throw new NotFoundError('零就业家庭记录');
  if (found.cleared_period !== null) throw new ConflictError(`该户已于 ${found.cleared_period} 期清零，不再登记措施`);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.setAction(trx, id, input.version, { action: input.action, responsible: input.responsible, note: input.note }))) {
      throw new ConflictError('该记录已被他人修改，请刷新后重试');
    }
    await appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'update', entity: 'zero_employment_case', entityId: id, divisionCode: found.dest_division_code, before: { action: found.action, responsible: found.responsible, note: found.action_note }, after: { action: input.action, responsible: input.responsible, note: input.note } });
  });
  return { id, version: input.version + 1 };
}
