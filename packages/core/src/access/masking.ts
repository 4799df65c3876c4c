/** Personal data is masked by default (SPEC §12); unmasked reads go through an audited call. */
export function maskIdNumber(value: string): string {
  if (value.length < 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

const PERSONAL_FIELDS: Record<string, (value: string) => string> = { idNumber: maskIdNumber, phone: maskPhone };

/** Masks a field's value if the field holds personal data (audit views show records as stored). */
export function maskField(field: string, value: unknown): unknown {
  const mask = PERSONAL_FIELDS[field];
  return mask && typeof value === 'string' ? mask(value) : value;
}

export function maskRecord(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskField(k, v)]));
}
