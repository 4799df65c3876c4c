import { useQuery } from '@tanstack/react-query';
import type { HoldingEnd, HoldingStart, WelfarePostInput } from '@anju/core';
import { api, type Query } from '../../api/client';
import type { CandidateOutput, HoldingOutput, Page, PostOutput, WelfarePostFiguresOutput } from '../../api/types';

export function usePosts(query: Query) {
  return useQuery({
    queryKey: ['welfare-posts', 'list', query],
    queryFn: () => api.get<Page<PostOutput>>('/welfare-posts', query),
    placeholderData: (previous) => previous,
  });
}

export function usePost(id: string | undefined) {
  return useQuery({ queryKey: ['welfare-posts', 'one', id], queryFn: () => api.get<PostOutput>(`/welfare-posts/${id}`), enabled: !!id });
}

export function useHoldings(id: string) {
  return useQuery({ queryKey: ['welfare-posts', 'holdings', id], queryFn: () => api.get<HoldingOutput[]>(`/welfare-posts/${id}/holdings`) });
}

export function useCandidates(id: string, query: Query) {
  return useQuery({
    queryKey: ['welfare-posts', 'candidates', id, query],
    queryFn: () => api.get<Page<CandidateOutput>>(`/welfare-posts/${id}/candidates`, query),
    placeholderData: (previous) => previous,
  });
}

export function usePostFigures(divisionCode: string) {
  return useQuery({ queryKey: ['welfare-posts', 'figures', divisionCode], queryFn: () => api.get<WelfarePostFiguresOutput>('/welfare-posts/figures', { divisionCode }) });
}

export function savePost(id: string | undefined, input: WelfarePostInput, version: number | null) {
  return id ? api.put<PostOutput>(`/welfare-posts/${id}`, { ...input, version }) : api.post<PostOutput>('/welfare-posts', input);
}

export function assignHolder(postId: string, input: HoldingStart) {
  return api.post<HoldingOutput>(`/welfare-posts/${postId}/holdings`, input);
}

export function endHolding(postId: string, holdingId: string, input: HoldingEnd) {
  return api.post<HoldingOutput>(`/welfare-posts/${postId}/holdings/${holdingId}/end`, input);
}
