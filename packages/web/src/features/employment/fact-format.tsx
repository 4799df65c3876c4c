/**
 * How the facts of a ledger record read: one label and one formatter per fact, shared by the
 * grid, the conflict dialog, a person's history and the list of corrections.
 */
import type { LabourFacts } from '@anju/core';
import type { Labels } from '../../i18n/locale';
import type { Messages } from '../../i18n/messages-zh';
import type { ConflictField } from '../../shared/ConflictDialog';
import type { LabourRecord, RecordFacts } from './employment-queries';

export type FactKey = keyof RecordFacts;

export const FACT_KEYS: FactKey[] = ['wantsWork', 'state', 'channel', 'place', 'employerName', 'startDate', 'contractMonths', 'socialInsurance', 'monthlyIncome', 'trainingWish'];

export function factLabel(m: Messages, key: FactKey): string {
  const e = m.employment;
  const labels: Partial<Record<FactKey, string>> = {
    wantsWork: e.wantsWork,
    state: e.state,
    channel: e.channel,
    place: e.place,
    employerId: e.employer,
    employerName: e.employer,
    startDate: e.startDate,
    contractMonths: e.contractMonths,
    socialInsurance: e.socialInsurance,
    monthlyIncome: e.income,
    trainingWish: e.trainingWish,
  };
  return labels[key] ?? key;
}

export function formatFact(m: Messages, labels: Labels, key: FactKey, value: unknown): string {
  if (value === null || value === undefined || value === '') return m.common.none;
  if (typeof value === 'boolean') return value ? m.common.yes : m.common.no;
  if (key === 'state') return labels.label('employmentStates', String(value));
  if (key === 'channel') return labels.label('employmentChannels', String(value));
  if (key === 'place') return labels.label('workPlaces', String(value));
  if (key === 'monthlyIncome' && typeof value === 'number') return value.toLocaleString('zh-CN');
  return String(value);
}

export function conflictFields(m: Messages, labels: Labels): ConflictField[] {
  return FACT_KEYS.map((key) => ({ key, label: factLabel(m, key), format: (v: unknown) => (typeof v === 'string' && key === 'monthlyIncome' ? v : formatFact(m, labels, key, v)) }));
}

/** The facts as the server's copy shows them, with a hidden income said in words. */
export function shownFacts(m: Messages, record: LabourRecord): Record<string, unknown> {
  return { ...record.facts, monthlyIncome: record.incomeMasked ? m.employment.incomeHidden : record.facts.monthlyIncome };
}

/** The editable facts of a row, as the form holds them. */
export interface FactValues {
  wantsWork: boolean;
  state: LabourFacts['state'];
  channel: string | null;
  place: string | null;
  employerName: string | null;
  startDate: string | null;
  contractMonths: number | null;
  socialInsurance: boolean;
  monthlyIncome: number | null;
  trainingWish: boolean;
}

export function toValues(facts: RecordFacts, income: number | null): FactValues {
  return {
    wantsWork: facts.wantsWork,
    state: facts.state,
    channel: facts.channel,
    place: facts.place,
    employerName: facts.employerName,
    startDate: facts.startDate,
    contractMonths: facts.contractMonths,
    socialInsurance: facts.socialInsurance,
    monthlyIncome: income,
    trainingWish: facts.trainingWish,
  };
}

const blank = (v: unknown) => v === undefined || v === '' ? null : v;

/**
 * The facts to send. Someone not employed has no job facts, so they are cleared here rather
 * than rejected; a changed employer name no longer points at the registered employer.
 */
export function toFacts(values: FactValues, original: RecordFacts): unknown {
  const employed = values.state === 'employed';
  const employerName = blank(values.employerName) as string | null;
  return {
    wantsWork: !!values.wantsWork,
    state: values.state,
    channel: employed ? blank(values.channel) : null,
    place: employed ? blank(values.place) : null,
    employerId: employed && employerName === original.employerName ? original.employerId : null,
    employerName: employed ? employerName : null,
    startDate: employed ? blank(values.startDate) : null,
    contractMonths: employed ? blank(values.contractMonths) : null,
    socialInsurance: employed ? !!values.socialInsurance : false,
    monthlyIncome: employed ? blank(values.monthlyIncome) : null,
    trainingWish: !!values.trainingWish,
  };
}

/** An API or schema issue path ("facts.channel", "channel") as the form field it belongs to. */
export function fieldOf(path: string): string {
  return path.replace(/^facts\./, '').split('.')[0]!;
}
