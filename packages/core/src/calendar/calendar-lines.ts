/**
 * A year's holiday arrangement as an administrator enters it: the State Council's notice read
 * off as lines (`2027-01-01 休 元旦`, `2027-02-07 班 春节调休`, a span `2027-02-06~2027-02-12 休 春节`),
 * pasted from a document or an Excel column. Shared by the web preview and the server's check.
 */
import { z } from 'zod';
import { isoDate, text } from '../validation/zod-fields.js';

export const calendarDayKinds = { values: ['holiday', 'workday'] as ['holiday', 'workday'], labels: { holiday: '休', workday: '班' } };
export type CalendarDayKind = (typeof calendarDayKinds.values)[number];

export const calendarDayInput = z.object({
  date: isoDate('日期'),
  kind: z.enum(calendarDayKinds.values, { error: '类型须为 休（放假）或 班（调休上班）' }),
  name: text('名称', 20),
});
export type CalendarDayInput = z.infer<typeof calendarDayInput>;

export const calendarYearInput = z.object({ days: z.array(calendarDayInput).max(366, '一年最多366天') });

const KIND_WORDS: Record<string, CalendarDayKind> = { 休: 'holiday', 放假: 'holiday', 假: 'holiday', 班: 'workday', 上班: 'workday', 调休上班: 'workday' };
const DAY_MS = 86_400_000;

function dayMs(date: string): number | null {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date ? null : ms;
}

export interface ParsedCalendarLines {
  days: CalendarDayInput[];
  /** line: 1-based line number in the pasted text. */
  errors: { line: number; message: string }[];
}

export function parseCalendarLines(input: string): ParsedCalendarLines {
  const days: CalendarDayInput[] = [];
  const errors: ParsedCalendarLines['errors'] = [];
  input.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [when = '', kindWord = '', ...rest] = line.split(/[\s,，、]+/);
    const name = rest.join(' ');
    const kind = KIND_WORDS[kindWord];
    const [fromText = '', toText = fromText] = when.split(/~|至|—/);
    const from = dayMs(fromText.replaceAll('/', '-'));
    const to = dayMs(toText.replaceAll('/', '-'));
    const fail = (message: string) => errors.push({ line: i + 1, message: `第${i + 1}行：${message}` });
    if (from === null || to === null) return fail(`日期“${when}”须为 YYYY-MM-DD（或 YYYY-MM-DD~YYYY-MM-DD）`);
    if (to < from || (to - from) / DAY_MS > 30) return fail('日期区间须从前到后且不超过31天');
    if (!kind) return fail(`类型“${kindWord}”须为 休 或 班`);
    if (name === '') return fail('缺少名称（如 元旦、春节调休）');
    for (let ms = from; ms <= to; ms += DAY_MS) days.push({ date: new Date(ms).toISOString().slice(0, 10), kind, name });
  });
  return { days, errors };
}

/** What makes a year's list wrong: a day outside the year, a date twice, a working day on a weekday. */
export function checkCalendarYear(year: number, days: CalendarDayInput[]): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  days.forEach((d, i) => {
    const path = `days.${i}.date`;
    if (!d.date.startsWith(`${year}-`)) issues.push({ path, message: `${d.date} 不在${year}年内` });
    else if (seen.has(d.date)) issues.push({ path, message: `${d.date} 重复` });
    else if (d.kind === 'workday' && ![0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay())) {
      issues.push({ path, message: `${d.date} 是工作日，调休上班日须为周六或周日` });
    }
    seen.add(d.date);
  });
  return issues;
}
