/**
 * `anju policy check FILE…`: the same validation a pack gets before the server accepts it —
 * shape, dates, every CEL expression against the fact catalog. Exit code 1 when any file fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { checkPackText, type PackIssue } from '@anju/core';
import { consoleIo, type Io } from './policy-format.js';

/** `规则 <id> <field>：<reason>`; parameters and the pack itself are named as such. */
export function packIssueLine(issue: PackIssue): string {
  const where = issue.where.startsWith('参数') || issue.where === '政策包' ? issue.where : `规则 ${issue.where}`;
  return `${where}${issue.field ? ` ${issue.field}` : ''}：${issue.reason}`;
}

export function checkCommand(files: string[], io: Io = consoleIo): number {
  let code = 0;
  for (const file of files) {
    if (!existsSync(file)) {
      io.err(`错误：文件不存在：${file}`);
      code = 1;
      continue;
    }
    const { pack, issues } = checkPackText(readFileSync(file, 'utf8'));
    if (pack) {
      const unset = pack.parameters.filter((p) => p.versions.some((v) => v.value === null)).length;
      io.out(
        `OK ${file}：政策包 ${pack.code}《${pack.title}》，规则 ${pack.rules.length} 条，参数 ${pack.parameters.length} 个` +
          (unset ? `（其中 ${unset} 个有未设定的版本，金额由地方确定）` : ''),
      );
      continue;
    }
    code = 1;
    io.out(`${file}：未通过校验，共 ${issues.length} 处问题`);
    for (const issue of issues) io.out(`  ${packIssueLine(issue)}`);
  }
  return code;
}
