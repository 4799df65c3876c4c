/**
 * The category each warning points to: every warning rule of the bundled JC-2021 pack is decided,
 * with a clause; the household's kind decides between 脱贫不稳定户 and 边缘易致贫户, a sudden
 * hardship rule gives 突发严重困难户 for either; a category contradicting the kind is named.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPackText } from '../policy/check-pack.js';
import {
  categoriesOfKind,
  categoryConflict,
  proposedCategory,
  suddenHardshipRuleIds,
  warningCategory,
  warningRuleCategories,
} from './warning-categories.js';

const jc = checkPackText(readFileSync(new URL('../../policy-packs/JC-2021.yaml', import.meta.url), 'utf8')).pack!;

describe('the category of a warning rule', () => {
  it('is decided for exactly the warning rules of JC-2021, each with its clause', () => {
    const warningRules = jc.rules.filter((r) => r.versions.every((v) => v.benefit.kind === 'warning')).map((r) => r.id);
    expect(Object.keys(warningRuleCategories).sort()).toEqual([...warningRules].sort());
    for (const [id, c] of Object.entries(warningRuleCategories)) {
      expect(c.clause.ref, id).toMatch(/^(SX|YC|GZ|XX)-20\d\d /);
      expect(c.clause.text.length, id).toBeGreaterThan(10);
    }
  });

  it('is 突发严重困难户 for a sudden expense, a shock to income or temporary assistance, the kind otherwise', () => {
    expect([...suddenHardshipRuleIds].sort()).toEqual([
      'JC-2021-earner-lost', 'JC-2021-income-drop', 'JC-2021-rigid-expense', 'JC-2021-temporary-assistance',
    ]);
    expect(warningCategory('JC-2021-rigid-expense', 'registered_poor')).toBe('sudden_hardship');
    expect(warningCategory('JC-2021-rigid-expense', 'synchronous')).toBe('sudden_hardship');
    expect(warningCategory('JC-2021-income-below-line', 'registered_poor')).toBe('unstable');
    expect(warningCategory('JC-2021-income-below-line', 'synchronous')).toBe('marginal');
    // A rule an administrator adds later, not decided here: the household's kind.
    expect(warningCategory('GZ-2026-new-warning', 'synchronous')).toBe('marginal');
  });
});

describe('the category of a household', () => {
  it('may be its kind’s or sudden hardship, never the other kind’s', () => {
    expect(categoriesOfKind('registered_poor')).toEqual(['unstable', 'sudden_hardship']);
    expect(categoriesOfKind('synchronous')).toEqual(['marginal', 'sudden_hardship']);
    expect(categoryConflict('registered_poor', 'unstable')).toBeUndefined();
    expect(categoryConflict('synchronous', 'sudden_hardship')).toBeUndefined();
    expect(categoryConflict('synchronous', 'unstable')).toBe('同步搬迁户不能认定为脱贫不稳定户，只能为边缘易致贫户或突发严重困难户');
    expect(categoryConflict('registered_poor', 'marginal')).toBe('建档立卡脱贫户不能认定为边缘易致贫户，只能为脱贫不稳定户或突发严重困难户');
  });

  it('is proposed as sudden hardship only when every warning taken points there', () => {
    expect(proposedCategory('synchronous', [])).toBe('marginal');
    expect(proposedCategory('registered_poor', ['sudden_hardship'])).toBe('sudden_hardship');
    expect(proposedCategory('registered_poor', ['sudden_hardship', 'unstable'])).toBe('unstable');
  });
});
