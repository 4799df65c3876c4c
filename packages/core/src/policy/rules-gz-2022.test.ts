/**
 * GZ-2022 贵州省促进易地扶贫搬迁群众增收三年工作方案(2022-2024年), rule by rule: for each
 * condition a subject just inside (owed what the clause says) and one just outside.
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
  upTo,
  type Change,
  type Overrides,
} from './rule-test-kit.js';

/** Inside every version, 吸纳返乡就业一次性补贴 (to 2023-06-30) included. */
const AS_OF = '2023-03-31';

describe('GZ-2022-4-training 企业职业技能培训补贴 (4.: 新型学徒制、新业态新职业、在岗技能提升、高技能人才…每名搬迁劳动力500元至8000元)', () => {
  const evaluate = ruleOn('GZ-2022-4-training', AS_OF);
  it.each(['new_apprenticeship', 'new_occupation', 'on_job', 'high_skill'] as const)('training %s: up to 8,000 元 to the employer', (kind) => {
    expect(evaluate({ hire: { trainingKind: kind } })).toMatchObject(upTo('cash', 8000, 'employer'));
  });
  it.each<Change>([
    ['no training', { hire: { trainingKind: '' } }],
    ['以工代训 (GZ-2020 3., not one of the four kinds)', { hire: { trainingKind: 'apprenticeship' } }],
  ])('not owed: %s', (_, change) => expect(evaluate(change)).toMatchObject(notOwed));
});

describe('GZ-2022-5-return-hire 吸纳返乡就业一次性补贴 (5.: 今年以来新吸纳…稳定就业半年以上…每人500元…到2023年6月30日)', () => {
  const evaluate = ruleOn('GZ-2022-5-return-hire', AS_OF);
  const inside: Overrides = { hire: { returneeHire: true, startDate: '2022-01-01', monthsEmployed: 6 } };
  it('a returnee hired on 2022-01-01 and employed 6 months: 500 元 to the employer', () => {
    expect(evaluate(inside)).toMatchObject(cash(500, 'employer'));
  });
  it.each<Change>([
    ['employed 5 months', { hire: { monthsEmployed: 5 } }],
    ['hired on 2021-12-31, before “今年以来”', { hire: { startDate: '2021-12-31' } }],
    ['not a returnee when hired', { hire: { returneeHire: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
  it('is paid on 2023-06-30 and not at all from 2023-07-01', () => {
    expect(evaluateOn('GZ-2022-5-return-hire', '2023-06-30', inside)).toMatchObject(cash(500, 'employer'));
    expect(evaluateOn('GZ-2022-5-return-hire', '2023-07-01', inside)).toBeUndefined();
  });
});

describe('GZ-2022-5-graduate-2023 求职创业补贴 (5.: 2023届就业困难高校毕业生…1500元/人)', () => {
  const evaluate = ruleOn('GZ-2022-5-graduate-2023', AS_OF);
  const inside: Overrides = { person: { graduationYear: 2023, inDifficulty: true } };
  it('a graduate of 2023 in difficulty: 1,500 元', () => {
    expect(evaluate(inside)).toMatchObject(cash(1500));
  });
  it.each<Change>([
    ['class of 2022', { person: { graduationYear: 2022 } }],
    ['class of 2024', { person: { graduationYear: 2024 } }],
    ['not in difficulty', { person: { inDifficulty: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('GZ-2022-5-zero-employment 零就业家庭动态清零 (5.)', () => {
  const evaluate = ruleOn('GZ-2022-5-zero-employment', AS_OF);
  it('a zero-employment household: employment help', () => {
    expect(evaluate({ household: { zeroEmployment: true } })).toMatchObject(due('service'));
  });
  it('not owed: a household with someone employed', () => {
    expect(evaluate({ household: { zeroEmployment: false } })).toMatchObject(notOwed);
  });
});

describe('GZ-2022-5-returnee-service 返乡搬迁劳动力就业帮扶 (5.)', () => {
  const evaluate = ruleOn('GZ-2022-5-returnee-service', AS_OF);
  it('a returnee: job matching and training', () => {
    expect(evaluate({ person: { returnee: true } })).toMatchObject(due('service'));
  });
  it('not owed: not a returnee', () => {
    expect(evaluate({ person: { returnee: false } })).toMatchObject(notOwed);
  });
});

describe('GZ-2022-6-tracking-service 一次性跟踪服务补贴 (6.: 1年以上劳动合同并…社会保险费满3个月及以上…每人500元)', () => {
  const evaluate = ruleOn('GZ-2022-6-tracking-service', AS_OF);
  const inside: Overrides = { hire: { placedByAgency: true, contractMonths: 12, insuredMonths: 3 } };
  it('placed by an agency, 12-month contract, insured 3 months: 500 元 to the agency', () => {
    expect(evaluate(inside)).toMatchObject(cash(500, 'agency'));
  });
  it.each<Change>([
    ['an 11-month contract', { hire: { contractMonths: 11 } }],
    ['insured 2 months', { hire: { insuredMonths: 2 } }],
    ['found the job without an agency', { hire: { placedByAgency: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

/** 新跨省务工且稳定就业3个月及以上: both transport rules. */
const crossProvince3Months: Overrides = {
  person: { place: 'outside_province', firstCrossProvinceJob: true, consecutiveMonthsOutsideProvince: 3 },
};
const crossProvinceEdges: Change[] = [
  ['2 months in another province', { person: { consecutiveMonthsOutsideProvince: 2 } }],
  ['working in the province', { person: { place: 'in_province' } }],
  ['not the first cross-province job', { person: { firstCrossProvinceJob: false } }],
];

describe('GZ-2022-6-transport-poor 脱贫人口跨省务工一次性交通补助 (6.: 脱贫人口(含监测帮扶对象)…最高不超过500元)', () => {
  const evaluate = ruleOn('GZ-2022-6-transport-poor', AS_OF);
  it('3 months in another province, first such job, registered-poor household: up to 500 元', () => {
    expect(evaluate(crossProvince3Months, { household: { registeredPoor: true } })).toMatchObject(upTo('cash', 500));
  });
  it.each(['unstable', 'marginal', 'sudden_hardship'] as const)('a monitoring object (%s), not registered poor: up to 500 元', (category) => {
    expect(evaluate(crossProvince3Months, { household: { monitoringCategory: category } })).toMatchObject(upTo('cash', 500));
  });
  it.each<Change>([
    ...crossProvinceEdges,
    ['neither registered poor nor monitored (the 100 元 rule instead)', { household: { registeredPoor: false, monitoringCategory: 'none' } }],
    ['not registered poor, monitoring category not recorded', { household: { registeredPoor: false, monitoringCategory: undefined } }],
  ])('not owed: %s', (_, change) => {
    expect(evaluate(crossProvince3Months, { household: { registeredPoor: true } }, change)).toMatchObject(notOwed);
  });
});

describe('GZ-2022-6-transport-other 其他农村劳动力跨省务工一次性交通补贴 (6.: 稳定就业3个月及以上的,按照每人100元)', () => {
  const evaluate = ruleOn('GZ-2022-6-transport-other', AS_OF);
  it('3 months in another province, first such job, neither registered poor nor monitored: 100 元', () => {
    expect(evaluate(crossProvince3Months)).toMatchObject(cash(100));
  });
  it('monitoring category not recorded: not shown to be a monitoring object, 100 元', () => {
    expect(evaluate(crossProvince3Months, { household: { monitoringCategory: undefined } })).toMatchObject(cash(100));
  });
  it.each<Change>([
    ...crossProvinceEdges,
    ['a registered-poor household (the 500 元 rule instead)', { household: { registeredPoor: true } }],
    ['a monitoring object (the 500 元 rule instead)', { household: { monitoringCategory: 'marginal' } }],
  ])('not owed: %s', (_, change) => expect(evaluate(crossProvince3Months, change)).toMatchObject(notOwed));
});

describe('GZ-2022-8-small-firm-loan 小微企业创业担保贷款 (8.: 搬迁群众创办…小微企业…不超过300万元)', () => {
  const evaluate = ruleOn('GZ-2022-8-small-firm-loan', AS_OF);
  const inside: Overrides = { employer: { foundedByRelocated: true, kind: 'enterprise' } };
  it('a firm founded by relocated people: a loan of up to 3,000,000 元', () => {
    expect(evaluate(inside)).toMatchObject(upTo('loan', 3_000_000));
  });
  it.each<Change>([
    ['not founded by relocated people', { employer: { foundedByRelocated: false } }],
    ['a workshop, not a firm', { employer: { kind: 'workshop' } }],
    ['a cooperative', { employer: { kind: 'cooperative' } }],
    ['an individual business', { employer: { kind: 'individual' } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('GZ-2022-9-welfare-post 就业困难家庭劳动力优先安置公益性岗位 (9.)', () => {
  const evaluate = ruleOn('GZ-2022-9-welfare-post', AS_OF);
  const inside: Overrides = { person: { labourForce: true, employed: false, channel: '', place: '' }, household: { zeroEmployment: true } };
  it('an unemployed labourer of a zero-employment household: a welfare post first', () => {
    expect(evaluate(inside)).toMatchObject(due('service'));
  });
  it.each<Change>([
    ['not labour force', { person: { labourForce: false } }],
    ['employed', { person: { employed: true } }],
    ['the household is not zero-employment', { household: { zeroEmployment: false } }],
  ])('not owed: %s', (_, change) => expect(evaluate(inside, change)).toMatchObject(notOwed));
});

describe('site duties by size (21.: 3000人以上; 三(一): 1万人以上 / 1万人以下)', () => {
  it.each<[string, number, boolean]>([
    ['GZ-2022-21-large-site-funding', 3000, true],
    ['GZ-2022-21-large-site-funding', 2999, false],
    ['GZ-2022-3-1-leader-main', 10000, true],
    ['GZ-2022-3-1-leader-main', 9999, false],
    ['GZ-2022-3-1-leader-deputy', 9999, true],
    ['GZ-2022-3-1-leader-deputy', 10000, false],
  ])('%s for a site of %i people: %s', (id, population, owed) => {
    expect(ruleOn(id, AS_OF)({ site: { population } })).toMatchObject(owed ? due('obligation') : notOwed);
  });
});

describe('GZ-2022 as a whole', () => {
  const periods: [string, string, string][] = [
    ['GZ-2022-21-large-site-funding', '2022-07-20', '2024-12-31'],
    ['GZ-2022-3-1-leader-deputy', '2022-07-20', '2024-12-31'],
    ['GZ-2022-3-1-leader-main', '2022-07-20', '2024-12-31'],
    ['GZ-2022-4-training', '2022-07-20', '2024-12-31'],
    ['GZ-2022-5-graduate-2023', '2022-07-20', '2024-12-31'],
    ['GZ-2022-5-return-hire', '2022-07-20', '2023-06-30'],
    ['GZ-2022-5-returnee-service', '2022-07-20', '2024-12-31'],
    ['GZ-2022-5-zero-employment', '2022-07-20', '2024-12-31'],
    ['GZ-2022-6-tracking-service', '2022-07-20', '2024-12-31'],
    ['GZ-2022-6-transport-other', '2022-07-20', '2024-12-31'],
    ['GZ-2022-6-transport-poor', '2022-07-20', '2024-12-31'],
    ['GZ-2022-8-small-firm-loan', '2022-07-20', '2024-12-31'],
    ['GZ-2022-9-welfare-post', '2022-07-20', '2024-12-31'],
  ];
  it('lists every rule of the pack', () => {
    expect(periods.map(([id]) => id)).toEqual(ruleIds('GZ-2022'));
  });
  it.each(periods)('%s is in force from %s (the plan’s issue) to %s, not a day more', (id, first, last) => {
    expect(inForceAround(id, first, last)).toEqual({ dayBefore: false, first: true, last: true, dayAfter: false });
  });
  it('applies in Guizhou (52…) only', () => {
    expect(rulesApplyingIn('GZ-2022', AS_OF, '522601')).toBe(13);
    expect(rulesApplyingIn('GZ-2022', AS_OF, '140802')).toBe(0);
  });
  it('owes the neutral subjects nothing; their 500-person site gets a deputy county leader', () => {
    expect(eligibleWhenNeutral('GZ-2022', AS_OF)).toEqual(['GZ-2022-3-1-leader-deputy']);
  });
});
