/** Test helpers for the promises module: a fresh copy of No. 187's reply, and demo lookups. Used by tests only. */
import type { TestEnv, Client } from '../../testing/harness.js';
import { fixtureDeputy, fixtureSession, fixtureSuggestion } from '../suggestions/tools.fixtures.js';

/** The organisations responsible for No. 187's six points, as the demo has them. */
const POINT_ORGS = ['教育局', '恒通集团', '公安局', '恒通集团', '恒通集团', '开发区管委会'];

/**
 * A new suggestion (lead 郜义鹏, co-signer 李科, lead unit 工信局) whose submitted reply has the points of No. 187's
 * reply, dated 2024-08-22, with no promises yet.
 */
export async function fresh187(env: TestEnv, opts: { state?: 'draft' | 'submitted' } = {}) {
  const db = env.ctx.db;
  const demo = await db.selectFrom('reply as r').innerJoin('suggestion as s', 's.id', 'r.suggestion_id').select(['r.id', 'r.intro', 'r.closing'])
    .where('s.number', '=', 187).where('s.is_demo', '=', 1).executeTakeFirstOrThrow();
  const points = await db.selectFrom('reply_point').select(['heading', 'text', 'ordinal']).where('reply_id', '=', demo.id).orderBy('ordinal').execute();
  const { sessionId } = await fixtureSession(env.ctx);
  const lead = await fixtureDeputy(env.ctx, { username: 'gaoyipeng' });
  const co = await fixtureDeputy(env.ctx, { username: 'like' });
  const { id, replyIds } = await fixtureSuggestion(env.ctx, {
    sessionId, number: 900 + Math.floor(Math.random() * 90), title: '关于提升开发区公共配套服务的建议（测试）', body: '测试', leadDeputyId: lead, coDeputyIds: [co],
    leadUnit: '工信局', coUnits: ['恒通集团', '教育局'], state: opts.state === 'draft' ? 'in_progress' : 'awaiting_feedback',
    replies: [{ state: opts.state ?? 'submitted', replyDate: opts.state === 'draft' ? null : '2024-08-22', intro: demo.intro, points: points.map((p, i) => ({ heading: p.heading, text: p.text, org: POINT_ORGS[i] })) }],
    index: false,
  });
  return { suggestionId: id, replyId: replyIds[0] };
}

export async function demoReplyId(env: TestEnv, number: number) {
  return (await env.ctx.db.selectFrom('reply as r').innerJoin('suggestion as s', 's.id', 'r.suggestion_id').select('r.id')
    .where('s.number', '=', number).where('s.is_demo', '=', 1).where('r.round', '=', 1).executeTakeFirstOrThrow()).id;
}

/** A demo promise of a reply, found by words of its source text. */
export async function demoPromise(env: TestEnv, number: number, words: string) {
  const replyId = await demoReplyId(env, number);
  const rows = await env.ctx.db.selectFrom('promise').selectAll().where('reply_id', '=', replyId).execute();
  const hit = rows.find((r) => (r.source_text ?? r.text).replace(/\s/g, '').includes(words));
  if (!hit) throw new Error(`no demo promise with “${words}”`);
  return hit;
}

export async function ok<T = any>(res: Promise<{ statusCode: number; body: string; json(): any }>, status = 200): Promise<T> {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body.slice(0, 400)}`);
  return r.json() as T;
}

export type { Client };
