/**
 * Staging tables: the validated rows of one import, loaded with COPY, then checked and merged
 * with set-based SQL. One unlogged table per job, dropped when the job ends.
 */
import { parseIdNumber, type HouseholdRow, type LabourRow, type PersonRow, type SiteInput } from '@anju/core';
import type { CsvValue } from '../../db/copy.js';

export interface StageColumn<T> {
  name: string;
  type: string;
  value: (row: T) => CsvValue;
  /** The record's field, for optional columns: null there means the cell asked to erase it. */
  key?: string;
}

const c = <T>(name: string, type: string, value: (row: T) => CsvValue): StageColumn<T> => ({ name, type, value });

/** An optional field: absent (a blank cell) stages as NULL, and keeps the stored value at merge. */
const o = <T>(name: string, type: string, key: keyof T & string): StageColumn<T> => ({
  name,
  type,
  key,
  value: (r) => (r[key] ?? null) as CsvValue,
});

/**
 * The `cleared` column: the staged columns whose cell held the clear marker (清空). NULL alone
 * cannot tell "erase" from "not given", and merges keep what is stored for "not given".
 */
function withCleared<T>(columns: StageColumn<T>[]): StageColumn<T>[] {
  const optional = columns.filter((col) => col.key !== undefined);
  return [...columns, c('cleared', 'text[]', (r) => optional.filter((col) => (r as Record<string, unknown>)[col.key!] === null).map((col) => col.name))];
}

export const siteStage: StageColumn<SiteInput>[] = withCleared([
  c('code', 'text', (r) => r.code),
  c('name', 'text', (r) => r.name),
  c('division_code', 'text', (r) => r.divisionCode),
  c('area_kind', 'text', (r) => r.areaKind),
  c('settlement_kind', 'text', (r) => r.settlementKind),
  c('cross_county', 'boolean', (r) => r.crossCounty),
  o('build_year', 'integer', 'buildYear'),
  o('latitude', 'double precision', 'latitude'),
  o('longitude', 'double precision', 'longitude'),
]);

const householdColumns: StageColumn<HouseholdRow>[] = [
  c('household_no', 'text', (r) => r.householdNo),
  c('site_code', 'text', (r) => r.siteCode),
  c('origin_village_code', 'text', (r) => r.originVillageCode),
  c('relocation_year', 'integer', (r) => r.relocationYear),
  c('kind', 'text', (r) => r.kind),
  o('building', 'text', 'building'),
  o('unit', 'text', 'unit'),
  o('room', 'text', 'room'),
  o('property_cert_state', 'text', 'propertyCertState'),
  o('vegetable_plot', 'boolean', 'vegetablePlot'),
  o('monitoring_category', 'text', 'monitoringCategory'),
  o('contracted_land_mu', 'numeric(10,2)', 'contractedLandMu'),
  o('forest_land_mu', 'numeric(12,2)', 'forestLandMu'),
  o('land_transferred', 'boolean', 'landTransferred'),
  o('homestead_reclaimed', 'boolean', 'homesteadReclaimed'),
];

/** Sex and birth date are always taken from the ID number (the schema checked any given ones agree). */
function idFacts(r: PersonRow) {
  const parsed = parseIdNumber(r.idNumber);
  if (!parsed.ok) throw new Error(`unvalidated ID number reached staging`);
  return parsed.facts;
}

export const householdStage = withCleared(householdColumns);

export const personStage: StageColumn<PersonRow>[] = withCleared([
  ...(householdColumns as StageColumn<PersonRow>[]),
  c('name', 'text', (r) => r.name),
  c('id_number', 'text', (r) => r.idNumber),
  c('relation', 'text', (r) => r.relation),
  c('sex', 'text', (r) => idFacts(r).sex),
  c('birth_date', 'date', (r) => idFacts(r).birthDate),
  o('ethnicity', 'text', 'ethnicity'),
  o('education', 'text', 'education'),
  o('school_stage', 'text', 'schoolStage'),
  o('health', 'text', 'health'),
  o('disability_grade', 'smallint', 'disabilityGrade'),
  c('labour_capacity', 'text', (r) => r.labourCapacity),
  o('skills', 'text[]', 'skills'),
  o('medical_insurance', 'boolean', 'medicalInsurance'),
  o('pension_insurance', 'boolean', 'pensionInsurance'),
  o('safety_net', 'text', 'safetyNet'),
  o('forest_ranger', 'boolean', 'forestRanger'),
  o('hukou_state', 'text', 'hukouState'),
  o('phone', 'text', 'phone'),
]);

export function stageTableName(jobId: string): string {
  if (!/^\d+$/.test(jobId)) throw new Error(`bad job id ${jobId}`);
  return `import_stage_${jobId}`;
}

export function stageDdl<T>(table: string, columns: StageColumn<T>[]): string {
  return `CREATE UNLOGGED TABLE ${table} (row_no integer NOT NULL, ${columns.map((col) => `${col.name} ${col.type}`).join(', ')})`;
}

export const labourStage: StageColumn<LabourRow>[] = [
  c('period', 'text', (r) => r.period),
  c('name', 'text', (r) => r.name),
  c('id_number', 'text', (r) => r.idNumber),
  c('wants_work', 'boolean', (r) => r.wantsWork),
  c('state', 'text', (r) => r.state),
  c('channel', 'text', (r) => r.channel),
  c('place', 'text', (r) => r.place),
  c('employer_name', 'text', (r) => r.employerName),
  c('start_date', 'date', (r) => r.startDate),
  c('contract_months', 'integer', (r) => r.contractMonths),
  c('social_insurance', 'boolean', (r) => r.socialInsurance),
  c('monthly_income', 'numeric(10,2)', (r) => r.monthlyIncome),
  c('training_wish', 'boolean', (r) => r.trainingWish),
  c('absent', 'text[]', (r) => r.absent),
];
