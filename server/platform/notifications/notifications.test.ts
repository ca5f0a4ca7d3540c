import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../testing/harness.js';
import { notifyUsers } from './notifications.js';

describe('notifications', () => {
  let env: TestEnv;
  beforeAll(async () => { env = await createTestEnv({ checkResponses: true }); });
  afterAll(async () => { await env.close(); });

  it('lists my notifications, marks them read, and sends exactly what the service returned', async () => {
    const zone = await env.as('zone');
    const me = (await zone.get('/api/auth/me')).json();
    const userId: string = me.user?.id ?? me.id;
    await notifyUsers(env.ctx.db, env.ctx.clock, [userId], { kind: 'test', title: '测试通知', body: '正文', link: '/projects', dedupeKey: 'contract-test' });

    const unread = await zone.get('/api/notifications?unread=1');
    expect(unread.statusCode).toBe(200);
    const n = unread.json().items.find((i: { title: string }) => i.title === '测试通知');
    expect(n).toMatchObject({ kind: 'test', body: '正文', link: '/projects', readAt: null });
    expect(Object.keys(n).sort()).toEqual(['body', 'createdAt', 'id', 'kind', 'link', 'readAt', 'title']);

    const read = await zone.post('/api/notifications/read', { ids: [n.id] });
    expect(read.json()).toEqual({ ok: true });
    const all = (await zone.get('/api/notifications')).json();
    expect(all.items.find((i: { id: string }) => i.id === n.id).readAt).toBe(env.ctx.clock.nowIso());
    expect(typeof all.unread).toBe('number');

    expect([...env.responsesChecked].filter((r) => r.includes('notifications')).sort()).toEqual(['GET /api/notifications', 'POST /api/notifications/read']);
    expect(env.responseDrift).toEqual([]);
  });
});
