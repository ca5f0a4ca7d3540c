import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, clientFor, TEST_DIALECT, type Client, type TestEnv } from '../../testing/harness.js';
import { demoIds, ok } from './suggestions.test-helpers.js';

/** Simultaneous writes: nobody's work is lost and a round completes exactly once. */
describe('concurrent writes', () => {
  let env: TestEnv;
  let organizer: Client, gongxin: Client;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-10-08T02:00:00.000Z' });
    [organizer, gongxin] = await Promise.all([env.as('organizer'), env.as('gongxin')]);
    ids = await demoIds(env);
  });
  afterAll(async () => { await env.close(); });

  async function replied(title: string, deputies: string[]) {
    let s = ok(await organizer.post('/api/suggestions', { sessionId: ids.session('七届六次'), title, body: `${title}的内容。`, category: '其他', leadDeputyId: ids.deputy(deputies[0]), coSignerIds: deputies.slice(1).map(ids.deputy) }));
    s = ok(await organizer.post(`/api/suggestions/${s.id}/admit`, { version: s.version }));
    s = ok(await organizer.post(`/api/suggestions/${s.id}/assign`, { version: s.version, leadUnitId: ids.org('工信局') }));
    s = ok(await gongxin.post(`/api/assignments/${s.assignments[0].id}/accept`, { version: s.assignments[0].version }));
    let r = s.replies[0];
    r = ok(await gongxin.post(`/api/replies/${r.id}/points`, { heading: '要点', text: '答复内容。' })).replies[0];
    r = ok(await gongxin.patch(`/api/replies/${r.id}`, { version: r.version, classCode: 'A', signer: '王建军', contactPerson: '李晓东' })).replies[0];
    ok(await gongxin.post(`/api/replies/${r.id}/submit`, { version: r.version }));
    return { id: s.id as string, replyId: r.id as string };
  }

  it('five deputies rating at the same moment: all five ratings count and the round completes once', async () => {
    const names = ['郜义鹏', '李科', '杜小林', '韩志峰', '万建勤'];
    const { id, replyId } = await replied('关于并发评价测试的建议', names);
    const users = ['gaoyipeng', 'like', 'duxiaolin', 'hanzhifeng', 'wanjianqin'];
    // On PostgreSQL, half of them go through a second app instance.
    const second = TEST_DIALECT === 'postgres' ? await env.secondInstance() : null;
    const clients = await Promise.all(users.map(async (u, i) => {
      const c = await env.as(u);
      return second && i % 2 ? clientFor(second.app, c.cookie, c.csrf) : c;
    }));
    const results = await Promise.all(clients.map((c, i) => c.post(`/api/replies/${replyId}/ratings`, { satisfaction: i === 2 ? 'dissatisfied' : 'satisfied', metInPerson: false })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const ratings = await env.ctx.db.selectFrom('rating').select('deputy_id').where('reply_id', '=', replyId).execute();
    expect(ratings).toHaveLength(5);
    const s = await env.ctx.db.selectFrom('suggestion').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(s).toMatchObject({ state: 'rehandling', round: 2 });
    const rounds = await env.ctx.db.selectFrom('reply').select('round').where('suggestion_id', '=', id).orderBy('round').execute();
    expect(rounds.map((r) => r.round)).toEqual([1, 2]);
    const events = await env.ctx.db.selectFrom('suggestion_event').select('kind').where('suggestion_id', '=', id).where('kind', '=', 'rehandling').execute();
    expect(events).toHaveLength(1);
  });

  it('the same deputy rating twice at once: one rating, one refusal', async () => {
    const { replyId } = await replied('关于重复评价并发测试的建议', ['李科', '杜小林']);
    const like = await env.as('like');
    const [a, b] = await Promise.all([
      like.post(`/api/replies/${replyId}/ratings`, { satisfaction: 'satisfied', metInPerson: false }),
      like.post(`/api/replies/${replyId}/ratings`, { satisfaction: 'dissatisfied', metInPerson: false }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().message).toContain('不能重复评价');
    const ratings = await env.ctx.db.selectFrom('rating').select('id').where('reply_id', '=', replyId).execute();
    expect(ratings).toHaveLength(1);
  });

  it('two editors saving the same point at once: one wins, the other is told to refresh', async () => {
    let s = ok(await organizer.post('/api/suggestions', { sessionId: ids.session('七届六次'), title: '关于并发编辑测试的建议', body: '并发编辑测试的内容。', category: '其他', leadDeputyId: ids.deputy('李科') }));
    s = ok(await organizer.post(`/api/suggestions/${s.id}/admit`, { version: s.version }));
    s = ok(await organizer.post(`/api/suggestions/${s.id}/assign`, { version: s.version, leadUnitId: ids.org('工信局') }));
    s = ok(await gongxin.post(`/api/assignments/${s.assignments[0].id}/accept`, { version: s.assignments[0].version }));
    const p = ok(await gongxin.post(`/api/replies/${s.replies[0].id}/points`, { text: '初稿' })).replies[0].points[0];
    const other = await env.as('gongxin');
    const [a, b] = await Promise.all([
      gongxin.patch(`/api/reply-points/${p.id}`, { version: p.version, text: '甲的修改' }),
      other.patch(`/api/reply-points/${p.id}`, { version: p.version, text: '乙的修改' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? '甲的修改' : '乙的修改';
    const row = await env.ctx.db.selectFrom('reply_point').select(['text', 'version']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ text: winner, version: p.version + 1 });
  });
});
