import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { demoIds, detail, notificationsOf, ok, refused } from './suggestions.test-helpers.js';

/**
 * One suggestion walked through every step, on 2024's real calendar: registered and admitted, assigned on the
 * eve of National Day, a co-unit's return approved and the lead unit's refused, accepted, answered point by
 * point with two editors, rated separately by each deputy, sent round again after a 不满意, and closed.
 */
describe('the life of a suggestion', () => {
  let env: TestEnv;
  let organizer: Client, gongxin: Client, hengtong: Client, jiaoyu: Client, han: Client, like: Client, wan: Client, gao: Client;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let id: string;
  let version: number;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-10-08T02:00:00.000Z' }); // 2024-10-08, the first working day after National Day
    [organizer, gongxin, hengtong, jiaoyu, han, like, wan, gao] = await Promise.all(['organizer', 'gongxin', 'hengtong', 'jiaoyu', 'hanzhifeng', 'like', 'wanjianqin', 'gaoyipeng'].map((u) => env.as(u)));
    ids = await demoIds(env);
  });
  afterAll(async () => { await env.close(); });

  it('the organizer registers a suggestion with its lead deputy and co-signers', async () => {
    const s = ok(await organizer.post('/api/suggestions', {
      sessionId: ids.session('七届六次'), number: 301, title: '关于在开发区增设公共充电桩的建议', body: '园区职工电动汽车保有量增长较快，但园区内没有公共充电设施。建议在园区停车区域增设公共充电桩。',
      category: '城乡建设', leadDeputyId: ids.deputy('韩志峰'), coSignerIds: [ids.deputy('万建勤'), ids.deputy('李科')],
    }));
    expect(s).toMatchObject({ state: 'submitted', number: 301, leadDeputy: { name: '韩志峰' }, round: 1 });
    expect(s.signers.map((g: any) => `${g.name}:${g.role}:${g.status}`)).toEqual(['韩志峰:lead:accepted', '万建勤:co:accepted', '李科:co:accepted']);
    expect(s.actions).toEqual(expect.arrayContaining(['admit', 'not_admit', 'edit']));
    id = s.id;
    version = s.version;
  });

  it('refuses a number already used in the session', async () => {
    refused(await organizer.post('/api/suggestions', { sessionId: ids.session('七届六次'), number: 187, title: '重复编号的建议标题', body: '这是一条编号重复的建议内容。', category: '其他', leadDeputyId: ids.deputy('李科') }), 409, '第187号');
  });

  it('cannot be assigned before it is admitted', async () => {
    refused(await organizer.post(`/api/suggestions/${id}/assign`, { version, leadUnitId: ids.org('工信局') }), 409, '请先立案');
  });

  it('is admitted', async () => {
    const s = ok(await organizer.post(`/api/suggestions/${id}/admit`, { version }));
    expect(s).toMatchObject({ state: 'admitted', number: 301 });
    version = s.version;
    refused(await organizer.post(`/api/suggestions/${id}/admit`, { version }), 409, '已立案');
  });

  it('rejects an assignment date in the future or one that does not exist, changing nothing', async () => {
    refused(await organizer.post(`/api/suggestions/${id}/assign`, { version, leadUnitId: ids.org('工信局'), assignedOn: '2024-10-09' }), 400, '不能晚于今天');
    refused(await organizer.post(`/api/suggestions/${id}/assign`, { version, leadUnitId: ids.org('工信局'), assignedOn: '2024-02-30' }), 400, '日期无效');
    refused(await organizer.post(`/api/suggestions/${id}/assign`, { version, leadUnitId: ids.org('康硕（山西）') }), 400, '不是承办单位');
    refused(await organizer.post(`/api/suggestions/${id}/assign`, { version, leadUnitId: ids.org('工信局'), coUnitIds: [ids.org('工信局')] }), 400, '主办单位不能同时是协办单位');
    expect((await detail(organizer, id)).state).toBe('admitted');
    expect(await env.ctx.db.selectFrom('assignment').select('id').where('suggestion_id', '=', id).execute()).toEqual([]);
  });

  it('is assigned on 2024-09-30, with due dates computed on the calendar and explained', async () => {
    const s = ok(await organizer.post(`/api/suggestions/${id}/assign`, { version, leadUnitId: ids.org('工信局'), coUnitIds: [ids.org('恒通集团'), ids.org('教育局')], assignedOn: '2024-09-30' }));
    version = s.version;
    expect(s).toMatchObject({ state: 'assigned', assignedOn: '2024-09-30', dueDate: '2024-12-30', leadUnit: { name: '高平市工业和信息化局' } });
    expect(s.deadlines.replyDue.date).toBe('2024-12-30');
    expect(s.deadlines.replyDue.lines.join('\n')).toContain('3 个月');
    // Six months end on Sunday 2025-03-30: the period rolls to Monday.
    expect(s.deadlines.hardDue.date).toBe('2025-03-31');
    expect(s.deadlines.hardDue.lines.join('\n')).toMatch(/2025-03-30.*周日/);
    const lead = s.assignments.find((a: any) => a.role === 'lead');
    // 7 working days: 10-01..07 National Day off, Saturday 10-12 a make-up working day.
    expect(lead.returnDue.date).toBe('2024-10-15');
    expect(lead.returnDue.lines.join('\n')).toContain('国庆节');
    expect(lead.returnDue.lines.join('\n')).toMatch(/2024-10-12.*计为工作日/);
    const co = s.assignments.filter((a: any) => a.role === 'co');
    expect(co.map((a: any) => a.unit.name).sort()).toEqual(['恒通集团', '高平市教育局']);
    expect(co[0].opinionDue.date).toBe('2024-10-30');
    expect(lead.clock).toMatchObject({ dueDate: '2024-12-30', status: 'normal' });
    expect((await notificationsOf(env, 'gongxin', id)).map((n) => n.kind)).toContain('suggestion.assigned');
    expect((await notificationsOf(env, 'hanzhifeng', id)).map((n) => n.kind)).toContain('suggestion.assigned');
  });

  it('a co-unit asks to return it within the window; the organizer approves and hands it to another unit', async () => {
    const mine = (await detail(jiaoyu, id)).assignments.find((a: any) => a.unit.name === '高平市教育局');
    refused(await jiaoyu.post(`/api/assignments/${mine.id}/return-request`, { version: mine.version, reason: '否' }), 400);
    ok(await jiaoyu.post(`/api/assignments/${mine.id}/return-request`, { version: mine.version, reason: '充电桩建设与教育工作无关，申请退办。' }));
    expect((await notificationsOf(env, 'organizer', id)).map((n) => n.kind)).toContain('suggestion.return_requested');
    const a = (await detail(organizer, id)).assignments.find((x: any) => x.id === mine.id);
    expect(a).toMatchObject({ state: 'return_requested', returnReason: '充电桩建设与教育工作无关，申请退办。' });
    refused(await gongxin.post(`/api/assignments/${mine.id}/return-decision`, { version: a.version, approve: true }), 403);
    const s = ok(await organizer.post(`/api/assignments/${mine.id}/return-decision`, { version: a.version, approve: true, newUnitId: ids.org('城市管理局'), note: '改交城市管理局协办' }));
    expect(s.assignments.find((x: any) => x.id === mine.id)).toMatchObject({ state: 'returned', returnDecision: 'approved' });
    expect(s.assignments.find((x: any) => x.unit.name === '高平市城市管理局')).toMatchObject({ role: 'co', state: 'assigned', assignedOn: '2024-10-08' });
    expect(s.state).toBe('assigned');
    // 教育局 no longer handles it, so it may no longer read it.
    refused(await jiaoyu.get(`/api/suggestions/${id}`), 403);
    version = s.version;
  });

  it('the lead unit asks to return it; the organizer refuses, and a second request is refused', async () => {
    const lead = (await detail(gongxin, id)).assignments.find((a: any) => a.role === 'lead');
    const s1 = ok(await gongxin.post(`/api/assignments/${lead.id}/return-request`, { version: lead.version, reason: '充电桩建设应由城市管理局牵头。' }));
    expect(s1.state).toBe('return_requested');
    const a1 = s1.assignments.find((a: any) => a.role === 'lead');
    refused(await gongxin.post(`/api/assignments/${lead.id}/accept`, { version: a1.version }), 409, '退办');
    refused(await organizer.post(`/api/assignments/${lead.id}/return-decision`, { version: a1.version, approve: true }), 400, '改交');
    const s2 = ok(await organizer.post(`/api/assignments/${lead.id}/return-decision`, { version: a1.version, approve: false, note: '园区充电设施由工信局统筹' }));
    expect(s2.state).toBe('assigned');
    const a2 = s2.assignments.find((a: any) => a.role === 'lead');
    expect(a2).toMatchObject({ state: 'assigned', returnDecision: 'rejected' });
    expect((await notificationsOf(env, 'gongxin', id)).map((n) => n.title).join()).toContain('被驳回');
    refused(await gongxin.post(`/api/assignments/${lead.id}/return-request`, { version: a2.version, reason: '再次申请退办。' }), 409, '驳回');
    refused(await organizer.post(`/api/assignments/${lead.id}/return-decision`, { version: a2.version, approve: false }), 409, '没有待决定');
  });

  it('the lead unit signs for it: handling starts with a reply draft', async () => {
    const lead = (await detail(gongxin, id)).assignments.find((a: any) => a.role === 'lead');
    refused(await hengtong.post(`/api/assignments/${lead.id}/accept`, { version: lead.version }), 403);
    const s = ok(await gongxin.post(`/api/assignments/${lead.id}/accept`, { version: lead.version }));
    expect(s.state).toBe('in_progress');
    expect(s.replies).toHaveLength(1);
    expect(s.replies[0]).toMatchObject({ round: 1, state: 'draft', contactPhone: '5241566', closing: '以上答复你们是否满意，如有意见，敬请反馈。' });
    expect(s.replies[0].intro).toContain('关于你们提出的“关于在开发区增设公共充电桩的建议”已收悉');
    expect(s.actions).toEqual(expect.arrayContaining(['edit_reply', 'submit_reply', 'request_extension']));
    refused(await gongxin.post(`/api/assignments/${lead.id}/accept`, { version: s.assignments.find((a: any) => a.role === 'lead').version }), 409, '无需重复签收');
    // After signing, a return is no longer possible.
    const a = s.assignments.find((x: any) => x.role === 'lead');
    refused(await gongxin.post(`/api/assignments/${a.id}/return-request`, { version: a.version, reason: '签收后再申请退办。' }), 409, '已签收');
  });

  it('a co-unit gives its opinion to the lead unit; deputies never see it', async () => {
    const mine = (await detail(hengtong, id)).assignments.find((a: any) => a.unit.name === '恒通集团');
    const opinion = '恒通集团可在园区职工餐厅停车场先行建设20个充电车位，由集团平台公司运营。';
    const s = ok(await hengtong.put(`/api/assignments/${mine.id}/opinion`, { version: mine.version, text: opinion }));
    expect(s.assignments.find((a: any) => a.id === mine.id)).toMatchObject({ state: 'accepted', opinion: { text: opinion } });
    refused(await gongxin.put(`/api/assignments/${mine.id}/opinion`, { version: mine.version + 1, text: '冒名提交的协办意见' }), 403, '协办单位');
    const lead = await detail(gongxin, id);
    expect(lead.assignments.find((a: any) => a.id === mine.id).opinion.text).toBe(opinion);
    expect((await notificationsOf(env, 'gongxin', id)).map((n) => n.kind)).toContain('suggestion.opinion');
    const deputyView = ok(await han.get(`/api/suggestions/${id}`));
    expect(JSON.stringify(deputyView)).not.toContain('20个充电车位');
    expect(deputyView.assignments.every((a: any) => a.opinion === null && a.opinionVisible === false)).toBe(true);
    expect(deputyView.replies).toEqual([]); // the draft is internal
    const events = ok(await han.get(`/api/suggestions/${id}/events`));
    expect(events.map((e: any) => e.kind)).not.toContain('opinion_submitted');
    expect(events.map((e: any) => e.kind)).not.toContain('return_requested');
    const internal = ok(await organizer.get(`/api/suggestions/${id}/events`));
    expect(internal.map((e: any) => e.kind)).toEqual(expect.arrayContaining(['registered', 'admitted', 'assigned', 'return_requested', 'return_approved', 'return_rejected', 'accepted', 'opinion_submitted']));
  });

  let replyId: string;
  it('the lead unit drafts the reply point by point, and two editors never lose each other\'s work', async () => {
    let s = await detail(gongxin, id);
    const r = s.replies[0];
    replyId = r.id;
    refused(await gongxin.patch(`/api/replies/${r.id}`, { version: r.version, classCode: 'E' }), 400, '分类方案');
    refused(await gongxin.patch(`/api/replies/${r.id}`, { version: r.version, contactPhone: '电话' }), 400, '电话号码');
    s = ok(await gongxin.patch(`/api/replies/${r.id}`, { version: r.version, classCode: 'B', contactPerson: '李晓东' }));
    expect(s.replies[0]).toMatchObject({ classCode: 'B', classLabel: '所提问题列入计划拟解决', contactPerson: '李晓东' });
    refused(await gongxin.patch(`/api/replies/${r.id}`, { version: r.version, signer: '旧版本' }), 409, '已被他人修改');

    for (const [heading, text, org] of [
      ['关于充电设施规划的问题', '我局已将园区公共充电设施纳入年度计划。', '工信局'],
      ['关于先行建设的问题', '恒通集团将在职工餐厅停车场先行建设20个充电车位。', '恒通集团'],
      ['关于运营管理的问题', '充电设施由平台公司统一运营。', null],
    ] as const) {
      s = ok(await gongxin.post(`/api/replies/${r.id}/points`, { heading, text, responsibleOrgId: org ? ids.org(org) : null }));
    }
    const points = s.replies[0].points;
    expect(points.map((p: any) => p.ordinal)).toEqual([1, 2, 3]);
    expect(points[1].responsibleOrg.name).toBe('恒通集团');

    // Two people open point 1; the first saves; the second, still on the old version, is told to refresh.
    const p1 = points[0];
    ok(await gongxin.patch(`/api/reply-points/${p1.id}`, { version: p1.version, text: '我局已将园区公共充电设施纳入2025年计划，年内建成。' }));
    const gongxin2 = await env.as('gongxin');
    refused(await gongxin2.patch(`/api/reply-points/${p1.id}`, { version: p1.version, text: '另一人的修改' }), 409, '已被他人修改');
    s = await detail(gongxin, id);
    expect(s.replies[0].points[0].text).toBe('我局已将园区公共充电设施纳入2025年计划，年内建成。');

    // A co-unit may read the draft but not edit it.
    refused(await hengtong.patch(`/api/replies/${r.id}`, { version: s.replies[0].version, signer: '越权' }), 403, '主办单位');
    refused(await hengtong.post(`/api/replies/${r.id}/points`, { text: '越权要点' }), 403, '主办单位');
    refused(await hengtong.patch(`/api/reply-points/${p1.id}`, { version: s.replies[0].points[0].version, text: '越权修改' }), 403, '主办单位');

    // Reorder with a list that misses a point: someone changed the list meanwhile.
    const [a, b, c] = s.replies[0].points;
    refused(await gongxin.put(`/api/replies/${r.id}/point-order`, { pointIds: [c.id, a.id] }), 409, '已被他人修改');
    s = ok(await gongxin.put(`/api/replies/${r.id}/point-order`, { pointIds: [b.id, a.id, c.id] }));
    expect(s.replies[0].points.map((p: any) => p.heading)).toEqual(['关于先行建设的问题', '关于充电设施规划的问题', '关于运营管理的问题']);
    const third = s.replies[0].points[2];
    refused(await gongxin.delete(`/api/reply-points/${third.id}?version=${third.version + 5}`), 409);
    s = ok(await gongxin.delete(`/api/reply-points/${third.id}?version=${third.version}`));
    expect(s.replies[0].points.map((p: any) => p.ordinal)).toEqual([1, 2]);
    refused(await gongxin.patch(`/api/reply-points/${a.id}`, { version: 99, text: 'x'.repeat(20001) }), 400, '20000');
  });

  it('deputies do not see the draft; an incomplete reply cannot be submitted', async () => {
    expect((await detail(han, id)).replies).toEqual([]);
    const r = (await detail(gongxin, id)).replies[0];
    const body = refused(await gongxin.post(`/api/replies/${r.id}/submit`, { version: r.version }), 400, '签发人');
    expect(body.details).toEqual(['请填写签发人']);
    expect((await detail(organizer, id)).state).toBe('in_progress');
  });

  it('the lead unit submits the reply: deputies are notified and can read it', async () => {
    let r = (await detail(gongxin, id)).replies[0];
    r = ok(await gongxin.patch(`/api/replies/${r.id}`, { version: r.version, signer: '王建军', replyDate: '2024-10-08' })).replies[0];
    refused(await hengtong.post(`/api/replies/${r.id}/submit`, { version: r.version }), 403, '主办单位');
    const s = ok(await gongxin.post(`/api/replies/${r.id}/submit`, { version: r.version }));
    expect(s.state).toBe('awaiting_feedback');
    expect(s.replies[0]).toMatchObject({ state: 'submitted', replyDate: '2024-10-08', dueOn: '2024-12-30', ratingsExpected: 3, ratingsReceived: 0 });
    refused(await gongxin.post(`/api/replies/${r.id}/submit`, { version: s.replies[0].version }), 409, '已提交');
    expect((await notificationsOf(env, 'hanzhifeng', id)).map((n) => n.kind)).toContain('suggestion.replied');
    expect((await notificationsOf(env, 'like', id)).map((n) => n.kind)).toContain('suggestion.replied');
    const seen = await detail(han, id);
    expect(seen.replies).toHaveLength(1);
    expect(seen.replies[0].points).toHaveLength(2);
    expect(seen.actions).toContain('rate');
    refused(await gongxin.post(`/api/suggestions/${id}/extension-requests`, { requestedDue: '2025-01-31', reason: '答复后申请延期' }), 409, '不在办理中');
  });

  it('each signer rates on their own; nobody rates twice; others cannot rate', async () => {
    refused(await gao.post(`/api/replies/${replyId}/ratings`, { satisfaction: 'satisfied', metInPerson: false }), 403, '领衔或附议');
    refused(await gongxin.post(`/api/replies/${replyId}/ratings`, { satisfaction: 'satisfied', metInPerson: false }), 403);
    refused(await like.post(`/api/replies/${replyId}/ratings`, { satisfaction: 'great', metInPerson: false }), 400);
    const first = ok(await like.post(`/api/replies/${replyId}/ratings`, { satisfaction: 'dissatisfied', metInPerson: true, comment: '答复没有明确建设时间表。' }));
    expect(first.rating).toMatchObject({ deputyName: '李科', satisfaction: 'dissatisfied', satisfactionLabel: '不满意', metInPerson: true });
    expect(first.suggestion.state).toBe('awaiting_feedback');
    refused(await like.post(`/api/replies/${replyId}/ratings`, { satisfaction: 'satisfied', metInPerson: false }), 409, '不能重复评价');
    expect((await notificationsOf(env, 'gongxin', id)).map((n) => n.kind)).toContain('suggestion.rated');
    // A deputy sees their own rating only; the organizer sees all.
    ok(await wan.post(`/api/replies/${replyId}/ratings`, { satisfaction: 'satisfied', metInPerson: false }));
    expect((await detail(wan, id)).replies[0].ratings.map((x: any) => x.deputyName)).toEqual(['万建勤']);
    expect((await detail(organizer, id)).replies[0].ratings.map((x: any) => x.deputyName).sort()).toEqual(['万建勤', '李科'].sort());
  });

  it('when all have rated and one was 不满意, it goes round again with a new due date and a copied draft', async () => {
    const res = ok(await han.post(`/api/replies/${replyId}/ratings`, { satisfaction: 'basically_satisfied', metInPerson: false }));
    const s = res.suggestion;
    expect(s).toMatchObject({ state: 'rehandling', round: 2, finalSatisfaction: 'dissatisfied' });
    // One month from the day the round was rated (2024-10-08).
    expect(s.dueDate).toBe('2024-11-08');
    expect(s.deadlines.replyDue.lines.join('\n')).toContain('第 2 轮');
    const unitView = await detail(gongxin, id);
    expect(unitView.replies.map((r: any) => `${r.round}:${r.state}`)).toEqual(['1:submitted', '2:draft']);
    const [r1, r2] = unitView.replies;
    expect(r2.points.map((p: any) => p.text)).toEqual(r1.points.map((p: any) => p.text));
    expect(r2.points.map((p: any) => p.id)).not.toEqual(r1.points.map((p: any) => p.id));
    expect(r2).toMatchObject({ classCode: 'B', signer: '王建军', contactPerson: '李晓东', replyDate: null });
    expect((await notificationsOf(env, 'gongxin', id)).map((n) => n.kind)).toContain('suggestion.rehandling');
    // The round-1 reply is closed for rating; the round-2 draft is invisible to deputies.
    refused(await wan.post(`/api/replies/${replyId}/ratings`, { satisfaction: 'satisfied', metInPerson: false }), 409);
    expect((await detail(han, id)).replies.map((r: any) => r.round)).toEqual([1]);
  });

  it('the second round is answered and, all satisfied or basically so, the suggestion is closed', async () => {
    let r2 = (await detail(gongxin, id)).replies[1];
    r2 = ok(await gongxin.post(`/api/replies/${r2.id}/points`, { heading: '关于建设时间表的问题', text: '20个充电车位将于2025年6月底前建成投用。', responsibleOrgId: ids.org('恒通集团') })).replies[1];
    const s = ok(await gongxin.post(`/api/replies/${r2.id}/submit`, { version: r2.version }));
    expect(s).toMatchObject({ state: 'awaiting_feedback', round: 2 });
    expect(s.replies[1]).toMatchObject({ state: 'submitted', dueOn: '2024-11-08', replyDate: '2024-10-08' });
    ok(await like.post(`/api/replies/${r2.id}/ratings`, { satisfaction: 'satisfied', metInPerson: true }));
    ok(await wan.post(`/api/replies/${r2.id}/ratings`, { satisfaction: 'basically_satisfied', metInPerson: false }));
    const done = ok(await han.post(`/api/replies/${r2.id}/ratings`, { satisfaction: 'satisfied', metInPerson: false }));
    expect(done.suggestion).toMatchObject({ state: 'closed', finalSatisfaction: 'basically_satisfied', clock: null });
    expect(done.suggestion.closedAt).toBeTruthy();
    refused(await organizer.post(`/api/suggestions/${id}/assign`, { version: done.suggestion.version, leadUnitId: ids.org('工信局') }), 409, '已办结');
    const timeline = ok(await han.get(`/api/suggestions/${id}/events`));
    expect(timeline.map((e: any) => e.kind)).toEqual(expect.arrayContaining(['reply_submitted', 'rated', 'rehandling', 'closed']));
    expect(timeline.every((e: any) => e.visibility !== 'internal')).toBe(true);
  });

  it('every change is in the audit log', async () => {
    const actions = (await env.ctx.db.selectFrom('audit_log').select('action').execute()).map((a) => a.action);
    for (const a of ['suggestion.create', 'suggestion.admit', 'suggestion.assign', 'assignment.request_return', 'assignment.approve_return', 'assignment.reject_return', 'assignment.accept', 'assignment.opinion', 'reply.update', 'reply.point_add', 'reply.point_update', 'reply.point_order', 'reply.point_delete', 'reply.submit', 'reply.rate', 'suggestion.rehandle', 'suggestion.close']) {
      expect(actions, a).toContain(a);
    }
  });
});
