import { useQuery } from '@tanstack/react-query';
import type { HouseholdInput } from '@anju/core';
import { api, type Query } from '../../api/client';
import type { HistoryEntry, HouseholdDetail, HouseholdOutput, Page } from '../../api/types';

export function useHouseholds(query: Query) {
  return useQuery({
    // The ID-number filter is personal data: it goes in this XHR's query string only, and the
    // cache key holds it in memory for this page's life (never in the page address).
    queryKey: ['households', 'list', query],
    queryFn: () => api.get<Page<HouseholdOutput>>('/households', query),
    placeholderData: (previous) => previous,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({ queryKey: ['households', 'one', id], queryFn: () => api.get<HouseholdDetail>(`/households/${id}`), enabled: !!id });
}

export function useHouseholdHistory(id: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: ['households', 'history', id], queryFn: () => api.get<HistoryEntry[]>(`/households/${id}/history`), enabled: !!id && enabled });
}

export function saveHousehold(id: string | undefined, input: HouseholdInput, version: number | null) {
  return id ? api.put<HouseholdDetail>(`/households/${id}`, { ...input, version }) : api.post<HouseholdDetail>('/households', input);
}
