/**
 * `anju policy evaluate --input CASE.json`: a case file (the facts of one family or firm)
 * evaluated against the bundled policy packs, or against pack files being drafted, with no
 * database. Exit codes: 0 evaluated; 1 unusable input (missing file, bad date, broken pack);
 * 2 the case file fails validation, each problem named by its field path.
 */
import { existsSync, readFileSync } from 'node:fs';
import {
  caseSchema,
  checkCaseFacts,
  checkPackText,
  compileRules,
  evaluateCase,
  subjectKindLabels,
  type PolicyCase,
  type PolicyPack,
} from '@anju/core';
import { bundledPacks } from '@anju/server';
import { chinaToday, consoleIo, isIsoDate, type Io } from './policy-format.js';
import { subjectLines, type ReportSubject } from './policy-report.js';
import { packIssueLine } from './policy-check.js';

export interface EvaluateOptions {
  input: string;
  asOf?: string;
  json?: boolean;
  /** Pack files to evaluate against instead of the bundled packs. */
  pack?: string[];
}

interface FieldIssue {
  where: string;
  reason: string;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '') || '（整个文件）';
}

/** zod's own messages are English; the case schema's are Chinese. Say the English ones in Chinese. */
function reasonText(issue: { code: string; message: string; expected?: unknown }): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return /received undefined/.test(issue.message) ? '缺少此项' : `类型应为 ${String(issue.expected)}`;
  if (issue.code === 'invalid_union') return '取值须为数字、布尔值（true/false）或文本';
  return issue.message;
}

/** Reads and checks a case file: its shape, its known top-level fields, and every fact. */
export function readCase(file: string): { case?: PolicyCase; issues: FieldIssue[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { issues: [{ where: '（整个文件）', reason: `不是有效的 JSON：${(error as Error).message.split('\n')[0]}` }] };
  }
  const parsed = caseSchema.safeParse(raw);
  const known = Object.keys(caseSchema.shape);
  const unknown =
    raw && typeof raw === 'object' && !Array.isArray(raw)
      ? Object.keys(raw).filter((k) => !known.includes(k)).map((k) => ({ where: k, reason: `未知字段；案例文件的字段有：${known.join('、')}` }))
      : [];
  if (!parsed.success) {
    return { issues: [...parsed.error.issues.map((i) => ({ where: pathText(i.path), reason: reasonText(i as never) })), ...unknown] };
  }
  const issues = [...unknown, ...checkCaseFacts(parsed.data)];
  return issues.length ? { issues } : { case: parsed.data, issues };
}

/** The packs named on the command line, each checked; the first broken one stops the run. */
function readPacks(files: string[], io: Io): PolicyPack[] | undefined {
  const packs: PolicyPack[] = [];
  for (const file of files) {
    if (!existsSync(file)) {
      io.err(`错误：文件不存在：${file}`);
      return undefined;
    }
    const result = checkPackText(readFileSync(file, 'utf8'));
    if (!result.pack) {
      io.err(`错误：政策包 ${file} 未通过校验，共 ${result.issues.length} 处问题：`);
      for (const issue of result.issues) io.err(`  ${packIssueLine(issue)}`);
      return undefined;
    }
    packs.push(result.pack);
  }
  return packs;
}

function subjectLabel(c: PolicyCase, kind: string, id: string): string {
  if (kind === 'household') return '本户';
  if (kind !== 'hire') return id;
  const hire = c.hires.find((h) => h.id === id);
  return hire ? `${id}（${hire.person} @ ${hire.employer}）` : id;
}

export function evaluateCommand(options: EvaluateOptions, io: Io = consoleIo): number {
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    io.err(`错误：--as-of 须为日期（YYYY-MM-DD），实际为“${options.asOf}”`);
    return 1;
  }
  if (!existsSync(options.input)) {
    io.err(`错误：文件不存在：${options.input}`);
    return 1;
  }
  const read = readCase(options.input);
  if (!read.case) {
    io.err(`错误：案例文件 ${options.input} 未通过校验，共 ${read.issues.length} 处问题：`);
    for (const issue of read.issues) io.err(`  ${issue.where}：${issue.reason}`);
    return 2;
  }
  const c = read.case;
  const packs = options.pack?.length ? readPacks(options.pack, io) : bundledPacks();
  if (!packs) return 1;
  const asOf = options.asOf ?? c.asOf ?? chinaToday();
  const asOfSource = options.asOf ? '命令行指定' : c.asOf ? '取自案例文件' : '今天';
  const rules = compileRules(packs, asOf);
  const subjects: ReportSubject[] = evaluateCase(rules, c).map((s) => ({ kind: s.kind, id: s.id, label: subjectLabel(c, s.kind, s.id), results: s.results }));

  if (options.json) {
    io.out(JSON.stringify({ asOf, division: c.division, title: c.title ?? null, packs: packs.map((p) => p.code), subjects }, null, 2));
    return 0;
  }
  const results = subjects.flatMap((s) => s.results);
  io.out(`案例：${c.title ?? options.input}`);
  io.out(`评估日期：${asOf}（${asOfSource}）  所在区划：${c.division}`);
  const covers = (p: PolicyPack) => c.division.startsWith(p.jurisdiction) || p.rules.some((r) => r.jurisdiction && c.division.startsWith(r.jurisdiction));
  const applicable = packs.filter(covers);
  const others = packs.length - applicable.length;
  io.out(
    `适用的政策包${options.pack?.length ? '（命令行指定）' : ''}：${applicable.length ? applicable.map((p) => `${p.code}《${p.title}》`).join('、') : '（无）'}` +
      (others ? `；另有 ${others} 个政策包不适用于区划 ${c.division}` : ''),
  );
  if (!results.length) {
    io.out('');
    io.out(`该日期在区划 ${c.division} 没有适用于本案例对象的规则（规则须在评估日有效、适用区划包含所在区划、对象类型相符）。`);
  }
  for (const s of subjects) {
    io.out('');
    for (const line of subjectLines(s)) io.out(line);
  }
  io.out('');
  const eligible = results.filter((r) => r.eligible);
  const local = eligible.filter((r) => r.amount === null && r.amountNote).length;
  const kinds = [...new Set(subjects.map((s) => subjectKindLabels[s.kind]))].join('、');
  io.out(`合计：${subjects.length} 个对象（${kinds || '无'}），评估规则 ${results.length} 条次，符合 ${eligible.length} 条次${local ? `，其中 ${local} 条次金额由地方确定` : ''}。`);
  return 0;
}
