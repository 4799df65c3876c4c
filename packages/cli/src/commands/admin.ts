import type { Command } from 'commander';
import { roles } from '@anju/core';
import { randomBytes } from 'node:crypto';
import { migrateDown, systemActor, userService, verifyAudit } from '@anju/server';
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
  user
    .command('reset')
    .description('重置密码为临时密码（用户下次登录须先修改密码），并解除登录等待')
    .argument('<username>')
    .option('--password <password>', '临时密码（不填则随机生成并显示）')
    .action(async (username: string, o: { password?: string }) => {
      // 12 random letters and digits: never a common password, always letters and digits.
      const password = o.password ?? `${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}7a`;
      await withContext(async (ctx) => {
        const actor = systemActor('cli');
        const u = await userService.findUserByName(ctx, actor, username);
        await userService.resetPassword(ctx, actor, u.id, password);
      });
      console.log(`已重置 ${username} 的密码${o.password ? '' : `为 ${password}`}；该用户登录后须先修改密码`);
    });

  program
    .command('audit')
    .description('审计日志')
    .command('verify')
    .description('校验审计日志哈希链及库外签名检查点；被改动、删除或截去的记录会被指出')
    .action(async () => {
      const result = await withContext((ctx) => verifyAudit(ctx));
      if (result.ok) {
        const checkpoint = result.checkpoint ? `，已写入检查点 ${result.checkpoint}` : '';
        console.log(`审计日志完整：${result.entries} 条，末条哈希 ${result.lastHash}${checkpoint}`);
      } else {
        const where = result.brokenId ? `第 ${result.brokenId} 条记录 —— ` : '';
        console.error(`审计日志被篡改：${where}${result.reason}（此前 ${result.entries} 条完好）`);
        process.exitCode = 3;
      }
    });
}
