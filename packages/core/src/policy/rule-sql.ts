/**
 * A compiled rule as SQL expressions over a row of facts: its condition, and its amount (NULL
 * when the amount is set locally and not yet set, as the in-process path reports it).
 */
import { serialize, type ASTNode } from '@marcbachmann/cel-js';
import { celToSql, type CelNode, type FactColumn } from './cel-sql.js';
import { referencedParams, type CompiledRule } from './evaluate.js';

export interface RuleSql {
  condition: string;
  /** Yuan per payment; null when the rule grants no amount, or its amount is set locally and not yet set. */
  amount: string | null;
}

export function ruleSql(rule: CompiledRule, column: FactColumn): RuleSql {
  const isString = (node: CelNode) => rule.env.check(serialize(node as unknown as ASTNode)).type === 'string';
  const compile = (parsed: { ast: CelNode } | undefined) => (parsed ? celToSql(parsed.ast, column, rule.params, isString) : null);
  const unset = (parsed: { ast: CelNode } | undefined) =>
    parsed !== undefined && [...referencedParams(parsed.ast)].some((n) => rule.params[n]?.value == null);
  const condition = compile(rule.condition)!;
  // As the in-process path: an unset amount makes the whole amount unknown; an unset cap only
  // drops the cap, unless there is no amount to cap.
  if (unset(rule.amount) || (!rule.amount && unset(rule.cap))) return { condition, amount: null };
  const amount = compile(rule.amount);
  const cap = unset(rule.cap) ? null : compile(rule.cap);
  if (amount && cap) return { condition, amount: `least((${amount})::float8, (${cap})::float8)` };
  const either = amount ?? cap;
  return { condition, amount: either ? `(${either})::float8` : null };
}
