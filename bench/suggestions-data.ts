/**
 * Builds the benchmark's data set on the embedded database: the demo data plus N generated suggestions,
 * each with a lead deputy, a lead-unit assignment and (for most) a submitted reply of three points, all
 * indexed for search the way the app indexes them. The file is kept under bench/out and reused.
 *
 * With a PostgreSQL URL the same data goes into that database instead. It is emptied first, so only a
 * database whose name starts with `qunei_bench` is accepted (created when missing).
 */
import fs from 'node:fs';
import pg from 'pg';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { bootstrap } from '../server/bootstrap.js';
import { seedDemo } from '../server/demo/seed.js';
import { newId } from '../server/platform/ids.js';
import { sql } from 'kysely';
import { indexSuggestion } from '../server/modules/suggestions/search/search.indexer.js';

const TOPICS = ['公交线路', '户籍办理', '职工子女入学', '园区停车', '污水处理', '供水管网', '绿化养护', '职工餐厅', '人才公寓', '标准厂房', '道路照明', '企业用工', '物流通道', '消防设施', '医疗服务', '垃圾分类', '冬季供暖', '天然气入户', '宽带网络', '安全生产'];
const PLACES = ['米山工业园', '开发区北区', '高平一中周边', '物流园', '装备制造园', '数字产业园', '米西村', '神农镇', '城区东部', '长平大道'];
const VERBS = ['加快推进', '进一步完善', '统筹解决', '优化提升', '加大投入', '尽快落实', '建立长效机制', '规范管理'];
const STATES = ['assigned', 'in_progress', 'in_progress', 'awaiting_feedback', 'awaiting_feedback', 'closed', 'closed', 'closed', 'rehandling'];
const CATEGORIES = ['城乡建设', '社会事业', '经济发展', '农业农村', '政法监察'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Empties (or creates) a benchmark database on PostgreSQL; refuses any other database. */
async function resetPostgres(url: string) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^qunei_bench\w*$/.test(name)) throw new Error(`基准测试只使用名称以 qunei_bench 开头的 PostgreSQL 数据库（会清空它），收到：${name}`);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!exists.rowCount) await admin.query(`create database ${name}`);
  await admin.end();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('drop schema public cascade; create schema public');
  await c.end();
}

export async function buildSuggestionsData(dataDir: string, total: number, databaseUrl: string | null = null, log = (s: string) => console.log(s)) {
  const marker = path.join(dataDir, `generated-${total}${databaseUrl ? `-${new URL(databaseUrl).pathname.slice(1)}` : ''}.ok`);
  if (fs.existsSync(marker)) return;
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  if (databaseUrl) await resetPostgres(databaseUrl);
  const config = { ...loadConfig({ ...process.env, QUNEI_DATA_DIR: dataDir, QUNEI_MODE: 'demo' }), databaseUrl, jobs: false };
  const { ctx, handle } = await bootstrap(config);
  await seedDemo(ctx);
  const db = ctx.db;
  const rand = rng(187);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const ruleSet = await db.selectFrom('rule_set').select('id').executeTakeFirstOrThrow();
  const deputies = (await db.selectFrom('deputy').select('id').execute()).map((d) => d.id);
  const units = (await db.selectFrom('org_unit').select('id').where('kind', 'in', ['bureau', 'zone', 'company']).execute()).map((u) => u.id);
  const now = new Date().toISOString();
  const perSession = 20_000;
  const sessions: string[] = [];
  for (let i = 0; i < Math.ceil(total / perSession); i++) {
    const id = newId();
    sessions.push(id);
    const meeting = ['一', '二', '三', '四', '五'][i % 5];
    await db.insertInto('congress_session').values({
      id, body: '人大', term: i < 5 ? '六' : '八', meeting, short_name: `${i < 5 ? '六' : '八'}届${meeting}次`, full_name: `高平市第${i < 5 ? '六' : '八'}届人民代表大会第${meeting}次会议（测试数据）`,
      starts_on: `${2015 + i}-01-10`, ends_on: `${2015 + i}-01-13`, rule_set_id: ruleSet.id, is_demo: 1, version: 1, created_at: now, updated_at: now,
    }).execute();
  }
  const started = Date.now();
  const batch = 500;
  for (let done = 0; done < total; done += batch) {
    await db.transaction().execute(async (tx) => {
      for (let k = done; k < Math.min(total, done + batch); k++) {
        const topic = pick(TOPICS);
        const place = pick(PLACES);
        const state = pick(STATES);
        const sessionIdx = Math.floor(k / perSession);
        const year = 2015 + sessionIdx;
        const unit = pick(units);
        const id = newId();
        const assigned = `${year}-03-${String(1 + (k % 28)).padStart(2, '0')}`;
        await tx.insertInto('suggestion').values({
          id, session_id: sessions[sessionIdx], number: (k % perSession) + 1,
          title: `关于${VERBS[k % VERBS.length]}${place}${topic}的建议`,
          body: `${place}${topic}问题群众反映较多。建议${pick(VERBS)}${topic}，${pick(VERBS)}${pick(TOPICS)}，明确责任单位和完成时限，切实解决${place}企业职工的实际困难。`,
          category: pick(CATEGORIES), kind: '建议', lead_deputy_id: pick(deputies), state, not_admitted_reason: null, round: state === 'rehandling' ? 2 : 1,
          submitted_at: now, admitted_at: now, assigned_on: assigned, reply_due: `${year}-06-${String(1 + (k % 28)).padStart(2, '0')}`, hard_due: `${year}-09-01`, extended_due: null,
          due_explain_json: null, key_supervision: k % 50 === 0 ? 1 : 0, lead_unit_id: unit, final_satisfaction: state === 'closed' ? 'satisfied' : null,
          closed_at: state === 'closed' ? now : null, search_text: null, is_demo: 1, version: 1, created_by: null, created_at: now, updated_at: now,
        }).execute();
        await tx.insertInto('suggestion_signer').values({ id: newId(), suggestion_id: id, deputy_id: pick(deputies), role: 'lead', status: 'accepted', invited_at: now, responded_at: now, is_demo: 1 }).execute();
        await tx.insertInto('assignment').values({
          id: newId(), suggestion_id: id, unit_id: unit, role: 'lead', state: 'accepted', assigned_on: assigned, accepted_at: now, return_due: assigned,
          return_reason: null, return_requested_at: null, return_decision: null, return_decision_note: null, return_decided_at: null,
          opinion_due: null, opinion_text: null, opinion_at: null, opinion_by: null, due_explain_json: null, is_demo: 1, version: 1, created_at: now, updated_at: now,
        }).execute();
        if (state !== 'assigned' && state !== 'in_progress') {
          const replyId = newId();
          await tx.insertInto('reply').values({
            id: replyId, suggestion_id: id, round: 1, state: 'submitted', unit_id: unit, doc_number: `高工信发〔${year}〕${(k % perSession) + 1}号`, class_code: pick(['A', 'B', 'C']),
            signer: null, contact_person: null, contact_phone: '5241566', intro: `关于你们提出的关于${place}${topic}的建议已收悉，现答复如下：`, closing: '以上答复你们是否满意，如有意见，敬请反馈。',
            reply_date: `${year}-05-20`, due_on: null, submitted_at: now, submitted_by: null, publication_state: 'draft', published_json: null, redactions_json: null, published_at: null,
            is_demo: 1, version: 1, created_at: now, updated_at: now,
          }).execute();
          for (let p = 1; p <= 3; p++) {
            const t = pick(TOPICS);
            await tx.insertInto('reply_point').values({
              id: newId(), reply_id: replyId, ordinal: p, heading: `关于${t}的问题`,
              text: `${pick(PLACES)}${t}工作由${pick(['恒通集团', '教育局', '公安局', '交通运输局', '城市管理局'])}负责，目前已${pick(VERBS)}，预计年底前完成${t}改造，下一步将${pick(VERBS)}${pick(TOPICS)}。`,
              responsible_org_id: null, is_demo: 1, version: 1, created_at: now, updated_at: now,
            }).execute();
          }
        }
        await indexSuggestion(tx, id);
      }
    });
    if ((done / batch) % 20 === 0) log(`  已生成 ${done + batch} / ${total}（${((Date.now() - started) / 1000).toFixed(0)} 秒）`);
  }
  // As after any bulk load: the visibility map for index-only scans, and statistics for the planner.
  if (ctx.dialect === 'postgres') await sql`vacuum analyze`.execute(db);
  await handle.close();
  fs.writeFileSync(marker, new Date().toISOString());
}
