import { describe, expect, it } from 'vitest';
import { CalendarNotCoveredError, WorkingCalendar, packageYears, type CalendarDay } from './working-days.js';

const packageOnly = new WorkingCalendar(new Map());

function adminYear(lines: [string, 'holiday' | 'workday', string][]) {
  const days = new Map<string, CalendarDay>(lines.map(([date, kind, name]) => [date, { date, kind, name, source: 'admin' }]));
  return new Map([[Number(lines[0]![0].slice(0, 4)), days]]);
}

describe('working days from the bundled package (chinese-days)', () => {
  it('covers 2004 to 2026 and no later year', () => {
    const years = packageYears();
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(packageOnly.yearSource(2027)).toBeNull();
  });

  it('knows 春节 2024: 2月10日–17日 off, Sundays 2月4日 and 2月18日 worked', () => {
    expect(packageOnly.isWorkingDay('2024-02-09')).toBe(true); // Friday before the holiday
    expect(packageOnly.isWorkingDay('2024-02-12')).toBe(false); // Monday inside it
    expect(packageOnly.isWorkingDay('2024-02-04')).toBe(true); // 调休 Sunday
    expect(packageOnly.isWorkingDay('2024-02-18')).toBe(true); // 调休 Sunday
    expect(packageOnly.isWorkingDay('2024-02-24')).toBe(false); // an ordinary Saturday
  });

  it('counts a 5-working-day deadline from the day before 春节 2024 past the holiday and its 调休 Sunday', () => {
    // 2月18日 (Sun, worked) is the 1st; 19–22 the 2nd to 5th. Without the calendar it would be 2月16日.
    expect(packageOnly.addWorkingDays('2024-02-09', 5)).toBe('2024-02-22');
    expect(packageOnly.addWorkingDays('2024-02-09', 1)).toBe('2024-02-18');
  });

  it('counts a 5-working-day deadline from the day before 国庆 2025 (10月1日–8日, Saturday 10月11日 worked)', () => {
    // 9 Thu, 10 Fri, 11 Sat (调休), 13 Mon, 14 Tue.
    expect(packageOnly.addWorkingDays('2025-09-30', 5)).toBe('2025-10-14');
    expect(packageOnly.isWorkingDay('2025-09-28')).toBe(true); // 调休 Sunday before it
    expect(packageOnly.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
  });

  it('counts working days between two dates, after the first up to and including the second', () => {
    // 2024-02-09 → 29: 18 (Sun), 19–23, 26–29 = 10
    expect(packageOnly.workingDaysBetween('2024-02-09', '2024-02-29')).toBe(10);
    expect(packageOnly.workingDaysBetween('2024-02-29', '2024-02-09')).toBe(-10);
    expect(packageOnly.workingDaysBetween('2025-10-01', '2025-10-08')).toBe(0);
    expect(packageOnly.workingDaysBetween('2024-02-09', '2024-02-09')).toBe(0);
    expect(packageOnly.addWorkingDays('2024-02-09', 0)).toBe('2024-02-09');
  });

  it('agrees with addWorkingDays over a whole year', () => {
    for (const n of [1, 20, 30, 120]) expect(packageOnly.workingDaysBetween('2025-01-01', packageOnly.addWorkingDays('2025-01-01', n))).toBe(n);
  });

  it('refuses a year nobody covers, in Chinese', () => {
    expect(() => packageOnly.isWorkingDay('2027-03-01')).toThrow(CalendarNotCoveredError);
    expect(() => packageOnly.addWorkingDays('2026-12-28', 5)).toThrow('2027年的法定节假日和调休安排尚未录入');
    expect(() => packageOnly.isWorkingDay('2003-06-02')).toThrow('2003年');
    expect(() => packageOnly.isWorkingDay('2025-02-30')).toThrow('日期须为 YYYY-MM-DD');
  });
});

describe("an administrator's year", () => {
  it('extends the calendar to a year the package lacks (test list, not an official one)', () => {
    const cal = new WorkingCalendar(adminYear([['2027-01-01', 'holiday', '元旦'], ['2027-01-04', 'holiday', '测试假日'], ['2027-01-09', 'workday', '测试调休']]));
    expect(cal.yearSource(2027)).toBe('admin');
    // 2026-12-31 Thu → 2027: 1 Fri off, 4 Mon off, 5 Tue, 6, 7, 8, 9 Sat worked
    expect(cal.addWorkingDays('2026-12-31', 5)).toBe('2027-01-09');
    expect(cal.isWorkingDay('2027-01-10')).toBe(false);
  });

  it('replaces the package for its year', () => {
    const cal = new WorkingCalendar(adminYear([['2025-10-02', 'holiday', '测试']]));
    expect(cal.yearSource(2025)).toBe('admin');
    expect(cal.isWorkingDay('2025-10-01')).toBe(true); // the package's 国庆 is not read for 2025 any more
    expect(cal.isWorkingDay('2025-10-02')).toBe(false);
    expect(cal.isWorkingDay('2025-09-28')).toBe(false); // nor its 调休 Sunday
    expect(cal.isWorkingDay('2024-02-12')).toBe(false); // other years still from the package
  });
});
