/**
 * Working days on China's public-holiday calendar (SPEC §4: every monitoring deadline counts
 * working days). A year's list of departures from the week — holidays on weekdays, 调休 working
 * weekends — comes from an administrator when one has entered that year, else from the bundled
 * package. A date in a year neither covers is an error for a strict calendar. A calendar made to
 * estimate counts that year Monday to Friday instead and remembers it did (`estimated`): work
 * must not stop in December because next year's holidays are not yet entered, so deadlines
 * reaching into such a year are stored as estimates and recounted when the year is entered.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { DomainError, ValidationError } from '../../platform/errors.js';
import type { CalendarDay } from './calendar-day.js';
import { adminCalendarDays } from './calendar-repo.js';
import { packageYear, packageYears } from './package-holidays.js';

export type { CalendarDay } from './calendar-day.js';

export class CalendarNotCoveredError extends DomainError {
  readonly status = 409;
  readonly code = 'CALENDAR_NOT_COVERED';
  constructor(readonly year: number) {
    super(`${year}年的法定节假日和调休安排尚未录入，无法计算工作日；请系统管理员在“监测设置—工作日历”中录入该年的安排`);
  }
}

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(date: string): number {
  const m = ISO.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new ValidationError(`日期须为 YYYY-MM-DD：${date}`, [{ path: 'date', message: '日期格式不正确' }]);
  }
  return ms / DAY_MS;
}

const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export class WorkingCalendar {
  /** @param adminYears the administrator's days by year; a year present here replaces the package's. */
  constructor(
    private readonly adminYears: ReadonlyMap<number, ReadonlyMap<string, CalendarDay>>,
    private readonly estimate = false,
  ) {}

  /** Years this calendar had to count Monday to Friday (only when made to estimate). */
  readonly estimatedYears = new Set<number>();

  get estimated(): boolean {
    return this.estimatedYears.size > 0;
  }

  /**
   * Whether a due date was counted Monday to Friday: a count that starts in a covered year only
   * reaches an uncovered one when it ends there, so the due date's own year tells.
   */
  isEstimate(due: string | null): boolean {
    return due !== null && this.yearSource(Number(due.slice(0, 4))) === null;
  }

  /** Whose list decides a year, or null when nobody's does. */
  yearSource(year: number): 'admin' | 'package' | null {
    if (this.adminYears.has(year)) return 'admin';
    return packageYear(year) ? 'package' : null;
  }

  /** The departures from the week of a year, in date order; throws for a year not covered. */
  daysOf(year: number): CalendarDay[] {
    const days = this.adminYears.get(year) ?? packageYear(year);
    if (!days) throw new CalendarNotCoveredError(year);
    return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  isWorkingDay(date: string): boolean {
    return this.isWorking(dayNumber(date));
  }

  /** The n-th working day after `from` (n ≥ 0; n = 0 gives `from` itself). */
  addWorkingDays(from: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new ValidationError(`工作日数须为非负整数：${n}`, [{ path: 'n', message: '须为非负整数' }]);
    let day = dayNumber(from);
    for (let counted = 0; counted < n; ) if (this.isWorking(++day)) counted++;
    return isoOf(day);
  }

  /**
   * Working days after `from` up to and including `to`; negative when `to` is before `from`
   * (so "due minus today" reads as days left, and below zero as days overdue).
   */
  workingDaysBetween(from: string, to: string): number {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (b < a) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let day = a + 1; day <= b; day++) if (this.isWorking(day)) count++;
    return count;
  }

  private isWorking(day: number): boolean {
    const date = isoOf(day);
    const year = Number(date.slice(0, 4));
    const days = this.adminYears.get(year) ?? packageYear(year);
    if (!days && !this.estimate) throw new CalendarNotCoveredError(year);
    if (!days) this.estimatedYears.add(year);
    const special = days?.get(date);
    if (special) return special.kind === 'workday';
    const weekday = new Date(day * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
}

/**
 * The calendar with the administrators' years loaded once; read through `db` (a transaction, when
 * the caller has one). `estimate`: count years nobody covers Monday to Friday (see above).
 */
export async function calendarOf(db: Kysely<DB>, options: { estimate?: boolean } = {}): Promise<WorkingCalendar> {
  const years = new Map<number, Map<string, CalendarDay>>();
  for (const day of await adminCalendarDays(db)) {
    const year = Number(day.date.slice(0, 4));
    if (!years.has(year)) years.set(year, new Map());
    years.get(year)!.set(day.date, day);
  }
  return new WorkingCalendar(years, options.estimate ?? false);
}

export { packageYears };
