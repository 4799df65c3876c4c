/** A fact's value as a clerk reads it: 是/否, coded values by their registry labels, numbers. */
import type { EnumName } from '../../i18n/enum-labels';
import { useLabels, useMessages } from '../../i18n/locale';
import { usePolicyMessages } from './policy-messages';

/** Coded facts (docs/POLICY.md) whose codes are the registry's: shown by the registry's labels. */
const ENUM_OF_FACT: Record<string, EnumName> = {
  'person.sex': 'sexes',
  'person.labourCapacity': 'labourCapacities',
  'person.schoolStage': 'schoolStages',
  'person.safetyNet': 'safetyNetStates',
  'person.channel': 'employmentChannels',
  'person.place': 'workPlaces',
  'household.monitoringCategory': 'monitoringCategories',
  'employer.kind': 'employerKinds',
};

/** Registry facts the server reads as '' when nobody entered them (未填写), so no rule's list matches. */
const UNKNOWN_WHEN_EMPTY = new Set(['person.schoolStage', 'person.safetyNet']);

export function useFactValue() {
  const m = useMessages();
  const p = usePolicyMessages();
  const labels = useLabels();
  return (name: string, value: unknown, masked?: boolean): string => {
    if (masked) return p.hidden;
    if (value === null || value === undefined) return m.common.none;
    if (typeof value === 'boolean') return value ? m.common.yes : m.common.no;
    if (typeof value === 'number') return value.toLocaleString('zh-CN');
    if (value === '') return UNKNOWN_WHEN_EMPTY.has(name) ? m.common.notRecorded : p.empty;
    if (typeof value === 'string') {
      const set = ENUM_OF_FACT[name];
      return set ? labels.label(set, value) : value;
    }
    return JSON.stringify(value);
  };
}
