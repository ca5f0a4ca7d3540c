import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { demoIds, ok, refused } from './suggestions.test-helpers.js';

describe('assignment preview: the due dates an assignment will give, before it is made', () => {
  let env: TestEnv;
  let organizer: Client, gongxin: Client, gao: Client;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admitted: { id: string; version: number };

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-10-08T02:00:00.000Z' });
    [organizer, gongxin, gao] = await Promise.all(['organizer', 'gongxin', 'gaoyipeng'].map((u) => env.as(u)));
    ids = await demoIds(env);
    const s = ok(await organizer.post('/api/suggestions', { sessionId: ids.session('七届六次'), title: '关于交办预览测试的建议', body: '交办预览测试的具体内容和理由。', category: '其他', leadDeputyId: ids.deputy('郜义鹏') }));
    admitted = ok(await organizer.post(`/api/suggestions/${s.id}/admit`, { version: s.version }));
  });
  afterAll(async () => { await env.close(); });

  it('gives the same dates and explanations as the assignment itself', async () => {
    const p = ok(await organizer.get(`/api/suggestions/${admitted.id}/assign-preview?assignedOn=2024-10-08`));
    expect(p).toMatchObject({ assignedOn: '2024-10-08', replyDue: { date: '2025-01-08', provisional: false }, hardDue: { date: '2025-04-08' } });
    expect(p.replyDue.lines[0]).toContain('答复期限：交办之日（2024-10-08）起 3 个月');
    expect(p.returnDue.lines.join('\n')).toContain('个工作日');
    const s = ok(await organizer.post(`/api/suggestions/${admitted.id}/assign`, { version: admitted.version, leadUnitId: ids.org('工信局'), assignedOn: '2024-10-08' }));
    expect(s.deadlines.replyDue).toEqual({ date: p.replyDue.date, lines: p.replyDue.lines });
    expect(s.deadlines.hardDue).toEqual({ date: p.hardDue.date, lines: p.hardDue.lines });
    expect(s.assignments[0].returnDue).toEqual({ date: p.returnDue.date, lines: p.returnDue.lines });
  });

  it('defaults to today, refuses a future date, and counts the national holidays', async () => {
    const p = ok(await organizer.get(`/api/suggestions/${admitted.id}/assign-preview`));
    expect(p.assignedOn).toBe('2024-10-08');
    refused(await organizer.get(`/api/suggestions/${admitted.id}/assign-preview?assignedOn=2024-10-09`), 400, '不能晚于今天');
    refused(await organizer.get(`/api/suggestions/${admitted.id}/assign-preview?assignedOn=2024-02-30`), 400, '日期无效');
    // 2024-09-29 + 7 working days passes the National Day holiday (10-01..07), so it ends on 2024-10-14.
    const q = ok(await organizer.get(`/api/suggestions/${admitted.id}/assign-preview?assignedOn=2024-09-29`));
    expect(q.returnDue.date).toBe('2024-10-14');
    expect(q.returnDue.lines.join('\n')).toMatch(/国庆/);
  });

  it('is the organizer’s only', async () => {
    refused(await gongxin.get(`/api/suggestions/${admitted.id}/assign-preview`), 403);
    refused(await gao.get(`/api/suggestions/${admitted.id}/assign-preview`), 403);
    refused(await env.anon().get(`/api/suggestions/${admitted.id}/assign-preview`), 401);
    refused(await organizer.get('/api/suggestions/no-such/assign-preview'), 404);
  });
});
