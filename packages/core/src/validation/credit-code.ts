/**
 * GB 32100-2015 统一社会信用代码: 18 characters from a 31-symbol alphabet (no I, O, Z, S, V);
 * the last is a MOD 31 check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]!);
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeResult = { ok: true; value: string } | { ok: false; reason: string };

export function parseCreditCode(raw: string): CreditCodeResult {
  const value = raw.toUpperCase();
  if (value.length !== 18) return { ok: false, reason: `统一社会信用代码应为18位，实际为${value.length}位` };
  if (![...value].every((c) => ALPHABET.includes(c))) {
    return { ok: false, reason: '统一社会信用代码含有无效字符（不使用I、O、Z、S、V）' };
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { ok: false, reason: '统一社会信用代码第3至8位应为行政区划码' };
  const expected = creditCodeCheckChar(value.slice(0, 17));
  if (value[17] !== expected) return { ok: false, reason: `统一社会信用代码校验位错误（应为${expected}）` };
  return { ok: true, value };
}

/** Builds a valid credit code from its first 17 characters (demo data and tests). */
export function makeCreditCode(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (!check) throw new Error(`invalid credit code body ${first17}`);
  return first17 + check;
}
