import { useQuery } from '@tanstack/react-query';
import type { SiteInput } from '@anju/core';
import { api, type Query } from '../../api/client';
import type { Page, SiteOutput } from '../../api/types';

export function useSites(query: Query) {
  return useQuery({
    queryKey: ['sites', 'list', query],
    queryFn: () => api.get<Page<SiteOutput>>('/sites', query),
    placeholderData: (previous) => previous,
  });
}

export function useSite(id: string | undefined) {
  return useQuery({ queryKey: ['sites', 'one', id], queryFn: () => api.get<SiteOutput>(`/sites/${id}`), enabled: !!id });
}

export function saveSite(id: string | undefined, input: SiteInput, version: number | null) {
  return id ? api.put<SiteOutput>(`/sites/${id}`, { ...input, version }) : api.post<SiteOutput>('/sites', input);
}
