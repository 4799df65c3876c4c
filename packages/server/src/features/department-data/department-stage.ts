/**
 * The staging table every department list loads into: the record as read from the file (with its
 * row number, `row_no`, and the department's own number of the row), its content key, and the
 * match columns that the check fills in (COPY leaves them null).
 */
import { createHash } from 'node:crypto';
import type { DepartmentRow } from '@anju/core';
import { canonicalJson } from '../../platform/canonical-json.js';
import type { StageColumn } from '../imports/stage-columns.js';

/**
 * What makes two rows the same record: kind, date, amount and detail — not the data month and
 * not the name, so the same event in a later month's list is recognised as already recorded.
 */
export function recordKey(row: Pick<DepartmentRow, 'kind' | 'occurredOn' | 'amount' | 'detail'>): string {
  const amount = row.amount === null ? null : row.amount.toFixed(2);
  return createHash('sha256').update(canonicalJson([row.kind, row.occurredOn, amount, row.detail])).digest('hex').slice(0, 32);
}

const c = (name: string, type: string, value: (row: DepartmentRow) => string | number | null): StageColumn<DepartmentRow> => ({ name, type, value });
const unset = (name: string, type: string) => c(name, type, () => null);

export const departmentStage: StageColumn<DepartmentRow>[] = [
  c('id_number', 'text', (r) => r.idNumber),
  c('name', 'text', (r) => r.name),
  c('period', 'text', (r) => r.period),
  c('kind', 'text', (r) => r.kind),
  c('occurred_on', 'date', (r) => r.occurredOn),
  c('amount', 'numeric(14,2)', (r) => r.amount),
  c('detail', 'jsonb', (r) => canonicalJson(r.detail)),
  c('record_key', 'text', (r) => recordKey(r)),
  c('record_no', 'text', (r) => r.recordNo),
  unset('person_id', 'bigint'),
  unset('household_id', 'bigint'),
  unset('county_code', 'text'),
  unset('dest_division_code', 'text'),
  unset('unmatched', 'text'),
];
