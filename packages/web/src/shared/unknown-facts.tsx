/**
 * A registry fact nobody entered is null (migration 0012): a reader sees 未填写, never 否 or a
 * guessed value, and rules treat it as unknown. Other nullable fields (楼栋, 电话) read null as
 * "none" and keep their "—".
 */
import { useMemo } from 'react';
import type { EnumName } from '../i18n/enum-labels';
import { useLabels, useMessages } from '../i18n/locale';

/** Person and household fields whose null means 未填写. */
export const UNKNOWN_WHEN_NULL: ReadonlySet<string> = new Set([
  'ethnicity',
  'education',
  'schoolStage',
  'health',
  'medicalInsurance',
  'pensionInsurance',
  'safetyNet',
  'forestRanger',
  'hukouState',
  'propertyCertState',
  'vegetablePlot',
  'landTransferred',
  'homesteadReclaimed',
]);

/** Texts for a fact that may be unknown: free text, 是/否, or a coded value's label. */
export function useFactText() {
  const m = useMessages();
  const labels = useLabels();
  return useMemo(() => {
    const unknown = m.common.notRecorded;
    return {
      unknown,
      text: (v: string | null | undefined) => (v == null || v === '' ? unknown : v),
      yesNo: (v: boolean | null | undefined) => (v == null ? unknown : v ? m.common.yes : m.common.no),
      choice: (set: EnumName, v: string | null | undefined) => (v == null ? unknown : labels.label(set, v)),
    };
  }, [m, labels]);
}

/**
 * A form field left empty or cleared is sent as null (未填写), never left out: on an update a
 * missing key keeps what is stored, so clearing a field would silently not erase it.
 */
export function unknownAsNull<V extends object>(values: V, keys: readonly (keyof V)[]): V {
  const out = { ...values };
  for (const key of keys) {
    const v = out[key] as unknown;
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) out[key] = null as V[keyof V];
  }
  return out;
}
