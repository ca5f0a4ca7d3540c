import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, TEST_DIALECT, type Client, type TestEnv } from '../../testing/harness.js';
import { DAILY_JOB, runDailyPromiseJob } from './promises.jobs.js';
import { fresh187, ok } from './testing.js';

/** Notifications about one promise, by kind and user. */
async function notices(env: TestEnv, promiseId: string) {
  return env.ctx.db.selectFrom('notification as n').innerJoin('app_user as u', 'u.id', 'n.user_id').select(['n.kind', 'u.username', 'n.title', 'n.body'])
    .where('n.link', '=', `/promises/${promiseId}`).orderBy('n.kind').orderBy('u.username').execute();
}

describe('the daily promise job: reminders before and on the due date, and the deputies asked to rate', () => {
  let env: TestEnv;
  let gongxin: Client;
  let replyId: string;
  let utilities: any;
  let school: any;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-09-10T02:00:00.000Z' });
    gongxin = await env.as('gongxin');
    replyId = (await fresh187(env)).replyId;
  });
  afterAll(async () => { await env.close(); });

  it('proposes the promises of a submitted reply that has none yet', async () => {
    const before = await env.ctx.db.selectFrom('promise').select('id').where('reply_id', '=', replyId).execute();
    expect(before.length).toBe(0);
    const r = await runDailyPromiseJob(env.ctx);
    expect(r.proposedReplies).toBeGreaterThanOrEqual(1);
    const panel = await ok(gongxin.get(`/api/replies/${replyId}/promises`));
    expect(panel.proposals.length).toBeGreaterThanOrEqual(5);
    expect(panel.extraction).toMatchObject({ trigger: 'job' });
    const pick = (w: string) => panel.proposals.find((p: any) => p.sourceText.includes(w));
    utilities = await ok(gongxin.post(`/api/promises/${pick('年内投入运营').id}/confirm`, { version: pick('年内投入运营').version }));
    school = await ok(gongxin.post(`/api/promises/${pick('预计年底主体封顶').id}/confirm`, { version: pick('预计年底主体封顶').version }));
  });

  it('seven days before the date the owner\'s staff are reminded, once', async () => {
    env.clock.set('2024-12-24T02:00:00.000Z');
    await runDailyPromiseJob(env.ctx);
    await runDailyPromiseJob(env.ctx);
    const n = await notices(env, utilities.id);
    expect(n.filter((x) => x.kind === 'promise.due_soon').map((x) => x.username)).toEqual(['hengtong']);
    expect(n.find((x) => x.kind === 'promise.due_soon')!.title).toContain('7 天后到期');
    expect(n.filter((x) => x.kind === 'promise.rate')).toEqual([]);
  });

  it('on the due date the owner is told, and the deputies are asked to rate, once each', async () => {
    env.clock.set('2024-12-31T02:00:00.000Z');
    await Promise.all([runDailyPromiseJob(env.ctx), runDailyPromiseJob(env.ctx)]);
    await runDailyPromiseJob(env.ctx);
    const n = await notices(env, utilities.id);
    expect(n.filter((x) => x.kind === 'promise.due').map((x) => x.username)).toEqual(['hengtong']);
    expect(n.find((x) => x.kind === 'promise.due')!.title).toContain('今日到期');
    expect(n.filter((x) => x.kind === 'promise.rate').map((x) => x.username)).toEqual(['gaoyipeng', 'like']);
    const s = await notices(env, school.id);
    expect(s.filter((x) => x.kind === 'promise.due').map((x) => x.username)).toEqual(['jiaoyu']);
  });

  it('a slipped promise is reminded again before its new date; a done one is not', async () => {
    env.clock.set('2025-01-02T02:00:00.000Z');
    const hengtong = await env.as('hengtong');
    const jiaoyu = await env.as('jiaoyu');
    const u = await ok(hengtong.get(`/api/promises/${utilities.id}`));
    await ok(hengtong.post(`/api/promises/${utilities.id}/status`, { version: u.version, status: 'slipped', newDue: '2025-01-06', reason: '冻土' }));
    const sc = await ok(jiaoyu.get(`/api/promises/${school.id}`));
    await ok(jiaoyu.post(`/api/promises/${school.id}/status`, { version: sc.version, status: 'done', doneOn: '2024-12-30' }));
    await runDailyPromiseJob(env.ctx);
    const n = await notices(env, utilities.id);
    expect(n.filter((x) => x.kind === 'promise.due_soon').length).toBe(2);
    // The deputies heard when it fell due (2024-12-31) and now that it is done: two facts, each told once.
    const s = await notices(env, school.id);
    const rate = s.filter((x) => x.kind === 'promise.rate');
    expect(rate.filter((x) => x.body.includes('已到期')).map((x) => x.username).sort()).toEqual(['gaoyipeng', 'like']);
    expect(rate.filter((x) => x.body.includes('已完成')).map((x) => x.username).sort()).toEqual(['gaoyipeng', 'like']);
    expect(s.filter((x) => x.kind === 'promise.due_soon' || x.kind === 'promise.due').length).toBe(2);
  });

  it('the job is registered on a daily schedule', () => {
    const def = env.ctx.jobs.definitions.find((d) => d.name === DAILY_JOB);
    expect(def?.schedule).toBe('5 8 * * *');
  });
});

describe.runIf(TEST_DIALECT === 'postgres')('two instances on one PostgreSQL database', () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-09-10T02:00:00.000Z' });
  });
  afterAll(async () => { await env.close(); });

  it('both runners tick at once: the daily job runs once and every person is notified once', async () => {
    const gongxin = await env.as('gongxin');
    const { replyId } = await fresh187(env);
    const { panel } = await ok(gongxin.post(`/api/replies/${replyId}/promises/extract`));
    const p = panel.proposals.find((x: any) => x.sourceText.includes('年内投入运营'));
    const utilities = await ok(gongxin.post(`/api/promises/${p.id}/confirm`, { version: p.version }));
    const second = await env.secondInstance();
    env.clock.set('2024-12-31T02:00:00.000Z'); // 10:00 in Shanghai: the 08:05 slot is due

    const [a, b] = await Promise.all([env.ctx.jobs.tick(), second.ctx.jobs.tick()]);
    const ran = [...a, ...b].filter((id) => id.startsWith(`${DAILY_JOB}@`));
    expect(ran.length).toBe(1);
    // Even the handler itself, run by both at the same moment, notifies once.
    await Promise.all([runDailyPromiseJob(env.ctx), runDailyPromiseJob(second.ctx)]);
    const n = await notices(env, utilities.id);
    expect(n.filter((x) => x.kind === 'promise.due').map((x) => x.username)).toEqual(['hengtong']);
    expect(n.filter((x) => x.kind === 'promise.rate').map((x) => x.username)).toEqual(['gaoyipeng', 'like']);
    const jobs = await env.ctx.db.selectFrom('job').select(['id', 'status']).where('name', '=', DAILY_JOB).execute();
    expect(jobs.length).toBe(1);
    expect(jobs[0].status).toBe('done');
  });
});
