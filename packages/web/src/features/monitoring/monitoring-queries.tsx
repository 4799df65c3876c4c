/** Server state of the monitoring pages (docs/MONITORING.md §6): warnings, runs, cases, the plan. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import type { Page } from '../../api/types';
import type { ActionExtra, Board, CaseAction, CaseDetail, CaseItem, EliminationCheck, Need, Plan, Task } from './case-types';
import type { RunSummary, Warning, WarningPage } from './warning-types';

export interface RunRecord {
  id: string;
  period: string;
  division: string;
  asOf: string;
  raised: number;
  startedAt: string;
  finishedAt: string | null;
  by: string | null;
  summary: unknown;
}

export function useWarnings(query: Query) {
  return useQuery({
    queryKey: ['monitoring', 'warnings', query],
    queryFn: () => api.get<WarningPage>('/monitoring/warnings', query),
    placeholderData: (previous) => previous,
  });
}

export function dismissWarning(id: string, body: { reason: string; version: number }) {
  return api.post<Warning>(`/monitoring/warnings/${id}/dismiss`, body);
}

export function useRuns(division: string, enabled: boolean) {
  return useQuery({ queryKey: ['monitoring', 'runs', division], queryFn: () => api.get<RunRecord[]>('/monitoring/runs', { division }), enabled });
}

export function runMonitoring(period: string, division: string) {
  return api.post<RunSummary>('/monitoring/runs', { period, division });
}

export function useCases(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['monitoring', 'cases', query],
    queryFn: () => api.get<Page<CaseItem>>('/monitoring/cases', query),
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function useBoard(division: string) {
  return useQuery({ queryKey: ['monitoring', 'board', division], queryFn: () => api.get<Board>('/monitoring/cases/board', { division }) });
}

export function useCase(id: string | undefined) {
  return useQuery({ queryKey: ['monitoring', 'case', id], queryFn: () => api.get<CaseDetail>(`/monitoring/cases/${id}`), enabled: !!id });
}

export function useEliminationCheck(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['monitoring', 'elimination-check', id],
    queryFn: () => api.get<EliminationCheck>(`/monitoring/cases/${id}/elimination-check`),
    enabled,
    staleTime: 0,
  });
}

export function usePlan(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['monitoring', 'plan', id], queryFn: () => api.get<Plan>(`/monitoring/cases/${id}/plan`), enabled });
}

export interface LeadInput {
  householdId: string;
  channel: string;
  category: string;
  riskNote: string;
  warningIds?: string[];
}

export function createLead(input: LeadInput) {
  return api.post<CaseItem>('/monitoring/cases', input);
}

export function takeAction(id: string, action: CaseAction, version: number, extra: ActionExtra) {
  return api.post<CaseDetail>(`/monitoring/cases/${id}/actions`, { action, version, ...extra });
}

export function addNeed(caseId: string, body: { kind: string; description: string }) {
  return api.post<Need>(`/monitoring/cases/${caseId}/needs`, body);
}

export function addTask(caseId: string, body: { measure: string; department: string; title: string; dueOn: string }) {
  return api.post<Task>(`/monitoring/cases/${caseId}/tasks`, body);
}

/** After any write: every monitoring list, board and case may have changed. */
export function refreshMonitoring(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: ['monitoring'] });
}
