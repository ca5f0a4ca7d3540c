import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { fresh187, ok } from './testing.js';

describe('promises proposed from a reply, confirmed, edited or discarded by the unit', () => {
  let env: TestEnv;
  let gongxin: Client;
  let hengtong: Client;
  let jiaoyu: Client;
  let zone: Client;
  let deputy: Client;
  let replyId: string;
  let panel: any;
  const find = (list: any[], words: string) => list.find((p: any) => p.sourceText?.includes(words));

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-09-10T02:00:00.000Z' });
    [gongxin, hengtong, jiaoyu, zone, deputy] = await Promise.all(['gongxin', 'hengtong', 'jiaoyu', 'zone', 'gaoyipeng'].map((u) => env.as(u)));
    replyId = (await fresh187(env)).replyId;
    const r = await ok(gongxin.post(`/api/replies/${replyId}/promises/extract`));
    expect(r.proposed).toBeGreaterThanOrEqual(5);
    panel = r.panel;
  });
  afterAll(async () => { await env.close(); });

  it('proposes the five dated promises of No. 187, each with its source words, due rule, point and owner', () => {
    const p = panel.proposals;
    expect(find(p, '预计年底主体封顶')).toMatchObject({ due: '2024-12-31', action: '主体封顶', point: { ordinal: 1 }, owner: { shortName: '教育局' }, confirmed: false });
    expect(find(p, '预计年底主体封顶').dueRule).toContain('年底');
    expect(find(p, '全年不少于3.5万平米')).toMatchObject({ due: '2024-12-31', target: { value: 35000, unit: 'm²', comparator: '>=' }, point: { ordinal: 4 }, owner: { name: '恒通集团' } });
    expect(find(p, '年内投入运营')).toMatchObject({ due: '2024-12-31', action: '投入运营', point: { ordinal: 5 }, owner: { name: '恒通集团' } });
    expect(find(p, '有望8月份顺利出让')).toMatchObject({ due: '2024-08-31', action: '出让', target: { value: 163, unit: '亩' }, point: { ordinal: 6 }, owner: { name: '高平经济技术开发区管委会' } });
    expect(find(p, '8万平方米标准化厂房')).toMatchObject({ target: { value: 80000, unit: 'm²' }, extractedStatus: 'done', point: { ordinal: 6 } });
    for (const x of p) expect(x.sourceText.length).toBeGreaterThan(3);
  });

  it('flags the open-ended 下一步 intentions 「无明确时限」 and gives 我们将… to the unit that wrote the reply', () => {
    const next = panel.proposals.filter((x: any) => x.sourceText.startsWith('下一步'));
    expect(next.length).toBe(3);
    for (const x of next) expect(x).toMatchObject({ due: null, openEnded: true, clockLabel: '待确认' });
    expect(find(panel.proposals, '我们将建立多部门协作联动机制').owner.shortName).toBe('工信局');
  });

  it('proposing again adds nothing: the same words are never proposed twice', async () => {
    const r = await ok(gongxin.post(`/api/replies/${replyId}/promises/extract`));
    expect(r.proposed).toBe(0);
    expect(r.panel.proposals.length).toBe(panel.proposals.length);
  });

  it('only the lead unit may propose; a draft reply cannot be read for promises yet', async () => {
    expect((await hengtong.post(`/api/replies/${replyId}/promises/extract`)).statusCode).toBe(403);
    expect((await deputy.post(`/api/replies/${replyId}/promises/extract`)).statusCode).toBe(403);
    const draft = await fresh187(env, { state: 'draft' });
    const res = await gongxin.post(`/api/replies/${draft.replyId}/promises/extract`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('答复提交后');
  });

  it('deputies see no proposals; units see theirs and the lead unit sees all', async () => {
    const d = await ok(deputy.get(`/api/replies/${replyId}/promises`));
    expect(d.proposals).toEqual([]);
    const j = await ok(jiaoyu.get(`/api/replies/${replyId}/promises`));
    expect(j.proposals.every((x: any) => x.owner.shortName === '教育局')).toBe(true);
    expect(j.proposals.length).toBeGreaterThanOrEqual(1);
    const school = find(j.proposals, '主体封顶');
    expect(school.can.review).toBe(true);
    expect((await deputy.get(`/api/promises/${school.id}`)).statusCode).toBe(403);
    expect((await env.as('kangshuo').then((c) => c.get(`/api/replies/${replyId}/promises`))).statusCode).toBe(403);
  });

  it('the owner confirms with edits: the history records each field before and after; the owner learns of it', async () => {
    const school = find(panel.proposals, '主体封顶');
    const project = await env.ctx.db.selectFrom('project').select(['id', 'name']).where('name', 'like', '%第十中学%').executeTakeFirstOrThrow();
    const c = await ok(jiaoyu.post(`/api/promises/${school.id}/confirm`, { version: school.version, text: '第十中学年底主体封顶', projectId: project.id, note: '已核对' }));
    expect(c).toMatchObject({ confirmed: true, status: 'planned', due: '2024-12-31', originalDue: '2024-12-31', project: { id: project.id }, text: '第十中学年底主体封顶', sourceText: '预计年底主体封顶' });
    const detail = await ok(jiaoyu.get(`/api/promises/${school.id}`));
    const confirmed = detail.history.find((h: any) => h.kind === 'confirmed');
    expect(confirmed.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'text', before: '预计年底主体封顶', after: '第十中学年底主体封顶' }),
      expect.objectContaining({ field: 'project', after: project.name }),
    ]));
    expect(confirmed.note).toBe('已核对');
    expect(detail.history.some((h: any) => h.kind === 'proposed')).toBe(true);
    const audit = await env.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', school.id).execute();
    expect(audit.map((a) => a.action)).toContain('promise.confirm');
    // Confirming twice is refused; confirming with an old version is a stale write.
    expect((await jiaoyu.post(`/api/promises/${school.id}/confirm`, { version: c.version })).statusCode).toBe(409);
  });

  it('the lead unit confirms a promise and puts it on another unit, who is notified', async () => {
    const transfer = find(panel.proposals, '有望8月份顺利出让');
    const zoneUser = await env.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'zone').executeTakeFirstOrThrow();
    const before = await env.ctx.db.selectFrom('notification').select('id').where('user_id', '=', zoneUser.id).where('kind', '=', 'promise.assigned').execute();
    const c = await ok(gongxin.post(`/api/promises/${transfer.id}/confirm`, { version: transfer.version }));
    expect(c.owner.name).toBe('高平经济技术开发区管委会');
    const after = await env.ctx.db.selectFrom('notification').select(['title', 'link']).where('user_id', '=', zoneUser.id).where('kind', '=', 'promise.assigned').execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.link).toBe(`/promises/${transfer.id}`);
  });

  it('a reported-done thing is confirmed as done by default, or as planned if staff say so', async () => {
    const canteen = find(panel.proposals, '职工餐厅');
    const done = await ok(hengtong.post(`/api/promises/${canteen.id}/confirm`, { version: canteen.version }));
    expect(done).toMatchObject({ status: 'done', progress: 100, doneOn: '2024-08-22' });
    const factories = find(panel.proposals, '8万平方米标准化厂房');
    const planned = await ok(zone.post(`/api/promises/${factories.id}/confirm`, { version: factories.version, status: 'in_progress', due: null, text: '8万平方米标准化厂房建成交付' }));
    expect(planned).toMatchObject({ status: 'in_progress', progress: 0, doneOn: null, openEnded: true, clock: 'open_ended' });
  });

  it('edits while unconfirmed may move the date; after confirmation a new date needs a slip with a reason', async () => {
    const greening = find(panel.proposals, '全年不少于3.5万平米');
    const e = await ok(gongxin.patch(`/api/promises/${greening.id}`, { version: greening.version, due: '2024-11-30', target: { value: 36000, unit: 'm²', comparator: '>=' } }));
    expect(e).toMatchObject({ due: '2024-11-30', target: { value: 36000 }, confirmed: false });
    const c = await ok(hengtong.post(`/api/promises/${greening.id}/confirm`, { version: e.version }));
    const res = await hengtong.patch(`/api/promises/${greening.id}`, { version: c.version, due: '2025-01-31' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('已延期');
    // A due date before the reply is refused.
    const other = find(panel.proposals, '年内投入运营');
    const bad = await gongxin.patch(`/api/promises/${other.id}`, { version: other.version, due: '2024-01-31' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('答复日期');
  });

  it('a stale version is a 409 and changes nothing', async () => {
    const utilities = find(panel.proposals, '年内投入运营');
    await ok(gongxin.patch(`/api/promises/${utilities.id}`, { version: utilities.version, action: '投入运行' }));
    const res = await gongxin.patch(`/api/promises/${utilities.id}`, { version: utilities.version, action: '建成' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('stale_write');
    expect((await ok(gongxin.get(`/api/promises/${utilities.id}`))).action).toBe('投入运行');
  });

  it('discarding: proposals only, kept in the panel, never proposed again, and restorable', async () => {
    const closing = find(panel.proposals, '城乡一体化环卫');
    expect(closing).toBeTruthy();
    const d = await ok(gongxin.post(`/api/promises/${closing.id}/discard`, { version: closing.version, reason: '表态性语言，不构成具体承诺' }));
    expect(d).toMatchObject({ discarded: true, discardReason: '表态性语言，不构成具体承诺' });
    const again = await ok(gongxin.post(`/api/replies/${replyId}/promises/extract`));
    expect(again.proposed).toBe(0);
    expect(again.panel.discarded.map((x: any) => x.id)).toContain(closing.id);
    const r = await ok(gongxin.post(`/api/promises/${closing.id}/restore`, { version: d.version }));
    expect(r.discarded).toBe(false);
    const confirmed = again.panel.confirmed[0];
    const res = await gongxin.post(`/api/promises/${confirmed.id}/discard`, { version: confirmed.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('已终止');
  });

  it('a unit that is neither the lead nor the owner may not review', async () => {
    const p = find(panel.proposals, '我们将建立多部门协作联动机制');
    const res = await jiaoyu.post(`/api/promises/${p.id}/confirm`, { version: p.version });
    expect(res.statusCode).toBe(403);
    expect((await hengtong.post(`/api/promises/${p.id}/discard`, { version: p.version })).statusCode).toBe(403);
  });

  it('the lead unit adds a promise by hand, confirmed at once, tied to a point', async () => {
    const point = panel.points.find((x: any) => x.ordinal === 3);
    const org = await env.ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', '公安局').executeTakeFirstOrThrow();
    const p = await ok(gongxin.post(`/api/replies/${replyId}/promises`, { text: '在开发区设立户籍业务便民服务点', pointId: point.id, ownerOrgId: org.id, due: '2024-12-31' }));
    expect(p).toMatchObject({ origin: 'manual', confirmed: true, sourceText: null, point: { ordinal: 3 }, owner: { shortName: '公安局' }, due: '2024-12-31' });
    expect((await hengtong.post(`/api/replies/${replyId}/promises`, { text: '测试承诺内容', ownerOrgId: org.id })).statusCode).toBe(403);
    const bad = await gongxin.post(`/api/replies/${replyId}/promises`, { text: '短', ownerOrgId: org.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/至少 4 个字/);
  });
});

describe('submitting a reply proposes its promises', () => {
  let env: TestEnv;
  beforeAll(async () => { env = await createTestEnv({ now: '2024-09-10T02:00:00.000Z' }); });
  afterAll(async () => { await env.close(); });

  it('No. 98\'s second-round reply, submitted by 工信局, comes with proposals to confirm', async () => {
    const gongxin = await env.as('gongxin');
    const reply = await env.ctx.db.selectFrom('reply as r').innerJoin('suggestion as s', 's.id', 'r.suggestion_id').select(['r.id', 'r.version'])
      .where('s.number', '=', 98).where('s.is_demo', '=', 1).where('r.state', '=', 'draft').executeTakeFirstOrThrow();
    await ok(gongxin.post(`/api/replies/${reply.id}/submit`, { version: reply.version }));
    const panel = await ok(gongxin.get(`/api/replies/${reply.id}/promises`));
    expect(panel.extraction).toMatchObject({ trigger: 'submit', replyDate: '2024-09-10' });
    const training = panel.proposals.find((p: any) => p.sourceText.includes('订单式培训'));
    expect(training).toMatchObject({ due: '2024-12-31', owner: { shortName: '工信局' }, confirmed: false });
    expect(panel.proposals.find((p: any) => p.sourceText.includes('用工信息专栏'))).toMatchObject({ openEnded: true, owner: { shortName: '工信局' } });
    const n = await env.ctx.db.selectFrom('notification as n').innerJoin('app_user as u', 'u.id', 'n.user_id').select(['u.username', 'n.link']).where('n.kind', '=', 'promise.proposed').execute();
    expect(n).toEqual([]); // the unit that submitted is the one reviewing: no notice to itself
  });
});
