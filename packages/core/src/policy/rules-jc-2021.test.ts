/**
 * JC-2021 防止返贫动态监测预警规则, rule by rule: for each condition a household just inside
 * (warned) and one just outside. The thresholds are the jurisdiction's monitoring settings, read
 * as household facts; the tests state them.
 */
import { describe, expect, it } from 'vitest';
import { due, eligibleWhenNeutral, inForceAround, notOwed, ruleIds, ruleOn, rulesApplyingIn, type Change, type Overrides } from './rule-test-kit.js';

const AS_OF = '2023-06-30';
const warned = due('warning');

describe('JC-2021-income-below-line 人均纯收入低于监测收入标准', () => {
  const evaluate = ruleOn('JC-2021-income-below-line', AS_OF);
  const inside: Overrides = { household: { incomeLine: 7000, labourForceMembers: 1, annualWorkIncomePerCapita: 6999.99 } };
  it('6,999.99 元 a head against a line of 7,000 元: warned', () => {
    expect(evaluate(inside)).toMatchObject(warned);
  });
  it.each<Change>([
    ['exactly on the line', { household: { annualWorkIncomePerCapita: 7000 } }],
    ['no line set for the province and year', { household: { incomeLine: 0 } }],
    ['no labour force (income not known from the ledger)', { household: { labourForceMembers: 0 } }],
  ])('not warned: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('JC-2021-income-drop 收入大幅缩减', () => {
  const evaluate = ruleOn('JC-2021-income-drop', AS_OF);
  // "超过预警比例" (SPEC §4: "beyond a set share"): a drop of exactly the share is not yet a warning.
  const inside: Overrides = { household: { incomeDropThreshold: 0.5, incomeDropShare: 0.51 } };
  it('a drop of 51 % against a warning share of 50 %: warned', () => {
    expect(evaluate(inside)).toMatchObject(warned);
  });
  it.each<Change>([
    ['a drop of exactly 50 %', { household: { incomeDropShare: 0.5 } }],
    ['no warning share set', { household: { incomeDropThreshold: 0 } }],
  ])('not warned: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('JC-2021-rigid-expense 刚性支出较大（医疗）', () => {
  const evaluate = ruleOn('JC-2021-rigid-expense', AS_OF);
  const inside: Overrides = { household: { medicalExpense12m: 20000, rigidExpenseThreshold: 0.5, rigidExpenseShare: 0.51 } };
  it('medical costs of 51 % of the yearly income against a warning share of 50 %: warned', () => {
    expect(evaluate(inside)).toMatchObject(warned);
  });
  it.each<Change>([
    ['a share of exactly 50 %', { household: { rigidExpenseShare: 0.5 } }],
    ['no medical costs paid', { household: { medicalExpense12m: 0 } }],
    ['no warning share set', { household: { rigidExpenseThreshold: 0 } }],
  ])('not warned: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('warnings on a department’s or ledger’s flag', () => {
  it.each<[string, 'zeroEmployment' | 'childOutOfSchool' | 'unsafeHousing' | 'unsafeWater' | 'earnerLost']>([
    ['JC-2021-zero-employment', 'zeroEmployment'],
    ['JC-2021-out-of-school', 'childOutOfSchool'],
    ['JC-2021-unsafe-housing', 'unsafeHousing'],
    ['JC-2021-unsafe-water', 'unsafeWater'],
    ['JC-2021-earner-lost', 'earnerLost'],
  ])('%s: warned when household.%s, not otherwise', (id, flag) => {
    const evaluate = ruleOn(id, AS_OF);
    expect(evaluate({ household: { [flag]: true } })).toMatchObject(warned);
    expect(evaluate({ household: { [flag]: false } })).toMatchObject(notOwed);
  });
});

describe('JC-2021-temporary-assistance 领取临时救助而尚未纳入监测', () => {
  const evaluate = ruleOn('JC-2021-temporary-assistance', AS_OF);
  const inside: Overrides = { household: { temporaryAssistance: true, monitoringCategory: 'none' } };
  it('temporary assistance received, not monitored: warned', () => {
    expect(evaluate(inside)).toMatchObject(warned);
  });
  it.each<Change>([
    ['no temporary assistance', { household: { temporaryAssistance: false } }],
    ['already monitored (sudden_hardship)', { household: { monitoringCategory: 'sudden_hardship' } }],
    ['already monitored (unstable)', { household: { monitoringCategory: 'unstable' } }],
  ])('not warned: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('JC-2021 as a whole', () => {
  const ids = [
    'JC-2021-earner-lost',
    'JC-2021-income-below-line',
    'JC-2021-income-drop',
    'JC-2021-out-of-school',
    'JC-2021-rigid-expense',
    'JC-2021-temporary-assistance',
    'JC-2021-unsafe-housing',
    'JC-2021-unsafe-water',
    'JC-2021-zero-employment',
  ];
  it('lists every rule of the pack', () => {
    expect(ids).toEqual(ruleIds('JC-2021'));
  });
  it.each(ids)('%s is in force from 2021-07-01 with no end', (id) => {
    expect(inForceAround(id, '2021-07-01', null)).toEqual({ dayBefore: false, first: true, last: true, dayAfter: null });
  });
  it('applies everywhere', () => {
    expect(rulesApplyingIn('JC-2021', AS_OF, '522601')).toBe(9);
    expect(rulesApplyingIn('JC-2021', AS_OF, '140802')).toBe(9);
  });
  it('warns nobody about the neutral household', () => {
    expect(eligibleWhenNeutral('JC-2021', AS_OF)).toEqual([]);
  });
});
