import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { demoIds, detail, notificationsOf, ok, refused } from './suggestions.test-helpers.js';

describe('suggestion rules', () => {
  let env: TestEnv;
  let organizer: Client, gongxin: Client, gao: Client, like: Client, du: Client;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-10-08T02:00:00.000Z' });
    [organizer, gongxin, gao, like, du] = await Promise.all(['organizer', 'gongxin', 'gaoyipeng', 'like', 'duxiaolin'].map((u) => env.as(u)));
    ids = await demoIds(env);
  });
  afterAll(async () => { await env.close(); });

  /** A suggestion registered, admitted, assigned to 工信局 on `on` and, unless told otherwise, signed for. */
  async function inProgress(title: string, on = '2024-10-08', accept = true) {
    let s = ok(await organizer.post('/api/suggestions', { sessionId: ids.session('七届六次'), title, body: `${title}的具体内容和理由。`, category: '其他', leadDeputyId: ids.deputy('杜小林') }));
    s = ok(await organizer.post(`/api/suggestions/${s.id}/admit`, { version: s.version }));
    s = ok(await organizer.post(`/api/suggestions/${s.id}/assign`, { version: s.version, leadUnitId: ids.org('工信局'), assignedOn: on }));
    if (accept) {
      const a = s.assignments[0];
      s = ok(await gongxin.post(`/api/assignments/${a.id}/accept`, { version: a.version }));
    }
    return s;
  }

  describe('extensions', () => {
    it('are asked for by the lead unit up to the hard deadline and decided by the organizer', async () => {
      const s = await inProgress('关于延期测试一的建议');
      expect(s).toMatchObject({ dueDate: '2025-01-08' });
      expect(s.deadlines.hardDue.date).toBe('2025-04-08');
      refused(await gongxin.post(`/api/suggestions/${s.id}/extension-requests`, { requestedDue: '2025-04-09', reason: '需要更多时间调研' }), 400, '最长办理期限 2025-04-08');
      refused(await gongxin.post(`/api/suggestions/${s.id}/extension-requests`, { requestedDue: '2025-01-08', reason: '需要更多时间调研' }), 400, '须晚于现行期限');
      refused(await gongxin.post(`/api/suggestions/${s.id}/extension-requests`, { requestedDue: '2025-13-01', reason: '需要更多时间调研' }), 400, '日期无效');
      refused(await du.post(`/api/suggestions/${s.id}/extension-requests`, { requestedDue: '2025-03-01', reason: '代表申请延期' }), 403, '主办单位');
      let d = ok(await gongxin.post(`/api/suggestions/${s.id}/extension-requests`, { requestedDue: '2025-03-07', reason: '涉及跨年度预算安排，需待明年预算批复后答复' }));
      expect(d.extensionRequests).toHaveLength(1);
      expect(d.extensionRequests[0]).toMatchObject({ state: 'pending', requestedDue: '2025-03-07', unitName: '高平市工业和信息化局' });
      expect(d.actions).not.toContain('request_extension');
      refused(await gongxin.post(`/api/suggestions/${s.id}/extension-requests`, { requestedDue: '2025-03-08', reason: '再次申请延期' }), 409, '待审核');
      expect((await notificationsOf(env, 'organizer', s.id)).map((n) => n.kind)).toContain('suggestion.extension_requested');
      const e = d.extensionRequests[0];
      refused(await gongxin.post(`/api/extension-requests/${e.id}/decision`, { version: e.version, approve: true }), 403);
      refused(await organizer.post(`/api/extension-requests/${e.id}/decision`, { version: e.version, approve: true, decidedDue: '2025-05-01' }), 400, '最长办理期限');
      d = ok(await organizer.post(`/api/extension-requests/${e.id}/decision`, { version: e.version, approve: true, decidedDue: '2025-02-28', note: '批准延期至二月底' }));
      expect(d).toMatchObject({ dueDate: '2025-02-28' });
      expect(d.deadlines.extendedDue.date).toBe('2025-02-28');
      expect(d.deadlines.extendedDue.lines.join('\n')).toContain('由 2025-01-08 延至 2025-02-28');
      expect(d.deadlines.replyDue.date).toBe('2025-01-08');
      expect(d.extensionRequests[0]).toMatchObject({ state: 'approved', decidedDue: '2025-02-28' });
      refused(await organizer.post(`/api/extension-requests/${e.id}/decision`, { version: d.extensionRequests[0].version, approve: false }), 409, '已处理');
      expect((await notificationsOf(env, 'gongxin', s.id)).map((n) => n.title).join()).toContain('已批准');
      // A second request must go beyond the extended date.
      refused(await gongxin.post(`/api/suggestions/${s.id}/extension-requests`, { requestedDue: '2025-02-20', reason: '再次申请延期' }), 400, '2025-02-28');
      const r = ok(await gongxin.post(`/api/suggestions/${s.id}/extension-requests`, { requestedDue: '2025-03-20', reason: '再次申请延期至三月' }));
      const e2 = r.extensionRequests[1];
      const rejected = ok(await organizer.post(`/api/extension-requests/${e2.id}/decision`, { version: e2.version, approve: false, note: '请按期答复' }));
      expect(rejected).toMatchObject({ dueDate: '2025-02-28' });
      expect(rejected.extensionRequests[1]).toMatchObject({ state: 'rejected', decisionNote: '请按期答复' });
    });

    it('cannot be asked for before signing for it', async () => {
      const s = await inProgress('关于延期测试二的建议', '2024-10-08', false);
      refused(await gongxin.post(`/api/suggestions/${s.id}/extension-requests`, { requestedDue: '2025-02-01', reason: '未签收即申请延期' }), 409, '先签收');
    });
  });

  describe('returns', () => {
    it('are refused once the window has closed', async () => {
      // Assigned 2024-09-20: 7 working days end on 2024-09-30 (the make-up Sunday 09-29 counts), long before today.
      const s = await inProgress('关于退办期限测试的建议', '2024-09-20', false);
      const a = s.assignments[0];
      expect(a.returnDue.date).toBe('2024-09-30');
      expect(a.returnDue.lines.join('\n')).toMatch(/2024-09-29.*计为工作日/);
      refused(await gongxin.post(`/api/assignments/${a.id}/return-request`, { version: a.version, reason: '超过期限申请退办' }), 409, '已超过退办期限（2024-09-30）');
      expect((await detail(organizer, s.id)).state).toBe('assigned');
    });

    it('of a lead unit, once approved, restart the clock with the new unit', async () => {
      const s = await inProgress('关于改交测试的建议', '2024-09-30', false);
      expect(s.dueDate).toBe('2024-12-30');
      const a = s.assignments[0];
      const r = ok(await gongxin.post(`/api/assignments/${a.id}/return-request`, { version: a.version, reason: '不属于本局职责' }));
      const lead = r.assignments[0];
      refused(await organizer.post(`/api/assignments/${lead.id}/return-decision`, { version: lead.version, approve: true, newUnitId: ids.org('工信局') }), 400, '不能是申请退办的单位');
      refused(await organizer.post(`/api/assignments/${lead.id}/return-decision`, { version: lead.version, approve: true, newUnitId: ids.org('人代工委') }), 400, '不是承办单位');
      const d = ok(await organizer.post(`/api/assignments/${lead.id}/return-decision`, { version: lead.version, approve: true, newUnitId: ids.org('城市管理局') }));
      expect(d).toMatchObject({ state: 'assigned', assignedOn: '2024-10-08', dueDate: '2025-01-08', leadUnit: { name: '高平市城市管理局' } });
      expect(d.assignments.map((x: any) => `${x.unit.name}:${x.role}:${x.state}`)).toEqual(['高平市工业和信息化局:lead:returned', '高平市城市管理局:lead:assigned']);
      refused(await gongxin.get(`/api/suggestions/${s.id}`), 403);
      const events = ok(await du.get(`/api/suggestions/${s.id}/events`));
      expect(events.map((e: any) => e.kind)).toContain('reassigned');
      expect(events.map((e: any) => e.kind)).not.toContain('return_approved');
    });
  });

  describe('admission', () => {
    it('not admitted with a reason; nothing can follow', async () => {
      let s = ok(await organizer.post('/api/suggestions', { sessionId: ids.session('七届六次'), title: '关于个人事务的建议', body: '这是一条涉及个人事务的建议内容。', category: '其他', leadDeputyId: ids.deputy('李科') }));
      refused(await organizer.post(`/api/suggestions/${s.id}/not-admit`, { version: s.version, reason: '否' }), 400, '至少 4 个字');
      refused(await organizer.post(`/api/suggestions/${s.id}/not-admit`, { version: s.version, reason: 'x'.repeat(501) }), 400, '500');
      s = ok(await organizer.post(`/api/suggestions/${s.id}/not-admit`, { version: s.version, reason: '属个人诉求，转信访渠道办理。' }));
      expect(s).toMatchObject({ state: 'not_admitted', notAdmittedReason: '属个人诉求，转信访渠道办理。', number: null });
      refused(await organizer.post(`/api/suggestions/${s.id}/admit`, { version: s.version }), 409, '不予立案');
      refused(await organizer.post(`/api/suggestions/${s.id}/assign`, { version: s.version, leadUnitId: ids.org('工信局') }), 409, '不予立案，不能交办');
      expect((await notificationsOf(env, 'like', s.id)).map((n) => n.kind)).toContain('suggestion.not_admitted');
      expect((await detail(like, s.id)).notAdmittedReason).toBe('属个人诉求，转信访渠道办理。');
    });

    it('stale versions are refused and change nothing', async () => {
      const s = ok(await organizer.post('/api/suggestions', { sessionId: ids.session('七届六次'), title: '关于版本冲突测试的建议', body: '用于测试版本冲突的建议内容。', category: '其他', leadDeputyId: ids.deputy('李科') }));
      ok(await organizer.patch(`/api/suggestions/${s.id}`, { version: s.version, category: '城乡建设' }));
      refused(await organizer.post(`/api/suggestions/${s.id}/admit`, { version: s.version }), 409, '已被他人修改');
      expect((await detail(organizer, s.id))).toMatchObject({ state: 'submitted', category: '城乡建设' });
    });
  });

  describe('a deputy\'s own suggestion', () => {
    it('is drafted, co-signers are invited and answer in the app, then it is submitted and numbered when admitted', async () => {
      const session = ids.session('七届六次');
      refused(await gao.post('/api/suggestions', { sessionId: session, title: '关于代表冒名领衔的建议', body: '以他人名义领衔的建议内容。', category: '其他', leadDeputyId: ids.deputy('李科') }), 403, '本人名义');
      refused(await gao.post('/api/suggestions', { sessionId: session, number: 999, title: '关于代表自编号的建议', body: '代表自行编号的建议内容。', category: '其他' }), 403, '编号');
      let s = ok(await gao.post('/api/suggestions', { sessionId: session, title: '关于园区增设职工夜校的建议', body: '建议依托园区职工之家开设夜校，开展技能培训。', category: '教育科技', coSignerIds: [ids.deputy('李科'), ids.deputy('杜小林')] }));
      expect(s).toMatchObject({ state: 'draft', number: null, leadDeputy: { name: '郜义鹏' } });
      expect(s.signers.map((g: any) => `${g.name}:${g.status}`)).toEqual(['郜义鹏:accepted', '李科:invited', '杜小林:invited']);
      expect((await notificationsOf(env, 'like', s.id)).map((n) => n.kind)).toContain('suggestion.invitation');
      // Not yet submitted: the organizer does not see it, but the invitees may read it.
      expect((await detail(like, s.id)).actions).toContain('sign');
      refused(await organizer.get(`/api/suggestions/${s.id}`), 403, '尚未提交');
      refused(await organizer.post(`/api/suggestions/${s.id}/signers`, { deputyId: ids.deputy('韩志峰') }), 403);
      expect(ok(await organizer.get('/api/suggestions?state=draft')).items).toEqual([]);
      refused(await gao.post(`/api/suggestions/${s.id}/signature`, { accept: true }), 403, '附议邀请');
      refused(await gao.post(`/api/suggestions/${s.id}/submit`, { version: s.version }), 409, '未答复附议邀请');
      ok(await like.post(`/api/suggestions/${s.id}/signature`, { accept: true }));
      s = ok(await du.post(`/api/suggestions/${s.id}/signature`, { accept: false }));
      expect(s.signers.map((g: any) => `${g.name}:${g.status}`)).toEqual(['郜义鹏:accepted', '李科:accepted', '杜小林:declined']);
      refused(await du.get(`/api/suggestions/${s.id}`), 403);
      expect((await notificationsOf(env, 'gaoyipeng', s.id)).map((n) => n.title)).toEqual(expect.arrayContaining(['代表同意附议', '代表谢绝附议']));
      refused(await like.patch(`/api/suggestions/${s.id}`, { version: s.version, title: '附议代表修改的标题' }), 403, '领衔代表');
      s = ok(await gao.patch(`/api/suggestions/${s.id}`, { version: s.version, title: '关于在园区增设职工夜校的建议' }));
      refused(await like.post(`/api/suggestions/${s.id}/submit`, { version: s.version }), 403, '领衔代表');
      s = ok(await gao.post(`/api/suggestions/${s.id}/submit`, { version: s.version }));
      expect(s.state).toBe('submitted');
      expect((await notificationsOf(env, 'organizer', s.id)).map((n) => n.kind)).toContain('suggestion.submitted');
      refused(await gao.patch(`/api/suggestions/${s.id}`, { version: s.version, title: '提交后再修改的标题' }), 409, '已提交');
      refused(await gao.post(`/api/suggestions/${s.id}/signers`, { deputyId: ids.deputy('韩志峰') }), 409, '已提交');
      s = ok(await organizer.post(`/api/suggestions/${s.id}/admit`, { version: s.version }));
      const max = await env.ctx.db.selectFrom('suggestion').select((e) => e.fn.max('number').as('m')).where('session_id', '=', session).where('id', '<>', s.id).executeTakeFirstOrThrow();
      expect(s.number).toBe(Number(max.m) + 1);
      expect((await notificationsOf(env, 'like', s.id)).map((n) => n.kind)).toContain('suggestion.admitted');
    });
  });

  describe('bad input', () => {
    it('over-long fields and wrong dates are 400 in Chinese and change nothing', async () => {
      const before = await env.ctx.db.selectFrom('suggestion').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const base = { sessionId: ids.session('七届六次'), body: '正常的建议内容文字。', category: '其他', leadDeputyId: ids.deputy('李科') };
      const long = refused(await organizer.post('/api/suggestions', { ...base, title: `关于${'很长'.repeat(60)}的建议` }), 400, '标题不能超过 100 个字');
      expect(long.code).toBe('validation_failed');
      refused(await organizer.post('/api/suggestions', { ...base, title: '短' }), 400, '标题至少 5 个字');
      refused(await organizer.post('/api/suggestions', { ...base, title: '关于类别过长的建议', category: '类'.repeat(21) }), 400, '类别不能超过 20 个字');
      refused(await organizer.post('/api/suggestions', { ...base, title: '关于届次不存在的建议', sessionId: 'nope' }), 400, '届次不存在');
      const after = await env.ctx.db.selectFrom('suggestion').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      const s = await inProgress('关于督办日期测试的建议');
      refused(await organizer.post(`/api/suggestions/${s.id}/supervision-actions`, { kind: 'reminder', happenedOn: '2024-9-1', note: '催办' }), 400, '日期无效');
      refused(await organizer.post(`/api/suggestions/${s.id}/supervision-actions`, { kind: 'reminder', happenedOn: '2024-10-09', note: '催办' }), 400, '不能晚于今天');
      refused(await organizer.post(`/api/suggestions/${s.id}/supervision-actions`, { kind: 'visit', happenedOn: '2024-10-08', note: '催办' }), 400, '督办方式');
      expect((await detail(organizer, s.id)).supervisionActions).toEqual([]);
    });
  });

  describe('supervision', () => {
    it('the organizer marks key supervision and logs actions; the units hear of it, deputies see the mark only', async () => {
      const s = await inProgress('关于重点督办测试的建议');
      refused(await gongxin.put(`/api/suggestions/${s.id}/key-supervision`, { version: s.version, keySupervision: true }), 403);
      let d = ok(await organizer.put(`/api/suggestions/${s.id}/key-supervision`, { version: s.version, keySupervision: true }));
      expect(d.keySupervision).toBe(true);
      d = ok(await organizer.post(`/api/suggestions/${s.id}/supervision-actions`, { kind: 'meeting', happenedOn: '2024-10-08', note: '召开督办推进会，要求主办单位月底前拿出方案。' }));
      expect(d.supervisionActions).toEqual([expect.objectContaining({ kind: 'meeting', kindLabel: '督办会议', actorName: '赵敏（演示）' })]);
      expect((await notificationsOf(env, 'gongxin', s.id)).map((n) => n.kind)).toEqual(expect.arrayContaining(['suggestion.key_supervision', 'suggestion.supervision']));
      const deputy = await detail(du, s.id);
      expect(deputy.keySupervision).toBe(true);
      expect(deputy.supervisionActions).toEqual([]);
      const list = ok(await organizer.get('/api/suggestions?keySupervision=1&pageSize=100'));
      expect(list.items.map((i: any) => i.id)).toContain(s.id);
    });
  });
});
