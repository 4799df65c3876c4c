/**
 * The two paths of the policy engine must agree (SPEC §6): thousands of random subjects, each
 * evaluated by every bundled rule in process (cel-js) and in SQL (the compiled conditions over the
 * same facts as a VALUES list), and their eligibility and amounts compared one by one. Facts are
 * drawn near the thresholds the packs use, so both sides of each comparison are exercised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import {
  compileRules,
  evaluateRule,
  factCatalog,
  ruleSql,
  subjectScope,
  type CompiledRule,
  type FactDef,
  type SubjectKind,
} from '@anju/core';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { bundledPacks } from './bundled-packs.js';
import { factColumn } from './fact-repo.js';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.close();
});

/** Values a fact may take: around the numbers rules compare with, and every code of a coded fact. */
function arbitraryFact(def: FactDef): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'bool':
      return fc.boolean();
    case 'int':
      return fc.oneof(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 80 }), fc.constantFrom(2023, 2016, 2020, 100, 800, 3000, 10000, 12000));
    case 'double':
      return fc.oneof(fc.constantFrom(0, 500, 8700, 10000.5), fc.double({ min: 0, max: 20000, noNaN: true, noDefaultInfinity: true }));
    case 'string':
      return def.values
        ? fc.constantFrom(...def.values)
        : fc.constantFrom('', 'out_migration', 'local', 'welfare_post', 'apprenticeship', '2021-12-31', '2022-01-01', '2023-06-30', '2024-01-15');
  }
}

function arbitrarySubject(kind: SubjectKind) {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const variable of subjectScope[kind]) {
    for (const [name, def] of Object.entries(factCatalog[variable] as Record<string, FactDef>)) fields[`${variable}.${name}`] = arbitraryFact(def);
  }
  return fc.record(fields);
}

const sqlType = { int: 'int', double: 'float8', bool: 'boolean', string: 'text' } as const;

/** The subjects as a VALUES list with one typed column per fact, named as fact-repo names them. */
function valuesTable(kind: SubjectKind, subjects: Record<string, unknown>[]): string {
  const columns = subjectScope[kind].flatMap((variable) =>
    Object.entries(factCatalog[variable] as Record<string, FactDef>).map(([name, def]) => ({ column: `${variable}.${name}`, type: sqlType[def.type] })),
  );
  const literal = (v: unknown, type: string) => (type === 'text' ? `'${String(v).replace(/'/g, "''")}'` : String(v)) + `::${type}`;
  const rows = subjects.map((s, i) => `(${i}, '52'::text, ${columns.map((c) => literal(s[c.column], c.type)).join(', ')})`);
  return `(VALUES ${rows.join(',\n')}) AS f(subject_id, division_code, ${columns.map((c) => `"${c.column}"`).join(', ')})`;
}

function nested(subject: Record<string, unknown>) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(subject)) {
    const [variable, name] = key.split('.') as [string, string];
    (out[variable] ??= {})[name] = value;
  }
  return out;
}

async function compare(kind: SubjectKind, rules: CompiledRule[], subjects: Record<string, unknown>[]) {
  const selects = rules.flatMap((rule, i) => {
    const c = ruleSql(rule, factColumn);
    return [`(${c.condition}) AS e${i}`, `(${c.amount ?? 'NULL'}) AS a${i}`];
  });
  const { rows } = await sql
    .raw<Record<string, unknown>>(`SELECT subject_id, ${selects.join(', ')} FROM ${valuesTable(kind, subjects)} ORDER BY subject_id`)
    .execute(tdb.database.db);
  let disagreements = 0;
  rows.forEach((row, s) => {
    rules.forEach((rule, i) => {
      const inProcess = evaluateRule(rule, nested(subjects[s]!));
      const sqlAmount = row[`a${i}`] === null ? null : Number(row[`a${i}`]);
      if (inProcess.eligible !== row[`e${i}`] || (inProcess.amount === null ? sqlAmount !== null : Math.abs(inProcess.amount - (sqlAmount ?? NaN)) > 1e-6)) {
        disagreements++;
        if (disagreements <= 3) console.error(rule.rule.id, subjects[s], { sql: row[`e${i}`], sqlAmount, inProcess: inProcess.eligible, amount: inProcess.amount });
      }
    });
  });
  return disagreements;
}

describe('in-process and SQL evaluation agree', () => {
  const packs = bundledPacks();
  // Every date a version starts on, so each version of each rule is compiled at least once.
  const dates = [...new Set(packs.flatMap((p) => p.rules.flatMap((r) => r.versions.map((v) => v.from))))].sort();

  it('has rules of every kind to compare', () => {
    const kinds = new Set(dates.flatMap((d) => compileRules(packs, d).map((r) => r.rule.subject)));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['employer', 'hire', 'person']));
  });

  for (const kind of ['person', 'household', 'employer', 'hire', 'site'] as const) {
    it(`on ${kind} rules, for 1,000 random subjects on each version date`, async () => {
      const subjects = fc.sample(arbitrarySubject(kind), { numRuns: 1000, seed: 20261124 });
      let compared = 0;
      for (const date of dates) {
        const rules = compileRules(packs, date).filter((r) => r.rule.subject === kind);
        if (!rules.length) continue;
        expect(await compare(kind, rules, subjects)).toBe(0);
        compared += rules.length;
      }
      if (kind === 'person' || kind === 'hire') expect(compared).toBeGreaterThan(0);
    });
  }
});
