import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, makeIdNumber, parseIdNumber } from './id-number.js';
import { creditCodeCheckChar, makeCreditCode, parseCreditCode } from './credit-code.js';
import { normalizeCode, normalizeName, normalizeText, toHalfWidth } from './normalize.js';

describe('GB 11643 ID numbers', () => {
  it('accepts the standard\'s worked example and derives birth date and sex', () => {
    // The example number printed in GB 11643-1999 itself.
    const result = parseIdNumber('11010519491231002X');
    expect(result).toEqual({ ok: true, value: '11010519491231002X', facts: { birthDate: '1949-12-31', sex: 'F', regionCode: '110105' } });
  });

  it('computes X as the check character where the sum demands it', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });

  it('names the reason for each kind of bad number', () => {
    const reason = (v: string) => (parseIdNumber(v, new Date('2026-01-01')) as { reason: string }).reason;
    expect(reason('11010519491231002')).toContain('18位');
    expect(reason('1101051949123100AX')).toContain('前17位');
    expect(reason('110105194902300021')).toContain('出生日期无效');
    expect(reason('110105203001010021')).toContain('晚于今天');
    expect(reason('110105194912310021')).toContain('校验位错误（应为X）');
    expect(reason('000105194912310021')).toContain('地址码');
  });

  it('refuses a birth year before 1900 as such, even with a fitting check character', () => {
    const early = makeIdNumber('110105', '1899-12-31', 2, 'F');
    expect(idNumberCheckChar(early.slice(0, 17))).toBe(early[17]);
    expect(parseIdNumber(early)).toEqual({ ok: false, reason: '身份证号中的出生年份早于 1900 年，请核对' });
    expect(parseIdNumber(makeIdNumber('110105', '1900-01-01', 2, 'F')).ok).toBe(true);
  });

  it('makes valid numbers whose sex digit matches', () => {
    for (const sex of ['M', 'F'] as const) {
      const id = makeIdNumber('520628', '1990-02-28', 17, sex);
      const parsed = parseIdNumber(id);
      expect(parsed.ok && parsed.facts).toMatchObject({ sex, birthDate: '1990-02-28' });
    }
  });
});

describe('GB 32100 credit codes', () => {
  it('accepts a code with a correct check character and refuses a wrong one', () => {
    const code = makeCreditCode('91520628MA6DKXYZ1'.replace('Z', 'Y'));
    expect(parseCreditCode(code)).toEqual({ ok: true, value: code });
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect((parseCreditCode(wrong) as { reason: string }).reason).toContain('校验位错误');
  });

  it('refuses letters the standard leaves out', () => {
    expect((parseCreditCode('91520628MA6DKXIO1A') as { reason: string }).reason).toContain('无效字符');
    expect(creditCodeCheckChar('91520628MA6DKXIO1')).toBeUndefined();
  });

  it('computes the check character of a published example', () => {
    // 91350100M000100Y43 is the example commonly cited for the algorithm.
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
});

describe('normalising office input', () => {
  it('folds full-width digits, letters and spaces', () => {
    expect(toHalfWidth('５２０６２８ｘ')).toBe('520628x');
    expect(normalizeCode(' 5206 28ｘ\u3000')).toBe('520628X');
    expect(normalizeText('  王\u3000 大山  ')).toBe('王 大山');
  });

  it('drops the ideographic padding inside a Chinese name, and only there', () => {
    expect(normalizeName('赵\u3000六')).toBe('赵六');
    expect(normalizeName(' 张\u3000\u3000三 ')).toBe('张三');
    expect(normalizeName('Mary\u3000Wang')).toBe('Mary Wang');
    expect(normalizeName('李 小红')).toBe('李 小红');
    expect(normalizeText('松桃\u3000安置点')).toBe('松桃 安置点');
  });
});
