/**
 * SX-2021 山西省 关于做好易地扶贫搬迁后续扶持工作巩固拓展脱贫攻坚成果的实施意见, rule by rule:
 * for each condition a subject just inside (owed what the clause says; 由地方确定 where it
 * gives no figure) and one just outside.
 */
import { describe, expect, it } from 'vitest';
import {
  due,
  eligibleWhenNeutral,
  inForceAround,
  monthly,
  notOwed,
  ruleIds,
  ruleOn,
  rulesApplyingIn,
  setLocally,
  upTo,
  type Change,
  type Overrides,
} from './rule-test-kit.js';

const AS_OF = '2023-06-30';

describe('SX-2021-2-safety-net 无劳动能力监测对象兜底保障 (二)', () => {
  const evaluate = ruleOn('SX-2021-2-safety-net', AS_OF);
  const inside: Overrides = { household: { monitoringCategory: 'unstable', labourForceMembers: 0, weakLabourMembers: 0, employedMembers: 0, stablyEmployedMembers: 0 } };
  it.each(['unstable', 'marginal', 'sudden_hardship'] as const)('a monitored household (%s) without labour force or stable income: 低保/特困', (category) => {
    expect(evaluate(inside, { household: { monitoringCategory: category } })).toMatchObject(due('service'));
  });
  it('部分丧失劳动能力: a household whose labour is only weak or partial, nobody stably employed', () => {
    expect(evaluate(inside, { household: { labourForceMembers: 2, weakLabourMembers: 2, employedMembers: 1 } })).toMatchObject(due('service'));
  });
  it.each<Change>([
    ['not a monitoring object', { household: { monitoringCategory: 'none' } }],
    ['monitoring category not recorded', { household: { monitoringCategory: undefined } }],
    ['one member of the labour force', { household: { labourForceMembers: 1 } }],
    ['one of two in the labour force able to work fully', { household: { labourForceMembers: 2, weakLabourMembers: 1 } }],
    ['one member stably employed', { household: { stablyEmployedMembers: 1 } }],
    ['only weak labour, but one of them stably employed', { household: { labourForceMembers: 1, weakLabourMembers: 1, employedMembers: 1, stablyEmployedMembers: 1 } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('SX-2021-4-job-retention 外出务工稳岗补助 (四): 每人每月200元…给予6个月', () => {
  const evaluate = ruleOn('SX-2021-4-job-retention', AS_OF);
  const inside: Overrides = { person: { employed: true, channel: 'out_migration' } };
  it('an out-migrant worker: 200 元 a month for 6 months, 1,200 元 in all', () => {
    expect(evaluate(inside)).toMatchObject(monthly(200, 6, 1200));
  });
  it('counts out-migrants working in the province too', () => {
    expect(evaluate(inside, { person: { place: 'in_province' } })).toMatchObject(monthly(200, 6, 1200));
  });
  it.each<Change>([
    ['employed locally', { person: { channel: 'local' } }],
    ['not employed this month', { person: { employed: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('SX-2021-4-transport 跨省务工交通补贴 (四): no figure', () => {
  const evaluate = ruleOn('SX-2021-4-transport', AS_OF);
  const inside: Overrides = { person: { place: 'outside_province', firstCrossProvinceJob: true } };
  it('a first job in another province: amount 由地方确定', () => {
    expect(evaluate(inside)).toMatchObject(setLocally());
  });
  it.each<Change>([
    ['working in the province', { person: { place: 'in_province' } }],
    ['not the first cross-province job', { person: { firstCrossProvinceJob: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('SX-2021-4-job-referral 职业介绍补贴 (四): no figure', () => {
  const evaluate = ruleOn('SX-2021-4-job-referral', AS_OF);
  it('a hire through an agency: amount 由地方确定, to the agency', () => {
    expect(evaluate({ hire: { placedByAgency: true } })).toMatchObject(setLocally('cash', 'agency'));
  });
  it('not owed: found without an agency', () => {
    expect(evaluate({ hire: { placedByAgency: false } })).toMatchObject(notOwed);
  });
});

describe('SX-2021-5-hire-subsidy 一次性吸纳就业补助 (五): 当地企业、帮扶车间…吸纳就业,按规定给予', () => {
  const evaluate = ruleOn('SX-2021-5-hire-subsidy', AS_OF);
  it('a worker hired in the home county: amount 由地方确定, to the employer', () => {
    expect(evaluate({ person: { place: 'in_county' } })).toMatchObject(setLocally('cash', 'employer'));
  });
  it.each<Change>([
    ['working elsewhere in the province', { person: { place: 'in_province' } }],
    ['working in another province', { person: { place: 'outside_province' } }],
  ])('not owed: %s', (_, change) => expect(evaluate(change)).toMatchObject(notOwed));
});

describe('SX-2021-5-social-insurance 社会保险补贴 (五): 签订劳动合同并参加城镇职工社会保险', () => {
  const evaluate = ruleOn('SX-2021-5-social-insurance', AS_OF);
  const inside: Overrides = { hire: { contractMonths: 1, insuredMonths: 1 } };
  it('a labour contract and one month insured: amount 由地方确定, to the employer', () => {
    expect(evaluate(inside)).toMatchObject(setLocally('cash', 'employer'));
  });
  it.each<Change>([
    ['no labour contract', { hire: { contractMonths: 0 } }],
    ['not insured', { hire: { insuredMonths: 0 } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('SX-2021-6-welfare-post 弱劳动力半劳动力公益岗位就业援助 (六)', () => {
  const evaluate = ruleOn('SX-2021-6-welfare-post', AS_OF);
  const inside: Overrides = { person: { labourForce: true, labourCapacity: 'weak', employed: false, channel: '', place: '' } };
  it('an unemployed weak labourer: a welfare post', () => {
    expect(evaluate(inside)).toMatchObject(due('service'));
  });
  it.each<Change>([
    ['an ordinary labourer', { person: { labourCapacity: 'ordinary' } }],
    ['employed', { person: { employed: true } }],
    ['not labour force', { person: { labourForce: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('SX-2021 (八): 创业担保贷款 个人贷款额度提高到30万元, 返乡入乡创业人员贴息, 场地租金优惠', () => {
  const starting: Overrides = { person: { startingBusiness: true } };
  it('a person starting a business: a loan of up to 300,000 元', () => {
    expect(ruleOn('SX-2021-8-startup-loan', AS_OF)(starting)).toMatchObject(upTo('loan', 300_000));
  });
  it('a person starting a business: rent and running-cost relief', () => {
    expect(ruleOn('SX-2021-8-premises', AS_OF)(starting)).toMatchObject(due('service'));
  });
  it('a returnee starting a business: interest subsidy 由地方确定', () => {
    expect(ruleOn('SX-2021-8-loan-interest', AS_OF)(starting, { person: { returnee: true } })).toMatchObject(setLocally());
  });
  it.each(['SX-2021-8-startup-loan', 'SX-2021-8-premises', 'SX-2021-8-loan-interest'])('not owed by %s: not starting a business', (id) => {
    expect(ruleOn(id, AS_OF)({ person: { startingBusiness: false, returnee: true } })).toMatchObject(notOwed);
  });
  it('no interest subsidy for one who has not returned', () => {
    expect(ruleOn('SX-2021-8-loan-interest', AS_OF)(starting, { person: { returnee: false } })).toMatchObject(notOwed);
  });
});

describe('SX-2021-9-training 搬迁脱贫劳动力至少参加一项技能培训 (九)', () => {
  const evaluate = ruleOn('SX-2021-9-training', AS_OF);
  const inside: Overrides = { person: { labourForce: true, trainingsCompleted: 0 }, household: { registeredPoor: true } };
  it('a registered-poor labourer with no training yet: training', () => {
    expect(evaluate(inside)).toMatchObject(due('service'));
  });
  it.each<Change>([
    ['one training completed', { person: { trainingsCompleted: 1 } }],
    ['not registered poor', { household: { registeredPoor: false } }],
    ['not labour force', { person: { labourForce: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('SX-2021-13-local-insurance 进城入镇后自愿参加安置地医保和养老保险 (十三)', () => {
  const evaluate = ruleOn('SX-2021-13-local-insurance', AS_OF);
  it('a person of an urban site: may join there', () => {
    expect(evaluate({ household: { urbanSite: true } })).toMatchObject(due('service'));
  });
  it('not owed: a rural site', () => {
    expect(evaluate({ household: { urbanSite: false } })).toMatchObject(notOwed);
  });
});

describe('site duties by size ((五): 800人以上 / 800人以下; (十九): 建档立卡搬迁人口100人以上 / 100人以下, 一般不少于800人)', () => {
  it.each<[string, 'population' | 'registeredPoorPeople', number, boolean]>([
    ['SX-2021-5-industrial-park', 'population', 800, true],
    ['SX-2021-5-industrial-park', 'population', 799, false],
    ['SX-2021-5-workshop', 'population', 799, true],
    ['SX-2021-5-workshop', 'population', 800, false],
    ['SX-2021-19-village-size', 'population', 799, true],
    ['SX-2021-19-village-size', 'population', 800, false],
    ['SX-2021-19-first-secretary', 'registeredPoorPeople', 100, true],
    ['SX-2021-19-first-secretary', 'registeredPoorPeople', 99, false],
    ['SX-2021-19-county-arranged', 'registeredPoorPeople', 99, true],
    ['SX-2021-19-county-arranged', 'registeredPoorPeople', 100, false],
  ])('%s for a site of %s %i: %s', (id, fact, value, owed) => {
    expect(ruleOn(id, AS_OF)({ site: { [fact]: value } })).toMatchObject(owed ? due('obligation') : notOwed);
  });
});

describe('SX-2021 as a whole', () => {
  const ids = [
    'SX-2021-13-local-insurance',
    'SX-2021-19-county-arranged',
    'SX-2021-19-first-secretary',
    'SX-2021-19-village-size',
    'SX-2021-2-safety-net',
    'SX-2021-4-job-referral',
    'SX-2021-4-job-retention',
    'SX-2021-4-transport',
    'SX-2021-5-hire-subsidy',
    'SX-2021-5-industrial-park',
    'SX-2021-5-social-insurance',
    'SX-2021-5-workshop',
    'SX-2021-6-welfare-post',
    'SX-2021-8-loan-interest',
    'SX-2021-8-premises',
    'SX-2021-8-startup-loan',
    'SX-2021-9-training',
  ];
  it('lists every rule of the pack', () => {
    expect(ids).toEqual(ruleIds('SX-2021'));
  });
  it.each(ids)('%s is in force from 2021-07-01 (晋乡振发〔2021〕15号) with no end', (id) => {
    expect(inForceAround(id, '2021-07-01', null)).toEqual({ dayBefore: false, first: true, last: true, dayAfter: null });
  });
  it('applies in Shanxi (14…), Yuncheng included, only', () => {
    expect(rulesApplyingIn('SX-2021', AS_OF, '140802')).toBe(17);
    expect(rulesApplyingIn('SX-2021', AS_OF, '522601')).toBe(0);
  });
  it('owes the neutral subjects nothing; their 500-person site (50 registered poor) has the small-site duties', () => {
    expect(eligibleWhenNeutral('SX-2021', AS_OF)).toEqual(['SX-2021-19-county-arranged', 'SX-2021-19-village-size', 'SX-2021-5-workshop']);
  });
});
