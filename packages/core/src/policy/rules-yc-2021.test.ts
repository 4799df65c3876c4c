/**
 * YC-2021 运城市 关于巩固拓展脱贫攻坚成果有效衔接乡村振兴的实施方案, rule by rule: for each
 * condition a subject just inside (owed what the clause says; 由地方确定 where it gives no
 * figure) and one just outside.
 */
import { describe, expect, it } from 'vitest';
import {
  due,
  eligibleWhenNeutral,
  inForceAround,
  notOwed,
  ruleIds,
  ruleOn,
  rulesApplyingIn,
  setLocally,
  type Change,
  type Overrides,
} from './rule-test-kit.js';

const AS_OF = '2023-06-30';

describe('YC-2021-5-temporary-assistance 重大疾病等临时救助、大病救助 ((五))', () => {
  const evaluate = ruleOn('YC-2021-5-temporary-assistance', AS_OF);
  it('a household in sudden serious hardship: temporary and serious-illness assistance', () => {
    expect(evaluate({ household: { monitoringCategory: 'sudden_hardship' } })).toMatchObject(due('service'));
  });
  it.each(['none', 'unstable', 'marginal'] as const)('not owed: monitoring category %s', (monitoringCategory) => {
    expect(evaluate({ household: { monitoringCategory } })).toMatchObject(notOwed);
  });
});

describe('YC-2021-5-micro-credit 扶贫小额信贷 ((五): 有劳动能力…的脱贫户): no figure', () => {
  const evaluate = ruleOn('YC-2021-5-micro-credit', AS_OF);
  const inside: Overrides = { household: { registeredPoor: true, labourForceMembers: 1 } };
  it('a registered-poor household with one labourer: a micro-credit loan, amount 由地方确定', () => {
    expect(evaluate(inside)).toMatchObject(setLocally('loan'));
  });
  it.each<Change>([
    ['no labour force', { household: { labourForceMembers: 0 } }],
    ['not registered poor', { household: { registeredPoor: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('YC-2021-5-safety-net 无劳动能力脱贫户兜底保障 ((五))', () => {
  const evaluate = ruleOn('YC-2021-5-safety-net', AS_OF);
  const inside: Overrides = { household: { registeredPoor: true, labourForceMembers: 0, employedMembers: 0, stablyEmployedMembers: 0 } };
  it('a registered-poor household without labour force: the safety net', () => {
    expect(evaluate(inside)).toMatchObject(due('service'));
  });
  it.each<Change>([
    ['one labourer', { household: { labourForceMembers: 1 } }],
    ['not registered poor', { household: { registeredPoor: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('YC-2021-8-2-stable-employment 有劳动力搬迁家庭至少1人稳定就业 ((八)2.)', () => {
  const evaluate = ruleOn('YC-2021-8-2-stable-employment', AS_OF);
  const inside: Overrides = { household: { labourForceMembers: 1, stablyEmployedMembers: 0 } };
  it('one labourer and nobody stably employed: employment help', () => {
    expect(evaluate(inside)).toMatchObject(due('service'));
  });
  it.each<Change>([
    ['one member stably employed', { household: { stablyEmployedMembers: 1 } }],
    ['no labour force', { household: { labourForceMembers: 0 } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('YC-2021-8-2-service-stations 800人以上安置点建设就业创业服务站和公益事业服务站 ((八)2.)', () => {
  const evaluate = ruleOn('YC-2021-8-2-service-stations', AS_OF);
  it('a site of 800 people: the two service stations', () => {
    expect(evaluate({ site: { population: 800 } })).toMatchObject(due('obligation'));
  });
  it('not owed: a site of 799 people', () => {
    expect(evaluate({ site: { population: 799 } })).toMatchObject(notOwed);
  });
});

describe('YC-2021 as a whole', () => {
  const ids = [
    'YC-2021-5-micro-credit',
    'YC-2021-5-safety-net',
    'YC-2021-5-temporary-assistance',
    'YC-2021-8-2-service-stations',
    'YC-2021-8-2-stable-employment',
  ];
  it('lists every rule of the pack', () => {
    expect(ids).toEqual(ruleIds('YC-2021'));
  });
  it.each(ids)('%s is in force from 2021-01-01 (the transition period’s first day) with no end', (id) => {
    expect(inForceAround(id, '2021-01-01', null)).toEqual({ dayBefore: false, first: true, last: true, dayAfter: null });
  });
  it('applies in Yuncheng (1408…) only, not elsewhere in Shanxi', () => {
    expect(rulesApplyingIn('YC-2021', AS_OF, '140802')).toBe(5);
    expect(rulesApplyingIn('YC-2021', AS_OF, '140105')).toBe(0);
  });
  it('owes the neutral subjects nothing, nor their 500-person site', () => {
    expect(eligibleWhenNeutral('YC-2021', AS_OF)).toEqual([]);
  });
});
