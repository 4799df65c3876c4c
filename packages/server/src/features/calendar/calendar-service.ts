/**
 * The working-day calendar by year: anyone signed in may read it (deadlines are counted on it);
 * only the national administrator enters a year, because one calendar serves every division.
 */
import { can, checkCalendarYear, type CalendarDayInput } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ForbiddenError, ValidationError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { adminCalendarDays, adminYears, replaceAdminYear } from './calendar-repo.js';
import { recountDeadlines } from './deadline-recount.js';
import { calendarOf, packageYears, type CalendarDay } from './working-days.js';

function assertYear(year: number): void {
  if (year < 2000 || year > 2100) throw new ValidationError('年度须在2000–2100之间', [{ path: 'year', message: '年度须在2000–2100之间' }]);
}

export async function calendarYear(ctx: AppContext, actor: Actor, year: number) {
  if (!can(actor.role, 'registry.read')) throw new ForbiddenError('无权查看工作日历');
  assertYear(year);
  const calendar = await calendarOf(ctx.db);
  const source = calendar.yearSource(year);
  const days: CalendarDay[] = source ? calendar.daysOf(year) : [];
  const workingDays = source ? calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`) : null;
  const years = packageYears();
  return {
    year,
    source,
    days,
    workingDays,
    packageYears: { first: years[0]!, last: years.at(-1)! },
    adminYears: await adminYears(ctx.db),
  };
}

/** Replaces the administrator's list of a year; an empty list hands the year back to the package. */
export async function setCalendarYear(ctx: AppContext, actor: Actor, year: number, days: CalendarDayInput[]) {
  if (actor.role !== 'admin' || actor.divisionCode !== '') throw new ForbiddenError('工作日历全国通用，仅全国系统管理员可修改');
  assertYear(year);
  const issues = checkCalendarYear(year, days);
  if (issues.length > 0) throw new ValidationError(`工作日历有误：${issues.map((i) => i.message).join('；')}`, issues);
  const recounted = await ctx.db.transaction().execute(async (trx) => {
    const before = await adminCalendarDays(trx, year);
    await replaceAdminYear(trx, year, days, actor.username);
    const recount = await recountDeadlines(trx, year);
    await appendAudit(trx, {
      userId: actor.userId, username: actor.username, action: 'update', entity: 'holiday_calendar', entityId: String(year), divisionCode: '',
      before: before.length ? { days: before.map(({ date, kind, name }) => ({ date, kind, name })) } : null,
      after: { days, recounted: recount },
    });
    return recount;
  });
  return { ...(await calendarYear(ctx, actor, year)), recounted };
}
