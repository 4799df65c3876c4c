/**
 * The policy engine on small hand-made packs: what check-pack refuses (and that it says which
 * rule and why), dated versions, and what an evaluation reports — trace, amounts, dates,
 * jurisdictions — plus the case-file fact check.
 */
import { describe, expect, it } from 'vitest';
import { caseSchema, checkCaseFacts, evaluateCase } from './case.js';
import { checkPack, checkPackText } from './check-pack.js';
import { applies, compileRules, evaluateRule, type Facts, type TraceNode } from './evaluate.js';
import type { PolicyPack } from './pack-schema.js';
import { appendVersion, inForceOn, overlap } from './versions.js';

type RuleInput = { id?: string; subject?: string; jurisdiction?: string; versions?: unknown[]; condition?: string; benefit?: object };

/** A one-rule pack; the rule's single version is built from `condition` and `benefit`. */
function packWith(rule: RuleInput = {}, parameters: unknown[] = []) {
  const { condition = 'person.age >= 18', benefit = { kind: 'service', note: '服务' }, ...rest } = rule;
  return {
    code: 'TT-2024',
    title: '测试文件',
    document: '测试〔2024〕1号',
    issued: '2024-01-01',
    jurisdiction: '52',
    parameters,
    rules: [
      {
        id: 'TT-2024-1-rule',
        title: '测试规则',
        clause: { ref: '1.', text: '条款原文' },
        subject: 'person',
        versions: [{ from: '2024-01-01', condition, benefit }],
        ...rest,
      },
    ],
  };
}

const param = (name: string, value: number | null, type = 'int', from = '2024-01-01') => ({ name, title: name, type, versions: [{ from, value }] });

function accepted(raw: unknown): PolicyPack {
  const result = checkPack(raw);
  expect(result.issues).toEqual([]);
  return result.pack!;
}

describe('checkPack refuses, naming the rule and the reason', () => {
  const refused = (raw: unknown) => {
    const result = checkPack(raw);
    expect(result.pack).toBeUndefined();
    return result.issues;
  };

  it('accepts a well-formed pack, a null parameter in an amount included', () => {
    accepted(packWith({ benefit: { kind: 'cash', amount: 'params.amount' } }, [param('amount', null)]));
  });

  it('a CEL syntax error', () => {
    expect(refused(packWith({ condition: 'person.age >= ' }))).toEqual([
      { where: 'TT-2024-1-rule', field: 'versions[0].condition', reason: expect.stringMatching(/^表达式错误/) },
    ]);
  });

  it('an unknown fact', () => {
    expect(refused(packWith({ condition: 'person.shoeSize > 40' }))).toEqual([
      { where: 'TT-2024-1-rule', field: 'versions[0].condition', reason: expect.stringContaining('shoeSize') },
    ]);
  });

  it('a fact of a subject the rule cannot see', () => {
    expect(refused(packWith({ subject: 'household', condition: 'person.age > 40' }))[0]).toMatchObject({
      where: 'TT-2024-1-rule',
      reason: expect.stringContaining('person'),
    });
  });

  it('a type mismatch (int compared with string)', () => {
    expect(refused(packWith({ condition: 'person.age == "30"' }))[0]).toMatchObject({
      where: 'TT-2024-1-rule',
      reason: expect.stringMatching(/表达式错误.*int.*string/),
    });
  });

  it('a condition that is not a bool', () => {
    expect(refused(packWith({ condition: 'person.age + 1' }))[0]).toMatchObject({
      where: 'TT-2024-1-rule',
      field: 'versions[0].condition',
      reason: '表达式类型为 int，应为 bool',
    });
  });

  it('an amount that is not a number', () => {
    expect(refused(packWith({ benefit: { kind: 'cash', amount: 'person.channel' } }))[0]).toMatchObject({
      field: 'versions[0].benefit.amount',
      reason: expect.stringContaining('应为 int 或 double'),
    });
  });

  it('overlapping versions', () => {
    const versions = [
      { from: '2024-01-01', condition: 'true', benefit: { kind: 'service' } },
      { from: '2024-06-01', condition: 'false', benefit: { kind: 'service' } },
    ];
    expect(refused(packWith({ versions }))).toEqual([
      { where: 'TT-2024-1-rule', field: 'versions', reason: '版本有效期重叠：2024-01-01 起与 2024-06-01 起' },
    ]);
  });

  it('a version that ends before it starts, and a fractional value of an int parameter', () => {
    const versions = [{ from: '2024-06-01', to: '2024-01-31', condition: 'true', benefit: { kind: 'service' } }];
    expect(refused(packWith({ versions }, [param('minAge', 2.5)]))).toEqual([
      { where: '参数 minAge', field: 'versions[0].value', reason: '整数参数的值须为整数，实际为 2.5' },
      { where: 'TT-2024-1-rule', field: 'versions[0].to', reason: '失效日期 2024-01-31 早于生效日期 2024-06-01' },
    ]);
  });

  it('a parameter without a value in a condition', () => {
    expect(refused(packWith({ condition: 'person.age >= params.minAge' }, [param('minAge', null)]))).toEqual([
      { where: 'TT-2024-1-rule', field: 'versions[0].condition', reason: expect.stringContaining('参数 minAge 有未设定的版本') },
    ]);
  });

  it('a construct that cannot be compiled to SQL (a function call)', () => {
    expect(refused(packWith({ condition: 'size(person.channel) > 0' }))).toEqual([
      { where: 'TT-2024-1-rule', field: 'versions[0].condition', reason: '函数 size 不支持转为SQL' },
    ]);
  });

  it('a cash benefit without an amount or cap, and a duplicate rule id', () => {
    const raw = packWith({ benefit: { kind: 'cash' } });
    raw.rules.push({ ...raw.rules[0]!, versions: [{ from: '2024-01-01', condition: 'true', benefit: { kind: 'service', note: '' } }] });
    const issues = refused(raw);
    expect(issues).toContainEqual({ where: 'TT-2024-1-rule', field: 'id', reason: '规则编号重复' });
    expect(issues).toContainEqual({ where: 'TT-2024-1-rule', field: 'versions[0].benefit', reason: expect.stringContaining('金额') });
  });

  it('a malformed rule id, by the shape check, with the rule named', () => {
    expect(refused(packWith({ id: 'tt-rule' }))[0]).toMatchObject({ where: 'tt-rule', field: 'id' });
  });

  it('text that is not YAML', () => {
    expect(checkPackText('code: [unclosed').issues[0]).toMatchObject({ where: '政策包', reason: expect.stringContaining('YAML') });
  });
});

describe('versions', () => {
  const v = [
    { from: '2024-01-01', to: '2024-06-30', n: 1 },
    { from: '2024-07-01', n: 2 },
  ];

  it('inForceOn takes the version whose dates include the day, both ends inclusive', () => {
    expect(inForceOn(v, '2023-12-31')).toBeUndefined();
    expect(inForceOn(v, '2024-01-01')?.n).toBe(1);
    expect(inForceOn(v, '2024-06-30')?.n).toBe(1);
    expect(inForceOn(v, '2024-07-01')?.n).toBe(2);
    expect(inForceOn(v, '2030-01-01')?.n).toBe(2);
  });

  it('overlap finds versions sharing a day, open-ended ones included', () => {
    expect(overlap(v)).toBeUndefined();
    expect(overlap([{ from: '2024-01-01', to: '2024-07-01' }, { from: '2024-07-01' }])).toBeDefined();
    expect(overlap([{ from: '2024-07-01' }, { from: '2024-01-01' }])?.map((x) => x.from)).toEqual(['2024-01-01', '2024-07-01']);
  });

  it('appendVersion closes the version in force the day before and keeps a later planned one', () => {
    const planned = [{ from: '2024-01-01', n: 1 }, { from: '2026-01-01', n: 3 }];
    expect(appendVersion(planned, { from: '2025-03-01', n: 2 })).toEqual([
      { from: '2024-01-01', to: '2025-02-28', n: 1 },
      { from: '2025-03-01', to: '2025-12-31', n: 2 },
      { from: '2026-01-01', n: 3 },
    ]);
  });

  it('appendVersion replaces a version starting the same day', () => {
    expect(appendVersion([{ from: '2024-01-01', n: 1 }], { from: '2024-01-01', n: 2 })).toEqual([{ from: '2024-01-01', n: 2 }]);
  });
});

describe('evaluation', () => {
  const facts = (person: Facts, household: Facts = {}) => ({ person, household });

  it('traces each condition with the facts and parameters it read', () => {
    const pack = accepted(packWith({ condition: 'person.age >= params.minAge && household.registeredPoor' }, [param('minAge', 18)]));
    const [rule] = compileRules([pack], '2024-05-01');
    const result = evaluateRule(rule!, facts({ age: 30 }, { registeredPoor: false }));
    expect(result.eligible).toBe(false);
    const [age, poor] = result.trace.children as [TraceNode, TraceNode];
    expect(age.value).toBe(true);
    expect(age.facts).toEqual([
      expect.objectContaining({ name: 'person.age', label: '年龄（周岁）', value: 30, defaulted: false }),
      expect.objectContaining({ name: 'params.minAge', value: 18, source: '政策参数（TT-2024）' }),
    ]);
    expect(poor).toMatchObject({ value: false, facts: [expect.objectContaining({ name: 'household.registeredPoor', value: false })] });
  });

  it('lists facts the subject did not supply and that the rule read', () => {
    const [rule] = compileRules([accepted(packWith({ condition: 'person.age >= 18 && person.employed' }))], '2024-05-01');
    expect(evaluateRule(rule!, facts({ age: 20 })).defaulted).toEqual(['person.employed']);
  });

  it('reports an amount left to local decision as 由地方确定', () => {
    const pack = accepted(packWith({ benefit: { kind: 'cash', amount: 'params.amount' } }, [param('amount', null, 'double')]));
    const result = evaluateRule(compileRules([pack], '2024-05-01')[0]!, facts({ age: 20 }));
    expect(result).toMatchObject({ eligible: true, amount: null, amountNote: '由地方确定', total: null });
  });

  it('applies the cap, and gives the cap alone as the most that may be granted', () => {
    const pack = accepted(
      packWith({ benefit: { kind: 'cash', amount: 'person.monthlyIncome * 2.0', cap: 'params.cap' } }, [param('cap', 1000)]),
    );
    const rule = compileRules([pack], '2024-05-01')[0]!;
    expect(evaluateRule(rule, facts({ age: 20, monthlyIncome: 800 }))).toMatchObject({ amount: 1000, amountNote: '按上限' });
    expect(evaluateRule(rule, facts({ age: 20, monthlyIncome: 300 }))).toMatchObject({ amount: 600, amountNote: null });
    const loan = accepted(packWith({ benefit: { kind: 'loan', cap: 'params.cap' } }, [param('cap', 300000)]));
    expect(evaluateRule(compileRules([loan], '2024-05-01')[0]!, facts({ age: 20 }))).toMatchObject({ amount: 300000, amountNote: '最高额度' });
  });

  it('totals a monthly benefit as amount × months', () => {
    const pack = accepted(packWith({ benefit: { kind: 'cash', amount: 'params.monthly', per: 'month', months: 6 } }, [param('monthly', 200)]));
    expect(evaluateRule(compileRules([pack], '2024-05-01')[0]!, facts({ age: 20 }))).toMatchObject({ amount: 200, total: 1200 });
  });

  it('compiles a rule only between its dates, taking the version then in force', () => {
    const versions = [
      { from: '2024-01-01', to: '2024-06-30', condition: 'person.age >= 18', benefit: { kind: 'service' } },
      { from: '2024-07-01', to: '2024-12-31', condition: 'person.age >= 16', benefit: { kind: 'service' } },
    ];
    const pack = accepted(packWith({ versions }));
    expect(compileRules([pack], '2023-12-31')).toEqual([]);
    expect(compileRules([pack], '2025-01-01')).toEqual([]);
    const subject = facts({ age: 17 });
    expect(evaluateRule(compileRules([pack], '2024-06-30')[0]!, subject).eligible).toBe(false);
    expect(evaluateRule(compileRules([pack], '2024-07-01')[0]!, subject)).toMatchObject({ eligible: true, version: { from: '2024-07-01' } });
  });

  it('takes the parameter value in force on the day, and a what-if override by CODE.name', () => {
    const minAge = { name: 'minAge', title: 'minAge', type: 'int', versions: [{ from: '2024-01-01', to: '2024-12-31', value: 18 }, { from: '2025-01-01', value: 16 }] };
    const pack = accepted(packWith({ condition: 'person.age >= params.minAge' }, [minAge]));
    const other = { ...pack, code: 'UU-2024', rules: pack.rules.map((r) => ({ ...r, id: 'UU-2024-1-rule' })) };
    const subject = facts({ age: 17 });
    const eligible = (asOf: string, overrides?: Record<string, number>) =>
      compileRules([pack, other], asOf, overrides).map((r) => [r.rule.id, evaluateRule(r, subject).eligible]);
    expect(eligible('2024-05-01')).toEqual([['TT-2024-1-rule', false], ['UU-2024-1-rule', false]]);
    expect(eligible('2025-05-01')).toEqual([['TT-2024-1-rule', true], ['UU-2024-1-rule', true]]);
    expect(eligible('2024-05-01', { 'TT-2024.minAge': 17 })).toEqual([['TT-2024-1-rule', true], ['UU-2024-1-rule', false]]);
  });

  it('applies a rule only inside its jurisdiction (the pack’s, or the rule’s narrower one)', () => {
    const pack = accepted(packWith());
    const narrow = accepted(packWith({ jurisdiction: '5226' }));
    const [wide] = compileRules([pack], '2024-05-01');
    const [local] = compileRules([narrow], '2024-05-01');
    expect([applies(wide!, '520402'), applies(wide!, '433127')]).toEqual([true, false]);
    expect([applies(local!, '522601'), applies(local!, '520402')]).toEqual([true, false]);
    const outside = caseSchema.parse({ division: '433127', persons: [{ id: 'p1', age: 30 }] });
    expect(evaluateCase(compileRules([pack], '2024-05-01'), outside)).toEqual([{ kind: 'person', id: 'p1', results: [] }]);
  });
});

describe('checkCaseFacts', () => {
  it('reports an unknown fact, a wrong type, a value outside the codes and a hire of nobody', () => {
    const c = caseSchema.parse({
      division: '522601',
      household: { registeredPoor: 'yes' },
      persons: [{ id: 'p1', shoeSize: 42, labourCapacity: 'strong' }],
      employers: [{ id: 'e1' }],
      hires: [{ id: 'h1', person: 'p9', employer: 'e1' }],
    });
    expect(checkCaseFacts(c)).toEqual([
      { where: 'household.registeredPoor', reason: '类型应为 bool' },
      { where: 'persons[0].shoeSize', reason: expect.stringContaining('未知事实') },
      { where: 'persons[0].labourCapacity', reason: expect.stringContaining('取值须为') },
      { where: 'hires[0].person', reason: '没有编号为 p9 的人员' },
    ]);
  });

  it('finds nothing wrong in a case that uses catalog facts', () => {
    const c = caseSchema.parse({ division: '522601', persons: [{ id: 'p1', age: 30, employed: true, place: 'in_county' }] });
    expect(checkCaseFacts(c)).toEqual([]);
  });
});
