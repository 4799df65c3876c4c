/**
 * The CEL environment of a rule: the fact variables its subject can see (fact-catalog.ts) and
 * `params`, the pack's parameters. Type-checking a condition against it is what refuses an
 * unknown fact or a type mismatch before a pack is accepted.
 */
import { Environment } from '@marcbachmann/cel-js';
import { factCatalog, subjectScope, type FactType, type SubjectKind } from './fact-catalog.js';
import type { PolicyParameter } from './pack-schema.js';

export type CelValue = bigint | number | boolean | string;

export function celEnvironment(subject: SubjectKind, parameters: readonly Pick<PolicyParameter, 'name' | 'type'>[]): Environment {
  const env = new Environment({ homogeneousAggregateLiterals: true });
  for (const kind of subjectScope[subject]) {
    const schema = Object.fromEntries(Object.entries(factCatalog[kind]).map(([name, def]) => [name, def.type]));
    env.registerVariable({ name: kind, schema });
  }
  const paramSchema = Object.fromEntries(parameters.map((p) => [p.name, p.type]));
  // cel-js wants at least one field in a schema; a pack without parameters still gets `params`.
  env.registerVariable({ name: 'params', schema: Object.keys(paramSchema).length ? paramSchema : { none: 'int' } });
  return env;
}

/** A JavaScript value as CEL holds a fact of the given type (ints are BigInt in cel-js). */
export function toCel(type: FactType, value: unknown): CelValue {
  switch (type) {
    case 'int':
      return BigInt(Math.trunc(Number(value ?? 0)));
    case 'double':
      return Number(value ?? 0);
    case 'bool':
      return Boolean(value);
    case 'string':
      return value == null ? '' : String(value);
  }
}

/** A CEL result as plain JSON (BigInt to number). */
export function fromCel(value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}
