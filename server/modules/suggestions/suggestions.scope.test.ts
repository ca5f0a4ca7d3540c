import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { detail, ok, refused, suggestionByNumber } from './suggestions.test-helpers.js';

/** Who sees what, on the demo data: row scope, internal drafts and opinions, and deputies' private phones. */
describe('row scope and privacy', () => {
  let env: TestEnv;
  const c: Record<string, Client> = {};
  let no187: string;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-09-02T02:00:00.000Z' });
    for (const u of ['admin', 'organizer', 'gongxin', 'hengtong', 'jiaoyu', 'gaoyipeng', 'like', 'duxiaolin', 'hanzhifeng', 'wanjianqin', 'zone', 'agent', 'kangshuo']) c[u] = await env.as(u);
    c.public = env.anon();
    no187 = await suggestionByNumber(env, 187, '七届六次');
  });
  afterAll(async () => { await env.close(); });

  it('units read only what is assigned to them', async () => {
    ok(await c.gongxin.get(`/api/suggestions/${no187}`));
    ok(await c.jiaoyu.get(`/api/suggestions/${no187}`));
    const school = await suggestionByNumber(env, 156);
    refused(await c.gongxin.get(`/api/suggestions/${school}`), 403, '未交由本单位办理');
    refused(await c.gongxin.get(`/api/suggestions/${school}/events`), 403);
    const list = ok(await c.gongxin.get('/api/suggestions?pageSize=100'));
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      const units = await env.ctx.db.selectFrom('assignment').innerJoin('org_unit', 'org_unit.id', 'assignment.unit_id').select('org_unit.short_name')
        .where('assignment.suggestion_id', '=', item.id).where('assignment.state', '<>', 'returned').execute();
      expect(units.map((u) => u.short_name), item.title).toContain('工信局');
    }
    expect(list.items.map((i: any) => i.number)).not.toContain(156);
    // Filters narrow the scope, never widen it.
    const wide = ok(await c.gongxin.get(`/api/suggestions?unitId=${(await env.ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', '教育局').executeTakeFirstOrThrow()).id}&pageSize=100`));
    expect(wide.items.map((i: any) => i.number).sort()).toEqual([187]);
  });

  it('deputies read only their own suggestions (lead or co-signer)', async () => {
    ok(await c.like.get(`/api/suggestions/${no187}`));
    const sewage = await suggestionByNumber(env, 45); // 王秀梅 leads, 郜义鹏 co-signs
    ok(await c.gaoyipeng.get(`/api/suggestions/${sewage}`));
    refused(await c.like.get(`/api/suggestions/${sewage}`), 403, '本人领衔或附议');
    const mine = ok(await c.like.get('/api/suggestions?pageSize=100'));
    expect(mine.items.map((i: any) => i.number)).not.toContain(45);
    expect(mine.items.map((i: any) => i.number)).toEqual(expect.arrayContaining([187, 203]));
    // 李科 is invited to co-sign 郜义鹏's draft: he may read it to decide.
    expect(mine.items.map((i: any) => i.state)).toContain('draft');
  });

  it('other roles and the public see nothing of the workflow', async () => {
    for (const who of ['zone', 'agent', 'kangshuo']) {
      refused(await c[who].get(`/api/suggestions/${no187}`), 403);
      refused(await c[who].get('/api/suggestions'), 403);
      refused(await c[who].get('/api/deputies'), 403);
    }
    refused(await c.public.get(`/api/suggestions/${no187}`), 401, '请先登录');
    refused(await c.public.get('/api/suggestions'), 401);
  });

  it('a deputy never sees a reply draft or a co-unit\'s opinion', async () => {
    const jobs = await suggestionByNumber(env, 98); // round 2 draft open after a 不满意
    const unit = await detail(c.gongxin, jobs);
    expect(unit.replies.map((r: any) => `${r.round}:${r.state}`)).toEqual(['1:submitted', '2:draft']);
    expect(unit.assignments.find((a: any) => a.role === 'co').opinion.text).toContain('用工信息发布栏目');
    const deputy = await detail(c.hanzhifeng, jobs);
    expect(deputy.replies.map((r: any) => `${r.round}:${r.state}`)).toEqual(['1:submitted']);
    const raw = JSON.stringify(deputy);
    expect(raw).not.toContain('用工信息发布栏目');
    expect(deputy.extensionRequests).toEqual([]);
    const events = ok(await c.hanzhifeng.get(`/api/suggestions/${jobs}/events`));
    expect(events.every((e: any) => e.visibility !== 'internal')).toBe(true);
  });

  it('a co-unit sees its own opinion, not another co-unit\'s; the lead unit sees them all', async () => {
    const asJiaoyu = await detail(c.jiaoyu, no187);
    const opinions = (d: any) => Object.fromEntries(d.assignments.map((a: any) => [a.unit.name, a.opinion?.text ?? null]));
    expect(opinions(asJiaoyu)['高平市教育局']).toContain('第十中学校');
    expect(opinions(asJiaoyu)['恒通集团']).toBeNull();
    expect(JSON.stringify(asJiaoyu)).not.toContain('职工餐厅（1500平方米');
    const asLead = await detail(c.gongxin, no187);
    expect(opinions(asLead)['恒通集团']).toContain('职工餐厅');
    expect(opinions(asLead)['高平市教育局']).toContain('第十中学校');
    // A co-unit reads the reply but cannot touch it.
    expect(asJiaoyu.actions).not.toContain('edit_reply');
  });

  it('deputies\' personal phones: organizer and the deputy themself only', async () => {
    const phones = (list: any[]) => Object.fromEntries(list.map((d) => [d.name, d.phone]));
    const org = phones(ok(await c.organizer.get('/api/deputies')));
    expect(org['郜义鹏']).toBe('13800000101');
    expect(org['王秀梅']).toBe('13800000109');
    const asLike = ok(await c.like.get('/api/deputies'));
    expect(phones(asLike)['李科']).toBe('13800000102');
    expect(phones(asLike)['郜义鹏']).toBeNull();
    expect(JSON.stringify(asLike)).not.toContain('13800000101');
    expect(asLike.find((d: any) => d.name === '郜义鹏').phoneVisible).toBe(false);
    const admin = ok(await c.admin.get('/api/deputies'));
    expect(admin.every((d: any) => d.phone === null)).toBe(true);
    expect(ok(await c.gaoyipeng.get('/api/deputies/me'))).toMatchObject({ name: '郜义鹏', phone: '13800000101', phoneVisible: true });
    refused(await c.gongxin.get('/api/deputies'), 403);
    // Nothing a unit or a deputy reads about No. 187 carries a deputy's phone.
    for (const who of ['gongxin', 'hengtong', 'like']) expect(JSON.stringify(await detail(c[who], no187))).not.toMatch(/1380000010\d/);
    // At rest the phone is SM4 ciphertext, not the number.
    const rows = await env.ctx.db.selectFrom('deputy').select(['name', 'phone_enc']).execute();
    for (const r of rows) {
      expect(r.phone_enc).toMatch(/^sm4:1:/);
      expect(r.phone_enc).not.toMatch(/1380000/);
    }
  });

  it('the organizer registers a deputy with an encrypted phone; a wrong phone is refused', async () => {
    refused(await c.organizer.post('/api/deputies', { name: '测试代表', phone: '12345' }), 400, '电话号码格式');
    const d = ok(await c.organizer.post('/api/deputies', { name: '周明', delegation: '河西镇代表团', phone: '13900001234' }));
    expect(d).toMatchObject({ name: '周明', phone: '13900001234', phoneVisible: true });
    const row = await env.ctx.db.selectFrom('deputy').select('phone_enc').where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('13900001234');
    const audit = await env.ctx.db.selectFrom('audit_log').select(['after_json']).where('entity_id', '=', d.id).execute();
    expect(JSON.stringify(audit)).not.toContain('13900001234');
    const kangshuoUser = await env.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'kangshuo').executeTakeFirstOrThrow();
    refused(await c.organizer.patch(`/api/deputies/${d.id}`, { version: d.version, userId: kangshuoUser.id }), 400, '代表');
    const likeUser = await env.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'like').executeTakeFirstOrThrow();
    refused(await c.organizer.patch(`/api/deputies/${d.id}`, { version: d.version, userId: likeUser.id }), 409, '已关联代表“李科”');
    const u = ok(await c.organizer.patch(`/api/deputies/${d.id}`, { version: d.version, phone: null }));
    expect(u.phone).toBeNull();
  });

  it('the dashboard and the inbox show the clocks', async () => {
    const dash = ok(await c.organizer.get('/api/suggestions-dashboard'));
    expect(dash.today).toBe('2024-09-02');
    expect(dash.overdue.map((i: any) => i.number)).toEqual([156]);
    expect(dash.overdue[0].clock).toMatchObject({ status: 'overdue', statusLabel: '逾期' });
    expect(dash.dueSoon.map((i: any) => i.number).sort()).toEqual([203, 98].sort());
    expect(dash.pendingReturns.map((r: any) => r.suggestion.number)).toEqual([221]);
    expect(dash.awaitingAdmission).toBe(1);
    expect(dash.keySupervision).toBe(1);
    expect(dash.countsByState.find((x: any) => x.state === 'awaiting_feedback').count).toBe(1);
    expect(dash.countsByState.find((x: any) => x.state === 'draft').count).toBe(0); // drafts are the deputies' own
    const overdue = ok(await c.organizer.get('/api/suggestions?clock=overdue'));
    expect(overdue.items.map((i: any) => i.number)).toEqual([156]);
    const soon = ok(await c.organizer.get('/api/suggestions?clock=due_soon'));
    expect(soon.items.map((i: any) => i.number).sort()).toEqual([203, 98].sort());

    const inbox = ok(await c.jiaoyu.get('/api/unit-inbox'));
    expect(inbox.unit.name).toBe('高平市教育局');
    expect(inbox.items[0].suggestion.number).toBe(156);
    expect(inbox.items[0].assignment.clock.text).toMatch(/^逾期 \d+ 个工作日$/);
    const gx = ok(await c.gongxin.get('/api/unit-inbox'));
    const byNo = Object.fromEntries(gx.items.map((i: any) => [i.suggestion.number, i]));
    expect(byNo[98].assignment.clock).toMatchObject({ status: 'due_soon' });
    expect(byNo[98].replyState).toBe('draft');
    expect(byNo[221].assignment.state).toBe('return_requested');
    expect(byNo[187].replyState).toBe('submitted');
    expect(byNo[45]).toBeUndefined();
    refused(await c.organizer.get('/api/unit-inbox'), 403);
    refused(await c.gongxin.get('/api/suggestions-dashboard'), 403);
  });
});
