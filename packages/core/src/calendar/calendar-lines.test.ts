import { describe, expect, it } from 'vitest';
import { checkCalendarYear, parseCalendarLines } from './calendar-lines.js';

describe('pasted calendar lines', () => {
  it('reads days, spans, Excel tabs and the long kind words, skipping blanks and comments', () => {
    const { days, errors } = parseCalendarLines('2027-01-01 休 元旦\n\n# 注释\n2027-02-07\t班\t春节调休\r\n2027/10/01~2027/10/03，放假，国庆节');
    expect(errors).toEqual([]);
    expect(days).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-07', kind: 'workday', name: '春节调休' },
      { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2027-10-02', kind: 'holiday', name: '国庆节' },
      { date: '2027-10-03', kind: 'holiday', name: '国庆节' },
    ]);
  });

  it('names the line and what is wrong with it', () => {
    const { errors } = parseCalendarLines('2027-02-30 休 元旦\n2027-01-01 闲 元旦\n2027-01-01 休\n2027-03-01~2027-02-01 休 错');
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3, 4]);
    expect(errors[0]!.message).toContain('第1行');
    expect(errors[1]!.message).toContain('须为 休 或 班');
    expect(errors[2]!.message).toContain('缺少名称');
  });

  it('checks the year, repeats and weekday 调休', () => {
    const days = parseCalendarLines('2027-02-06 班 调休\n2027-02-08 班 调休\n2027-02-06 休 春节\n2026-12-31 休 元旦').days;
    expect(checkCalendarYear(2027, days)).toEqual([
      { path: 'days.1.date', message: '2027-02-08 是工作日，调休上班日须为周六或周日' },
      { path: 'days.2.date', message: '2027-02-06 重复' },
      { path: 'days.3.date', message: '2026-12-31 不在2027年内' },
    ]);
  });
});
