import { useQuery } from '@tanstack/react-query';
import type { EmployerInput } from '@anju/core';
import { api, type Query } from '../../api/client';
import type { EmployerOutput, Page } from '../../api/types';

export function useEmployers(query: Query) {
  return useQuery({
    queryKey: ['employers', 'list', query],
    queryFn: () => api.get<Page<EmployerOutput>>('/employers', query),
    placeholderData: (previous) => previous,
  });
}

export function useEmployer(id: string | undefined) {
  return useQuery({ queryKey: ['employers', 'one', id], queryFn: () => api.get<EmployerOutput>(`/employers/${id}`), enabled: !!id });
}

export function saveEmployer(id: string | undefined, input: EmployerInput, version: number | null) {
  return id ? api.put<EmployerOutput>(`/employers/${id}`, { ...input, version }) : api.post<EmployerOutput>('/employers', input);
}
