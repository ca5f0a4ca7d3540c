#!/usr/bin/env node
// The whole suite: type check, unit + integration tests on SQLite and on PostgreSQL, web build, browser tests.
// With CI=true a missing PostgreSQL or Chromium fails the run; elsewhere it is skipped and said so.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const CI = !!process.env.CI && process.env.CI !== 'false';
const PG_URL = process.env.QUNEI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHROMIUM = process.env.QUNEI_CHROMIUM ?? '/usr/bin/chromium';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qunei-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedParts = [];
let ok = true;

function run(title, cmd, args, env = {}) {
  console.log(`\n━━ ${title} ━━`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.log(`✗ ${title} 失败（退出码 ${r.status}）`);
    ok = false;
  }
  return r.status === 0;
}

function vitest(title, args, env) {
  const out = path.join(tmp, `${title.replace(/\W+/g, '_')}.json`);
  run(title, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${out}`], env);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
  } else {
    totals.failed += 1;
  }
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (e) {
    return String(e.message ?? e);
  } finally {
    await client.end().catch(() => {});
  }
}

run('类型检查 tsc --noEmit', 'npx', ['tsc', '--noEmit', '-p', '.']);
vitest('单元与集成测试（SQLite）', [], { QUNEI_TEST_DB: 'sqlite' });

const pgOk = await postgresReachable();
if (pgOk === true) {
  // Pure domain tests do not touch the database: run only what does, a second time, on PostgreSQL.
  vitest('集成测试（PostgreSQL）', ['server', 'cli'], { QUNEI_TEST_DB: 'postgres', QUNEI_TEST_PG_URL: PG_URL });
} else if (CI) {
  console.log(`\n✗ CI 需要 PostgreSQL（${PG_URL}），但无法连接：${pgOk}`);
  ok = false;
  totals.failed += 1;
} else {
  skippedParts.push(`PostgreSQL 集成测试（无法连接 ${PG_URL}：${pgOk}）`);
}

run('构建前端 vite build', 'npx', ['vite', 'build', '--logLevel', 'warn']);

if (fs.existsSync(CHROMIUM)) {
  vitest('浏览器测试（Chromium）', ['--config', 'e2e/vitest.config.ts'], {});
} else if (CI) {
  console.log(`\n✗ CI 需要浏览器，但未找到 ${CHROMIUM}`);
  ok = false;
  totals.failed += 1;
} else {
  skippedParts.push(`浏览器测试（未找到 ${CHROMIUM}，可用 apt-get install -y chromium fonts-noto-cjk 安装）`);
}

console.log('\n━━ 汇总 ━━');
for (const s of skippedParts) console.log(`[跳过] ${s}`);
if (totals.failed > 0) ok = false;
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
