import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Division, DivisionWithPath } from '../api/types';

/** Division names never change within a code year: cache them for the session. */
const FOREVER = { staleTime: Infinity, gcTime: 60 * 60_000 };

export function useDivisionPath(code: string | null | undefined) {
  return useQuery({
    queryKey: ['division', code],
    queryFn: () => api.get<DivisionWithPath>(`/divisions/${code}`),
    enabled: !!code,
    ...FOREVER,
  });
}

export function fetchChildren(parent?: string) {
  return api.get<Division[]>('/divisions', parent ? { parent } : undefined);
}

export function searchDivisions(q: string) {
  return api.get<Division[]>('/divisions', { q });
}

/** "贵州省铜仁市松桃苗族自治县" style full name, from the path. */
export function fullName(d: DivisionWithPath | undefined): string {
  if (!d) return '';
  return [...d.path, d.division].map((x) => x.name).join(' / ');
}
