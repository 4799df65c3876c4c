/**
 * The readable report of `anju policy evaluate`: per subject, each applicable rule with its
 * verdict, what it pays and for how long, the clause it rests on, and why — the condition as a
 * tree, each part 成立 or 不成立, down to the facts with their values and where they come from.
 */
import { benefitKinds, payeeKinds, subjectKindLabels, type RuleResult, type SubjectKind, type TraceNode } from '@anju/core';
import { valueText, yuan } from './policy-format.js';

export interface ReportSubject {
  kind: SubjectKind;
  id: string;
  label: string;
  results: RuleResult[];
}

const verdict = (value: unknown) => (value === true ? '成立' : value === false ? '不成立' : `= ${valueText(value)}`);

/** What the rule gives: kind, amount (or 由地方确定), per payment, months, total and payee. */
export function benefitText(r: RuleResult): string {
  const b = r.benefit;
  const parts: string[] = [benefitKinds[b.kind]];
  if (r.amount === null) {
    if (r.amountNote) parts.push(`金额${r.amountNote}`);
    if (b.per === 'month') parts.push(`按月发放 ${b.months ?? '?'} 个月`);
  } else {
    const prefix = r.amountNote === '最高额度' ? '最高 ' : '';
    const suffix = r.amountNote && r.amountNote !== '最高额度' ? `（${r.amountNote}）` : '';
    if (b.per === 'month') {
      parts.push(`${prefix}${yuan(r.amount)} 元/月${suffix} × ${b.months ?? '?'} 个月，合计 ${yuan(r.total ?? 0)} 元`);
    } else {
      parts.push(`${prefix}${yuan(r.amount)} 元${suffix}${b.kind === 'cash' ? '（一次性）' : ''}`);
    }
  }
  if (b.payee !== 'subject') parts.push(`发放给${payeeKinds[b.payee]}`);
  if (b.note) parts.push(b.note);
  return parts.join('，');
}

/** The connective of a node with parts, read from the text between them (`&&`, `||`, `!`). */
function connective(node: TraceNode): '&&' | '||' | '!' | undefined {
  const parts = node.children;
  if (!parts?.length) return undefined;
  if (parts.length === 1) return '!';
  const left = node.text.indexOf(parts[0]!.text);
  const right = node.text.indexOf(parts[1]!.text, left + parts[0]!.text.length);
  if (left < 0 || right < 0) return undefined;
  const between = node.text.slice(left + parts[0]!.text.length, right).replace(/[()\s]/g, '');
  return between === '&&' || between === '||' ? between : undefined;
}

/** `a && b && c` parses as `(a && b) && c`; a reader wants the three side by side. */
function flatParts(node: TraceNode, op: '&&' | '||'): TraceNode[] {
  return (node.children ?? []).flatMap((c) => (connective(c) === op ? flatParts(c, op) : [c]));
}

export function traceLines(node: TraceNode, indent: string): string[] {
  const op = connective(node);
  if (op === '&&' || op === '||') {
    const head = `${indent}${verdict(node.value)}：${op === '&&' ? '以下各项须全部成立' : '以下各项至少一项成立'}`;
    return [head, ...flatParts(node, op).flatMap((c) => traceLines(c, `${indent}  `))];
  }
  if (op === '!') {
    return [`${indent}${verdict(node.value)}：${node.text}（下项不成立时成立）`, ...traceLines(node.children![0]!, `${indent}  `)];
  }
  if (node.children?.length) {
    // A shape the connective reader does not know: show the parts as they are.
    return [`${indent}${verdict(node.value)}：${node.text}`, ...node.children.flatMap((c) => traceLines(c, `${indent}  `))];
  }
  const lines = [`${indent}${verdict(node.value)}：${node.text}`];
  for (const f of node.facts ?? []) {
    const value = f.defaulted ? `${valueText(f.value)}（未提供，按默认值）` : valueText(f.value);
    lines.push(`${indent}    · ${f.label} ${f.name} = ${value}${f.source ? `；来源：${f.source}` : ''}`);
  }
  return lines;
}

export function ruleLines(r: RuleResult): string[] {
  const lines = [
    `  [${r.eligible ? '符合' : '不符合'}] ${r.title}（${r.ruleId}）`,
    `      待遇：${benefitText(r)}`,
    `      依据：${r.document} ${r.clause.ref} ${r.clause.text}`,
    `      版本：${r.version.from} 起${r.version.to ? `，至 ${r.version.to}` : ''}`,
    '      说明：',
    ...traceLines(r.trace, '        '),
  ];
  if (r.defaulted.length) lines.push(`      未提供的事实（按默认值计）：${r.defaulted.join('、')}`);
  if (r.eligible && r.evidence.length) lines.push(`      所需材料：${r.evidence.join('、')}`);
  return lines;
}

export function subjectLines(s: ReportSubject): string[] {
  const eligible = s.results.filter((r) => r.eligible).length;
  const head = `【${subjectKindLabels[s.kind]} ${s.label}】`;
  if (!s.results.length) return [`${head} 无适用规则`];
  return [`${head} 适用规则 ${s.results.length} 条，符合 ${eligible} 条`, ...s.results.flatMap((r) => ['', ...ruleLines(r)])];
}
