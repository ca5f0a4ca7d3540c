import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestEnv, TEST_DIALECT, type TestEnv } from '../../testing/harness.js';

const loginFrom = (app: FastifyInstance, ip: string, username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username, password } });

/** Passwords actually checked for the account: every checked attempt is recorded, refused ones are not. */
async function checked(env: TestEnv, username: string) {
  const r = await env.ctx.db.selectFrom('login_attempt').select((e) => e.fn.countAll<number>().as('n')).where('username', '=', username).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('login throttle', () => {
  let env: TestEnv;
  beforeAll(async () => { env = await createTestEnv(); });
  afterAll(async () => { await env.close(); });

  it('checks at most five passwords of 40 parallel wrong ones from one address', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => loginFrom(env.app, '192.0.2.40', 'jiaoyu', `wrong-${i}`)));
    expect(await checked(env, 'jiaoyu')).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.statusCode === 401).length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(35);
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
  });

  it.runIf(TEST_DIALECT === 'postgres')('holds the limit across two instances (PostgreSQL)', async () => {
    const second = await env.secondInstance();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      loginFrom(i % 2 ? second.app : env.app, '192.0.2.41', 'duxiaolin', `wrong-${i}`)));
    expect(await checked(env, 'duxiaolin')).toBeLessThanOrEqual(5);
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
  });

  it('a stranger cannot lock the owner out: the stranger\'s address waits, the owner logs in', async () => {
    for (let i = 0; i < 5; i++) expect((await loginFrom(env.app, '203.0.113.9', 'admin', `guess-${i}`)).statusCode).toBe(401);
    const blocked = await loginFrom(env.app, '203.0.113.9', 'admin', 'demo123456');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().message).toBe('密码错误次数过多，请 15 分钟后再试');
    expect((await loginFrom(env.app, '198.51.100.1', 'admin', 'demo123456')).statusCode).toBe(200);
  });

  it('guesses from rotating addresses meet a growing delay on the account, not a lock', async () => {
    for (let i = 0; i < 10; i++) expect((await loginFrom(env.app, `203.0.113.${100 + i}`, 'zone', `guess-${i}`)).statusCode).toBe(401);
    const owner = await loginFrom(env.app, '198.51.100.2', 'zone', 'demo123456');
    expect(owner.statusCode).toBe(429);
    expect(owner.json().message).toBe('密码错误次数过多，请 30 秒后再试');
    expect(owner.json().details).toEqual({ retryAfterSeconds: 30 });
    env.clock.advanceMs(31_000);
    expect((await loginFrom(env.app, '203.0.113.120', 'zone', 'guess-x')).statusCode).toBe(401);
    const longer = await loginFrom(env.app, '198.51.100.2', 'zone', 'demo123456');
    expect(longer.json().message).toBe('密码错误次数过多，请 1 分钟后再试');
    env.clock.advanceMs(61_000);
    expect((await loginFrom(env.app, '198.51.100.2', 'zone', 'demo123456')).statusCode).toBe(200);
    // The success forgave the account: the next wrong password is answered at once again.
    expect((await loginFrom(env.app, '203.0.113.121', 'zone', 'guess-y')).statusCode).toBe(401);
  });

  it('throttles the current-password check of a password change like a login', async () => {
    const c = await env.as('agent');
    for (let i = 0; i < 5; i++) {
      const r = await c.post('/api/auth/password', { current: `wrong-${i}`, next: 'Str0ng-Passw0rd!' });
      expect(r.json().code).toBe('wrong_password');
    }
    const sixth = await c.post('/api/auth/password', { current: 'demo123456', next: 'Str0ng-Passw0rd!' });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().message).toContain('15 分钟');
    env.clock.advanceMs(16 * 60_000);
    expect((await c.post('/api/auth/password', { current: 'demo123456', next: 'Str0ng-Passw0rd!' })).statusCode).toBe(200);
  });
});
