/**
 * XX-2020 湘西自治州强化易地扶贫搬迁后续扶持工作十条措施(试行), rule by rule: for each condition
 * a subject just inside (owed what the clause says; 由地方确定 where it gives no figure) and one
 * just outside.
 */
import { describe, expect, it } from 'vitest';
import {
  cash,
  due,
  eligibleWhenNeutral,
  evaluateOn,
  inForceAround,
  notOwed,
  ruleIds,
  ruleOn,
  rulesApplyingIn,
  setLocally,
  upTo,
  type Change,
  type Overrides,
} from './rule-test-kit.js';

/** The last day of 脱贫攻坚期间, so the health measures of 五(四) are still in force. */
const AS_OF = '2020-12-31';

describe('XX-2020-2-1-zero-employment 零就业家庭送岗位上门 (二(一))', () => {
  const evaluate = ruleOn('XX-2020-2-1-zero-employment', AS_OF);
  it('a zero-employment household: jobs brought to the door', () => {
    expect(evaluate({ household: { zeroEmployment: true } })).toMatchObject(due('service'));
  });
  it('not owed: someone in the household works', () => {
    expect(evaluate({ household: { zeroEmployment: false } })).toMatchObject(notOwed);
  });
});

describe('XX-2020-2-3-welfare-post 半劳力弱劳力优先安排公益性岗位 (二(三))', () => {
  const evaluate = ruleOn('XX-2020-2-3-welfare-post', AS_OF);
  const inside: Overrides = { person: { labourForce: true, labourCapacity: 'weak', employed: false, channel: '', place: '' } };
  it('an unemployed weak labourer: a welfare post first', () => {
    expect(evaluate(inside)).toMatchObject(due('service'));
  });
  it.each<Change>([
    ['an ordinary labourer', { person: { labourCapacity: 'ordinary' } }],
    ['employed', { person: { employed: true } }],
    ['not labour force', { person: { labourForce: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('XX-2020-2-4-startup-subsidy 一次性创业补贴 (二(四): 小微企业、农民专业合作社或从事个体经营,连续正常经营6个月以上并带动就业)', () => {
  const evaluate = ruleOn('XX-2020-2-4-startup-subsidy', AS_OF);
  const inside: Overrides = { employer: { foundedByRelocated: true, kind: 'enterprise', monthsOperating: 6, positions: 1, relocatedWorkers: 0 } };
  it.each(['enterprise', 'cooperative', 'individual'] as const)('a %s of relocated people, 6 months operating, employing one: amount 由地方确定', (kind) => {
    expect(evaluate(inside, { employer: { kind } })).toMatchObject(setLocally());
  });
  it('employing relocated workers counts as 带动就业 without recorded positions', () => {
    expect(evaluate(inside, { employer: { positions: 0, relocatedWorkers: 1 } })).toMatchObject(setLocally());
  });
  it.each<Change>([
    ['5 months operating', { employer: { monthsOperating: 5 } }],
    ['employing nobody', { employer: { positions: 0, relocatedWorkers: 0 } }],
    ['a workshop', { employer: { kind: 'workshop' } }],
    ['another kind of body', { employer: { kind: 'other' } }],
    ['not founded by relocated people', { employer: { foundedByRelocated: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('XX-2020-2-4-startup-loan 创业担保贷款 (二(四): 自筹资金不足…最高不超过20万元)', () => {
  const evaluate = ruleOn('XX-2020-2-4-startup-loan', AS_OF);
  const inside: Overrides = { person: { startingBusiness: true, lacksFunds: true } };
  it('starting a business without enough own funds: a loan of up to 200,000 元', () => {
    expect(evaluate(inside)).toMatchObject(upTo('loan', 200_000));
  });
  it.each<Change>([
    ['enough own funds', { person: { lacksFunds: false } }],
    ['not starting a business', { person: { startingBusiness: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('XX-2020-2-4-job-post-subsidy 一次性岗位补贴 (二(四): 1年以上劳动合同并足额缴纳社会保险、稳定就业半年以上…1000元/人)', () => {
  const evaluate = ruleOn('XX-2020-2-4-job-post-subsidy', AS_OF);
  const inside: Overrides = {
    employer: { inSite: true, foundedByRelocated: true },
    hire: { contractMonths: 12, monthsEmployed: 6, insuredMonths: 6 },
  };
  it('a site business of relocated people, 12-month contract, 6 months employed and insured: 1,000 元 to the employer', () => {
    expect(evaluate(inside)).toMatchObject(cash(1000, 'employer'));
  });
  it.each<Change>([
    ['an 11-month contract', { hire: { contractMonths: 11 } }],
    ['employed 5 months', { hire: { monthsEmployed: 5, insuredMonths: 5 } }],
    ['insured 5 of 6 months (not 足额)', { hire: { insuredMonths: 5 } }],
    ['the business is not in a site', { employer: { inSite: false } }],
    ['the business was not founded by relocated people', { employer: { foundedByRelocated: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('XX-2020-3-3-urban-safety-net 农村低保特困转为城市低保特困 (三(三))', () => {
  const evaluate = ruleOn('XX-2020-3-3-urban-safety-net', AS_OF);
  it.each(['dibao_rural', 'tekun_rural'] as const)('a rural recipient (%s) in an urban site: converted to the urban standard', (safetyNet) => {
    expect(evaluate({ person: { safetyNet }, household: { urbanSite: true } })).toMatchObject(due('service'));
  });
  it.each<Change>([
    ['a rural site', { person: { safetyNet: 'dibao_rural' }, household: { urbanSite: false } }],
    ['already on the urban 低保', { person: { safetyNet: 'dibao_urban' }, household: { urbanSite: true } }],
    ['already on the urban 特困', { person: { safetyNet: 'tekun_urban' }, household: { urbanSite: true } }],
    ['on no safety net', { person: { safetyNet: 'none' }, household: { urbanSite: true } }],
  ])('not owed: %s', (_, change) => expect(evaluate(change)).toMatchObject(notOwed));
});

describe('XX-2020-3-5-temporary-assistance 临时救助 (三(五))', () => {
  const evaluate = ruleOn('XX-2020-3-5-temporary-assistance', AS_OF);
  it('a household in sudden serious hardship: temporary assistance', () => {
    expect(evaluate({ household: { monitoringCategory: 'sudden_hardship' } })).toMatchObject(due('service'));
  });
  it.each(['none', 'unstable', 'marginal'] as const)('not owed: monitoring category %s', (monitoringCategory) => {
    expect(evaluate({ household: { monitoringCategory } })).toMatchObject(notOwed);
  });
});

describe('XX-2020-4-3-student-aid 搬迁贫困家庭学生资助 (四(三): 应助尽助)', () => {
  const evaluate = ruleOn('XX-2020-4-3-student-aid', AS_OF);
  it.each(['preschool', 'primary', 'junior', 'senior', 'vocational', 'college', 'university'] as const)(
    'a registered-poor pupil or student (%s): aid',
    (schoolStage) => {
      expect(evaluate({ person: { schoolStage }, household: { registeredPoor: true } })).toMatchObject(due('service'));
    },
  );
  it.each<Change>([
    ['not at school', { person: { schoolStage: 'none' }, household: { registeredPoor: true } }],
    ['not registered poor', { person: { schoolStage: 'junior' }, household: { registeredPoor: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(change)).toMatchObject(notOwed));
});

describe('XX-2020-5-4-health-poverty 健康扶贫政策 (五(四): 脱贫攻坚期间)', () => {
  const evaluate = ruleOn('XX-2020-5-4-health-poverty', AS_OF);
  const inside: Overrides = { household: { registeredPoor: true } };
  it('a registered-poor person on 2020-12-31: treatment first, payment later', () => {
    expect(evaluate(inside)).toMatchObject(due('service'));
  });
  it('not owed: not registered poor', () => {
    expect(evaluate({ household: { registeredPoor: false } })).toMatchObject(notOwed);
  });
  it('ends with 2020: no version in force on 2021-01-01', () => {
    expect(evaluateOn('XX-2020-5-4-health-poverty', '2021-01-01', inside)).toBeUndefined();
  });
});

describe('XX-2020-10-1-leader-visit 联系点领导每个月调研走访 (十(一))', () => {
  const evaluate = ruleOn('XX-2020-10-1-leader-visit', AS_OF);
  it('a site with 1 resident: a monthly visit', () => {
    expect(evaluate({ site: { population: 1 } })).toMatchObject(due('obligation'));
  });
  it('not owed: a site nobody lives in yet', () => {
    expect(evaluate({ site: { population: 0 } })).toMatchObject(notOwed);
  });
});

describe('XX-2020 as a whole', () => {
  const periods: [string, string | null][] = [
    ['XX-2020-10-1-leader-visit', null],
    ['XX-2020-2-1-zero-employment', null],
    ['XX-2020-2-3-welfare-post', null],
    ['XX-2020-2-4-job-post-subsidy', null],
    ['XX-2020-2-4-startup-loan', null],
    ['XX-2020-2-4-startup-subsidy', null],
    ['XX-2020-3-3-urban-safety-net', null],
    ['XX-2020-3-5-temporary-assistance', null],
    ['XX-2020-4-3-student-aid', null],
    ['XX-2020-5-4-health-poverty', '2020-12-31'],
  ];
  it('lists every rule of the pack', () => {
    expect(periods.map(([id]) => id)).toEqual(ruleIds('XX-2020'));
  });
  it.each(periods)('%s is in force from 2020-09-30 (州政发〔2020〕21号) to %s', (id, last) => {
    expect(inForceAround(id, '2020-09-30', last)).toEqual({ dayBefore: false, first: true, last: true, dayAfter: last === null ? null : false });
  });
  it('applies in Xiangxi (4331…) only', () => {
    expect(rulesApplyingIn('XX-2020', AS_OF, '433127')).toBe(10);
    expect(rulesApplyingIn('XX-2020', AS_OF, '430102')).toBe(0);
  });
  it('owes the neutral subjects nothing; their site gets its monthly visit', () => {
    expect(eligibleWhenNeutral('XX-2020', AS_OF)).toEqual(['XX-2020-10-1-leader-visit']);
  });
});
