/**
 * Server state of the safety-net conversions, typed from the server's zod output schemas
 * (type-only, erased at build time).
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ConversionCancel, ConversionComplete, ConversionInput } from '@anju/core';
import type { candidatePage, conversionOutput, conversionPage } from '../../../../server/src/features/safety-net/conversion-schemas.js';
import { api, type Query } from '../../api/client';

export type Conversion = z.infer<typeof conversionOutput>;
export type ConversionPage = z.infer<typeof conversionPage>;
export type CandidatePage = z.infer<typeof candidatePage>;
export type Candidate = CandidatePage['items'][number];

export const conversionsKey = ['monitoring', 'conversions'] as const;

export function useCandidates(query: Query) {
  return useQuery({
    queryKey: [...conversionsKey, 'candidates', query],
    queryFn: () => api.get<CandidatePage>('/monitoring/conversions/candidates', query),
    placeholderData: (previous) => previous,
  });
}

export function useConversions(query: Query) {
  return useQuery({
    queryKey: [...conversionsKey, 'ledger', query],
    queryFn: () => api.get<ConversionPage>('/monitoring/conversions', query),
    placeholderData: (previous) => previous,
  });
}

export function confirmConversion(input: ConversionInput) {
  return api.post<Conversion>('/monitoring/conversions', input);
}

export function completeConversion(id: string, input: ConversionComplete) {
  return api.post<Conversion>(`/monitoring/conversions/${id}/complete`, input);
}

export function cancelConversion(id: string, input: ConversionCancel) {
  return api.post<Conversion>(`/monitoring/conversions/${id}/cancel`, input);
}
