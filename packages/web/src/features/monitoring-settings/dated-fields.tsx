/** The fields of each dated setting, their labels and input steps, from the shared definitions. */
import {
  monitoringDeadlineLabels,
  monitoringDeadlinesInput,
  monitoringThresholdLabels,
  monitoringThresholdsInput,
} from '@anju/core/monitoring/monitoring-settings';
import type { z } from 'zod';
import type { DatedKind } from './settings-queries';

export interface DatedField {
  name: string;
  label: string;
  unit: string;
  step: number;
  precision: number;
  /** A share, shown as a percentage. */
  percent: boolean;
}

const fields = (labels: Record<string, { label: string; unit: string }>, shares: string[]): DatedField[] =>
  Object.entries(labels).map(([name, l]) => ({ name, ...l, step: shares.includes(name) ? 0.05 : 1, precision: shares.includes(name) ? 2 : 0, percent: shares.includes(name) }));

export const showValue = (f: DatedField, v: number | undefined) => (v === undefined ? '—' : f.percent ? `${Math.round(v * 1000) / 10}%` : `${v} ${f.unit}`);

export const datedFields: Record<DatedKind, DatedField[]> = {
  thresholds: fields(monitoringThresholdLabels, ['incomeDropShare', 'rigidExpenseShare']),
  deadlines: fields(monitoringDeadlineLabels, []),
};

export const datedInputs: Record<DatedKind, z.ZodType> = { thresholds: monitoringThresholdsInput, deadlines: monitoringDeadlinesInput };
