import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CliError, takeOption, type CliCommand } from '../command.js';
import { loadConfig } from '../../server/config.js';
import { bootstrap } from '../../server/bootstrap.js';
import { seedDemo } from '../../server/demo/seed.js';
import { auditKeyFor, exportCheckpoints, parseCheckpointExport, verifyAuditLog, writeAuditCheckpoint, type AuditReport } from '../../server/platform/audit/checkpoint.js';
import { hashPassword, passwordProblem } from '../../server/platform/auth/password.js';
import { isRole, ROLES } from '../../server/platform/auth/roles.js';
import { newId } from '../../server/platform/ids.js';
import { recordAudit } from '../../server/platform/audit/audit.js';
import { temporaryPassword } from '../../server/modules/admin/temp-password.js';
import { isPostgresUrl } from '../../server/platform/db/database.js';
import { createLogger } from '../../server/platform/logger.js';

async function withContext<T>(fn: (b: Awaited<ReturnType<typeof bootstrap>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const b = await bootstrap(config, { logger: createLogger({ level: 'warn', instance: config.instanceId, stream: 'stderr' }) });
  try {
    return await fn(b);
  } finally {
    await b.handle.close();
  }
}

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: '执行数据库迁移',
  usage: 'migrate',
  run: () => withContext(async (b) => {
    process.stdout.write(b.migrated.length ? `已执行迁移：${b.migrated.join('、')}\n` : '数据库已是最新\n');
    return 0;
  }),
};

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  summary: '载入演示数据（仅空库）',
  usage: 'seed-demo',
  run: () => withContext(async (b) => {
    const r = await seedDemo(b.ctx);
    process.stdout.write(r.created ? '演示数据已载入\n' : '数据库中已有数据，未重复载入\n');
    return 0;
  }),
};

export const createUserCommand: CliCommand = {
  name: 'create-user',
  summary: '新建用户（生产环境的第一个管理员也用它）',
  usage: 'create-user --username U --name 姓名 --role R [--org 单位全称] [--password P]',
  run: async (args) => {
    const username = takeOption(args, '--username')?.toLowerCase();
    const name = takeOption(args, '--name');
    const role = takeOption(args, '--role');
    const org = takeOption(args, '--org');
    let password = takeOption(args, '--password');
    if (!username || !name || !role) throw new CliError('需要 --username、--name 和 --role');
    if (!/^[a-z][a-z0-9_.-]{2,31}$/.test(username)) throw new CliError('用户名须为 3–32 位小写字母、数字或 _ . -，以字母开头');
    if (!isRole(role)) throw new CliError(`角色无效：${role}（可选：${ROLES.join(', ')}）`);
    const generated = !password;
    password ??= temporaryPassword();
    const problem = passwordProblem(password);
    if (problem) throw new CliError(problem);
    return withContext(async ({ ctx }) => {
      const orgRow = org ? await ctx.db.selectFrom('org_unit').select('id').where('name', '=', org).executeTakeFirst() : null;
      if (org && !orgRow) throw new CliError(`单位不存在：${org}`);
      if (await ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()) throw new CliError(`用户名已存在：${username}`);
      const now = ctx.clock.nowIso();
      const id = newId();
      await ctx.db.transaction().execute(async (tx) => {
        await tx.insertInto('app_user').values({
          id, username, display_name: name, role, org_unit_id: orgRow?.id ?? null, password_hash: await hashPassword(password!),
          must_change_password: generated ? 1 : 0, disabled: 0, is_demo: 0, version: 1, created_at: now, updated_at: now, last_login_at: null,
        }).execute();
        await recordAudit(tx, ctx.clock, { system: '命令行' }, { action: 'user.create', entityType: 'app_user', entityId: id, after: { username, role } });
      });
      process.stdout.write(`已创建用户 ${username}（${role}）${generated ? `，初始密码：${password}（首次登录后须修改）` : ''}\n`);
      return 0;
    });
  },
};

const describeAuditReport = (r: AuditReport): string[] => {
  const lines: string[] = [];
  if (r.firstBroken) lines.push(`第一处断点在序号 ${r.firstBroken.seq}（记录 ${r.firstBroken.id}）：${r.firstBroken.reason}`);
  if (r.missing) lines.push(r.missing.reason);
  if (r.rewritten) lines.push(r.rewritten.reason);
  for (const f of r.forged) lines.push(`检查点 ${f.id}（序号 ${f.seq}）的 HMAC 校验失败：检查点被伪造、改动，或审计密钥不一致`);
  for (const c of r.removedFromDatabase) lines.push(`导出的检查点 ${c.id}（序号 ${c.seq}）已不在数据库中：检查点被删除`);
  return lines;
};

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: '审计日志：校验哈希链与检查点、写入或导出检查点',
  usage: 'audit verify [--checkpoints 导出文件] | audit checkpoint | audit export [文件]',
  run: async (args) => {
    const sub = args.shift();
    if (sub === 'verify') {
      const file = takeOption(args, '--checkpoints');
      let exported: ReturnType<typeof parseCheckpointExport> = [];
      if (file) {
        if (!fs.existsSync(path.resolve(file))) throw new CliError(`检查点文件不存在：${file}`);
        try {
          exported = parseCheckpointExport(fs.readFileSync(path.resolve(file), 'utf8'));
        } catch (e) {
          throw new CliError((e as Error).message);
        }
      }
      return withContext(async ({ ctx }) => {
        const r = await verifyAuditLog(ctx.db, auditKeyFor(ctx.config), exported);
        const anchor = r.anchor
          ? `最新检查点在序号 ${r.anchor.seq}（${r.latestCheckpointAt}），其后 ${r.unanchored} 条尚无检查点`
          : '尚无检查点（可用 audit checkpoint 写入）';
        if (r.ok) {
          process.stdout.write(`审计日志完整：已校验 ${r.checked} 条记录，哈希链无断点；${r.checkpoints ? `${r.checkpoints} 个检查点均相符，` : ''}${anchor}\n`);
          return 0;
        }
        process.stdout.write(`审计日志被改动：\n${describeAuditReport(r).map((l) => `  - ${l}`).join('\n')}\n（已校验 ${r.checked} 条记录；${anchor}）\n`);
        return 1;
      });
    }
    if (sub === 'checkpoint') {
      return withContext(async ({ ctx }) => {
        const cp = await writeAuditCheckpoint(ctx.db, ctx.clock, auditKeyFor(ctx.config));
        process.stdout.write(cp ? `已写入检查点：序号 ${cp.seq}，共 ${cp.entries} 条记录，哈希 ${cp.headHash}\n` : '自上一个检查点以来没有新的审计记录，未写入\n');
        return 0;
      });
    }
    if (sub === 'export') {
      return withContext(async ({ ctx }) => {
        const data = `${JSON.stringify(await exportCheckpoints(ctx.db), null, 2)}\n`;
        if (args[0]) {
          fs.writeFileSync(path.resolve(args[0]), data, { mode: 0o600 });
          process.stdout.write(`已导出检查点到 ${path.resolve(args[0])}：请保存在本系统之外\n`);
        } else {
          process.stdout.write(data);
        }
        return 0;
      });
    }
    throw new CliError('用法：audit verify [--checkpoints 导出文件] | audit checkpoint | audit export [文件]');
  },
};

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: '备份嵌入式数据库（SQLite 在线备份）',
  usage: 'backup [目标文件]',
  run: async (args) => {
    const config = loadConfig();
    if (isPostgresUrl(config.databaseUrl)) {
      throw new CliError('PostgreSQL 请使用 pg_dump 备份，例如：pg_dump -Fc "$DATABASE_URL" > qunei-$(date +%F).dump（恢复：pg_restore -d "$DATABASE_URL" --clean qunei-日期.dump）');
    }
    if (!fs.existsSync(config.sqliteFile)) throw new CliError(`数据库文件不存在：${config.sqliteFile}`);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = path.resolve(args[0] ?? path.join(config.dataDir, 'backups', `qunei-${stamp}.sqlite`));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const db = new SQLite(config.sqliteFile, { readonly: true });
    try {
      await db.backup(target);
    } finally {
      db.close();
    }
    process.stdout.write(`已备份到 ${target}\n`);
    return 0;
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: '从备份恢复嵌入式数据库（先停止服务）',
  usage: 'restore 备份文件',
  run: async (args) => {
    const config = loadConfig();
    if (isPostgresUrl(config.databaseUrl)) throw new CliError('PostgreSQL 请使用 pg_restore 恢复：pg_restore -d "$DATABASE_URL" --clean 备份文件.dump');
    const source = args[0];
    if (!source || !fs.existsSync(source)) throw new CliError('请给出存在的备份文件路径');
    const check = new SQLite(source, { readonly: true });
    try {
      const ok = check.pragma('integrity_check', { simple: true });
      if (ok !== 'ok') throw new CliError(`备份文件损坏：${ok}`);
      check.prepare('select count(*) from qunei_migration').get();
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError('该文件不是 qunei 的数据库备份');
    } finally {
      check.close();
    }
    fs.mkdirSync(config.dataDir, { recursive: true });
    if (fs.existsSync(config.sqliteFile)) {
      const keep = `${config.sqliteFile}.before-restore-${Date.now()}`;
      fs.renameSync(config.sqliteFile, keep);
      process.stdout.write(`原数据库已保留为 ${keep}\n`);
    }
    for (const ext of ['-wal', '-shm']) fs.rmSync(config.sqliteFile + ext, { force: true });
    fs.copyFileSync(source, config.sqliteFile);
    process.stdout.write(`已从 ${source} 恢复到 ${config.sqliteFile}\n`);
    return 0;
  },
};
