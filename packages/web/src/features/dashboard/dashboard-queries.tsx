import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { DashboardOutput } from '../../api/types';

export function useDashboard(divisionCode: string) {
  return useQuery({
    queryKey: ['dashboard', divisionCode],
    queryFn: () => api.get<DashboardOutput>('/dashboard', { divisionCode: divisionCode || undefined }),
    placeholderData: (previous) => previous,
  });
}

/** The list behind a figure: a link with the division and coded filters, nothing personal. */
export function listLink(path: string, divisionCode: string, filters: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...(divisionCode ? { divisionCode } : {}), ...filters });
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
