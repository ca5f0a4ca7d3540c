/**
 * Suggestions at scale: 100,000 suggestions with replies on the embedded database. Measures, in one run,
 * requests per second and p50/p99 latency over HTTP (the real server in its own process, logged in as the
 * organizer) for the paged, filtered suggestion list and for a two-character full-text search, and the
 * same queries run directly against the database as the ceiling; prints the ratio. A middle line runs the
 * service call in-process (all the request's queries and its presenting, no HTTP) to show where time goes.
 */
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { bootstrap } from '../server/bootstrap.js';
import { SuggestionRepo } from '../server/modules/suggestions/suggestions.repo.js';
import { suggestionScope } from '../server/modules/suggestions/suggestions.scope.js';
import { searchPage } from '../server/modules/suggestions/search/search.repo.js';
import { parseQuery } from '../server/modules/suggestions/search/search.text.js';
import { buildSuggestionsData } from './suggestions-data.js';
import { buildServices } from '../server/services.js';
import type { Actor } from '../server/platform/auth/roles.js';
import { fmt, httpGet, load, startServer, type Measured } from './support.js';

const TOTAL = Number(process.env.BENCH_SUGGESTIONS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const WORDS = ['公交', '户籍', '学校', '停车', '供水', '绿化', '厂房', '供暖', '物流', '消防'];
const STATES = ['in_progress', 'awaiting_feedback', 'closed'];

/** BENCH_DATABASE_URL=postgres://…/qunei_bench runs the same benchmark on PostgreSQL (that database is emptied). */
const PG_URL = process.env.BENCH_DATABASE_URL || null;

export async function benchSuggestions() {
  const dataDir = path.resolve('bench/out', `suggestions-${PG_URL ? 'pg-' : ''}${TOTAL}`);
  console.log(`\n■ 建议办理：${TOTAL.toLocaleString('zh-CN')} 件建议（含答复），${PG_URL ? `PostgreSQL ${new URL(PG_URL).pathname.slice(1)}` : `嵌入式数据库 ${dataDir}`}`);
  await buildSuggestionsData(dataDir, TOTAL, PG_URL);

  // Ceiling: the same queries straight against the database, one after another, in this process.
  const config = { ...loadConfig({ ...process.env, QUNEI_DATA_DIR: dataDir }), databaseUrl: PG_URL, jobs: false };
  const { ctx, handle } = await bootstrap(config);
  const sessions = (await ctx.db.selectFrom('congress_session').select('id').orderBy('starts_on').execute()).map((s) => s.id);
  const repo = new SuggestionRepo(ctx.db as never);
  const organizer = await ctx.db.selectFrom('app_user').select(['id', 'username', 'display_name', 'role']).where('username', '=', 'organizer').executeTakeFirstOrThrow();
  const actor: Actor = { userId: organizer.id, username: organizer.username, displayName: organizer.display_name, role: organizer.role as Actor['role'], orgUnitId: null, orgUnitName: null };
  const listArgs = (i: number) => ({ sessionId: sessions[i % sessions.length], states: [STATES[i % STATES.length]], page: 1 + (i % 50) });
  const dbList = await load(async (i) => { const a = listArgs(i); await repo.listSuggestions({ scope: suggestionScope.where(actor), sessionId: a.sessionId, states: a.states }, a.page, 20); }, 1, SECONDS);
  const dbSearch = await load(async (i) => { await searchPage(ctx.db, ctx.dialect, { chunks: parseQuery(WORDS[i % WORDS.length]), viewer: actor }, 1 + (i % 5), 20); }, 1, SECONDS);
  // Between the two: the whole request's work without HTTP (the service call: every query it makes and the
  // presenting of the page), for the organizer, one call after another.
  const services = buildServices(ctx);
  const svcList = await load(async (i) => { const a = listArgs(i); await services.suggestions.suggestions.list(actor, { sessionId: a.sessionId, state: a.states[0], page: a.page, pageSize: 20 } as never); }, 1, SECONDS);
  const svcSearch = await load(async (i) => { await services.suggestionTools.search.search(actor, { q: WORDS[i % WORDS.length], page: 1 + (i % 5), pageSize: 20 }); }, 1, SECONDS);
  const total = await ctx.db.selectFrom('suggestion').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await handle.close();

  const server = await startServer(dataDir, PG_URL);
  try {
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'organizer', password: 'demo123456' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const get = async (url: string) => {
      const r = await httpGet(server.url + url, { cookie });
      if (r.status !== 200) throw new Error(`${url} → ${r.status} ${r.body}`);
    };
    const listUrl = (i: number) => { const a = listArgs(i); return `/api/suggestions?sessionId=${a.sessionId}&state=${a.states[0]}&page=${a.page}&pageSize=20`; };
    const searchUrl = (i: number) => `/api/suggestions/search?q=${encodeURIComponent(WORDS[i % WORDS.length])}&page=${1 + (i % 5)}&pageSize=20`;
    await load((i) => get(listUrl(i)), CONCURRENCY, 2); // warm-up
    const httpList = await load((i) => get(listUrl(i)), CONCURRENCY, SECONDS);
    await load((i) => get(searchUrl(i)), CONCURRENCY, 2);
    const httpSearch = await load((i) => get(searchUrl(i)), CONCURRENCY, SECONDS);

    const row = (name: string, http: Measured, service: Measured, ceiling: Measured, p99Target: number) => {
      console.log(`  ${name}`);
      console.log(`    HTTP（并发 ${CONCURRENCY}）     ${fmt(http)}   目标 p99 ≤ ${p99Target} ms：${http.p99 <= p99Target ? '达到' : '未达到'}`);
      console.log(`    服务层（不经 HTTP） ${fmt(service)}`);
      console.log(`    数据库直查（上限） ${fmt(ceiling)}`);
      const ratio = http.rps / ceiling.rps;
      console.log(`    吞吐比 HTTP / 上限 = ${(ratio * 100).toFixed(0)}%   目标 ≥ 50%：${ratio >= 0.5 ? '达到' : '未达到'}`);
    };
    console.log(`  数据量：${Number(total.n).toLocaleString('zh-CN')} 件建议，${sessions.length} 个届次；每项测 ${SECONDS} 秒`);
    row('分页筛选列表（届次 + 状态，每页 20 条）', httpList, svcList, dbList, 20);
    row('两字全文检索（如“公交”，每页 20 条）', httpSearch, svcSearch, dbSearch, 50);
  } finally {
    await server.stop();
  }
}
