/**
 * The bundled policy packs (policy-packs/*.yaml) and their example cases: every pack is accepted,
 * the rules SPEC §6 and §9 name are there with their clauses and dates, and each example case
 * gives exactly the entitlements worked out by hand from the documents.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseSchema, checkCaseFacts, type PolicyCase } from './case.js';
import { evaluateCase } from './case.js';
import { checkPack, checkPackText } from './check-pack.js';
import { compileRules, type RuleResult } from './evaluate.js';
import { factCatalog } from './fact-catalog.js';
import { parsePackText } from './check-pack.js';
import type { PolicyPack } from './pack-schema.js';

const packDir = new URL('../../policy-packs/', import.meta.url);
const packFiles = readdirSync(packDir).filter((f) => f.endsWith('.yaml')).sort();
const packs: PolicyPack[] = packFiles.map((f) => {
  const result = checkPackText(readFileSync(new URL(f, packDir), 'utf8'));
  if (!result.pack) throw new Error(`${f}: ${JSON.stringify(result.issues)}`);
  return result.pack;
});
const pack = (code: string) => packs.find((p) => p.code === code)!;
const rule = (id: string) => packs.flatMap((p) => p.rules).find((r) => r.id === id);

describe('bundled packs', () => {
  it('are the five documents and the warning rules, each passing checkPack with no issues', () => {
    expect(packFiles).toEqual(['GZ-2020.yaml', 'GZ-2022.yaml', 'JC-2021.yaml', 'SX-2021.yaml', 'XX-2020.yaml', 'YC-2021.yaml']);
    for (const file of packFiles) {
      const raw = parsePackText(readFileSync(new URL(file, packDir), 'utf8')).raw;
      expect(checkPack(raw).issues, file).toEqual([]);
      expect((raw as { code: string }).code).toBe(file.replace('.yaml', ''));
    }
  });

  it('carry the jurisdiction and issue date of their document', () => {
    expect(packs.map((p) => [p.code, p.jurisdiction, p.issued])).toEqual([
      ['GZ-2020', '52', '2020-12-22'],
      ['GZ-2022', '52', '2022-07-20'],
      ['JC-2021', '', '2021-07-01'],
      ['SX-2021', '14', '2021-07-01'],
      ['XX-2020', '4331', '2020-09-30'],
      ['YC-2021', '1408', '2021-01-01'],
    ]);
  });

  it('name every rule after its pack and start it on the issue date', () => {
    for (const p of packs) {
      for (const r of p.rules) {
        expect(r.id.startsWith(`${p.code}-`), r.id).toBe(true);
        expect(r.versions[0]!.from, r.id).toBe(p.issued);
        expect(r.clause.text.length, r.id).toBeGreaterThan(10);
      }
    }
  });

  // SPEC §6's table, row by row: rule id, a word of its title, its clause, and its subject.
  const spec6: [string, string, string, string][] = [
    ['SX-2021-4-job-retention', '稳岗补助', '(四)', 'person'],
    ['SX-2021-5-hire-subsidy', '一次性吸纳就业补助', '(五)', 'hire'],
    ['SX-2021-5-social-insurance', '社会保险补贴', '(五)', 'hire'],
    ['SX-2021-8-startup-loan', '创业担保贷款', '(八)', 'person'],
    ['XX-2020-2-4-startup-subsidy', '一次性创业补贴', '二(四)', 'employer'],
    ['XX-2020-2-4-startup-loan', '创业担保贷款', '二(四)', 'person'],
    ['XX-2020-2-4-job-post-subsidy', '一次性岗位补贴', '二(四)', 'hire'],
    ['XX-2020-3-3-urban-safety-net', '城市低保', '三(三)', 'person'],
    ['GZ-2022-4-training', '职业技能培训补贴', '4.', 'hire'],
    ['GZ-2022-5-return-hire', '吸纳返乡就业一次性补贴', '5.', 'hire'],
    ['GZ-2022-5-graduate-2023', '求职创业补贴', '5.', 'person'],
    ['GZ-2022-6-tracking-service', '跟踪服务补贴', '6.', 'hire'],
    ['GZ-2022-6-transport-poor', '一次性交通补助', '6.', 'person'],
    ['GZ-2022-6-transport-other', '一次性交通补贴', '6.', 'person'],
    ['GZ-2022-8-small-firm-loan', '小微企业创业担保贷款', '8.', 'employer'],
  ];
  it.each(spec6)('has SPEC §6 rule %s (%s, clause %s)', (id, title, ref, subject) => {
    const r = rule(id);
    expect(r?.title).toContain(title);
    expect(r?.clause.ref).toBe(ref);
    expect(r?.subject).toBe(subject);
  });

  it('pays employer and agency subsidies to them, not to the worker', () => {
    const payee = (id: string) => rule(id)!.versions[0]!.benefit.payee;
    expect(['SX-2021-5-hire-subsidy', 'XX-2020-2-4-job-post-subsidy', 'GZ-2022-4-training', 'GZ-2022-5-return-hire'].map(payee)).toEqual([
      'employer',
      'employer',
      'employer',
      'employer',
    ]);
    expect(payee('GZ-2022-6-tracking-service')).toBe('agency');
  });

  // SPEC §9: responsibilities of a site, in the pack of the document they cite.
  const spec9 = [
    'GZ-2020-24-leader-main',
    'GZ-2020-24-leader-deputy',
    'GZ-2022-3-1-leader-main',
    'GZ-2022-3-1-leader-deputy',
    'SX-2021-19-first-secretary',
    'SX-2021-19-county-arranged',
    'SX-2021-19-village-size',
    'SX-2021-5-industrial-park',
    'SX-2021-5-workshop',
    'YC-2021-8-2-service-stations',
    'GZ-2022-21-large-site-funding',
    'XX-2020-10-1-leader-visit',
  ];
  it.each(spec9)('has SPEC §9 responsibility %s as a site obligation with a note', (id) => {
    const r = rule(id)!;
    expect(r.subject).toBe('site');
    expect(r.versions[0]!.benefit.kind).toBe('obligation');
    expect(r.versions[0]!.benefit.note).toBeTruthy();
  });

  it('ends the three-year plan with 2024 and the returnee-hire subsidy on 2023-06-30', () => {
    for (const r of pack('GZ-2022').rules) {
      const end = r.id === 'GZ-2022-5-return-hire' ? '2023-06-30' : '2024-12-31';
      expect(r.versions.at(-1)!.to, r.id).toBe(end);
    }
  });

  it('keeps amounts the documents leave open as unset parameters, and states the rest', () => {
    const value = (code: string, name: string) => pack(code).parameters.find((p) => p.name === name)!.versions[0]!.value;
    expect(value('SX-2021', 'hireSubsidy')).toBeNull();
    expect(value('SX-2021', 'socialInsuranceSubsidy')).toBeNull();
    expect(value('XX-2020', 'startupSubsidy')).toBeNull();
    expect(value('SX-2021', 'jobRetentionMonthly')).toBe(200);
    expect(value('SX-2021', 'startupLoanMax')).toBe(300_000);
    expect(value('XX-2020', 'startupLoanMax')).toBe(200_000);
    expect(value('XX-2020', 'jobPostSubsidy')).toBe(1000);
    expect(value('GZ-2022', 'trainingSubsidyMax')).toBe(8000);
    expect(value('GZ-2022', 'graduateSubsidy')).toBe(1500);
    expect(value('GZ-2022', 'smallFirmLoanMax')).toBe(3_000_000);
    expect(rule('SX-2021-4-job-retention')!.versions[0]!.benefit).toMatchObject({ per: 'month', months: 6 });
  });
});

describe('docs/POLICY.md', () => {
  it('lists every fact of the catalog by its CEL name', () => {
    const doc = readFileSync(new URL('../../../../docs/POLICY.md', import.meta.url), 'utf8');
    const missing = Object.entries(factCatalog).flatMap(([kind, facts]) =>
      Object.keys(facts)
        .map((name) => `${kind}.${name}`)
        .filter((cel) => !doc.includes(`\`${cel}\``)),
    );
    expect(missing).toEqual([]);
  });
});

// ---- example cases -------------------------------------------------------------------------

type Expected = { eligible: Record<string, string[]>; amounts?: [string, string, number | null, string | null, number | null][] };

/**
 * The oracle, worked out by reading the documents against each case's facts: for each subject,
 * the rules it is owed (the rest must be ineligible), and for some, [subject, rule, amount,
 * amountNote, total].
 */
const oracle: Record<string, Expected> = {
  'JC-2021-out-of-school': { eligible: { household: ['JC-2021-out-of-school'] } },
  'JC-2021-income': { eligible: { household: ['JC-2021-income-below-line', 'JC-2021-income-drop'] } },
  'GZ-2022-returnee-family': {
    eligible: {
      p1: ['GZ-2022-6-transport-poor'],
      p2: ['GZ-2020-3-training-subsidy'],
      p3: ['GZ-2022-5-graduate-2023'],
      h1: ['GZ-2022-4-training', 'GZ-2022-5-return-hire', 'GZ-2022-6-tracking-service'],
      s1: ['GZ-2020-24-leader-main', 'GZ-2022-21-large-site-funding', 'GZ-2022-3-1-leader-main'],
    },
    amounts: [
      ['p1', 'GZ-2022-6-transport-poor', 500, '最高额度', 500],
      ['p2', 'GZ-2020-3-training-subsidy', null, '由地方确定', null],
      ['p3', 'GZ-2022-5-graduate-2023', 1500, null, 1500],
      ['h1', 'GZ-2022-4-training', 8000, '最高额度', 8000],
      ['h1', 'GZ-2022-5-return-hire', 500, null, 500],
      ['h1', 'GZ-2022-6-tracking-service', 500, null, 500],
    ],
  },
  'GZ-2022-after-deadline': {
    eligible: {
      household: ['GZ-2020-1-stable-employment'],
      e1: ['GZ-2022-8-small-firm-loan'],
      s1: ['GZ-2020-24-leader-deputy', 'GZ-2022-3-1-leader-deputy'],
    },
    amounts: [['e1', 'GZ-2022-8-small-firm-loan', 3_000_000, '最高额度', 3_000_000]],
  },
  'GZ-2022-zero-employment': {
    eligible: {
      household: ['GZ-2020-1-stable-employment', 'GZ-2022-5-zero-employment'],
      p1: ['GZ-2022-9-welfare-post'],
      p2: ['GZ-2022-5-returnee-service', 'GZ-2022-9-welfare-post'],
      s1: ['GZ-2020-24-leader-main', 'GZ-2022-21-large-site-funding', 'GZ-2022-3-1-leader-main'],
    },
  },
  'GZ-2020-work-based-training': {
    eligible: {
      household: ['GZ-2020-1-stable-employment'],
      p2: ['GZ-2020-3-training-subsidy'],
      h1: ['GZ-2020-3-work-based-training'],
      s1: ['GZ-2020-24-leader-deputy'],
    },
    amounts: [['h1', 'GZ-2020-3-work-based-training', null, '由地方确定', null]],
  },
  'GZ-2020-stable-household': {
    eligible: { s1: ['GZ-2020-24-leader-main'] },
  },
  'SX-2021-out-migrant': {
    eligible: {
      p1: ['SX-2021-13-local-insurance', 'SX-2021-4-job-retention', 'SX-2021-4-transport'],
      p2: ['SX-2021-13-local-insurance', 'SX-2021-8-loan-interest', 'SX-2021-8-premises', 'SX-2021-8-startup-loan', 'SX-2021-9-training'],
      p3: ['SX-2021-13-local-insurance'],
      h1: ['SX-2021-4-job-referral', 'SX-2021-5-hire-subsidy', 'SX-2021-5-social-insurance'],
      s1: ['SX-2021-19-first-secretary', 'SX-2021-5-industrial-park'],
    },
    amounts: [
      ['p1', 'SX-2021-4-job-retention', 200, null, 1200],
      ['p1', 'SX-2021-4-transport', null, '由地方确定', null],
      ['p2', 'SX-2021-8-startup-loan', 300_000, '最高额度', 300_000],
      ['h1', 'SX-2021-5-hire-subsidy', null, '由地方确定', null],
    ],
  },
  'SX-2021-weak-labour': {
    eligible: {
      p1: ['SX-2021-6-welfare-post'],
      s1: ['SX-2021-19-county-arranged', 'SX-2021-19-village-size', 'SX-2021-5-workshop'],
    },
  },
  'YC-2021-no-labour': {
    eligible: {
      household: ['SX-2021-2-safety-net', 'YC-2021-5-safety-net', 'YC-2021-5-temporary-assistance'],
      s1: ['SX-2021-19-first-secretary', 'SX-2021-5-industrial-park', 'YC-2021-8-2-service-stations'],
    },
  },
  'YC-2021-working-family': {
    eligible: {
      household: ['YC-2021-5-micro-credit', 'YC-2021-8-2-stable-employment'],
      p1: ['SX-2021-9-training'],
      s1: ['SX-2021-19-county-arranged', 'SX-2021-19-village-size', 'SX-2021-5-workshop'],
    },
    amounts: [['household', 'YC-2021-5-micro-credit', null, '由地方确定', null]],
  },
  'XX-2020-site-startup': {
    eligible: {
      p1: ['XX-2020-2-4-startup-loan'],
      p3: ['XX-2020-4-3-student-aid'],
      p4: ['XX-2020-3-3-urban-safety-net'],
      e1: ['XX-2020-2-4-startup-subsidy'],
      h1: ['XX-2020-2-4-job-post-subsidy'],
      s1: ['XX-2020-10-1-leader-visit'],
    },
    amounts: [
      ['p1', 'XX-2020-2-4-startup-loan', 200_000, '最高额度', 200_000],
      ['e1', 'XX-2020-2-4-startup-subsidy', null, '由地方确定', null],
      ['h1', 'XX-2020-2-4-job-post-subsidy', 1000, null, 1000],
    ],
  },
  'XX-2020-not-eligible': {
    eligible: { s1: ['XX-2020-10-1-leader-visit'] },
  },
  'XX-2020-health-2020': {
    eligible: {
      household: ['XX-2020-2-1-zero-employment', 'XX-2020-3-5-temporary-assistance'],
      p1: ['XX-2020-5-4-health-poverty'],
      p2: ['XX-2020-5-4-health-poverty'],
      p3: ['XX-2020-2-3-welfare-post', 'XX-2020-5-4-health-poverty'],
      s1: ['XX-2020-10-1-leader-visit'],
    },
  },
};

const caseDir = new URL('../../policy-packs/cases/', import.meta.url);
const caseFiles = readdirSync(caseDir).filter((f) => f.endsWith('.json')).sort();
const readCase = (file: string): PolicyCase => caseSchema.parse(JSON.parse(readFileSync(new URL(file, caseDir), 'utf8')));

describe('example cases', () => {
  it('has at least two per pack, and an oracle for each', () => {
    for (const p of packs) expect(caseFiles.filter((f) => f.startsWith(`${p.code}-`)).length, p.code).toBeGreaterThanOrEqual(2);
    expect(caseFiles.map((f) => f.replace('.json', ''))).toEqual(Object.keys(oracle).sort());
  });

  it.each(caseFiles)('%s uses only catalog facts', (file) => {
    expect(checkCaseFacts(readCase(file))).toEqual([]);
  });

  it.each(caseFiles)('%s gives exactly the expected entitlements', (file) => {
    const c = readCase(file);
    const expected = oracle[file.replace('.json', '')]!;
    // A JC- case is about the warnings it raises; every other case about what it is owed.
    const warnings = file.startsWith('JC-');
    const evaluated = evaluateCase(compileRules(packs, c.asOf!), c);
    const eligible = Object.fromEntries(
      evaluated
        .map((s) => [s.id, s.results.filter((r) => r.eligible && (r.benefit.kind === 'warning') === warnings).map((r) => r.ruleId).sort()] as const)
        .filter(([, ids]) => ids.length > 0),
    );
    expect(eligible).toEqual(expected.eligible);
    const result = (subject: string, ruleId: string): RuleResult | undefined =>
      evaluated.find((s) => s.id === subject)?.results.find((r) => r.ruleId === ruleId);
    for (const [subject, ruleId, amount, note, total] of expected.amounts ?? []) {
      expect(result(subject, ruleId), `${subject} ${ruleId}`).toMatchObject({ amount, amountNote: note, total });
    }
  });

  it('applies only the packs of the case’s division', () => {
    const c = readCase('YC-2021-no-labour.json');
    const codes = new Set(evaluateCase(compileRules(packs, c.asOf!), c).flatMap((s) => s.results.map((r) => r.packCode)));
    expect([...codes].sort()).toEqual(['JC-2021', 'SX-2021', 'YC-2021']);
  });
});
