/**
 * Deadlines of a case (docs/MONITORING.md §1). Dues are set on each transition, counted in
 * working days on the calendar, with the county's `monitoring.deadlines` in force that day;
 * lateness is worked out on read from the dates stored, so nothing has to run for a case to turn
 * overdue. Days overdue are calendar days (逾期N天), the same count the list's SQL filter uses.
 */
import type { MonitoringDeadlines } from '@anju/core';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { escalationLevel, isIdentificationStep, type CaseStep } from './case-flow.js';

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addCalendarDays = (date: string, n: number) => isoOf(dayNumber(date) + n);
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** The same day `months` later; the 31st falls back to the month's last day. */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day of a notice that starts on `start` and runs `noticeDays` calendar days. */
export const noticeEndOf = (start: string, noticeDays: number) => addCalendarDays(start, noticeDays - 1);

export interface DueInput {
  today: string;
  /** The whole identification's due date, set at the lead. */
  wholeDue: string | null;
  /** The last day of the notice the step waits on (notice, elimination_notice). */
  noticeEnd: string | null;
}

/** The due date of the step a case has just entered; null where nothing is owed. */
export function stepDueOf(step: CaseStep, cal: WorkingCalendar, d: MonitoringDeadlines, at: DueInput): string | null {
  switch (step) {
    case 'lead':
      return cal.addWorkingDays(at.today, d.verification);
    case 'verified':
    case 'compared':
      return at.wholeDue;
    case 'notice':
      return cal.addWorkingDays(at.noticeEnd!, d.townshipReview);
    case 'township_reviewed':
      return cal.addWorkingDays(at.today, d.countyApproval);
    case 'elimination_notice':
      return cal.addWorkingDays(at.noticeEnd!, d.countyApproval);
    default:
      return null;
  }
}

export interface Lateness {
  overdue: boolean;
  overdueDays: number;
  escalatedTo: 'township' | 'county' | 'city' | null;
}

/** The date that is missed first: the step's, or the whole procedure's before approval. */
export function effectiveDue(step: string, stepDue: string | null, wholeDue: string | null): string | null {
  const dates = [stepDue, isIdentificationStep(step) ? wholeDue : null].filter((d): d is string => d !== null);
  return dates.length ? dates.sort()[0]! : null;
}

export function latenessOf(c: { step: string; step_due: string | null; whole_due: string | null }, today: string): Lateness {
  const due = effectiveDue(c.step, c.step_due, c.whole_due);
  const days = due ? daysBetween(due, today) : 0;
  if (days <= 0) return { overdue: false, overdueDays: 0, escalatedTo: null };
  return { overdue: true, overdueDays: days, escalatedTo: escalationLevel(c.step) };
}
