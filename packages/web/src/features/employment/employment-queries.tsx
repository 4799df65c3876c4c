/**
 * The labour ledger's server state (SPEC §5). Record types come from the server's zod output
 * schemas (type-only); the figures and zero-employment shapes mirror route answers the server
 * does not export as schemas. Incomes revealed through the audited read never enter the cache
 * for longer than the page that asked for them (gcTime 0).
 */
import { useQuery } from '@tanstack/react-query';
import type { LabourFacts } from '@anju/core';
import { api, type Query } from '../../api/client';
import type { Page } from '../../api/types';
import type { LabourRecordOutput } from '../../../../server/src/features/employment/employment-schemas.js';
import { useDivision } from '../layout/division-context';

export type LabourRecord = LabourRecordOutput;
export type RecordFacts = LabourRecord['facts'];

export interface LabourPeriod {
  countyCode: string;
  period: string;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
}

export interface Correction {
  id: string;
  reason: string;
  before: Partial<RecordFacts> | null;
  after: Partial<RecordFacts> | null;
  at: string;
  by: string | null;
}

export interface FactSource {
  title: string;
  clause: string;
  rule: string;
}

export interface EmploymentFigures {
  divisionCode: string;
  period: string | null;
  labourForce: number;
  employed: number;
  employmentRate: number | null;
  stablyEmployed: number;
  stableRate: number | null;
  seeking: number;
  trainingWish: number;
  firstCrossProvince: number;
  returnees: number;
  insured: number;
  byChannel: Record<string, number>;
  byPlace: Record<string, number>;
  householdsWithLabour: number;
  householdsOneStable: number;
  oneStableRate: number | null;
  zeroEmployment: { new: number; cleared: number; open: number };
  income: { reported: number; total: number; monthlyAverage: number | null };
  /** Added later by the training and public-welfare-post features; shown when present. */
  training?: { trained: number; certified: number; trainingRate: number | null; certificateRate: number | null };
  welfarePosts?: { posts: number; filled: number };
  sources: Record<string, FactSource>;
}

export interface TrendPoint {
  period: string;
  labourForce: number;
  employed: number;
  employmentRate: number | null;
  stableRate: number | null;
  oneStableRate: number | null;
  zeroOpen: number;
  zeroNew: number;
  zeroCleared: number;
  monthlyIncomeAverage: number | null;
}

export type ZeroState = 'new' | 'continuing' | 'cleared' | 'open';

export interface ZeroCase {
  id: string;
  householdId: string;
  householdNo: string;
  headName: string;
  divisionCode: string;
  foundPeriod: string;
  foundOn: string;
  state: 'new' | 'continuing' | 'cleared';
  clearedPeriod: string | null;
  clearedOn: string | null;
  clearedReason: string | null;
  daysOpen: number;
  action: string | null;
  actionNote: string | null;
  responsible: string | null;
  version: number;
}

/** The county whose periods apply: the chosen division's, when it is a county or below. */
export function useCounty(): string | null {
  const { division } = useDivision();
  return division.code.length >= 6 ? division.code.slice(0, 6) : null;
}

export function usePeriods(countyCode: string | null) {
  return useQuery({
    queryKey: ['employment', 'periods', countyCode],
    queryFn: () => api.get<LabourPeriod[]>('/employment/periods', { countyCode }),
    enabled: countyCode !== null,
  });
}

export interface PeriodOption {
  period: string;
  status: 'open' | 'closed' | null;
}

/**
 * The periods one may pick: a county's own (with their state), or above county level the
 * periods that have figures (a province or city has no periods of its own).
 */
export function usePeriodOptions(divisionCode: string) {
  const county = useCounty();
  const periods = usePeriods(county);
  const trend = useQuery({
    queryKey: ['employment', 'trend', divisionCode, 'options'],
    queryFn: () => api.get<{ periods: TrendPoint[] }>('/employment/trend', { divisionCode, periods: 36 }),
    enabled: county === null,
  });
  const options: PeriodOption[] | undefined =
    county !== null ? periods.data?.map((p) => ({ period: p.period, status: p.status })) : trend.data?.periods.map((p) => ({ period: p.period, status: null })).reverse();
  /** What a page shows when the address names no period: the open one, else the latest. */
  const preferred = options?.find((o) => o.status === 'open')?.period ?? options?.[0]?.period;
  return { county, options, preferred, isLoading: county !== null ? periods.isLoading : trend.isLoading, error: county !== null ? periods.error : trend.error };
}

export function useRecords(query: Query, revealIncome: boolean) {
  return useQuery({
    queryKey: ['employment', 'records', query, revealIncome],
    queryFn: () => api.get<Page<LabourRecord>>('/employment/records', { ...query, reveal: revealIncome ? 'income' : undefined }),
    enabled: !!query.period,
    placeholderData: (previous) => previous,
    // Each revealed read is audited; keep plain incomes only as long as the page shows them.
    gcTime: revealIncome ? 0 : undefined,
    staleTime: revealIncome ? Infinity : undefined,
  });
}

/** One member's income for editing: an audited read of the household's records, not cached. */
export async function readIncome(record: LabourRecord): Promise<number | null> {
  const page = await api.get<Page<LabourRecord>>('/employment/records', { period: record.period, householdId: record.householdId, reveal: 'income', pageSize: 200 });
  return page.items.find((r) => r.personId === record.personId)?.facts.monthlyIncome ?? null;
}

export function saveRecord(record: LabourRecord, facts: LabourFacts, version: number) {
  return api.put<LabourRecord>(`/employment/records/${record.personId}/${record.period}`, { facts, version });
}

export function correctRecord(record: LabourRecord, facts: LabourFacts, version: number, reason: string) {
  return api.post<LabourRecord>(`/employment/records/${record.personId}/${record.period}/corrections`, { facts, version, reason });
}

export function useCorrections(record: LabourRecord | null) {
  return useQuery({
    queryKey: ['employment', 'corrections', record?.personId, record?.period],
    queryFn: () => api.get<Correction[]>(`/employment/records/${record!.personId}/${record!.period}/corrections`),
    enabled: !!record,
  });
}

export function usePersonHistory(personId: string | null) {
  return useQuery({
    queryKey: ['employment', 'history', personId],
    queryFn: () => api.get<LabourRecord[]>(`/employment/persons/${personId}/history`),
    enabled: !!personId,
  });
}

export function useFigures(divisionCode: string, period: string | undefined) {
  return useQuery({
    queryKey: ['employment', 'figures', divisionCode, period],
    queryFn: () => api.get<EmploymentFigures>('/employment/figures', { divisionCode, period }),
    placeholderData: (previous) => previous,
  });
}

export function useTrend(divisionCode: string, to: string | undefined) {
  return useQuery({
    queryKey: ['employment', 'trend', divisionCode, to],
    queryFn: () => api.get<{ periods: TrendPoint[] }>('/employment/trend', { divisionCode, to, periods: 12 }),
    placeholderData: (previous) => previous,
  });
}

export function useZeroHouseholds(query: Query) {
  return useQuery({
    queryKey: ['employment', 'zero', query],
    queryFn: () => api.get<Page<ZeroCase>>('/employment/zero-households', query),
    enabled: !!query.period,
    placeholderData: (previous) => previous,
  });
}

/** A link to the ledger or another list: division, period and coded filters only (nothing personal). */
export function employmentLink(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}
