import type { PermissionCase } from '../../testing/permission-case.js';
import { EVERYONE } from '../../testing/permission-case.js';
import type { TestEnv } from '../../testing/harness.js';
import { newId } from '../../platform/ids.js';
import { demoPromise, demoReplyId } from './testing.js';

const DEPUTIES = ['gaoyipeng', 'like', 'duxiaolin', 'hanzhifeng', 'wanjianqin'];
/** Everyone with a ledger: the organizer, the admin, unit and zone staff, and deputies. */
const LEDGER = ['admin', 'organizer', 'gongxin', 'hengtong', 'jiaoyu', 'zone', ...DEPUTIES];

/** A demo promise with its current version. */
const promise = async (env: TestEnv, words: string) => {
  const p = await demoPromise(env, 187, words);
  return { id: p.id, version: p.version };
};

/** A demo proposal of No. 187, reset to unconfirmed (and not discarded) so every caller meets the same row. */
const proposal = async (env: TestEnv, words: string, discarded = 0) => {
  const p = await demoPromise(env, 187, words);
  await env.ctx.db.updateTable('promise').set({ confirmed: 0, discarded }).where('id', '=', p.id).execute();
  return { id: p.id, version: p.version };
};

/** A piece of evidence with a file on the school's promise (made once). */
const evidenceFile = async (env: TestEnv) => {
  const p = await demoPromise(env, 187, '预计年底主体封顶');
  const found = await env.ctx.db.selectFrom('promise_evidence').select('id').where('promise_id', '=', p.id).where('file_id', 'is not', null).executeTakeFirst();
  if (found) return { promiseId: p.id, evidenceId: found.id };
  const now = env.ctx.clock.nowIso();
  const fileId = newId();
  const evidenceId = newId();
  await env.ctx.db.insertInto('file_blob').values({ id: fileId, name: '验收记录.pdf', mime: 'application/pdf', size: 9, content_hash: '0'.repeat(64), data: Buffer.from('%PDF-1.4\n'), created_by: null, created_at: now }).execute();
  await env.ctx.db.insertInto('promise_evidence').values({
    id: evidenceId, promise_id: p.id, note: '权限测试附件', file_id: fileId, happened_on: '2024-07-31', internal: 0, created_by: null, created_by_name: '测试',
    created_at: now, voided_at: null, voided_by: null, void_reason: null, is_demo: 0, version: 1,
  }).execute();
  return { promiseId: p.id, evidenceId };
};

/** Who may call each route of the promises module (承诺), on the demo data of No. 187 and No. 45. */
export const promisePermissions: PermissionCase[] = [
  { method: 'GET', route: '/api/promises', allowed: LEDGER, sample: () => ({ url: '/api/promises?overdue=0&pageSize=5' }) },
  { method: 'GET', route: '/api/promises/summary', allowed: LEDGER, sample: () => ({ url: '/api/promises/summary?groupBy=status' }) },
  { method: 'GET', route: '/api/promises/export', allowed: LEDGER, sample: () => ({ url: '/api/promises/export' }) },
  { method: 'GET', route: '/api/promises/dashboard', allowed: LEDGER, sample: () => ({ url: '/api/promises/dashboard' }) },
  { method: 'GET', route: '/api/promises/to-rate', allowed: DEPUTIES, sample: () => ({ url: '/api/promises/to-rate' }) },
  // The school: owned by 教育局, in 工信局's reply, confirmed (the zone reads every confirmed promise).
  { method: 'GET', route: '/api/promises/:id', allowed: ['admin', 'organizer', 'gongxin', 'jiaoyu', 'zone', ...DEPUTIES], sample: async (env) => ({ url: `/api/promises/${(await promise(env, '预计年底主体封顶')).id}` }) },
  // Every unit with promises in the reply, the zone, the deputies who signed it.
  { method: 'GET', route: '/api/replies/:id/promises', allowed: LEDGER, sample: async (env) => ({ url: `/api/replies/${await demoReplyId(env, 187)}/promises` }) },
  { method: 'POST', route: '/api/replies/:id/promises/extract', allowed: ['gongxin'], sample: async (env) => ({ url: `/api/replies/${await demoReplyId(env, 187)}/promises/extract` }) },
  { method: 'POST', route: '/api/replies/:id/promises', allowed: ['gongxin'], sample: async (env) => {
    const org = await env.ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', '公安局').executeTakeFirstOrThrow();
    return { url: `/api/replies/${await demoReplyId(env, 187)}/promises`, body: { text: '权限测试：设立户籍便民服务点', ownerOrgId: org.id, due: '2024-12-31' } };
  } },
  // Whoever reads the suggestion itself (the zone has a ledger but does not read suggestions).
  { method: 'GET', route: '/api/suggestions/:id/promises', allowed: LEDGER.filter((w) => w !== 'zone'), sample: async (env) => {
    const s = await env.ctx.db.selectFrom('suggestion').select('id').where('number', '=', 187).where('is_demo', '=', 1).executeTakeFirstOrThrow();
    return { url: `/api/suggestions/${s.id}/promises` };
  } },
  // 我们将建立… : the lead unit's own promise.
  { method: 'POST', route: '/api/promises/:id/confirm', allowed: ['gongxin'], sample: async (env) => { const p = await proposal(env, '我们将建立多部门协作联动机制'); return { url: `/api/promises/${p.id}/confirm`, body: { version: p.version } }; } },
  // The canteen: reported done, owned by 恒通集团 in 工信局's reply: both may review it.
  { method: 'PATCH', route: '/api/promises/:id', allowed: ['gongxin', 'hengtong'], sample: async (env) => { const p = await proposal(env, '职工餐厅'); return { url: `/api/promises/${p.id}`, body: { version: p.version, action: `营业${Math.random().toString(36).slice(2, 5)}` } }; } },
  { method: 'POST', route: '/api/promises/:id/discard', allowed: ['gongxin', 'hengtong'], sample: async (env) => { const p = await proposal(env, '住宿、商超、健身等配套设施也已建成'); return { url: `/api/promises/${p.id}/discard`, body: { version: p.version, reason: '权限测试' } }; } },
  { method: 'POST', route: '/api/promises/:id/restore', allowed: ['gongxin', 'hengtong'], sample: async (env) => { const p = await proposal(env, '住宿、商超、健身等配套设施也已建成', 1); return { url: `/api/promises/${p.id}/restore`, body: { version: p.version } }; } },
  // 恒通集团's open-ended greening promise: only the owner keeps it.
  // The school: 工信局 wrote the reply, 教育局 owns it; either may choose where its progress comes from.
  { method: 'GET', route: '/api/promises/:id/source-options', allowed: ['gongxin', 'jiaoyu'], sample: async (env) => ({ url: `/api/promises/${(await promise(env, '预计年底主体封顶')).id}/source-options` }) },
  { method: 'PUT', route: '/api/promises/:id/source', allowed: ['gongxin', 'jiaoyu'], sample: async (env) => {
    const p = await promise(env, '预计年底主体封顶');
    const project = await env.ctx.db.selectFrom('project').select('id').where('name', '=', '高平市第十中学建设项目').executeTakeFirstOrThrow();
    const cur = await env.ctx.db.selectFrom('promise').select(['source_kind', 'source_id']).where('id', '=', p.id).executeTakeFirstOrThrow();
    // Alternate between the project and no source, so every allowed caller makes a real change.
    return { url: `/api/promises/${p.id}/source`, body: { version: p.version, source: cur.source_kind ? null : { kind: 'project', id: project.id } } };
  } },
  { method: 'POST', route: '/api/promises/:id/status', allowed: ['hengtong'], sample: async (env) => { const p = await promise(env, '持续加大绿化美化力度'); return { url: `/api/promises/${p.id}/status`, body: { version: p.version, status: 'in_progress' } }; } },
  { method: 'POST', route: '/api/promises/:id/progress', allowed: ['hengtong'], sample: async (env) => { const p = await promise(env, '持续加大绿化美化力度'); return { url: `/api/promises/${p.id}/progress`, body: { version: p.version, progress: 20 + Math.floor(Math.random() * 70) } }; } },
  { method: 'POST', route: '/api/promises/:id/evidence', allowed: ['hengtong'], sample: async (env) => { const p = await promise(env, '持续加大绿化美化力度'); return { url: `/api/promises/${p.id}/evidence`, body: { version: p.version, note: '权限测试佐证', happenedOn: '2024-07-31' } }; } },
  { method: 'POST', route: '/api/promises/:id/evidence/:evidenceId/void', allowed: ['jiaoyu'], sample: async (env) => {
    const e = await evidenceFile(env);
    const v = await env.ctx.db.selectFrom('promise_evidence').select('version').where('id', '=', e.evidenceId).executeTakeFirstOrThrow();
    return { url: `/api/promises/${e.promiseId}/evidence/${e.evidenceId}/void`, body: { version: v.version, reason: '权限测试' } };
  } },
  { method: 'GET', route: '/api/promises/:id/evidence/:evidenceId/file', allowed: ['admin', 'organizer', 'gongxin', 'jiaoyu', 'zone', ...DEPUTIES], sample: async (env) => {
    const e = await evidenceFile(env);
    return { url: `/api/promises/${e.promiseId}/evidence/${e.evidenceId}/file` };
  } },
  // The 163 亩 transfer, done: the five deputies of No. 187 rate it.
  { method: 'POST', route: '/api/promises/:id/ratings', allowed: DEPUTIES, sample: async (env) => { const p = await promise(env, '有望8月份顺利出让'); return { url: `/api/promises/${p.id}/ratings`, body: { rating: 'kept', promiseVersion: p.version } }; } },
  { method: 'GET', route: '/api/public/promises', allowed: EVERYONE, sample: () => ({ url: '/api/public/promises' }) },
  { method: 'GET', route: '/api/public/promises/:id', allowed: EVERYONE, sample: async (env) => {
    const r = await demoReplyId(env, 45);
    const p = await env.ctx.db.selectFrom('promise').select('id').where('reply_id', '=', r).where('confirmed', '=', 1).executeTakeFirstOrThrow();
    return { url: `/api/public/promises/${p.id}` };
  } },
];
