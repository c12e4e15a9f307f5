import type { Command } from 'commander';
import { createUser, grantRole, setPassword } from '../../services/auth.service.ts';
import { ROLES, type Role } from '../../shared/enums.ts';
import { EXIT } from '../exit.ts';
import { openRuntime } from '../runtime.ts';

const CLI_ACTOR = { id: null, name: '命令行' };

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('用户管理');
  user
    .command('add <username>')
    .description('新建用户')
    .requiredOption('--password <password>', '初始密码（至少 8 位）')
    .option('--name <displayName>', '显示名')
    .action(async (username: string, o: { password: string; name?: string }) => {
      if (o.password.length < 8) {
        process.stderr.write('错误：密码至少 8 位\n');
        process.exit(EXIT.validation);
      }
      const rt = await openRuntime();
      await createUser(rt.deps, CLI_ACTOR, {
        username,
        displayName: o.name ?? username,
        password: o.password,
      });
      await rt.close();
      process.stdout.write(`已创建用户 ${username}\n`);
    });
  user
    .command('passwd <username>')
    .description('重设密码（并解除锁定）')
    .requiredOption('--password <password>', '新密码（至少 8 位）')
    .action(async (username: string, o: { password: string }) => {
      if (o.password.length < 8) {
        process.stderr.write('错误：密码至少 8 位\n');
        process.exit(EXIT.validation);
      }
      const rt = await openRuntime();
      await setPassword(rt.deps, CLI_ACTOR, username, o.password);
      await rt.close();
      process.stdout.write(`已重设 ${username} 的密码\n`);
    });
  user
    .command('grant <username> <role>')
    .description(`授予角色：${ROLES.join(' | ')}`)
    .option('--org <code>', '组织编码（admin 以外的角色必填）')
    .option('--pii', '允许查看完整身份证号', false)
    .action(async (username: string, role: string, o: { org?: string; pii: boolean }) => {
      if (!(ROLES as readonly string[]).includes(role)) {
        process.stderr.write(`错误：角色应为 ${ROLES.join(' | ')}\n`);
        process.exit(EXIT.usage);
      }
      const rt = await openRuntime();
      await grantRole(rt.deps, CLI_ACTOR, {
        username,
        role: role as Role,
        orgCode: o.org ?? null,
        pii: o.pii,
      });
      await rt.close();
      process.stdout.write(`已授予 ${username} 角色 ${role}${o.org ? `（${o.org}）` : ''}\n`);
    });
}
