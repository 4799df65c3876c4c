/**
 * Office spreadsheets arrive with full-width digits and letters (１２３ｘ), ideographic spaces
 * and stray whitespace; fold them before validating so that equal values compare equal.
 * Most cells are already clean, so each function tests before it rewrites (imports call these
 * tens of millions of times).
 */
const FULL_WIDTH = /[\u3000\uff01-\uff5e]/;
const FULL_WIDTH_ALL = /[\u3000\uff01-\uff5e]/g;
const MESSY_SPACE = /\s\s|[\t\n\r\f\v\u00a0\u3000]|^\s|\s$/;
const ANY_SPACE = /[\s\u200b\ufeff]/;

export function toHalfWidth(input: string): string {
  if (!FULL_WIDTH.test(input)) return input;
  return input.replace(FULL_WIDTH_ALL, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

export function normalizeText(input: string): string {
  const half = toHalfWidth(input);
  return MESSY_SPACE.test(half) ? half.replace(/\s+/g, ' ').trim() : half;
}

/** ID numbers, codes and phones: half-width, no spaces at all, upper-case. */
export function normalizeCode(input: string): string {
  const half = toHalfWidth(input);
  const compact = ANY_SPACE.test(half) ? half.replace(/[\s\u200b\ufeff]/g, '') : half;
  return /[a-z]/.test(compact) ? compact.toUpperCase() : compact;
}

// Spaces between two Chinese characters that include an ideographic one: the padding offices
// type to line a two-character name up with three-character ones (张　三 beside 欧阳明).
const HAN_PADDING = /(?<=\p{Script=Han})\s*\u3000\s*(?=\p{Script=Han})/gu;

/**
 * A person's name: free text, except that an ideographic space between Chinese characters is
 * padding, not part of the name (赵　六 is 赵六). Other spaces stay as in any text, so a
 * name in Latin letters keeps its space.
 */
export function normalizeName(input: string): string {
  return normalizeText(input.includes('\u3000') ? input.replace(HAN_PADDING, '') : input);
}
