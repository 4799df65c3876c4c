/**
 * Server state of 监测统计, typed from the server's zod output schema (type-only), and the
 * addresses its numbers open: the case list, the warnings, the task inbox and the conversion
 * ledger, each with the filter that counts the same rows as the figure.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { figuresOutput } from '../../../../server/src/features/monitoring-figures/monitoring-figures-schemas.js';
import { api } from '../../api/client';

export type MonitoringFigures = z.infer<typeof figuresOutput>;
export type TrendPoint = MonitoringFigures['trend'][number];
export type DivisionRow = MonitoringFigures['byDivision'][number];

export function useMonitoringFigures(division: string, period: string) {
  return useQuery({
    queryKey: ['monitoring', 'figures', division, period],
    queryFn: () => api.get<MonitoringFigures>('/monitoring/figures', { division, period }),
    placeholderData: (previous) => previous,
  });
}

/** An address with division and coded filters only (nothing personal). */
export function link(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * The drill-down addresses. The lists show the header's division, as this page does, so the
 * address carries only the filters; a sub-division's row makes its division the header's first.
 */
export const drill = {
  /** Households monitored on a day (optionally of one category). */
  monitored: (asOf: string, category?: string) => link('/monitoring/cases', { monitoredOn: asOf, category }),
  cases: (params: Record<string, string | undefined>) => link('/monitoring/cases', params),
  tasks: (params: Record<string, string | undefined>) => link('/monitoring/tasks', params),
  conversions: (params: Record<string, string | undefined>) => link('/monitoring/conversions', { tab: 'ledger', ...params }),
  /** Warnings: open ones unless `status` says (`all` for every status). */
  warnings: (params: Record<string, string | undefined>) => link('/monitoring/warnings', params),
};
