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
}

const c = <T>(name: string, type: string, value: (row: T) => CsvValue): StageColumn<T> => ({ name, type, value });

export const siteStage: StageColumn<SiteInput>[] = [
  c('code', 'text', (r) => r.code),
  c('name', 'text', (r) => r.name),
  c('division_code', 'text', (r) => r.divisionCode),
  c('area_kind', 'text', (r) => r.areaKind),
  c('settlement_kind', 'text', (r) => r.settlementKind),
  c('cross_county', 'boolean', (r) => r.crossCounty),
  c('build_year', 'integer', (r) => r.buildYear),
  c('latitude', 'double precision', (r) => r.latitude),
  c('longitude', 'double precision', (r) => r.longitude),
];

export const householdStage: StageColumn<HouseholdRow>[] = [
  c('household_no', 'text', (r) => r.householdNo),
  c('site_code', 'text', (r) => r.siteCode),
  c('origin_village_code', 'text', (r) => r.originVillageCode),
  c('relocation_year', 'integer', (r) => r.relocationYear),
  c('kind', 'text', (r) => r.kind),
  c('building', 'text', (r) => r.building),
  c('unit', 'text', (r) => r.unit),
  c('room', 'text', (r) => r.room),
  c('property_cert_state', 'text', (r) => r.propertyCertState),
  c('vegetable_plot', 'boolean', (r) => r.vegetablePlot),
  c('monitoring_category', 'text', (r) => r.monitoringCategory),
  c('contracted_land_mu', 'numeric(10,2)', (r) => r.contractedLandMu),
  c('forest_land_mu', 'numeric(12,2)', (r) => r.forestLandMu),
  c('land_transferred', 'boolean', (r) => r.landTransferred),
  c('homestead_reclaimed', 'boolean', (r) => r.homesteadReclaimed),
];

/** Sex and birth date are always taken from the ID number (the schema checked any given ones agree). */
function idFacts(r: PersonRow) {
  const parsed = parseIdNumber(r.idNumber);
  if (!parsed.ok) throw new Error(`unvalidated ID number reached staging`);
  return parsed.facts;
}

export const personStage: StageColumn<PersonRow>[] = [
  ...(householdStage as StageColumn<PersonRow>[]),
  c('name', 'text', (r) => r.name),
  c('id_number', 'text', (r) => r.idNumber),
  c('relation', 'text', (r) => r.relation),
  c('sex', 'text', (r) => idFacts(r).sex),
  c('birth_date', 'date', (r) => idFacts(r).birthDate),
  c('ethnicity', 'text', (r) => r.ethnicity),
  c('education', 'text', (r) => r.education),
  c('school_stage', 'text', (r) => r.schoolStage),
  c('health', 'text', (r) => r.health),
  c('disability_grade', 'smallint', (r) => r.disabilityGrade),
  c('labour_capacity', 'text', (r) => r.labourCapacity),
  c('skills', 'text[]', (r) => r.skills),
  c('medical_insurance', 'boolean', (r) => r.medicalInsurance),
  c('pension_insurance', 'boolean', (r) => r.pensionInsurance),
  c('safety_net', 'text', (r) => r.safetyNet),
  c('forest_ranger', 'boolean', (r) => r.forestRanger),
  c('hukou_state', 'text', (r) => r.hukouState),
  c('phone', 'text', (r) => r.phone),
];

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
];
