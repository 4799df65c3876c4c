/** Field names and values as people read them, for change history and conflict comparison. */
import { maskIdNumber, maskPhone } from '@anju/core/access/masking';
import { useLabels, useMessages } from '../i18n/locale';
import type { EnumName } from '../i18n/enum-labels';
import { UNKNOWN_WHEN_NULL } from './unknown-facts';

const ENUM_OF_FIELD: Record<string, EnumName> = {
  kind: 'householdKinds',
  propertyCertState: 'propertyCertStates',
  monitoringCategory: 'monitoringCategories',
  status: 'householdStatuses',
  relation: 'relations',
  education: 'educations',
  schoolStage: 'schoolStages',
  health: 'healthStates',
  labourCapacity: 'labourCapacities',
  safetyNet: 'safetyNetStates',
  hukouState: 'hukouStates',
  sex: 'sexes',
  areaKind: 'siteAreaKinds',
  settlementKind: 'siteSettlementKinds',
  role: 'roles',
  department: 'departments',
};

export function useFieldFormat() {
  const m = useMessages();
  const labels = useLabels();
  const dictionaries: Record<string, Record<string, unknown>> = { household: m.household, person: m.person, site: m.site, employer: m.employer };

  function label(entity: string, field: string): string {
    const text = dictionaries[entity]?.[field] ?? m.household[field as keyof typeof m.household] ?? m.person[field as keyof typeof m.person];
    return typeof text === 'string' ? text : field;
  }

  function value(field: string, v: unknown): string {
    if (v === null || v === undefined || v === '') return UNKNOWN_WHEN_NULL.has(field) ? m.common.notRecorded : '—';
    if (typeof v === 'boolean') return v ? m.common.yes : m.common.no;
    if (Array.isArray(v)) return v.length ? v.map(String).join('、') : '—';
    const set = ENUM_OF_FIELD[field];
    if (set && typeof v === 'string') return labels.label(set, v);
    // Personal values are masked for display even if a side holds them in full.
    if (field === 'idNumber' && typeof v === 'string' && !v.includes('*')) return maskIdNumber(v);
    if (field === 'phone' && typeof v === 'string' && !v.includes('*')) return maskPhone(v);
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  }

  return { label, value };
}
