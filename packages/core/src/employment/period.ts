/** Ledger periods are calendar months written YYYY-MM (GZ-2022 19: at least 12 a year). */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function addMonths(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last day of the period: ages and the labour force are taken on it. */
export function periodEnd(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, '0')}`;
}

export function periodOf(date: string): string {
  return date.slice(0, 7);
}
