/**
 * A household's 应享政策: the household, each member and each member's job, with every rule in
 * force on the date that applies where they live, eligible or not and why — the same in-process
 * evaluation as a case file, over facts read from the registry and the ledger (fact-repo.ts).
 */
import { applies, compileRules, evaluateRule, maskTrace, type SubjectFacts, type SubjectKind } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { findHousehold } from '../households/household-repo.js';
import { activePacks } from './pack-service.js';
import { assertPolicyRead, factQuery } from './policy-access.js';
import { factRowsOf } from './population-repo.js';

/** A fact row's columns `kind.name` regrouped as { kind: { name: value } }. */
export function subjectFactsOf(row: Record<string, unknown>): SubjectFacts {
  const facts: Record<string, Record<string, unknown>> = {};
  for (const [column, value] of Object.entries(row)) {
    const dot = column.indexOf('.');
    if (dot < 0) continue;
    (facts[column.slice(0, dot)] ??= {})[column.slice(dot + 1)] = value;
  }
  return facts as SubjectFacts;
}

// Employers' own rules belong to the firm, not the family: the tab shows a member's job (hire) instead.
const KINDS: SubjectKind[] = ['household', 'person', 'hire'];

export async function householdEvaluation(ctx: AppContext, actor: Actor, householdId: string, asOf: string) {
  assertPolicyRead(actor);
  const household = /^\d+$/.test(householdId) ? await findHousehold(ctx.db, householdId, actor.divisionCode) : undefined;
  if (!household) throw new NotFoundError('搬迁户');
  const division = household.dest_division_code;
  const fq = await factQuery(ctx, { division: '', asOf, householdId });
  const rules = compileRules(await activePacks(ctx.db), asOf).filter((r) => applies(r, division));
  const subjects = [];
  for (const kind of KINDS) {
    const ofKind = rules.filter((r) => r.rule.subject === kind);
    for (const row of await factRowsOf(ctx.db, kind, fq)) {
      const facts = subjectFactsOf(row);
      subjects.push({
        kind,
        id: String(row.subject_id),
        label: String(row.label),
        results: ofKind.map((rule) => {
          const result = evaluateRule(rule, facts);
          return { ...result, trace: maskTrace(result.trace) };
        }),
      });
    }
  }
  return { asOf, division, householdNo: household.household_no, subjects };
}
