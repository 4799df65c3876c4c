/**
 * The State Council's holiday arrangements bundled in `chinese-days`: for each date a holiday
 * (放假) or a swapped working weekend (调休上班). Only its data file is read (not its date
 * functions), because an administrator's year must be able to replace the package's.
 */
import { createRequire } from 'node:module';
import type { CalendarDay } from './calendar-day.js';

interface PackageData {
  /** date → "English name,中文名,length in days" */
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as PackageData;

function chineseName(value: string): string {
  return value.split(',')[1] ?? value;
}

function byYear(): Map<number, Map<string, CalendarDay>> {
  const years = new Map<number, Map<string, CalendarDay>>();
  const add = (date: string, day: CalendarDay) => {
    const year = Number(date.slice(0, 4));
    if (!years.has(year)) years.set(year, new Map());
    years.get(year)!.set(date, day);
  };
  for (const [date, v] of Object.entries(data.holidays)) add(date, { date, kind: 'holiday', name: chineseName(v), source: 'package' });
  for (const [date, v] of Object.entries(data.workdays)) add(date, { date, kind: 'workday', name: `${chineseName(v)}调休`, source: 'package' });
  return years;
}

const PACKAGE_YEARS = byYear();

/** The package's days of a year, or undefined for a year it does not cover. */
export function packageYear(year: number): ReadonlyMap<string, CalendarDay> | undefined {
  return PACKAGE_YEARS.get(year);
}

/** The years the package covers (chinese-days 1.5.7: 2004–2026). */
export function packageYears(): number[] {
  return [...PACKAGE_YEARS.keys()].sort((a, b) => a - b);
}
