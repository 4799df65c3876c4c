/**
 * In-process evaluation of the rules in force on a date for one subject, with the explanation
 * SPEC §6 asks for: eligible or not, the amount and period, and a trace of every condition with
 * the fact values that decided it. The same rules compile to SQL (rule-sql.ts) for populations.
 */
import { serialize, type ASTNode, type Environment } from '@marcbachmann/cel-js';
import { celEnvironment, fromCel, toCel } from './cel-env.js';
import type { CelNode } from './cel-sql.js';
import { factCatalog, factDef, subjectScope, type FactDef, type SubjectKind } from './fact-catalog.js';
import type { Benefit, PolicyPack, PolicyRule, RuleVersion } from './pack-schema.js';
import { inForceOn } from './versions.js';

export type ParameterValues = Record<string, { type: 'int' | 'double'; value: number | null; title: string }>;
export type Facts = Record<string, unknown>;
/** The facts of a subject and of its relations, by variable (person, household …). */
export type SubjectFacts = Partial<Record<SubjectKind, Facts>>;

/** A rule in force on a date, parsed once, ready to evaluate many subjects. */
export interface CompiledRule {
  pack: Pick<PolicyPack, 'code' | 'title' | 'document' | 'jurisdiction'>;
  rule: Omit<PolicyRule, 'versions'>;
  version: RuleVersion;
  jurisdiction: string;
  params: ParameterValues;
  env: Environment;
  condition: Parsed;
  amount?: Parsed;
  cap?: Parsed;
}

type Parsed = ReturnType<Environment['parse']> & { ast: CelNode };

/** The parameter values of a pack in force on a date. */
export function parameterValues(pack: PolicyPack, asOf: string): ParameterValues {
  const values: ParameterValues = {};
  for (const p of pack.parameters) {
    const v = inForceOn(p.versions, asOf);
    values[p.name] = { type: p.type, value: v?.value ?? null, title: p.title };
  }
  return values;
}

/**
 * Every rule of the packs in force on `asOf`, parsed (packs are assumed checked). `overrides`
 * replaces parameter values for a what-if, keyed `CODE.name` (`GZ-2022.returnHireAmount`).
 */
export function compileRules(packs: readonly PolicyPack[], asOf: string, overrides: Record<string, number> = {}): CompiledRule[] {
  const compiled: CompiledRule[] = [];
  for (const pack of packs) {
    const params = parameterValues(pack, asOf);
    for (const [key, value] of Object.entries(overrides)) {
      const name = key.slice(pack.code.length + 1);
      if (key.startsWith(`${pack.code}.`) && params[name]) params[name] = { ...params[name], value };
    }
    const envs = new Map<SubjectKind, Environment>();
    for (const { versions, ...rule } of pack.rules) {
      const version = inForceOn(versions, asOf);
      if (!version) continue;
      let env = envs.get(rule.subject);
      if (!env) envs.set(rule.subject, (env = celEnvironment(rule.subject, pack.parameters)));
      const parse = (text: string) => env.parse(text) as Parsed;
      compiled.push({
        pack: { code: pack.code, title: pack.title, document: pack.document, jurisdiction: pack.jurisdiction },
        rule,
        version,
        jurisdiction: rule.jurisdiction ?? pack.jurisdiction,
        params,
        env,
        condition: parse(version.condition),
        amount: version.benefit.amount ? parse(version.benefit.amount) : undefined,
        cap: version.benefit.cap ? parse(version.benefit.cap) : undefined,
      });
    }
  }
  return compiled;
}

/** Facts as CEL values, by the catalog's types; a missing fact takes its default and is listed. */
export function celContext(rule: CompiledRule, subject: SubjectFacts): { context: Record<string, unknown>; defaulted: string[] } {
  const context: Record<string, unknown> = {};
  const defaulted: string[] = [];
  for (const kind of subjectScope[rule.rule.subject]) {
    const facts = subject[kind] ?? {};
    const converted: Record<string, unknown> = {};
    for (const [name, def] of Object.entries(factCatalog[kind] as Record<string, FactDef>)) {
      if (facts[name] === undefined || facts[name] === null) defaulted.push(`${kind}.${name}`);
      converted[name] = toCel(def.type, facts[name]);
    }
    context[kind] = converted;
  }
  context.params = Object.fromEntries(
    Object.entries(rule.params).map(([name, p]) => [name, toCel(p.type, p.value ?? 0)]),
  );
  if (Object.keys(rule.params).length === 0) context.params = { none: 0n };
  return { context, defaulted };
}

export function applies(rule: CompiledRule, divisionCode: string): boolean {
  return divisionCode.startsWith(rule.jurisdiction);
}

/** Only the yes/no of a rule for a subject: the fast path for populations in process. */
export function isEligible(rule: CompiledRule, subject: SubjectFacts): boolean {
  return rule.condition(celContext(rule, subject).context) === true;
}

export interface TraceNode {
  /** The condition's text, as written in the pack. */
  text: string;
  value: unknown;
  /** For 且/或/非: the parts. */
  children?: TraceNode[];
  /** For a comparison: the facts and parameters it read, with their values. */
  facts?: { name: string; label: string; value: unknown; source: string; defaulted: boolean; masked?: boolean }[];
}

export interface RuleResult {
  ruleId: string;
  packCode: string;
  title: string;
  clause: { ref: string; text: string };
  document: string;
  subject: SubjectKind;
  version: { from: string; to: string | null };
  eligible: boolean;
  benefit: Benefit;
  /** Yuan per payment (per month for monthly benefits); null when set locally and not yet set. */
  amount: number | null;
  /** Why the amount is what it is: “由地方确定”, “最高额度” … */
  amountNote: string | null;
  /** The total a monthly benefit can reach (amount × months), or the one-time amount. */
  total: number | null;
  evidence: string[];
  trace: TraceNode;
  /** Facts the subject did not supply, taken at their defaults. */
  defaulted: string[];
}

const LOCAL = '由地方确定';

function referencedParams(node: CelNode, out = new Set<string>()): Set<string> {
  if (node.op === '.') {
    const [target, field] = node.args as [CelNode, string];
    if (target.op === 'id' && target.args === 'params') out.add(field);
  }
  const args = node.args;
  const children = Array.isArray(args) ? args.flat() : [args];
  for (const c of children) if (c && typeof c === 'object' && 'op' in c) referencedParams(c as CelNode, out);
  return out;
}

function referencedFacts(node: CelNode, out = new Set<string>()): Set<string> {
  if (node.op === '.') {
    const [target, field] = node.args as [CelNode, string];
    if (target.op === 'id') out.add(`${String(target.args)}.${field}`);
  }
  const args = node.args;
  const children = Array.isArray(args) ? args.flat() : [args];
  for (const c of children) if (c && typeof c === 'object' && 'op' in c) referencedFacts(c as CelNode, out);
  return out;
}

function trace(rule: CompiledRule, node: CelNode, context: Record<string, unknown>, defaulted: Set<string>): TraceNode {
  // Serialized from the node, not sliced from the source: a slice can cut a parenthesis in two.
  const text = serialize(node as unknown as ASTNode);
  const value = fromCel((rule.env.parse(text) as Parsed)(context));
  if (node.op === '&&' || node.op === '||') {
    return { text, value, children: (node.args as CelNode[]).map((c) => trace(rule, c, context, defaulted)) };
  }
  if (node.op === '!_') return { text, value, children: [trace(rule, node.args as CelNode, context, defaulted)] };
  const facts = [...referencedFacts(node)].map((name) => {
    const [variable, field] = name.split('.') as [string, string];
    if (variable === 'params') {
      const p = rule.params[field];
      return { name, label: p?.title ?? field, value: p?.value ?? null, source: `政策参数（${rule.pack.code}）`, defaulted: false };
    }
    const def = factDef(variable as SubjectKind, field);
    const v = (context[variable] as Record<string, unknown> | undefined)?.[field];
    return { name, label: def?.label ?? field, value: fromCel(v), source: def?.source ?? '', defaulted: defaulted.has(name) };
  });
  return { text, value, facts };
}

function amountOf(rule: CompiledRule, context: Record<string, unknown>): { amount: number | null; note: string | null } {
  const unset = (p: Parsed | undefined) => p !== undefined && [...referencedParams(p.ast)].some((n) => rule.params[n]?.value == null);
  const value = (p: Parsed | undefined) => (p ? Number(fromCel(p(context))) : null);
  if (!rule.amount && !rule.cap) return { amount: null, note: null };
  if (unset(rule.amount) || (!rule.amount && unset(rule.cap))) return { amount: null, note: LOCAL };
  const amount = value(rule.amount);
  const cap = unset(rule.cap) ? null : value(rule.cap);
  if (amount === null) return { amount: cap, note: '最高额度' };
  if (cap !== null && amount > cap) return { amount: cap, note: '按上限' };
  return { amount, note: null };
}

export function evaluateRule(rule: CompiledRule, subject: SubjectFacts): RuleResult {
  const { context, defaulted: missing } = celContext(rule, subject);
  const read = new Set([rule.condition, rule.amount, rule.cap].flatMap((p) => (p ? [...referencedFacts(p.ast)] : [])));
  const defaulted = missing.filter((name) => read.has(name));
  const eligible = rule.condition(context) === true;
  const { amount, note } = amountOf(rule, context);
  const benefit = rule.version.benefit;
  const total = amount === null ? null : benefit.per === 'month' ? amount * (benefit.months ?? 0) : amount;
  return {
    ruleId: rule.rule.id,
    packCode: rule.pack.code,
    title: rule.rule.title,
    clause: rule.rule.clause,
    document: rule.pack.document,
    subject: rule.rule.subject,
    version: { from: rule.version.from, to: rule.version.to ?? null },
    eligible,
    benefit,
    amount,
    amountNote: note,
    total,
    evidence: rule.version.evidence,
    trace: trace(rule, rule.condition.ast, context, new Set(defaulted)),
    defaulted,
  };
}

export { referencedFacts, referencedParams };

/** The trace with personal facts (incomes) blanked, for users who see them masked. */
export function maskTrace(node: TraceNode): TraceNode {
  return {
    ...node,
    children: node.children?.map(maskTrace),
    facts: node.facts?.map((f) => {
      const [variable, field] = f.name.split('.') as [string, string];
      return variable !== 'params' && factDef(variable as SubjectKind, field)?.personal ? { ...f, value: null, masked: true } : f;
    }),
  };
}
