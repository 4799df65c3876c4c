/** Personal data is masked by default (SPEC §12); unmasked reads go through an audited call. */

/**
 * The one place the ID-number mask is defined: the first 4 characters (province and city, which
 * the household's division says anyway) and the check character; characters 5–17 are hidden.
 *
 * Why so little: a GB 11643 number is county (6) + birth date (8) + sequence (3, odd = male) +
 * check. Every reader sees the origin village (its first 6 digits are the county) and the sex,
 * so the old first-4 + last-4 mask plus the birth date left nothing unknown: a leader rebuilt
 * 5,000 of 5,000 demo numbers. Now the birth date, too, is shown only to roles that may unmask
 * (`birthDateFor`); the others see the age. What stays unknown is ~365 birth days × 500
 * sequences, of which the check character keeps 1 in 11: ~16,600 numbers per person (~1,400 if
 * month-end ages in the ledgers give away the birth month). Roles that may unmask see the birth
 * date, leaving 500 / 11 ≈ 45 candidates: never one, and they can read the number anyway, audited.
 * test/security/id-number-mask.test.ts runs this reconstruction against demo people.
 */
export function maskIdNumber(value: string): string {
  if (value.length < 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 5) + value.slice(-1);
}

export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/** The birth date for a reader: in full only for roles allowed to unmask (see maskIdNumber why). */
export function birthDateFor(birthDate: string, canUnmask: boolean): string | null {
  return canUnmask ? birthDate : null;
}

interface PersonalField {
  hide: (value: unknown) => unknown;
  /** true: shown to roles with `personal.unmask`; false: masked for everyone (read through an audited call). */
  shownToUnmaskers: boolean;
}

const idNumber: PersonalField = { hide: (v) => (typeof v === 'string' ? maskIdNumber(v) : v), shownToUnmaskers: false };
const phone: PersonalField = { hide: (v) => (typeof v === 'string' ? maskPhone(v) : v), shownToUnmaskers: false };
const income: PersonalField = { hide: () => null, shownToUnmaskers: false };
const birthDate: PersonalField = { hide: () => null, shownToUnmaskers: true };

/**
 * The personal fields of each audited entity, under the names its before/after images use (the
 * API's; imports' change images use the column names). Audit views and change histories mask
 * them exactly as the record itself is masked.
 */
export const PERSONAL_FIELDS_BY_ENTITY: Record<string, Record<string, PersonalField>> = {
  person: { idNumber, phone, birthDate, id_number: idNumber, birth_date: birthDate },
  labour_record: { monthlyIncome: income, monthly_income: income },
};

// Masking goes by field name across all entities: a personal field keeps its name wherever it
// travels (a person's birth date inside an import's rows, an income inside a correction), and an
// entity added later is covered without being listed.
const BY_NAME: Record<string, PersonalField> = Object.assign({}, ...Object.values(PERSONAL_FIELDS_BY_ENTITY));

/** Masks a field's value if the field holds personal data; `canUnmask` is the reader's `personal.unmask`. */
export function maskField(field: string, value: unknown, canUnmask = false): unknown {
  const rule = BY_NAME[field];
  if (!rule || value === null || value === undefined || (rule.shownToUnmaskers && canUnmask)) return value;
  return rule.hide(value);
}

/** An audited before/after image with its personal fields masked, nested objects and lists too. */
export function maskRecord(value: unknown, canUnmask = false): unknown {
  if (Array.isArray(value)) return value.map((v) => maskRecord(v, canUnmask));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, v !== null && typeof v === 'object' && !BY_NAME[k] ? maskRecord(v, canUnmask) : maskField(k, v, canUnmask)]),
  );
}
