import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { demoReplyId, ok } from './testing.js';

describe('the public promise ledger: confirmed promises of published replies only', () => {
  let env: TestEnv;
  let anon: Client;
  let hengtong: Client;
  let r45: string;
  let r187: string;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-12-10T02:00:00.000Z' });
    anon = env.anon();
    hengtong = await env.as('hengtong');
    r45 = await demoReplyId(env, 45);
    r187 = await demoReplyId(env, 187);
    // The demo publishes No. 187's reply on 2024-09-05; these tests take it down to see what an unpublished reply keeps back.
    await env.ctx.db.updateTable('reply').set({ publication_state: 'draft' }).where('id', '=', r187).execute();
  });
  afterAll(async () => { await env.close(); });

  it('shows No. 45 (published) and nothing of No. 187 (not yet published) nor any proposal', async () => {
    const l = await ok(anon.get('/api/public/promises'));
    expect(l.total).toBe(2);
    expect(l.items.every((p: any) => p.reply.id === r45 && p.replyId === r45)).toBe(true);
    expect(l.items.map((p: any) => p.ownerName).sort()).toEqual(['恒通集团', '高平市城市管理局'].sort());
    expect(l.filters.units.length).toBe(2);
    const unconfirmed = await env.ctx.db.selectFrom('promise').select('id').where('confirmed', '=', 0).execute();
    const of187 = await env.ctx.db.selectFrom('promise').select('id').where('reply_id', '=', r187).where('confirmed', '=', 1).executeTakeFirstOrThrow();
    for (const id of [unconfirmed[0].id, of187.id]) {
      const res = await anon.get(`/api/public/promises/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toContain('尚未公开');
    }
  });

  it('each promise carries the history of its status and progress, by organisation, without internal notes', async () => {
    const network = (await ok(anon.get('/api/public/promises'))).items.find((p: any) => p.ownerName === '恒通集团');
    const internal = await ok(hengtong.post(`/api/promises/${network.id}/progress`, { version: (await ok(hengtong.get(`/api/promises/${network.id}`))).version, progress: 85, note: '施工方欠薪纠纷，内部协调', internal: true }));
    await ok(hengtong.post(`/api/promises/${network.id}/progress`, { version: internal.version, progress: 90, note: '闭水试验完成' }));
    const p = await ok(anon.get(`/api/public/promises/${network.id}`));
    expect(p.progress).toBe(90);
    const text = JSON.stringify(p);
    expect(text).not.toContain('欠薪');
    expect(text).not.toContain('王磊'); // staff names never; the organisation speaks
    expect(p.history[0]).toMatchObject({ kind: 'progress', by: '恒通集团', note: '闭水试验完成' });
    expect(p.history[0].text).toContain('进度 85% → 90%');
    expect(p.history[1]).toMatchObject({ kind: 'progress', note: null });
    expect(p.history.map((h: any) => h.kind)).not.toContain('proposed');
    expect(p.history.at(-1).kind).toBe('confirmed');
  });

  it('personal contact data in a promise is redacted before it leaves', async () => {
    const expansion = (await ok(anon.get('/api/public/promises'))).items.find((p: any) => p.ownerName === '高平市城市管理局');
    const organizerDb = env.ctx.db;
    await organizerDb.updateTable('promise').set({ text: '扩容工程由张工负责，联系电话13912345678' }).where('id', '=', expansion.id).execute();
    const p = await ok(anon.get(`/api/public/promises/${expansion.id}`));
    expect(p.text).not.toContain('13912345678');
  });

  it('publishing No. 187 brings its confirmed promises, never its proposals or discarded ones', async () => {
    await env.ctx.db.updateTable('reply').set({ publication_state: 'published' }).where('id', '=', r187).execute();
    try {
      const l = await ok(anon.get(`/api/public/promises?replyId=${r187}&pageSize=100`));
      const confirmed = await env.ctx.db.selectFrom('promise').select('id').where('reply_id', '=', r187).where('confirmed', '=', 1).where('discarded', '=', 0).execute();
      expect(l.total).toBe(confirmed.length);
      const proposals = await env.ctx.db.selectFrom('promise').select('id').where('reply_id', '=', r187).where('confirmed', '=', 0).execute();
      expect(proposals.length).toBeGreaterThan(0);
      expect(l.items.map((x: any) => x.id)).not.toEqual(expect.arrayContaining([proposals[0].id]));
      const done = await ok(anon.get(`/api/public/promises?replyId=${r187}&view=done`));
      expect(done.items.length).toBeGreaterThan(0);
      expect(done.items.every((x: any) => x.status === 'done')).toBe(true);
      const soon = await ok(anon.get(`/api/public/promises?view=due30&pageSize=100`));
      expect(soon.items.length).toBeGreaterThan(0);
      expect(soon.items.every((x: any) => x.due >= '2024-12-10' && x.due <= '2025-01-09')).toBe(true);
      const transfer = l.items.find((x: any) => x.action === '出让');
      expect(transfer).toMatchObject({ status: 'done', statusLabel: '已完成', delivery: { kept: 2, verdictLabel: '兑现' }, isDemo: true });
      expect(transfer.history.find((h: any) => h.kind === 'evidence').note).toContain('成交确认书');
      expect(JSON.stringify(l)).not.toContain('李晓东');
    } finally {
      await env.ctx.db.updateTable('reply').set({ publication_state: 'draft' }).where('id', '=', r187).execute();
    }
  });
});
