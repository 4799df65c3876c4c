/**
 * A self-contained case (docs/POLICY.md, examples in policy-packs/cases/): the subjects of one
 * family or firm with their facts, evaluated without a database by `anju policy evaluate`. The
 * server builds the same shape from the registry and the ledger for a household's 应享政策 tab.
 */
import { z } from 'zod';
import { factCatalog, factDef, subjectKindLabels, type SubjectKind } from './fact-catalog.js';
import { applies, evaluateRule, type CompiledRule, type Facts, type RuleResult, type SubjectFacts } from './evaluate.js';

const facts = z.record(z.string(), z.union([z.number(), z.boolean(), z.string()]));
const withId = facts.and(z.object({ id: z.string({ error: '须有编号 id' }) }));

export const caseSchema = z.object({
  title: z.string().optional(),
  asOf: z.iso.date({ error: 'asOf 须为日期（YYYY-MM-DD）' }).optional(),
  /** Where the subjects live (a division code, as deep as known): decides which packs apply. */
  division: z.string().regex(/^\d{2,12}$/, 'division 须为区划代码'),
  household: facts.optional(),
  persons: z.array(withId).default([]),
  employers: z.array(withId).default([]),
  hires: z.array(withId.and(z.object({ person: z.string(), employer: z.string() }))).default([]),
  sites: z.array(withId).default([]),
});
export type PolicyCase = z.infer<typeof caseSchema>;

export interface CaseIssue {
  where: string;
  reason: string;
}

/** A coded value as a case file writes it; the empty one (未就业者的就业地点) named, not left a gap. */
const valueText = (value: string) => (value === '' ? '""（空）' : value);

/** Facts that are not in the catalog or have the wrong type, named by where they are. */
export function checkCaseFacts(c: PolicyCase): CaseIssue[] {
  const issues: CaseIssue[] = [];
  const checkFacts = (kind: SubjectKind, where: string, record: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(record)) {
      if (name === 'id' || (kind === 'hire' && (name === 'person' || name === 'employer'))) continue;
      const def = factDef(kind, name);
      if (!def) {
        issues.push({ where: `${where}.${name}`, reason: `未知事实；${subjectKindLabels[kind]}的事实有：${Object.keys(factCatalog[kind]).join('、')}` });
        continue;
      }
      const ok = def.type === 'bool' ? typeof value === 'boolean' : def.type === 'string' ? typeof value === 'string' : typeof value === 'number';
      if (!ok || (def.type === 'int' && !Number.isInteger(value))) {
        issues.push({ where: `${where}.${name}`, reason: `类型应为 ${def.type}` });
      } else if (def.values && !def.values.includes(value as string)) {
        issues.push({ where: `${where}.${name}`, reason: `取值须为 ${def.values.map(valueText).join('、')} 之一` });
      }
    }
  };
  if (c.household) checkFacts('household', 'household', c.household);
  c.persons.forEach((p, i) => checkFacts('person', `persons[${i}]`, p));
  c.employers.forEach((e, i) => checkFacts('employer', `employers[${i}]`, e));
  c.sites.forEach((s, i) => checkFacts('site', `sites[${i}]`, s));
  const ids = (list: { id: string }[]) => new Set(list.map((x) => x.id));
  const persons = ids(c.persons);
  const employers = ids(c.employers);
  c.hires.forEach((h, i) => {
    checkFacts('hire', `hires[${i}]`, h);
    if (!persons.has(h.person)) issues.push({ where: `hires[${i}].person`, reason: `没有编号为 ${h.person} 的人员` });
    if (!employers.has(h.employer)) issues.push({ where: `hires[${i}].employer`, reason: `没有编号为 ${h.employer} 的经营主体` });
  });
  return issues;
}

export interface EvaluatedSubject {
  kind: SubjectKind;
  id: string;
  results: RuleResult[];
}

const strip = (record: Record<string, unknown>): Facts => {
  const { id: _id, person: _p, employer: _e, ...rest } = record;
  return rest;
};

/** Every subject of the case with the subject facts each of its rules sees. */
export function caseSubjects(c: PolicyCase): { kind: SubjectKind; id: string; facts: SubjectFacts }[] {
  const household = c.household ? strip(c.household) : undefined;
  const persons = new Map(c.persons.map((p) => [p.id, strip(p)]));
  const employers = new Map(c.employers.map((e) => [e.id, strip(e)]));
  return [
    ...(household ? [{ kind: 'household' as const, id: 'household', facts: { household } }] : []),
    ...c.persons.map((p) => ({ kind: 'person' as const, id: p.id, facts: { person: persons.get(p.id), household } })),
    ...c.employers.map((e) => ({ kind: 'employer' as const, id: e.id, facts: { employer: employers.get(e.id) } })),
    ...c.hires.map((h) => ({
      kind: 'hire' as const,
      id: h.id,
      facts: { hire: strip(h), person: persons.get(h.person), employer: employers.get(h.employer) },
    })),
    ...c.sites.map((s) => ({ kind: 'site' as const, id: s.id, facts: { site: strip(s) } })),
  ];
}

/** Evaluates every applicable rule for every subject of the case. */
export function evaluateCase(rules: readonly CompiledRule[], c: PolicyCase): EvaluatedSubject[] {
  return caseSubjects(c).map(({ kind, id, facts: subjectFacts }) => ({
    kind,
    id,
    results: rules.filter((r) => r.rule.subject === kind && applies(r, c.division)).map((r) => evaluateRule(r, subjectFacts)),
  }));
}

