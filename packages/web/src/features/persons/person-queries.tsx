import { useQuery } from '@tanstack/react-query';
import type { PersonInput } from '@anju/core';
import { api, type Query } from '../../api/client';
import type { Page, PersonOutput } from '../../api/types';

export function usePersons(query: Query) {
  return useQuery({
    queryKey: ['persons', 'list', query],
    queryFn: () => api.get<Page<PersonOutput>>('/persons', query),
    placeholderData: (previous) => previous,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({ queryKey: ['persons', 'one', id], queryFn: () => api.get<PersonOutput>(`/persons/${id}`), enabled: !!id });
}

export function savePerson(id: string | undefined, input: PersonInput, version: number | null) {
  return id ? api.put<PersonOutput>(`/persons/${id}`, { ...input, version }) : api.post<PersonOutput>('/persons', input);
}
