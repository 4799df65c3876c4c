import { useQuery } from '@tanstack/react-query';
import type { WorkshopFacts } from '@anju/core';
import { api, type Query } from '../../api/client';
import { ApiError, isApiError } from '../../api/errors';
import type { Page, WorkshopOutput } from '../../api/types';

export function useWorkshops(query: Query) {
  return useQuery({
    queryKey: ['workshops', 'list', query],
    queryFn: () => api.get<Page<WorkshopOutput>>('/workshops', query),
    placeholderData: (previous) => previous,
  });
}

export function useWorkshop(id: string | undefined) {
  return useQuery({ queryKey: ['workshops', 'one', id], queryFn: () => api.get<WorkshopOutput>(`/workshops/${id}`), enabled: !!id });
}

/** The facts at the top level with the version: the shape the edit form and its conflict dialog compare. */
export type FlatWorkshop = WorkshopFacts & { version: number; employerId: string };

export function flatten(w: WorkshopOutput): FlatWorkshop {
  return { ...(w.facts as WorkshopFacts), version: w.version ?? 0, employerId: w.employerId };
}

/** Saves the facts; a 409 carries the server's workshop, flattened like the form's values. */
export async function saveWorkshop(id: string, facts: WorkshopFacts, version: number | null): Promise<FlatWorkshop> {
  try {
    return flatten(await api.put<WorkshopOutput>(`/workshops/${id}`, { ...facts, version }));
  } catch (error) {
    if (isApiError(error, 'CONFLICT') && error.current) {
      throw new ApiError(error.status, error.code, error.message, error.details, flatten(error.current as WorkshopOutput));
    }
    throw error;
  }
}

export function upgradeWorkshop(id: string, upgradedOn: string, version: number) {
  return api.post<WorkshopOutput>(`/workshops/${id}/upgrade`, { upgradedOn, version });
}

/** The rules in force today for the user's division (each workshop carries those of its own division). */
export function useWorkshopRules() {
  return useQuery({ queryKey: ['workshops', 'rules'], queryFn: () => api.get<WorkshopOutput['rules']>('/workshops/rules'), staleTime: 5 * 60_000 });
}
