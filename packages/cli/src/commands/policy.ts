/** `anju policy …`: evaluate a case file, check a pack file, simulate a parameter change. */
import type { Command } from 'commander';
import { checkCommand } from './policy-check.js';
import { evaluateCommand } from './policy-evaluate.js';
import { simulateCommand } from './policy-simulate.js';

/** A repeatable option's values; no default, so help does not show an empty list. */
const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description('政策包：按案例评估应享待遇、校验政策包、模拟调整参数');

  policy
    .command('evaluate')
    .description('按案例文件评估应享政策（不用数据库）：逐个对象列出适用规则、是否符合、金额、条款依据和判断过程')
    .requiredOption('--input <file>', '案例文件（JSON，格式见 packages/core/policy-packs/cases/）')
    .option('--as-of <date>', '评估日期 YYYY-MM-DD（默认取案例文件的 asOf，否则为今天）')
    .option('--pack <file>', '改用此政策包文件评估（可重复；默认用系统自带的政策包）', collect)
    .option('--json', '以 JSON 输出评估结果')
    .action((o: { input: string; asOf?: string; pack?: string[]; json?: boolean }) => {
      process.exitCode = evaluateCommand(o);
    });

  policy
    .command('check')
    .description('校验政策包文件（YAML/JSON）：格式、有效期、条件表达式与事实目录')
    .argument('<files...>', '政策包文件')
    .action((files: string[]) => {
      process.exitCode = checkCommand(files);
    });

  policy
    .command('simulate')
    .description('模拟调整政策参数：按规则、按下级区划统计新增和减少的对象及支出变化（不保存任何数据）')
    .option('--set <CODE.name=VALUE>', '假设的参数值，如 GZ-2022.returnHireSubsidy=800（可重复）', collect)
    .requiredOption('--division <code>', '行政区划代码')
    .option('--as-of <date>', '评估日期 YYYY-MM-DD（默认今天）')
    .option('--json', '以 JSON 输出结果')
    .action(async (o: { set?: string[]; division: string; asOf?: string; json?: boolean }) => {
      process.exitCode = await simulateCommand(o);
    });
}
