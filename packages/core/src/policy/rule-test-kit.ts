/**
 * Shared helpers of the per-rule edge tests (rules-*.test.ts, one per bundled pack): neutral
 * facts for every kind of subject, overrides on top of them, the evaluation of one rule for one
 * subject on a date (compileRules + evaluateRule, as evaluateCase does for a case file), and the
 * shapes of the expected results. Expected amounts are written in the tests as literals from the
 * clauses, never read from the packs' parameters.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { checkPackText } from './check-pack.js';
import { applies, compileRules, evaluateRule, type RuleResult, type SubjectFacts } from './evaluate.js';
import type { factCatalog, SubjectKind } from './fact-catalog.js';
import type { PolicyPack } from './pack-schema.js';
import { dayBefore } from './versions.js';

// ---- the bundled packs ----------------------------------------------------------------------

const packDir = new URL('../../policy-packs/', import.meta.url);

export const bundledPacks: readonly PolicyPack[] = readdirSync(packDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const result = checkPackText(readFileSync(new URL(f, packDir), 'utf8'));
    if (!result.pack) throw new Error(`${f}: ${JSON.stringify(result.issues)}`);
    return result.pack;
  });

function packOf(ruleId: string): PolicyPack {
  const pack = bundledPacks.find((p) => p.rules.some((r) => r.id === ruleId));
  if (!pack) throw new Error(`no bundled rule ${ruleId}`);
  return pack;
}

/** The ids of a pack's rules, sorted: a test file lists them to show it covers every one. */
export function ruleIds(code: string): string[] {
  const pack = bundledPacks.find((p) => p.code === code);
  if (!pack) throw new Error(`no bundled pack ${code}`);
  return pack.rules.map((r) => r.id).sort();
}

// ---- facts ----------------------------------------------------------------------------------

type Catalog = typeof factCatalog;
/** A fact's value: a coded string takes one of its codes, so a typo in a test does not compile. */
type ValueOf<D> = D extends { values: readonly (infer V)[] }
  ? V
  : D extends { type: 'bool' }
    ? boolean
    : D extends { type: 'string' }
      ? string
      : number;
export type FactsOf<K extends SubjectKind> = { -readonly [F in keyof Catalog[K]]: ValueOf<Catalog[K][F]> };

/** What a test changes: some facts of some subjects; `undefined` leaves a fact unrecorded. */
export type Overrides = { [K in SubjectKind]?: Partial<FactsOf<K>> };
/** One row of an `it.each` table: what the case is, and what it changes. */
export type Change = [string, Overrides];

/**
 * Neutral facts, every one of them recorded: a 35-year-old ordinary labourer of an ordinary
 * (neither registered-poor nor monitored) rural-site household, working in the province outside
 * the home county without contract or insurance; a workshop not founded by relocated people and
 * outside any site; a hire of a year without contract, insurance, agency or training; a site of
 * 500 people. No person, household, employer or hire rule holds for them (each test file checks
 * it), so the facts a test states are the ones that decide.
 */
export const neutral: { [K in SubjectKind]: FactsOf<K> } = {
  person: {
    age: 35,
    sex: 'M',
    labourCapacity: 'ordinary',
    schoolStage: 'none',
    disabilityGrade: 0,
    safetyNet: 'none',
    labourForce: true,
    employed: true,
    channel: 'local',
    place: 'in_province',
    contractMonths: 0,
    socialInsurance: false,
    monthsEmployedLast12: 12,
    consecutiveMonthsEmployed: 12,
    consecutiveMonthsOutsideProvince: 0,
    firstCrossProvinceJob: false,
    stablyEmployed: true,
    returnee: false,
    monthlyIncome: 3000,
    certificates: 0,
    trainingsCompleted: 0,
    holdsWelfarePost: false,
    graduationYear: 0,
    inDifficulty: false,
    startingBusiness: false,
    lacksFunds: false,
  },
  household: {
    registeredPoor: false,
    monitoringCategory: 'none',
    members: 4,
    labourForceMembers: 2,
    weakLabourMembers: 0,
    employedMembers: 2,
    stablyEmployedMembers: 2,
    zeroEmployment: false,
    annualWorkIncomePerCapita: 18000,
    urbanSite: false,
    ruralSafetyNet: false,
    relocationYear: 2019,
    incomeLine: 7000,
    incomeDropShare: 0,
    incomeDropThreshold: 0.5,
    medicalExpense12m: 0,
    rigidExpenseShare: 0,
    rigidExpenseThreshold: 0.5,
    childOutOfSchool: false,
    unsafeHousing: false,
    unsafeWater: false,
    earnerLost: false,
    temporaryAssistance: false,
  },
  employer: {
    kind: 'workshop',
    foundedByRelocated: false,
    inSite: false,
    monthsOperating: 24,
    positions: 10,
    relocatedWorkers: 5,
  },
  hire: {
    monthsEmployed: 12,
    contractMonths: 0,
    insuredMonths: 0,
    startDate: '2021-06-01',
    returneeHire: false,
    placedByAgency: false,
    trainingKind: '',
  },
  site: {
    population: 500,
    registeredPoorPeople: 50,
    workshops: 1,
  },
};

const kinds = Object.keys(neutral) as SubjectKind[];

/** The neutral facts with the overrides applied in order (later ones win). */
export function subject(...overrides: Overrides[]): SubjectFacts {
  return Object.fromEntries(
    kinds.map((kind) => [kind, Object.assign({}, neutral[kind], ...overrides.map((o) => o[kind] ?? {})) as Record<string, unknown>]),
  );
}

// ---- evaluation -----------------------------------------------------------------------------

/** The rule's result for the subject on `asOf`, or undefined when no version is in force then. */
export function evaluateOn(ruleId: string, asOf: string, ...overrides: Overrides[]): RuleResult | undefined {
  const rule = compileRules([packOf(ruleId)], asOf).find((r) => r.rule.id === ruleId);
  return rule && evaluateRule(rule, subject(...overrides));
}

/** An evaluator of one rule on one date, for a describe block; throws if the rule is not in force. */
export function ruleOn(ruleId: string, asOf: string): (...overrides: Overrides[]) => RuleResult {
  const rule = compileRules([packOf(ruleId)], asOf).find((r) => r.rule.id === ruleId);
  if (!rule) throw new Error(`${ruleId} is not in force on ${asOf}`);
  return (...overrides) => evaluateRule(rule, subject(...overrides));
}

function dayAfter(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether the rule is in force the day before `first`, on `first`, on `last` and the day after.
 * An open-ended rule (`last` null) is asked about 2099-12-31 instead of its last day.
 */
export function inForceAround(ruleId: string, first: string, last: string | null) {
  const on = (date: string) => compileRules([packOf(ruleId)], date).some((r) => r.rule.id === ruleId);
  return {
    dayBefore: on(dayBefore(first)),
    first: on(first),
    last: on(last ?? '2099-12-31'),
    dayAfter: last === null ? null : on(dayAfter(last)),
  };
}

/** How many of the pack's rules in force on `asOf` apply in the division. */
export function rulesApplyingIn(code: string, asOf: string, division: string): number {
  const pack = bundledPacks.find((p) => p.code === code)!;
  return compileRules([pack], asOf).filter((r) => applies(r, division)).length;
}

/** The rules of the pack that hold for the neutral subjects on `asOf`, sorted. */
export function eligibleWhenNeutral(code: string, asOf: string): string[] {
  const pack = bundledPacks.find((p) => p.code === code)!;
  return compileRules([pack], asOf)
    .filter((r) => evaluateRule(r, subject()).eligible)
    .map((r) => r.rule.id)
    .sort();
}

// ---- expected results -----------------------------------------------------------------------

type Payee = 'subject' | 'employer' | 'agency';

/** Not eligible. */
export const notOwed = { eligible: false } as const;

/** A cash benefit of `amount` 元, paid once. */
export function cash(amount: number, payee: Payee = 'subject') {
  return { eligible: true, benefit: { kind: 'cash', per: 'once', payee }, amount, amountNote: null, total: amount };
}

/** A monthly cash benefit: `amount` 元 a month for `months` months, `total` 元 in all. */
export function monthly(amount: number, months: number, total: number) {
  return { eligible: true, benefit: { kind: 'cash', per: 'month', months, payee: 'subject' }, amount, amountNote: null, total };
}

/** A benefit given as its most (“最高不超过”, a loan's limit): `cap` 元, noted 最高额度. */
export function upTo(kind: 'cash' | 'loan', cap: number, payee: Payee = 'subject') {
  return { eligible: true, benefit: { kind, payee }, amount: cap, amountNote: '最高额度', total: cap };
}

/** Eligible, the amount left to local decision and not set: 由地方确定, no number. */
export function setLocally(kind: 'cash' | 'loan' = 'cash', payee: Payee = 'subject') {
  return { eligible: true, benefit: { kind, payee }, amount: null, amountNote: '由地方确定', total: null };
}

/** Eligible to a benefit without an amount: a service, a site's obligation, a warning. */
export function due(kind: 'service' | 'obligation' | 'warning') {
  return { eligible: true, benefit: { kind }, amount: null, amountNote: null, total: null };
}
