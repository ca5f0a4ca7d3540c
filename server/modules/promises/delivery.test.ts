import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { fresh187, ok } from './testing.js';

describe('deputies rate the delivery of promises (兑现 / 部分兑现 / 未兑现)', () => {
  let env: TestEnv;
  let gongxin: Client;
  let jiaoyu: Client;
  let gao: Client;
  let like: Client;
  let han: Client;
  let suggestionId: string;
  let school: any;
  let utilities: any;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-09-10T02:00:00.000Z' });
    [gongxin, jiaoyu, gao, like, han] = await Promise.all(['gongxin', 'jiaoyu', 'gaoyipeng', 'like', 'hanzhifeng'].map((u) => env.as(u)));
    const f = await fresh187(env);
    suggestionId = f.suggestionId;
    const { panel } = await ok(gongxin.post(`/api/replies/${f.replyId}/promises/extract`));
    const pick = (w: string) => panel.proposals.find((p: any) => p.sourceText.includes(w));
    school = await ok(gongxin.post(`/api/promises/${pick('预计年底主体封顶').id}/confirm`, { version: pick('预计年底主体封顶').version }));
    utilities = await ok(gongxin.post(`/api/promises/${pick('年内投入运营').id}/confirm`, { version: pick('年内投入运营').version }));
  });
  afterAll(async () => { await env.close(); });

  it('a promise not yet due or done cannot be rated', async () => {
    const res = await gao.post(`/api/promises/${school.id}/ratings`, { rating: 'kept', promiseVersion: school.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('尚未到期');
    expect(school.can.rate).toBe(false);
  });

  it('once done, only the suggestion\'s deputies may rate; units and other deputies are refused', async () => {
    school = await ok(jiaoyu.post(`/api/promises/${school.id}/status`, { version: school.version, status: 'done', doneOn: '2024-09-09' }));
    const mine = await ok(gao.get(`/api/promises/${school.id}`));
    expect(mine.can.rate).toBe(true);
    expect((await han.post(`/api/promises/${school.id}/ratings`, { rating: 'kept', promiseVersion: school.version })).statusCode).toBe(403);
    expect((await jiaoyu.post(`/api/promises/${school.id}/ratings`, { rating: 'kept', promiseVersion: school.version })).statusCode).toBe(403);
    const bad = await gao.post(`/api/promises/${school.id}/ratings`, { rating: 'great', promiseVersion: school.version });
    expect(bad.statusCode).toBe(400);
  });

  it('one rating per deputy per state of the promise: a double submission is one rating', async () => {
    const [a, b] = await Promise.all([
      gao.post(`/api/promises/${school.id}/ratings`, { rating: 'kept', comment: '按期封顶', promiseVersion: school.version }),
      gao.post(`/api/promises/${school.id}/ratings`, { rating: 'kept', comment: '（重复提交）', promiseVersion: school.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const rows = await env.ctx.db.selectFrom('delivery_rating').select('rating').where('promise_id', '=', school.id).execute();
    expect(rows.length).toBe(1);
    const again = await gao.post(`/api/promises/${school.id}/ratings`, { rating: 'not_kept', promiseVersion: school.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('新的进展后可以重新评价');
    // The unit hears of each rating.
    const n = await env.ctx.db.selectFrom('notification as n').innerJoin('app_user as u', 'u.id', 'n.user_id').select('u.username').where('n.kind', '=', 'promise.rated').execute();
    expect(n.map((x) => x.username)).toEqual(expect.arrayContaining(['jiaoyu', 'gongxin']));
  });

  it('a rating is about what the deputy read: an older version is refused', async () => {
    const res = await like.post(`/api/promises/${school.id}/ratings`, { rating: 'kept', promiseVersion: school.version - 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('刷新');
  });

  it('after a later change the deputy may rate again; the latest rating counts', async () => {
    const first = (await ok(gao.get(`/api/promises/${school.id}`))).delivery;
    expect(first).toMatchObject({ kept: 1, partly: 0, notKept: 0, expected: 2 });
    const reopened = await ok(jiaoyu.post(`/api/promises/${school.id}/status`, { version: school.version, status: 'in_progress', reason: '屋面未完成' }));
    school = await ok(jiaoyu.post(`/api/promises/${school.id}/status`, { version: reopened.version, status: 'done' }));
    const view = await ok(gao.get(`/api/promises/${school.id}`));
    expect(view.can.rate).toBe(true);
    expect(view.delivery.mine).toMatchObject({ rating: 'kept', current: false });
    const r = await ok(gao.post(`/api/promises/${school.id}/ratings`, { rating: 'partly', comment: '屋面返工，拖了半个月', promiseVersion: school.version }));
    expect(r.delivery).toMatchObject({ kept: 0, partly: 1, notKept: 0, verdict: 'partly', mine: { rating: 'partly', current: true } });
    const detail = await ok(gongxin.get(`/api/promises/${school.id}`));
    const gaoRow = detail.ratings.find((x: any) => x.name === '郜义鹏');
    expect(gaoRow.history.map((h: any) => h.rating)).toEqual(['kept', 'partly']);
    expect(gaoRow.latest).toMatchObject({ rating: 'partly', comment: '屋面返工，拖了半个月' });
  });

  it('a promise falls due on its date: then it can be rated even if not done (未兑现)', async () => {
    env.clock.set('2025-01-02T02:00:00.000Z');
    try {
      const like = await env.as('like'); // the old session has expired by then
      const u = await ok(like.get(`/api/promises/${utilities.id}`));
      expect(u).toMatchObject({ clock: 'overdue', can: { rate: true } });
      const list = await ok(like.get('/api/promises/to-rate'));
      expect(list.items.map((x: any) => x.id)).toEqual(expect.arrayContaining([utilities.id, school.id]));
      await ok(like.post(`/api/promises/${utilities.id}/ratings`, { rating: 'not_kept', comment: '年底仍未通气', promiseVersion: u.version }));
      const after = await ok(like.get('/api/promises/to-rate'));
      expect(after.items.map((x: any) => x.id)).not.toContain(utilities.id);
      const all = await ok(like.get('/api/promises/to-rate?all=1'));
      expect(all.items.map((x: any) => x.id)).toContain(utilities.id);
    } finally {
      env.clock.set('2024-09-10T02:00:00.000Z');
    }
  });

  it('the suggestion shows 答复满意 beside 落实满意, per deputy', async () => {
    const v = await ok(gao.get(`/api/suggestions/${suggestionId}/promises`));
    expect(v.items.length).toBe(2);
    expect(v.deputies.map((d: any) => d.name).sort()).toEqual(['李科', '郜义鹏'].sort());
    const g = v.deputies.find((d: any) => d.name === '郜义鹏');
    expect(g.delivery).toEqual({ kept: 0, partly: 1, notKept: 0 });
    expect(v.summary).toMatchObject({ total: 2, done: 1 });
    expect(v.summary.label).toContain('承诺 2 项');
    expect((await han.get(`/api/suggestions/${suggestionId}/promises`)).statusCode).toBe(403);
  });

  it('the demo deputies of No. 187 have delivery ratings, and promises of their own to rate', async () => {
    const list = await ok(gao.get('/api/promises/to-rate'));
    expect(list.pending).toBeGreaterThanOrEqual(1); // the 163 亩 transfer, done on 2024-08-30
    expect(list.items.every((x: any) => x.can.rate)).toBe(true);
    const dash = await ok(gao.get('/api/promises/dashboard'));
    expect(dash).toMatchObject({ role: 'deputy' });
    expect(dash.toRate).toBe(list.pending);
  });
});

describe('similar earlier suggestions say whether their promises were kept', () => {
  let env: TestEnv;
  beforeAll(async () => { env = await createTestEnv({ now: '2025-06-01T02:00:00.000Z' }); });
  afterAll(async () => { await env.close(); });

  it('a deputy drafting about the zone\'s public services sees No. 187 with its delivery', async () => {
    const deputy = await env.as('wanjianqin');
    await ok((await env.as('organizer')).post('/api/suggestions/search/reindex'));
    const r = await ok(deputy.post('/api/suggestions/similar', { title: '关于完善开发区公共配套服务设施的建议', body: '开发区学校建设、园区绿化、水暖电气配套需要加快，职工餐厅和公交也要提升。' }));
    const s187 = r.items.find((x: any) => x.number === 187);
    expect(s187).toBeTruthy();
    // Done as the promises read (linked ones from their project, milestone or greening target): the same count the
    // suggestion's own promise card shows, not a second truth.
    const sid = (await env.ctx.db.selectFrom('suggestion').select('id').where('number', '=', 187).where('is_demo', '=', 1).executeTakeFirstOrThrow()).id;
    const card = await ok((await env.as('organizer')).get(`/api/suggestions/${sid}/promises`));
    expect(s187.delivery).toMatchObject({ total: 8, done: card.items.filter((x: any) => x.status === 'done').length });
    expect(s187.delivery.done).toBeGreaterThanOrEqual(1); // at least the 163 亩 transfer
    expect(s187.delivery.overdue).toBe(card.items.filter((x: any) => x.clock === 'overdue').length);
    expect(s187.delivery.ratings.kept).toBeGreaterThanOrEqual(2); // the transfer's
    expect(s187.delivery.label).toContain('承诺 8 项');
  });
});
