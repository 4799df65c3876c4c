import { useQuery } from '@tanstack/react-query';
import type { JobOpeningInput, ReferralOutcomeInput } from '@anju/core';
import { api, type Query } from '../../api/client';
import type { MatchOutput, OpeningOutput, Page, ReferralOutput } from '../../api/types';

export function useOpenings(query: Query) {
  return useQuery({
    queryKey: ['job-openings', 'list', query],
    queryFn: () => api.get<Page<OpeningOutput>>('/job-openings', query),
    placeholderData: (previous) => previous,
  });
}

export function useOpening(id: string | undefined) {
  return useQuery({ queryKey: ['job-openings', 'one', id], queryFn: () => api.get<OpeningOutput>(`/job-openings/${id}`), enabled: !!id });
}

export function saveOpening(id: string | undefined, input: JobOpeningInput, version: number | null) {
  return id ? api.put<OpeningOutput>(`/job-openings/${id}`, { ...input, version }) : api.post<OpeningOutput>('/job-openings', input);
}

export type MatchPage = Page<MatchOutput> & { period: string | null };

export function useMatches(id: string, query: { period?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['job-openings', 'matches', id, query],
    queryFn: () => api.get<MatchPage>(`/job-openings/${id}/matches`, query),
    placeholderData: (previous) => previous,
  });
}

export function useReferrals(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['job-openings', 'referrals', id, page, pageSize],
    queryFn: () => api.get<Page<ReferralOutput>>(`/job-openings/${id}/referrals`, { page, pageSize }),
    placeholderData: (previous) => previous,
  });
}

/** Ledger periods of the opening's county, to match against an earlier month. */
export function usePeriods(countyCode: string) {
  return useQuery({
    queryKey: ['job-openings', 'periods', countyCode],
    queryFn: () => api.get<{ period: string; status: string }[]>('/employment/periods', { countyCode }),
    staleTime: 5 * 60_000,
  });
}

export function refer(openingId: string, personId: string) {
  return api.post<ReferralOutput>(`/job-openings/${openingId}/referrals`, { personId });
}

export function recordOutcome(openingId: string, referralId: string, input: ReferralOutcomeInput) {
  return api.put<ReferralOutput>(`/job-openings/${openingId}/referrals/${referralId}`, input);
}

/** Employers of the user's scope to pick from (a county has hundreds at most); workshops only for a workshop's opening. */
export function useEmployerOptions(kind: string | undefined) {
  return useQuery({
    queryKey: ['employers', 'options', kind ?? ''],
    queryFn: () => api.get<Page<{ id: string; name: string }>>('/employers', { pageSize: 200, kind, sort: 'name' }),
    select: (page) => page.items.map((e) => ({ value: e.id, label: e.name })),
    staleTime: 5 * 60_000,
  });
}
