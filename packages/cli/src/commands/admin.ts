import type { Command } from 'commander';
import { roles } from '@anju/core';
import { migrateDown, systemActor, userService, verifyAuditChain } from '@anju/server';
import { withContext } from '../runtime.js';

export function registerAdmin(program: Command): void {
  const db = program.command('db').description('数据库');
  db.command('migrate')
    .description('执行数据库迁移并载入行政区划代码')
    .option('--down', '回退最近一次迁移')
    .action(async (opts: { down?: boolean }) => {
      await withContext(async (ctx) => {
        if (opts.down) console.log(`已回退：${(await migrateDown(ctx.database)) ?? '（无）'}`);
        else console.log('数据库已是最新');
      });
    });

  const user = program.command('user').description('用户管理');
  user
    .command('add')
    .description('新增用户')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--password <password>', '初始密码（至少8位，含字母和数字）')
    .requiredOption('--role <role>', `角色：${roles.values.join(' | ')}`)
    .option('--division <code>', '所属行政区划代码（空为全国）', '')
    .option('--department <dept>', '行业部门（department 角色必填）')
    .option('--name <displayName>', '姓名')
    .action(async (o: { username: string; password: string; role: string; division: string; department?: string; name?: string }) => {
      const created = await withContext((ctx) =>
        userService.createUser(ctx, systemActor('cli'), {
          username: o.username,
          password: o.password,
          role: o.role as never,
          divisionCode: o.division,
          department: (o.department ?? null) as never,
          displayName: o.name ?? o.username,
        }),
      );
      console.log(`已创建用户 ${created.username}（${roles.labels[created.role as keyof typeof roles.labels]}，${created.divisionCode || '全国'}）`);
    });
  user
    .command('list')
    .description('列出用户')
    .action(async () => {
      const page = await withContext((ctx) => userService.listUsers(ctx, systemActor('cli'), 1, 200));
      for (const u of page.items) {
        console.log([u.username, u.displayName, roles.labels[u.role as keyof typeof roles.labels], u.divisionCode || '全国', u.disabled ? '已停用' : '正常'].join('\t'));
      }
    });
  user
    .command('disable')
    .description('停用用户（立即结束其会话）')
    .argument('<username>')
    .action(async (username: string) => {
      await withContext(async (ctx) => {
        const actor = systemActor('cli');
        const u = await userService.findUserByName(ctx, actor, username);
        await userService.updateUser(ctx, actor, u.id, { version: u.version, disabled: true });
      });
      console.log(`已停用 ${username}`);
    });

  program
    .command('audit')
    .description('审计日志')
    .command('verify')
    .description('校验审计日志哈希链；被改动或删除的记录会被指出')
    .action(async () => {
      const result = await withContext((ctx) => verifyAuditChain(ctx.db));
      if (result.ok) {
        console.log(`审计日志完整：${result.entries} 条，末条哈希 ${result.lastHash}`);
      } else {
        console.error(`审计日志被篡改：第 ${result.brokenId} 条记录 —— ${result.reason}（此前 ${result.entries} 条完好）`);
        process.exitCode = 3;
      }
    });
}
