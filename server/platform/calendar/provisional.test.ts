import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { provisionalNote } from '../../../domain/calendar/provisional.js';
import { demoIds, ok } from '../../modules/suggestions/suggestions.test-helpers.js';
import { fixtureSession, fixtureSuggestion } from '../../modules/suggestions/tools.fixtures.js';

/**
 * The built-in calendar holds 2024–2026. On 2026-12-15 deadlines run into 2027: the assignment, the publication
 * clock and the home page's coverage warning compute and explain them by the one rule, in the same words.
 */
describe('a deadline in a year not imported yet (2027), everywhere alike', () => {
  let env: TestEnv;
  let organizer: Client;
  const NOTE = `注意：${provisionalNote([2027])}`;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2026-12-15T02:00:00.000Z' });
    organizer = await env.as('organizer');
  });
  afterAll(async () => { await env.close(); });

  it('the coverage warning names the year and the rule, and no longer says deadlines cannot be computed', async () => {
    const c = ok(await organizer.get('/api/calendar/coverage'));
    expect(c).toMatchObject({ coversHorizon: false, missingYears: [2027] });
    expect(c.warning).toContain(provisionalNote([2027]));
    expect(c.warning).not.toContain('无法计算');
  });

  it('the deadline calculator of the calendar page counts the same way', async () => {
    const r = ok(await organizer.get('/api/calendar/compute?start=2026-12-15&n=20&unit=workdays'));
    expect(r).toMatchObject({ date: '2027-01-12', provisional: true });
    expect(r.explanation.at(-1)).toBe(NOTE);
  });

  it('an assignment computes its reply deadline with weekends only and says so', async () => {
    const ids = await demoIds(env);
    const s = ok(await organizer.post('/api/suggestions', { sessionId: ids.session('七届六次'), title: '关于跨年度期限的建议', body: '跨年度期限测试的具体内容和理由。', category: '其他', leadDeputyId: ids.deputy('郜义鹏') }));
    const admitted = ok(await organizer.post(`/api/suggestions/${s.id}/admit`, { version: s.version }));
    const preview = ok(await organizer.get(`/api/suggestions/${admitted.id}/assign-preview?assignedOn=2026-12-15`));
    expect(preview.replyDue).toMatchObject({ date: '2027-03-15', provisional: true });
    expect(preview.replyDue.lines.at(-1)).toBe(NOTE);
    const assigned = ok(await organizer.post(`/api/suggestions/${admitted.id}/assign`, { version: admitted.version, leadUnitId: ids.org('工信局'), assignedOn: '2026-12-15' }));
    expect(assigned.deadlines.replyDue).toMatchObject({ date: '2027-03-15', lines: preview.replyDue.lines });
  });

  it('the publication clock of a reply submitted today does the same', async () => {
    const { sessionId } = await fixtureSession(env.ctx);
    const deputy = (await demoIds(env)).deputy('李科');
    const f = await fixtureSuggestion(env.ctx, {
      sessionId, number: 901, title: '关于公开期限跨年的建议', body: '公开期限跨年。', leadDeputyId: deputy, leadUnit: '工信局',
      replies: [{ state: 'submitted', intro: '现答复如下。', replyDate: '2026-12-15' }],
    });
    const r = ok(await organizer.get(`/api/publication/replies/${f.replyIds[0]}`));
    // 20 working days from 2026-12-15, 2027-01-01 counted as a working day until 2027 is imported.
    expect(r.deadline).toMatchObject({ dueDate: '2027-01-12', provisional: true, clock: { status: 'normal' } });
    expect(r.deadline.lines.at(-1)).toBe(NOTE);
    const list = ok(await organizer.get(`/api/publication/replies?sessionId=${sessionId}&status=pending`));
    expect(list.items[0].deadline).toEqual(r.deadline);
  });
});
