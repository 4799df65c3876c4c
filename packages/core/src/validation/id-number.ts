/**
 * GB 11643-1999 居民身份证号码: 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd = male), and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/**
 * The registry refuses birth years before this one: no one alive was born earlier, so such a
 * number is a typo (1985 keyed as 1895) even when its check character happens to fit.
 */
export const EARLIEST_BIRTH_YEAR = 1900;
const BIRTH_YEAR_TOO_EARLY = `身份证号中的出生年份早于 ${EARLIEST_BIRTH_YEAR} 年，请核对`;

export type Sex = 'M' | 'F';

export interface IdNumberFacts {
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
  regionCode: string;
}

export type IdNumberResult =
  | { ok: true; value: string; facts: IdNumberFacts }
  | { ok: false; reason: string };

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Validates an already-normalised ID number (half-width, upper-case, trimmed). */
export function parseIdNumber(raw: string, today: Date = new Date()): IdNumberResult {
  const value = raw.toUpperCase();
  if (value.length !== 18) return { ok: false, reason: `身份证号应为18位，实际为${value.length}位` };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: '身份证号前17位须为数字，末位为数字或X' };
  const province = Number(value.slice(0, 2));
  if (province < 11 || province > 82) return { ok: false, reason: '身份证号地址码无效' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (y < EARLIEST_BIRTH_YEAR) return { ok: false, reason: BIRTH_YEAR_TOO_EARLY };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, reason: '身份证号中的出生日期无效' };
  }
  if (date.getTime() > today.getTime()) return { ok: false, reason: '身份证号中的出生日期晚于今天' };
  const expected = idNumberCheckChar(value.slice(0, 17));
  if (value[17] !== expected) return { ok: false, reason: `身份证号校验位错误（应为${expected}）` };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const sex: Sex = Number(value[16]) % 2 === 1 ? 'M' : 'F';
  return { ok: true, value, facts: { birthDate, sex, regionCode: value.slice(0, 6) } };
}

/** Builds a valid ID number; used by the demo generator and test factories. */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number, sex: Sex): string {
  let seq = sequence % 1000;
  if ((seq % 2 === 1) !== (sex === 'M')) seq = (seq + 1) % 1000;
  const first17 = regionCode + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
  return first17 + idNumberCheckChar(first17);
}
