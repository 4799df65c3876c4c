/**
 * Validation of a policy pack before it is accepted (`anju policy check FILE`, and every edit on
 * the server): shape, duplicate ids, overlapping versions, and every CEL expression parsed and
 * type-checked against the fact catalog and compiled to SQL once, so a pack that is accepted
 * evaluates on both paths. Each issue names the rule (or parameter) and the reason, in Chinese.
 */
import { parse as parseYaml } from 'yaml';
import { celEnvironment } from './cel-env.js';
import { celToSql, type CelNode } from './cel-sql.js';
import { referencedParams } from './evaluate.js';
import { packSchema, type PolicyPack } from './pack-schema.js';
import { overlap } from './versions.js';

export interface PackIssue {
  /** Rule id, `参数 name`, or `政策包` for the pack itself. */
  where: string;
  field: string;
  reason: string;
}

export interface PackCheck {
  pack?: PolicyPack;
  issues: PackIssue[];
}

/** Reads a pack from YAML (JSON is YAML too). */
export function parsePackText(text: string): PackCheck & { raw?: unknown } {
  try {
    return { raw: parseYaml(text), issues: [] };
  } catch (error) {
    return { issues: [{ where: '政策包', field: '文件', reason: `不是有效的 YAML/JSON：${(error as Error).message.split('\n')[0]}` }] };
  }
}

export function checkPackText(text: string): PackCheck {
  const read = parsePackText(text);
  return read.issues.length ? read : checkPack(read.raw);
}

/** cel-js speaks English; the common messages are put in the words of a pack's author. */
const CEL_MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^No such key: (\S+)/, (m) => `未知事实 ${m[1]}（见 docs/POLICY.md 的事实清单）`],
  [/^Unknown variable: (\S+)/, (m) => `未知变量 ${m[1]}`],
  [/^no such overload: (.+)$/, (m) => `类型不匹配，不能计算 ${m[1]}`],
  [/^Expected (\S+), got (\S+)/, (m) => `语法错误：此处应为 ${m[1]}，实为 ${m[2]}`],
  [/^Unexpected token: (\S+)/, (m) => `语法错误：意外的 ${m[1] === 'EOF' ? '结尾（表达式不完整）' : m[1]}`],
];

function firstLine(error: unknown): string {
  const line = String((error as Error)?.message ?? error).split('\n')[0]!;
  for (const [pattern, say] of CEL_MESSAGES) {
    const m = line.match(pattern);
    if (m) return say(m);
  }
  return line;
}

/** A version that ends before it starts is never in force: a typo, not a choice. */
function endsBeforeStart(where: string, versions: readonly { from: string; to?: string | null }[]): PackIssue[] {
  return versions.flatMap((v, i) =>
    v.to != null && v.to < v.from ? [{ where, field: `versions[${i}].to`, reason: `失效日期 ${v.to} 早于生效日期 ${v.from}` }] : [],
  );
}

export function checkPack(raw: unknown): PackCheck {
  const parsed = packSchema.safeParse(raw);
  if (!parsed.success) {
    const rules = (raw as { rules?: { id?: unknown }[] } | null)?.rules;
    return {
      issues: parsed.error.issues.map((i) => {
        const [top, index, ...rest] = i.path;
        const id = top === 'rules' && typeof index === 'number' ? rules?.[index]?.id : undefined;
        const where = typeof id === 'string' ? id : top === 'parameters' ? `参数 #${Number(index) + 1}` : '政策包';
        const field = (typeof id === 'string' ? rest : i.path).join('.');
        return { where, field, reason: i.message };
      }),
    };
  }
  const pack = parsed.data;
  const issues: PackIssue[] = [];
  const seenRules = new Set<string>();
  for (const rule of pack.rules) {
    if (seenRules.has(rule.id)) issues.push({ where: rule.id, field: 'id', reason: '规则编号重复' });
    seenRules.add(rule.id);
  }
  const params = new Map(pack.parameters.map((p) => [p.name, p]));
  if (params.size !== pack.parameters.length) issues.push({ where: '政策包', field: 'parameters', reason: '参数名重复' });
  for (const p of pack.parameters) {
    const o = overlap(p.versions);
    if (o) issues.push({ where: `参数 ${p.name}`, field: 'versions', reason: `版本有效期重叠：${o[0].from} 起与 ${o[1].from} 起` });
    issues.push(...endsBeforeStart(`参数 ${p.name}`, p.versions));
    // An int parameter is truncated when used, so 2.5 would silently act as 2.
    p.versions.forEach((v, i) => {
      if (p.type === 'int' && v.value !== null && !Number.isInteger(v.value)) {
        issues.push({ where: `参数 ${p.name}`, field: `versions[${i}].value`, reason: `整数参数的值须为整数，实际为 ${v.value}` });
      }
    });
  }

  const paramValues = Object.fromEntries(pack.parameters.map((p) => [p.name, { type: p.type, value: 1, title: p.title }]));
  for (const rule of pack.rules) {
    const o = overlap(rule.versions);
    if (o) issues.push({ where: rule.id, field: 'versions', reason: `版本有效期重叠：${o[0].from} 起与 ${o[1].from} 起` });
    issues.push(...endsBeforeStart(rule.id, rule.versions));
    const env = celEnvironment(rule.subject, pack.parameters);
    const check = (field: string, text: string, wanted: string[]) => {
      const result = env.check(text);
      if (!result.valid) return issues.push({ where: rule.id, field, reason: `表达式错误：${firstLine(result.error)}` });
      if (!wanted.includes(String(result.type))) {
        return issues.push({ where: rule.id, field, reason: `表达式类型为 ${String(result.type)}，应为 ${wanted.join(' 或 ')}` });
      }
      const ast = (env.parse(text) as unknown as { ast: CelNode }).ast;
      try {
        celToSql(ast, () => 'x', paramValues, () => false);
      } catch (error) {
        issues.push({ where: rule.id, field, reason: firstLine(error) });
      }
      return ast;
    };
    for (const [i, v] of rule.versions.entries()) {
      const at = `versions[${i}]`;
      const ast = check(`${at}.condition`, v.condition, ['bool']);
      if (ast && typeof ast === 'object') {
        for (const name of referencedParams(ast)) {
          if (params.get(name)?.versions.some((pv) => pv.value === null)) {
            issues.push({ where: rule.id, field: `${at}.condition`, reason: `条件引用的参数 ${name} 有未设定的版本；条件中的参数须有数值` });
          }
        }
      }
      if (v.benefit.amount) check(`${at}.benefit.amount`, v.benefit.amount, ['int', 'double']);
      if (v.benefit.cap) check(`${at}.benefit.cap`, v.benefit.cap, ['int', 'double']);
      if ((v.benefit.kind === 'cash' || v.benefit.kind === 'loan') && !v.benefit.amount && !v.benefit.cap) {
        issues.push({ where: rule.id, field: `${at}.benefit`, reason: '现金补贴或贷款须有金额（amount）或上限（cap）' });
      }
    }
  }
  return issues.length ? { issues } : { pack, issues };
}
