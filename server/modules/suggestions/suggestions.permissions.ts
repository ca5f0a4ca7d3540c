import type { PermissionCase } from '../../testing/permission-case.js';
import type { TestEnv } from '../../testing/harness.js';
import { currentDemoSession } from './suggestions.test-helpers.js';

const DEPUTIES = ['gaoyipeng', 'like', 'duxiaolin', 'hanzhifeng', 'wanjianqin'];
const UNITS = ['gongxin', 'hengtong', 'jiaoyu'];
/** Who is on No. 187: the organizer, admin, its three demo units (lead 工信局; co 恒通集团, 教育局) and its five deputies. */
const ON_187 = ['admin', 'organizer', ...UNITS, ...DEPUTIES];
const STALE = 99999;

const byNumber = async (env: TestEnv, n: number) => env.ctx.db.selectFrom('suggestion').select(['id', 'version']).where('number', '=', n).executeTakeFirstOrThrow();
const byTitle = async (env: TestEnv, t: string) => env.ctx.db.selectFrom('suggestion').select(['id', 'version']).where('title', 'like', `%${t}%`).executeTakeFirstOrThrow();
const assignmentOf = async (env: TestEnv, n: number, unitShort: string) => {
  const s = await byNumber(env, n);
  return env.ctx.db.selectFrom('assignment').innerJoin('org_unit', 'org_unit.id', 'assignment.unit_id').select(['assignment.id', 'assignment.version'])
    .where('assignment.suggestion_id', '=', s.id).where('org_unit.short_name', '=', unitShort).executeTakeFirstOrThrow();
};
const replyOf = async (env: TestEnv, n: number) => {
  const s = await byNumber(env, n);
  return env.ctx.db.selectFrom('reply').select(['id', 'version']).where('suggestion_id', '=', s.id).orderBy('round').executeTakeFirstOrThrow();
};
const pointOf = async (env: TestEnv, n: number) => {
  const r = await replyOf(env, n);
  return env.ctx.db.selectFrom('reply_point').select(['id', 'version']).where('reply_id', '=', r.id).orderBy('ordinal').executeTakeFirstOrThrow();
};
const orgId = async (env: TestEnv, short: string) => (await env.ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', short).executeTakeFirstOrThrow()).id;
const deputyId = async (env: TestEnv, name: string) => (await env.ctx.db.selectFrom('deputy').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

/** A pending extension request on No. 203 (in progress), made once per test database. */
const pendingExtension = new WeakMap<TestEnv, string>();
async function extensionRequest(env: TestEnv) {
  let id = pendingExtension.get(env);
  if (!id) {
    const a = await assignmentOf(env, 203, '交通运输局');
    const s = await byNumber(env, 203);
    id = `perm-ext-${Math.random().toString(36).slice(2, 10)}`;
    await env.ctx.db.insertInto('extension_request').values({
      id, suggestion_id: s.id, assignment_id: a.id, requested_due: '2099-01-01', reason: '权限测试用的延期申请', state: 'pending', decided_due: null,
      decision_note: null, requested_by: null, requested_at: env.ctx.clock.nowIso(), decided_by: null, decided_at: null, is_demo: 0, version: 1,
    }).execute();
    pendingExtension.set(env, id);
  }
  return id;
}

const uniq = () => Math.random().toString(36).slice(2, 8);

/**
 * Every route of the suggestions workflow. Samples aim at rows where an allowed caller passes the policy and
 * then meets a state rule (409) or a stale version, so the matrix changes little; the few real changes
 * (the invited deputy signs, the lead deputy submits his draft) are ordered so later cases still hold.
 * While it is a draft, 郜义鹏's suggestion is his (and his invitee's) alone: the organizer comes in once it is submitted.
 */
export const suggestionPermissions: PermissionCase[] = [
  { method: 'GET', route: '/api/rule-sets', allowed: ['admin', 'organizer'], sample: () => ({ url: '/api/rule-sets' }) },
  {
    method: 'POST', route: '/api/rule-sets', allowed: ['admin'], sample: () => ({
      url: '/api/rule-sets', body: {
        name: `权限测试规则${uniq()}`, jurisdiction: '测试市', replyMonths: 3, hardMonths: 6, coOpinionMonths: 1, returnWindowCount: 5, returnWindowUnit: 'days',
        rereplyMonths: 1, publishWorkdays: 20, classScheme: [{ code: 'A', label: '已解决' }, { code: 'B', label: '列入计划' }], classMarkOnDoc: true, replyMode: 'joint', reminders: [{ kind: 'on_day' }],
      },
    }),
  },
  { method: 'PATCH', route: '/api/rule-sets/:id', allowed: ['admin'], sample: async (env) => ({ url: `/api/rule-sets/${(await env.ctx.db.selectFrom('rule_set').select('id').executeTakeFirstOrThrow()).id}`, body: { version: STALE, publishWorkdays: 20 } }) },

  { method: 'GET', route: '/api/congress-sessions', allowed: ['admin', 'organizer', ...UNITS, ...DEPUTIES], sample: () => ({ url: '/api/congress-sessions' }) },
  {
    method: 'POST', route: '/api/congress-sessions', allowed: ['organizer'], sample: async (env) => ({
      url: '/api/congress-sessions', body: { body: '人大', term: '八', meeting: '一', fullName: `权限测试会议${uniq()}`, startsOn: '2027-01-10', endsOn: '2027-01-13', ruleSetId: (await env.ctx.db.selectFrom('rule_set').select('id').executeTakeFirstOrThrow()).id },
    }),
  },
  { method: 'PATCH', route: '/api/congress-sessions/:id', allowed: ['organizer'], sample: async (env) => ({ url: `/api/congress-sessions/${(await env.ctx.db.selectFrom('congress_session').select('id').executeTakeFirstOrThrow()).id}`, body: { version: STALE, endsOn: '2024-01-13' } }) },

  { method: 'GET', route: '/api/deputies', allowed: ['admin', 'organizer', ...DEPUTIES], sample: () => ({ url: '/api/deputies' }) },
  { method: 'GET', route: '/api/deputies/me', allowed: DEPUTIES, sample: () => ({ url: '/api/deputies/me' }) },
  { method: 'POST', route: '/api/deputies', allowed: ['organizer'], sample: () => ({ url: '/api/deputies', body: { name: `测试代表${uniq()}`, body: '人大', delegation: '测试代表团', phone: '13800009999' } }) },
  { method: 'PATCH', route: '/api/deputies/:id', allowed: ['organizer'], sample: async (env) => ({ url: `/api/deputies/${await deputyId(env, '赵丽萍')}`, body: { version: STALE, delegation: '南城街道代表团' } }) },

  { method: 'GET', route: '/api/suggestions', allowed: ['admin', 'organizer', ...UNITS, ...DEPUTIES], sample: () => ({ url: '/api/suggestions' }) },
  // Deputies draft (their own, lead omitted); the organizer must name the lead deputy, so this body is a 400 for them, not a refusal.
  { method: 'POST', route: '/api/suggestions', allowed: ['organizer', ...DEPUTIES], sample: async (env) => ({ url: '/api/suggestions', body: { sessionId: (await env.ctx.db.selectFrom('congress_session').select('id').where('short_name', '=', currentDemoSession(env)).executeTakeFirstOrThrow()).id, title: '关于权限测试的建议草稿', body: '这是权限矩阵测试起草的建议内容。', category: '其他' } }) },
  { method: 'GET', route: '/api/suggestions/:id', allowed: ON_187, sample: async (env) => ({ url: `/api/suggestions/${(await byNumber(env, 187)).id}` }) },
  { method: 'GET', route: '/api/suggestions/:id/events', allowed: ON_187, sample: async (env) => ({ url: `/api/suggestions/${(await byNumber(env, 187)).id}/events` }) },
  // The invited deputy (李科) signs 郜义鹏's draft first; then the draft can be submitted.
  { method: 'POST', route: '/api/suggestions/:id/signature', allowed: ['like'], sample: async (env) => ({ url: `/api/suggestions/${(await byTitle(env, '职工健身场地')).id}/signature`, body: { accept: true } }) },
  { method: 'PATCH', route: '/api/suggestions/:id', allowed: ['gaoyipeng'], sample: async (env) => ({ url: `/api/suggestions/${(await byTitle(env, '职工健身场地')).id}`, body: { version: STALE, category: '社会保障' } }) },
  { method: 'DELETE', route: '/api/suggestions/:id/signers/:deputyId', allowed: ['gaoyipeng'], sample: async (env) => ({ url: `/api/suggestions/${(await byTitle(env, '职工健身场地')).id}/signers/${await deputyId(env, '王秀梅')}` }) },
  { method: 'POST', route: '/api/suggestions/:id/submit', allowed: ['gaoyipeng'], sample: async (env) => { const s = await byTitle(env, '职工健身场地'); return { url: `/api/suggestions/${s.id}/submit`, body: { version: s.version } }; } },
  { method: 'POST', route: '/api/suggestions/:id/signers', allowed: ['organizer', 'gaoyipeng'], sample: async (env) => ({ url: `/api/suggestions/${(await byTitle(env, '职工健身场地')).id}/signers`, body: { deputyId: await deputyId(env, '郜义鹏') } }) },
  { method: 'POST', route: '/api/suggestions/:id/admit', allowed: ['organizer'], sample: async (env) => ({ url: `/api/suggestions/${(await byNumber(env, 187)).id}/admit`, body: { version: STALE } }) },
  { method: 'POST', route: '/api/suggestions/:id/not-admit', allowed: ['organizer'], sample: async (env) => ({ url: `/api/suggestions/${(await byNumber(env, 187)).id}/not-admit`, body: { version: STALE, reason: '权限测试理由' } }) },
  { method: 'POST', route: '/api/suggestions/:id/assign', allowed: ['organizer'], sample: async (env) => ({ url: `/api/suggestions/${(await byNumber(env, 187)).id}/assign`, body: { version: STALE, leadUnitId: await orgId(env, '工信局'), coUnitIds: [] } }) },
  { method: 'PUT', route: '/api/suggestions/:id/key-supervision', allowed: ['organizer'], sample: async (env) => ({ url: `/api/suggestions/${(await byNumber(env, 187)).id}/key-supervision`, body: { version: STALE, keySupervision: true } }) },
  { method: 'POST', route: '/api/suggestions/:id/supervision-actions', allowed: ['organizer'], sample: async (env) => ({ url: `/api/suggestions/${(await byNumber(env, 156)).id}/supervision-actions`, body: { kind: 'reminder', happenedOn: '2024-01-15', note: '权限测试督办记录' } }) },
  { method: 'POST', route: '/api/suggestions/:id/extension-requests', allowed: ['gongxin'], sample: async (env) => ({ url: `/api/suggestions/${(await byNumber(env, 187)).id}/extension-requests`, body: { requestedDue: '2024-10-31', reason: '权限测试延期理由' } }) },

  { method: 'POST', route: '/api/assignments/:id/accept', allowed: ['gongxin'], sample: async (env) => { const a = await assignmentOf(env, 187, '工信局'); return { url: `/api/assignments/${a.id}/accept`, body: { version: a.version } }; } },
  { method: 'POST', route: '/api/assignments/:id/return-request', allowed: ['gongxin'], sample: async (env) => { const a = await assignmentOf(env, 187, '工信局'); return { url: `/api/assignments/${a.id}/return-request`, body: { version: a.version, reason: '权限测试退办理由' } }; } },
  { method: 'POST', route: '/api/assignments/:id/return-decision', allowed: ['organizer'], sample: async (env) => { const a = await assignmentOf(env, 187, '工信局'); return { url: `/api/assignments/${a.id}/return-decision`, body: { version: a.version, approve: false } }; } },
  { method: 'PUT', route: '/api/assignments/:id/opinion', allowed: ['hengtong'], sample: async (env) => { const a = await assignmentOf(env, 187, '恒通集团'); return { url: `/api/assignments/${a.id}/opinion`, body: { version: a.version, text: '权限测试的协办意见' } }; } },
  { method: 'POST', route: '/api/extension-requests/:id/decision', allowed: ['organizer'], sample: async (env) => ({ url: `/api/extension-requests/${await extensionRequest(env)}/decision`, body: { version: STALE, approve: false } }) },

  { method: 'PATCH', route: '/api/replies/:id', allowed: ['gongxin'], sample: async (env) => { const r = await replyOf(env, 187); return { url: `/api/replies/${r.id}`, body: { version: r.version, signer: '权限测试' } }; } },
  { method: 'POST', route: '/api/replies/:id/points', allowed: ['gongxin'], sample: async (env) => ({ url: `/api/replies/${(await replyOf(env, 187)).id}/points`, body: { heading: '测试', text: '权限测试要点' } }) },
  { method: 'PUT', route: '/api/replies/:id/point-order', allowed: ['gongxin'], sample: async (env) => ({ url: `/api/replies/${(await replyOf(env, 187)).id}/point-order`, body: { pointIds: [(await pointOf(env, 187)).id] } }) },
  { method: 'PATCH', route: '/api/reply-points/:id', allowed: ['gongxin'], sample: async (env) => { const p = await pointOf(env, 187); return { url: `/api/reply-points/${p.id}`, body: { version: p.version, text: '权限测试' } }; } },
  { method: 'DELETE', route: '/api/reply-points/:id', allowed: ['gongxin'], sample: async (env) => { const p = await pointOf(env, 187); return { url: `/api/reply-points/${p.id}?version=${p.version}` }; } },
  { method: 'POST', route: '/api/replies/:id/submit', allowed: ['gongxin'], sample: async (env) => { const r = await replyOf(env, 187); return { url: `/api/replies/${r.id}/submit`, body: { version: r.version } }; } },
  // No. 45 is closed: its co-signer 郜义鹏 passes the policy and meets 409; nobody else may rate it.
  { method: 'POST', route: '/api/replies/:id/ratings', allowed: ['gaoyipeng'], sample: async (env) => ({ url: `/api/replies/${(await replyOf(env, 45)).id}/ratings`, body: { satisfaction: 'satisfied', metInPerson: false } }) },

  { method: 'GET', route: '/api/suggestions-dashboard', allowed: ['admin', 'organizer'], sample: () => ({ url: '/api/suggestions-dashboard' }) },
  { method: 'GET', route: '/api/unit-inbox', allowed: UNITS, sample: () => ({ url: '/api/unit-inbox' }) },
];
