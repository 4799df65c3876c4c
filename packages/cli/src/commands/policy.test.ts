/**
 * `anju policy evaluate` and `anju policy check` on hand-made files in a temp directory, and the
 * bundled example cases against the bundled packs: through the command functions (output
 * captured), and as an operator runs them, a separate process checked by exit code. None of it
 * needs a database.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from './policy-check.js';
import { evaluateCommand } from './policy-evaluate.js';
import type { Io } from './policy-format.js';

const PACK = `
code: TS-2024
title: 测试县搬迁群众就业扶持办法
document: 测人社发〔2024〕1号
issued: 2024-01-01
jurisdiction: "5201"
parameters:
  - name: retentionAmount
    title: 稳岗补助标准
    type: int
    versions:
      - { from: 2024-01-01, to: 2024-12-31, value: 200 }
      - { from: 2025-01-01, value: 300 }
  - name: hireAmount
    title: 吸纳就业补助标准
    type: int
    versions:
      - { from: 2024-01-01, value: null }
rules:
  - id: TS-2024-1-retention
    title: 稳岗补助
    clause: { ref: "（一）", text: "对外出务工的搬迁劳动力，按每人每月200元给予稳岗补助，最长6个月。" }
    subject: person
    versions:
      - from: 2024-01-01
        condition: person.employed && (person.place == "outside_province" || person.place == "in_province") && household.registeredPoor
        benefit: { kind: cash, amount: params.retentionAmount, per: month, months: 6 }
        evidence: [务工证明]
  - id: TS-2024-2-hire
    title: 一次性吸纳就业补助
    clause: { ref: "（二）", text: "吸纳搬迁劳动力就业的经营主体，给予一次性吸纳就业补助，标准由县级确定。" }
    subject: hire
    versions:
      - from: 2024-01-01
        condition: hire.monthsEmployed >= 6 && hire.contractMonths >= 12
        benefit: { kind: cash, amount: params.hireAmount, payee: employer }
`;

const CASE = {
  title: '测试案例',
  asOf: '2024-06-01',
  division: '520102',
  household: { registeredPoor: true },
  persons: [
    { id: 'p1', employed: true, place: 'outside_province' },
    { id: 'p2', employed: false },
  ],
  employers: [{ id: 'e1', kind: 'enterprise' }],
  hires: [{ id: 'h1', person: 'p1', employer: 'e1', monthsEmployed: 7, contractMonths: 12 }],
};

const CASES = resolve(import.meta.dirname, '../../../core/policy-packs/cases');
let dir: string;
let pack: string;
let caseFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'anju-policy-'));
  pack = join(dir, 'TS-2024.yaml');
  caseFile = join(dir, 'case.json');
  await writeFile(pack, PACK);
  await writeFile(caseFile, JSON.stringify(CASE));
});

function capture(): Io & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { out: (l) => out.push(l), err: (l) => err.push(l), stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}

/** The block of the report about one subject, up to the next subject. */
function block(report: string, heading: string): string {
  const start = report.indexOf(heading);
  expect(start, `report has ${heading}`).toBeGreaterThanOrEqual(0);
  const next = report.indexOf('【', start + heading.length);
  return report.slice(start, next < 0 ? undefined : next);
}

describe('anju policy evaluate', () => {
  it('reports per subject which rules are met, what they pay, the clause, and why', () => {
    const io = capture();
    expect(evaluateCommand({ input: caseFile, pack: [pack] }, io)).toBe(0);
    const report = io.stdout();
    expect(report).toContain('评估日期：2024-06-01（取自案例文件）');
    expect(report).toContain('适用的政策包（命令行指定）：TS-2024《测试县搬迁群众就业扶持办法》\n');

    const p1 = block(report, '【个人 p1】');
    expect(p1).toContain('[符合] 稳岗补助（TS-2024-1-retention）');
    expect(p1).toContain('200 元/月 × 6 个月，合计 1,200 元');
    expect(p1).toContain('依据：测人社发〔2024〕1号 （一） 对外出务工的搬迁劳动力');
    expect(p1).toContain('成立：以下各项须全部成立');
    expect(p1).toContain('成立：以下各项至少一项成立');
    expect(p1).toMatch(/成立：person\.place == "outside_province"\n\s+· 就业地点（未就业为空） person\.place = “outside_province”；来源：劳动力月调度台账/);
    expect(p1).toMatch(/不成立：person\.place == "in_province"/);
    expect(p1).toContain('所需材料：务工证明');

    const p2 = block(report, '【个人 p2】');
    expect(p2).toContain('[不符合] 稳岗补助');
    expect(p2).toMatch(/不成立：person\.employed\n\s+· 已就业 person\.employed = 否/);
    // p2 says nothing of where they work: the fact is taken at its default, and the report says so.
    expect(p2).toContain('person.place = （空）（未提供，按默认值）');
    expect(p2).toContain('未提供的事实（按默认值计）：person.place');

    const h1 = block(report, '【用工关系 h1（p1 @ e1）】');
    expect(h1).toContain('[符合] 一次性吸纳就业补助');
    expect(h1).toContain('金额由地方确定');
    expect(h1).toContain('发放给用人单位');
    expect(block(report, '【经营主体 e1】')).toContain('无适用规则');
    expect(report).toContain('符合 2 条次，其中 1 条次金额由地方确定');
  });

  it('--json gives the raw results, and --as-of replays the parameter value then in force', () => {
    const io = capture();
    expect(evaluateCommand({ input: caseFile, pack: [pack], json: true, asOf: '2025-03-01' }, io)).toBe(0);
    const result = JSON.parse(io.stdout());
    expect(result).toMatchObject({ asOf: '2025-03-01', division: '520102', packs: ['TS-2024'] });
    const byId = Object.fromEntries(result.subjects.map((s: any) => [s.id, s]));
    expect(byId.p1.results[0]).toMatchObject({ ruleId: 'TS-2024-1-retention', eligible: true, amount: 300, total: 1800 });
    expect(byId.p2.results[0]).toMatchObject({ eligible: false, defaulted: ['person.place'] });
    expect(byId.h1.results[0]).toMatchObject({ eligible: true, amount: null, amountNote: '由地方确定' });
    expect(byId.p1.results[0].trace.children).toHaveLength(2);
    expect(byId.p1.results[0].trace.text).toContain('||');
  });

  it('says so when no rule is in force on the date', () => {
    const io = capture();
    expect(evaluateCommand({ input: caseFile, pack: [pack], asOf: '2023-12-31' }, io)).toBe(0);
    expect(io.stdout()).toContain('没有适用于本案例对象的规则');
  });

  it('refuses a case file with exit code 2, naming each field and the reason', async () => {
    const bad = join(dir, 'bad-case.json');
    await writeFile(
      bad,
      JSON.stringify({
        ...CASE,
        persons: [{ id: 'p1', employed: 'yes' }, { id: 'p2', age: 40.5, place: 'abroad' }],
        hires: [{ id: 'h1', person: 'p9', employer: 'e1' }],
      }),
    );
    const io = capture();
    expect(evaluateCommand({ input: bad, pack: [pack] }, io)).toBe(2);
    expect(io.stderr()).toContain('persons[0].employed：类型应为 bool');
    expect(io.stderr()).toContain('persons[1].age：类型应为 int');
    // The empty value (not employed) is named, not left as a list starting with “、”.
    expect(io.stderr()).toContain('persons[1].place：取值须为 ""（空）、outside_province、in_province、in_county 之一');
    expect(io.stderr()).toContain('hires[0].person：没有编号为 p9 的人员');
    expect(io.stdout()).toBe('');

    const noDivision = join(dir, 'no-division.json');
    await writeFile(noDivision, JSON.stringify({ persons: [{ employed: true }], person: [] }));
    const io2 = capture();
    expect(evaluateCommand({ input: noDivision, pack: [pack] }, io2)).toBe(2);
    expect(io2.stderr()).toContain('division：缺少此项');
    expect(io2.stderr()).toContain('persons[0].id：须有编号 id');
    expect(io2.stderr()).toContain('person：未知字段');

    const notJson = join(dir, 'not-json.json');
    await writeFile(notJson, '{ "division": ');
    const io3 = capture();
    expect(evaluateCommand({ input: notJson }, io3)).toBe(2);
    expect(io3.stderr()).toContain('不是有效的 JSON');
  });

  it('refuses a bad date, a missing file and a broken --pack with exit code 1', async () => {
    const io = capture();
    expect(evaluateCommand({ input: caseFile, pack: [pack], asOf: '2024-02-30' }, io)).toBe(1);
    expect(io.stderr()).toContain('--as-of 须为日期');
    expect(evaluateCommand({ input: join(dir, 'nope.json') }, io)).toBe(1);
    expect(io.stderr()).toContain('文件不存在');
    const broken = join(dir, 'broken.yaml');
    await writeFile(broken, PACK.replace('person.employed &&', 'person.employedd &&'));
    const io2 = capture();
    expect(evaluateCommand({ input: caseFile, pack: [broken] }, io2)).toBe(1);
    expect(io2.stderr()).toContain('规则 TS-2024-1-retention versions[0].condition：');
  });
});

describe('anju policy check', () => {
  it('passes a good pack with its counts', () => {
    const io = capture();
    expect(checkCommand([pack], io)).toBe(0);
    expect(io.stdout()).toContain('OK');
    expect(io.stdout()).toContain('政策包 TS-2024《测试县搬迁群众就业扶持办法》，规则 2 条，参数 2 个（其中 1 个有未设定的版本');
  });

  it('fails a pack with an unknown fact, naming the rule, the field and the reason', async () => {
    const bad = join(dir, 'unknown-fact.yaml');
    await writeFile(bad, PACK.replace('hire.monthsEmployed >= 6', 'hire.monthsWorked >= 6'));
    const io = capture();
    expect(checkCommand([pack, bad], io)).toBe(1);
    expect(io.stdout()).toMatch(/规则 TS-2024-2-hire versions\[0\]\.condition：表达式错误：.*monthsWorked/);
    expect(io.stdout()).toContain('共 1 处问题');
  });
});

describe('anju policy, as a separate process', () => {
  const run = promisify(execFile);
  const BIN = resolve(import.meta.dirname, '../../bin/anju.js');
  async function anju(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 10_000_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('exits 0, 1 and 2 as documented', async () => {
    const good = await anju('policy', 'evaluate', '--input', caseFile, '--pack', pack, '--json');
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).subjects).toHaveLength(5);

    const bad = join(dir, 'bad-spawn.json');
    await writeFile(bad, JSON.stringify({ ...CASE, household: { registeredPoor: 'yes' } }));
    const refused = await anju('policy', 'evaluate', '--input', bad, '--pack', pack);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('household.registeredPoor：类型应为 bool');

    const unknown = join(dir, 'unknown-spawn.yaml');
    await writeFile(unknown, PACK.replace('&& household.registeredPoor', '&& household.poor'));
    const check = await anju('policy', 'check', unknown);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('规则 TS-2024-1-retention');
  });

  it('evaluates a bundled example case against the bundled packs', async () => {
    const result = await anju('policy', 'evaluate', '--input', join(CASES, 'SX-2021-out-migrant.json'), '--json');
    expect(result.code).toBe(0);
    const { asOf, subjects } = JSON.parse(result.stdout);
    expect(asOf).toBe('2022-03-31');
    const p1 = subjects.find((s: any) => s.id === 'p1');
    // SPEC §6: SX-2021 (四) 稳岗补助, 200 元 a month for 6 months, for an out-migrant worker.
    expect(p1.results.find((r: any) => r.ruleId === 'SX-2021-4-job-retention')).toMatchObject({
      eligible: true,
      amount: 200,
      total: 1200,
      clause: { ref: '(四)' },
    });
    const text = await anju('policy', 'evaluate', '--input', join(CASES, 'SX-2021-out-migrant.json'));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('[符合] 外出务工稳岗补助（SX-2021-4-job-retention）');
  });
});

describe('the bundled example cases', () => {
  it('each passes validation and evaluates against the bundled packs', () => {
    const files = readdirSync(CASES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const io = capture();
      expect(evaluateCommand({ input: join(CASES, file), json: true }, io), `${file}: ${io.stderr()}`).toBe(0);
      const { subjects } = JSON.parse(io.stdout());
      expect(subjects.flatMap((s: any) => s.results).length, file).toBeGreaterThan(0);
    }
  });
});
