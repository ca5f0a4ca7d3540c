import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, TEST_DIALECT, type TestEnv } from '../../testing/harness.js';
import { JobRunner } from './job-runner.js';

describe('job runner', () => {
  let env: TestEnv;
  beforeAll(async () => { env = await createTestEnv({ now: '2024-08-22T01:00:00.000Z' }); });
  afterAll(async () => { await env.close(); });

  it('runs a scheduled slot once however often it ticks', async () => {
    const runs: string[] = [];
    const runner = new JobRunner(env.ctx.db, env.clock, 'a');
    runner.register({ name: 'count.a', schedule: '0 8 * * *', handler: async (_p, job) => { runs.push(job.id); } });
    await runner.tick();
    await runner.tick();
    expect(runs).toEqual(['count.a@2024-08-22T00:00:00.000Z']);
    env.clock.advanceMs(24 * 3600_000);
    await runner.tick();
    expect(runs).toHaveLength(2);
  });

  it('retries a failing job and records the error', async () => {
    const runner = new JobRunner(env.ctx.db, env.clock, 'a');
    let calls = 0;
    runner.register({ name: 'flaky', handler: async () => { calls++; if (calls === 1) throw new Error('暂时失败'); } });
    await runner.enqueue('flaky', {}, { id: 'flaky-1' });
    await runner.runDue();
    let row = await env.ctx.db.selectFrom('job').selectAll().where('id', '=', 'flaky-1').executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(row.last_error).toBe('暂时失败');
    env.clock.advanceMs(2 * 60_000);
    await runner.runDue();
    row = await env.ctx.db.selectFrom('job').selectAll().where('id', '=', 'flaky-1').executeTakeFirstOrThrow();
    expect(row.status).toBe('done');
  });

  it.runIf(TEST_DIALECT === 'postgres')('two instances on one PostgreSQL database run each job exactly once', async () => {
    const second = await env.secondInstance();
    const runs: Array<{ instance: string; id: string }> = [];
    const make = (db: typeof env.ctx.db, name: string) => {
      const r = new JobRunner(db, env.clock, name);
      r.register({ name: 'race', schedule: '*/5 * * * *', handler: async (_p, job) => { runs.push({ instance: name, id: job.id }); await new Promise((res) => setTimeout(res, 20)); } });
      r.register({ name: 'oneoff', handler: async (_p, job) => { runs.push({ instance: name, id: job.id }); } });
      return r;
    };
    const a = make(env.ctx.db, 'A');
    const b = make(second.ctx.db, 'B');
    for (let i = 0; i < 20; i++) await a.enqueue('oneoff', { i }, { id: `oneoff-${i}` });
    for (let round = 0; round < 5; round++) {
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      env.clock.advanceMs(5 * 60_000);
    }
    const ids = runs.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('oneoff-'))).toHaveLength(20);
    expect(ids.filter((id) => id.startsWith('race@'))).toHaveLength(5);
    expect(new Set(runs.map((r) => r.instance)).size).toBe(2);
  });
});
