/** Server state of the policy pages (SPEC §6): packs, evaluations, coverage, what-if, entitlements. */
import { useQuery } from '@tanstack/react-query';
import type { Benefit } from '@anju/core/policy/pack-schema';
import { api, type Query } from '../../api/client';
import type { Page } from '../../api/types';
import type {
  Eligibility,
  Entitlement,
  HouseholdEvaluation,
  PackDetail,
  PackSummary,
  ProposalResult,
  Simulation,
  SubjectsPage,
} from './policy-types';

export function usePacks() {
  return useQuery({ queryKey: ['policy', 'packs'], queryFn: () => api.get<{ items: PackSummary[] }>('/policy/packs') });
}

export function usePack(code: string | undefined) {
  return useQuery({ queryKey: ['policy', 'pack', code], queryFn: () => api.get<PackDetail>(`/policy/packs/${code}`), enabled: !!code });
}

/** Every pack in full, for pickers that span packs (the what-if parameters, the rule filter). */
export function useAllPacks(codes: string[] | undefined) {
  return useQuery({
    queryKey: ['policy', 'all-packs', codes],
    queryFn: () => Promise.all((codes ?? []).map((code) => api.get<PackDetail>(`/policy/packs/${code}`))),
    enabled: !!codes,
  });
}

export interface ParameterEdit {
  from: string;
  value: number | null;
  source?: string;
  change: string;
}

export function editParameter(code: string, name: string, body: ParameterEdit) {
  return api.put<PackDetail>(`/policy/packs/${code}/parameters/${name}`, body);
}

export interface RuleEdit {
  from: string;
  condition: string;
  benefit: Benefit;
  evidence: string[];
  change: string;
}

export function editRule(code: string, id: string, body: RuleEdit) {
  return api.put<PackDetail>(`/policy/packs/${code}/rules/${id}`, body);
}

export function useHouseholdEvaluation(id: string, asOf: string) {
  return useQuery({
    queryKey: ['policy', 'household', id, asOf],
    queryFn: () => api.get<HouseholdEvaluation>(`/policy/households/${id}/evaluation`, { asOf }),
    placeholderData: (previous) => previous,
  });
}

export function useEligibility(division: string, asOf: string) {
  return useQuery({
    queryKey: ['policy', 'eligibility', division, asOf],
    queryFn: () => api.get<Eligibility>('/policy/eligibility', { division, asOf }),
  });
}

export interface SubjectsSource {
  kind: 'eligibility' | 'simulation';
  ruleId: string;
  title: string;
  /** Whether the rule pays an amount (cash, loan): otherwise amounts show as —. */
  payable: boolean;
  division: string;
  asOf: string;
  /** What-if only: the trial values and which side of the change. */
  set?: Record<string, number>;
  change?: 'gained' | 'lost';
}

export function useSubjects(source: SubjectsSource | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['policy', 'subjects', source, page, pageSize],
    queryFn: () =>
      source!.kind === 'eligibility'
        ? api.get<SubjectsPage>(`/policy/eligibility/${source!.ruleId}/subjects`, { division: source!.division, asOf: source!.asOf, page, pageSize })
        : api.post<SubjectsPage>('/policy/simulations/subjects', {
            division: source!.division,
            asOf: source!.asOf,
            set: source!.set,
            ruleId: source!.ruleId,
            change: source!.change,
            page,
            pageSize,
          }),
    enabled: !!source,
    placeholderData: (previous) => previous,
  });
}

export function simulate(division: string, asOf: string, set: Record<string, number>) {
  return api.post<Simulation>('/policy/simulations', { division, asOf, set });
}

export function useEntitlements(query: Query) {
  return useQuery({
    queryKey: ['policy', 'entitlements', query],
    queryFn: () => api.get<Page<Entitlement>>('/policy/entitlements', query),
    placeholderData: (previous) => previous,
  });
}

export function proposeEntitlements(division: string, asOf: string) {
  return api.post<ProposalResult>('/policy/entitlements/proposals', { division, asOf });
}

export type EntitlementAction = 'approve' | 'pay' | 'reject';

export function decideEntitlement(id: string, action: EntitlementAction, body: { version: number; reason?: string; amount?: number }) {
  return api.post<Entitlement>(`/policy/entitlements/${id}/${action}`, body);
}
