/**
 * GZ-2020 关于高质量推进易地扶贫搬迁后续扶持工作的意见 (黔党办发〔2020〕36号), rule by rule: for
 * each condition a subject just inside (owed what the clause says; 由地方确定 where it gives no
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

describe('GZ-2020-1-stable-employment 有劳动力搬迁家庭一户一人以上稳定就业 (1.)', () => {
  const evaluate = ruleOn('GZ-2020-1-stable-employment', AS_OF);
  const inside: Overrides = { household: { labourForceMembers: 1, stablyEmployedMembers: 0 } };
  it('one labourer and nobody stably employed: employment help', () => {
    expect(evaluate(inside)).toMatchObject(due('service'));
  });
  it.each<Change>([
    ['one member stably employed', { household: { stablyEmployedMembers: 1 } }],
    ['no labour force', { household: { labourForceMembers: 0 } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('GZ-2020-3-training-subsidy 培训补贴和培训期间生活补贴 (3.): no figure', () => {
  const evaluate = ruleOn('GZ-2020-3-training-subsidy', AS_OF);
  const inside: Overrides = { person: { labourForce: true, trainingsCompleted: 1 } };
  it('a labourer who completed one training: amount 由地方确定', () => {
    expect(evaluate(inside)).toMatchObject(setLocally());
  });
  it.each<Change>([
    ['no training completed', { person: { trainingsCompleted: 0 } }],
    ['not labour force', { person: { labourForce: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('GZ-2020-3-work-based-training 以工代训补贴 (3.): no figure', () => {
  const evaluate = ruleOn('GZ-2020-3-work-based-training', AS_OF);
  it('a hire trained on the job (以工代训): amount 由地方确定, to the employer', () => {
    expect(evaluate({ hire: { trainingKind: 'apprenticeship' } })).toMatchObject(setLocally('cash', 'employer'));
  });
  it.each<Change>([
    ['no training', { hire: { trainingKind: '' } }],
    ['another kind of training (GZ-2022 4.)', { hire: { trainingKind: 'on_job' } }],
  ])('not owed: %s', (_, change) => expect(evaluate(change)).toMatchObject(notOwed));
});

describe('site duties by size (24.: 1万人以上 / 1万人以下)', () => {
  it.each<[string, number, boolean]>([
    ['GZ-2020-24-leader-main', 10000, true],
    ['GZ-2020-24-leader-main', 9999, false],
    ['GZ-2020-24-leader-deputy', 9999, true],
    ['GZ-2020-24-leader-deputy', 10000, false],
  ])('%s for a site of %i people: %s', (id, population, owed) => {
    expect(ruleOn(id, AS_OF)({ site: { population } })).toMatchObject(owed ? due('obligation') : notOwed);
  });
});

describe('GZ-2020 as a whole', () => {
  const ids = [
    'GZ-2020-1-stable-employment',
    'GZ-2020-24-leader-deputy',
    'GZ-2020-24-leader-main',
    'GZ-2020-3-training-subsidy',
    'GZ-2020-3-work-based-training',
  ];
  it('lists every rule of the pack', () => {
    expect(ids).toEqual(ruleIds('GZ-2020'));
  });
  it.each(ids)('%s is in force from 2020-12-22 (黔党办发〔2020〕36号) with no end', (id) => {
    expect(inForceAround(id, '2020-12-22', null)).toEqual({ dayBefore: false, first: true, last: true, dayAfter: null });
  });
  it('applies in Guizhou (52…) only', () => {
    expect(rulesApplyingIn('GZ-2020', AS_OF, '520402')).toBe(5);
    expect(rulesApplyingIn('GZ-2020', AS_OF, '433127')).toBe(0);
  });
  it('owes the neutral subjects nothing; their 500-person site gets a deputy county leader', () => {
    expect(eligibleWhenNeutral('GZ-2020', AS_OF)).toEqual(['GZ-2020-24-leader-deputy']);
  });
});
