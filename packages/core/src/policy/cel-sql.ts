/**
 * Compiles a type-checked CEL expression to a SQL expression, so a whole population is evaluated
 * in one query (SPEC §6). Only the part of CEL that rules need is compiled — literals, facts,
 * parameters, logic, comparison, arithmetic, `in` a literal list, the ternary, double() and int();
 * anything else is refused with the reason, and check-pack.ts refuses such a rule up front.
 * The facts are never NULL (the fact queries coalesce to the catalog's defaults), so SQL's
 * three-valued logic never differs from CEL's; the property test in cel-sql.test.ts checks the
 * two paths agree.
 */
import type { ParameterValues } from './evaluate.js';

export interface CelNode {
  op: string;
  args: unknown;
  start: number;
  end: number;
}

export class CelSqlError extends Error {}

/** SQL for the fact `variable.field` (e.g. `f."person.age"`). */
export type FactColumn = (variable: string, field: string) => string;

export function sqlLiteral(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CelSqlError(`无法转为SQL的数值：${value}`);
    return Number.isInteger(value) ? `${value}::float8` : `(${value})::float8`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  throw new CelSqlError(`无法转为SQL的常量：${String(value)}`);
}

const BINARY: Record<string, string> = {
  '&&': 'AND',
  '||': 'OR',
  '==': '=',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '%': '%',
};
const ORDERING = new Set(['<', '<=', '>', '>=']);

/**
 * @param isString tells whether a sub-expression is a string (from the type checker's view of
 *   facts), so ordered string comparisons use byte order, as CEL does, whatever the collation.
 */
export function celToSql(node: CelNode, column: FactColumn, params: ParameterValues, isString: (node: CelNode) => boolean): string {
  const rec = (n: CelNode) => celToSql(n, column, params, isString);
  const args = node.args as CelNode[];
  switch (node.op) {
    case 'value':
      return sqlLiteral(node.args);
    case 'id':
      throw new CelSqlError(`变量 ${String(node.args)} 须写明事实名，如 person.age`);
    case '.': {
      const [target, field] = node.args as [CelNode, string];
      if (target.op !== 'id') throw new CelSqlError('只支持“对象.事实”一级访问');
      const variable = target.args as string;
      if (variable === 'params') {
        const p = params[field];
        if (!p || p.value === null) throw new CelSqlError(`参数 ${field} 尚未设定`);
        return p.type === 'int' ? sqlLiteral(BigInt(Math.trunc(p.value))) : sqlLiteral(p.value);
      }
      return column(variable, field);
    }
    case '!_':
      return `(NOT ${rec(node.args as CelNode)})`;
    case '-_':
      return `(- ${rec(node.args as CelNode)})`;
    case '?:':
      return `(CASE WHEN ${rec(args[0]!)} THEN ${rec(args[1]!)} ELSE ${rec(args[2]!)} END)`;
    case 'in': {
      const [item, list] = args as [CelNode, CelNode];
      if (list.op !== 'list') throw new CelSqlError('in 的右边须为列表常量，如 ["a", "b"]');
      const items = list.args as CelNode[];
      return items.length ? `(${rec(item)} IN (${items.map(rec).join(', ')}))` : 'FALSE';
    }
    case 'call': {
      const [name, callArgs] = node.args as [string, CelNode[]];
      if (callArgs.length !== 1) throw new CelSqlError(`函数 ${name} 不支持转为SQL`);
      if (name === 'double') return `(${rec(callArgs[0]!)})::float8`;
      if (name === 'int') return `trunc(${rec(callArgs[0]!)})::bigint`;
      throw new CelSqlError(`函数 ${name} 不支持转为SQL`);
    }
    case 'rcall':
      throw new CelSqlError(`方法调用 ${String((node.args as [string])[0])}() 不支持转为SQL`);
    default: {
      const op = BINARY[node.op];
      if (!op) throw new CelSqlError(`运算 ${node.op} 不支持转为SQL`);
      const [left, right] = args as [CelNode, CelNode];
      const collate = ORDERING.has(node.op) && isString(left) ? ' COLLATE "C"' : '';
      return `(${rec(left)}${collate} ${op} ${rec(right)})`;
    }
  }
}
