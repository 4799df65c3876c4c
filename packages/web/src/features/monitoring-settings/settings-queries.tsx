/** Server state of the monitoring settings pages: income lines, dated thresholds and deadlines, the calendar. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CalendarDayInput } from '@anju/core/calendar/calendar-lines';
import type { datedSettingsOutput, incomeLinesOutput } from '../../../../server/src/features/monitoring/monitoring-settings-schemas.js';
import type { calendarYearOutput } from '../../../../server/src/features/calendar/calendar-schemas.js';
import { api } from '../../api/client';

export type IncomeLines = z.infer<typeof incomeLinesOutput>;
export type DatedSettings = z.infer<typeof datedSettingsOutput>;
export type CalendarYear = z.infer<typeof calendarYearOutput>;
export type DatedKind = 'thresholds' | 'deadlines';

export const settingsKey = ['monitoring-settings'] as const;

export function useIncomeLines() {
  return useQuery({ queryKey: [...settingsKey, 'income-lines'], queryFn: () => api.get<IncomeLines>('/monitoring/settings/income-lines') });
}

export function putIncomeLine(body: { province: string; year: number; yuan: number; source: string }) {
  return api.put<IncomeLines>('/monitoring/settings/income-lines', body);
}

export function useDatedSettings(kind: DatedKind) {
  return useQuery({ queryKey: [...settingsKey, kind], queryFn: () => api.get<DatedSettings>(`/monitoring/settings/${kind}`) });
}

export function putDatedSettings(kind: DatedKind, body: Record<string, number | string>) {
  return api.put<DatedSettings>(`/monitoring/settings/${kind}`, body);
}

export function useCalendarYear(year: number) {
  return useQuery({ queryKey: [...settingsKey, 'calendar', year], queryFn: () => api.get<CalendarYear>(`/calendar/${year}`) });
}

export function putCalendarYear(year: number, days: CalendarDayInput[]) {
  return api.put<CalendarYear>(`/calendar/${year}`, { days });
}
