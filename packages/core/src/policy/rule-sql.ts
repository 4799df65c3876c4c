/**
 * A compiled rule as SQL expressions over a row of facts: its condition, and its amount (NULL
 * when the amount is set locally and not yet set, as the in-process path reports it).
 */
import { serialize, type ASTNode } from '@marcbachmann/cel-js';
import { celToSql, type CelNode, type FactColumn } from './cel-sql.js';
import { referencedParams, type CompiledRule } from './evaluate.js';

export interface RuleSql {
  condition: string;
  amount: string;
}

export function ruleSql(rule: CompiledRule, column: FactColumn): RuleSql {
  const isString = (node: CelNode) => rule.env.check(serialize(node as unknown as ASTNode)).type === 'string';
  const compile = (parsed: { ast: CelNode } | undefined) => (parsed ? celToSql(parsed.ast, column, rule.params, isString) : null);
  const unset = (parsed: { ast: CelNode } | undefined) =>
    parsed !== undefined && [...referencedParams(parsed.ast)].some((n) => rule.params[n]?.value == null);
  const amount = unset(rule.amount) ? null : compile(rule.amount);
  const cap = unset(rule.cap) ? null : compile(rule.cap);
  let amountSql = 'NULL::float8';
  if (unset(rule.amount) || (!rule.amount && unset(rule.cap))) amountSql = 'NULL::float8';
  else if (amount && cap) amountSql = `least((${amount})::float8, (${cap})::float8)`;
  else if (amount ?? cap) amountSql = `(${amount ?? cap})::float8`;
  return { condition: compile(rule.condition)!, amount: amountSql };
}
