export function isMobilePhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/** Landlines keep their area code: 0xx-xxxxxxx. */
export function isPhone(value: string): boolean {
  return isMobilePhone(value) || /^0\d{2,3}-?\d{7,8}$/.test(value);
}
