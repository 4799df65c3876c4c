/**
 * `anju policy simulate --set CODE.name=VALUE --division CODE`: what-if on the registry (SPEC §6) —
 * how many subjects each rule would gain or lose, and what it would cost, by child division, if
 * a parameter had another value. Reads the database; saves nothing.
 */
import { simulate, systemActor } from '@anju/server';
import { withContext } from '../runtime.js';
import { chinaToday, consoleIo, isIsoDate, table, yuan, type Io } from './policy-format.js';

/** The response of POST /policy/simulations (tmp/policy-api.md), which `simulate` returns. */
export interface SimulationResult {
  asOf: string;
  division: string;
  set: Record<string, number>;
  rules: {
    ruleId: string;
    title: string;
    /** The benefit kind (cash, loan, service, obligation), when the service gives it: services cost nothing. */
    kind?: string;
    before: number;
    after: number;
    gained: number;
    lost: number;
    costBefore: number | null;
    costAfter: number | null;
  }[];
  divisions: { code: string; name: string; gained: number; lost: number; costDelta: number | null }[];
}

export interface SimulateOptions {
  set?: string[];
  division: string;
  asOf?: string;
  json?: boolean;
}

export type SimulationRunner = (input: { division: string; asOf: string; set: Record<string, number> }, quiet: boolean) => Promise<SimulationResult>;

const SET_SHAPE = /^([A-Z]{2}-\d{4})\.([a-z][A-Za-z0-9]*)=(.*)$/;

/** `--set GZ-2022.returnHireSubsidy=800` (repeatable) as `{ 'GZ-2022.returnHireSubsidy': 800 }`, or why not. */
export function parseSets(items: readonly string[]): { set: Record<string, number> } | { error: string } {
  if (!items.length) return { error: '至少给出一个 --set CODE.name=VALUE（如 --set GZ-2022.returnHireSubsidy=800）' };
  const set: Record<string, number> = {};
  for (const item of items) {
    const m = SET_SHAPE.exec(item.trim());
    if (!m) {
      return { error: `--set 须形如 政策包编号.参数名=数值（如 GZ-2022.returnHireSubsidy=800），实际为“${item}”` };
    }
    const [, code, name, text] = m as unknown as [string, string, string, string];
    const value = Number(text.trim());
    if (!text.trim() || !Number.isFinite(value)) return { error: `--set ${code}.${name} 的取值须为数字，实际为“${text}”` };
    const key = `${code}.${name}`;
    if (key in set) return { error: `--set ${key} 给出了两次` };
    set[key] = value;
  }
  return { set };
}

const NO_AMOUNT = new Set(['service', 'obligation']);

/**
 * A rule's cost: nobody eligible costs nothing, whether or not the amount is set (SQL sums no rows
 * to null); a service or an obligation has no amount; otherwise null is an amount not yet set.
 */
function cost(rule: SimulationResult['rules'][number], count: number, n: number | null): string {
  if (rule.kind && NO_AMOUNT.has(rule.kind)) return '—';
  return count === 0 ? '0' : n === null ? '未定' : yuan(n);
}

const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${yuan(n)}` : yuan(n));

export function simulationLines(result: SimulationResult): string[] {
  const lines = [
    `模拟测算：区划 ${result.division}，评估日期 ${result.asOf}`,
    `假设参数：${Object.entries(result.set).map(([k, v]) => `${k} = ${yuan(v)}`).join('，')}`,
    '',
    '按规则（符合条件的对象数）：',
  ];
  if (result.rules.length) {
    const rows = result.rules.map((r) => [r.ruleId, r.title, String(r.before), String(r.after), `+${r.gained}`, `-${r.lost}`, cost(r, r.before, r.costBefore), cost(r, r.after, r.costAfter)]);
    lines.push(...table(['规则', '名称', '调整前', '调整后', '新增', '减少', '支出（调整前，元）', '支出（调整后，元）'], rows, new Set([2, 3, 4, 5, 6, 7])));
  } else {
    lines.push('  （该区划没有可评估的对象，或评估日没有生效的规则）');
  }
  lines.push('', '按下级区划：');
  if (result.divisions.length) {
    const rows = result.divisions.map((d) => [d.code, d.name, `+${d.gained}`, `-${d.lost}`, signed(d.costDelta)]);
    lines.push(...table(['区划代码', '名称', '新增', '减少', '支出变化（元）'], rows, new Set([2, 3, 4])));
  } else {
    lines.push('  （无下级区划）');
  }
  lines.push(
    '',
    '“未定”：金额由地方确定且尚未设定；“—”：没有可计算的金额（服务或责任义务类规则、没有符合条件的对象，或金额未定）。',
    '以上为模拟结果：未保存任何数据，政策包参数未作修改。',
  );
  return lines;
}

/** The real runner: opens the database the way every command does and acts as the system. */
const databaseRunner: SimulationRunner = (input, quiet) => withContext((ctx) => simulate(ctx, systemActor('cli'), input), { quiet });

export async function simulateCommand(options: SimulateOptions, io: Io = consoleIo, run: SimulationRunner = databaseRunner): Promise<number> {
  const parsed = parseSets(options.set ?? []);
  if ('error' in parsed) {
    io.err(`错误：${parsed.error}`);
    return 1;
  }
  if (!/^\d{2,12}$/.test(options.division)) {
    io.err(`错误：--division 须为行政区划代码，实际为“${options.division}”`);
    return 1;
  }
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    io.err(`错误：--as-of 须为日期（YYYY-MM-DD），实际为“${options.asOf}”`);
    return 1;
  }
  const result = await run({ division: options.division, asOf: options.asOf ?? chinaToday(), set: parsed.set }, Boolean(options.json));
  if (options.json) io.out(JSON.stringify(result, null, 2));
  else for (const line of simulationLines(result)) io.out(line);
  return 0;
}
