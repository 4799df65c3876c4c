/**
 * Deadlines as a reader sees them: today in China Standard Time whatever the browser's zone,
 * and the calendar days between two ISO dates (late by N days, N days left).
 */
const dateOnly = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInChina(): string {
  return dateOnly.format(new Date());
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** This month and the `count - 1` before it, newest first, as YYYY-MM. */
export function recentMonths(count: number, from = todayInChina().slice(0, 7)): string[] {
  const [y, m] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}
