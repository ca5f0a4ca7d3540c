import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { bootstrap } from './bootstrap.js';
import { buildApp } from './app.js';
import { seedDemo } from './demo/seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/accounts.js';
import { defaultPasswordProblems } from './demo/production-guard.js';
import { ROLE_LABELS } from './platform/auth/roles.js';
import { listenInfo } from './banner.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const config = loadConfig();
  const { ctx, handle } = await bootstrap(config);
  const app = await buildApp(ctx, { logger: { level: config.logLevel }, webDir: path.join(root, 'dist', 'web') });
  let seeded = false;
  if (config.mode === 'demo') {
    seeded = (await seedDemo(ctx)).created;
  } else {
    const problems = await defaultPasswordProblems(ctx.db);
    if (problems.length) {
      console.error(`拒绝以生产模式启动：以下账号仍是演示账号或使用已知默认密码：${problems.join('、')}。请先停用或修改这些账号（npm run qunei -- create-user …）。`);
      await handle.close();
      process.exit(3);
    }
  }
  if (config.jobs) ctx.jobs.start(Number(process.env.QUNEI_JOB_INTERVAL_MS ?? 30_000));
  await app.listen({ port: config.port, host: config.host });
  const listening = listenInfo(config.host, config.port);
  const url = listening.urls[0];
  const lines = [
    '',
    `qunei 区内办已启动，监听 ${listening.where}  （数据库：${ctx.dialect === 'postgres' ? 'PostgreSQL' : `SQLite ${config.sqliteFile}`}，模式：${config.mode === 'demo' ? '演示' : '生产'}）`,
    `  访问地址：${listening.urls.join('  ')}`,
    `  登录：${url}/login    公众门户：${url}/public    接口文档：${url}/api/docs`,
  ];
  if (config.mode === 'demo') {
    lines.push(`  演示账号（密码均为 ${DEMO_PASSWORD}${seeded ? '，演示数据已载入' : ''}）：`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.username.padEnd(12)} ${ROLE_LABELS[a.role].padEnd(6, '　')} ${a.displayName}  ${a.note}`);
  }
  console.log(lines.join('\n') + '\n');
  const shutdown = async () => {
    await app.close();
    await ctx.jobs.stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
