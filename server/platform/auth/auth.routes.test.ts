import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, TEST_DIALECT, type TestEnv } from '../../testing/harness.js';

describe('login, sessions and CSRF', () => {
  let env: TestEnv;
  beforeAll(async () => { env = await createTestEnv(); });
  afterAll(async () => { await env.close(); });

  it('logs in with the demo password and sets an HttpOnly SameSite cookie', async () => {
    const res = await env.anon().post('/api/auth/login', { username: 'organizer', password: 'demo123456' });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/qunei_sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password in Chinese, without saying which part was wrong', async () => {
    const res = await env.anon().post('/api/auth/login', { username: 'gongxin', password: 'nope' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthorized', message: '用户名或密码错误' });
  });

  it('throttles after five failed attempts for one user', async () => {
    for (let i = 0; i < 5; i++) await env.anon().post('/api/auth/login', { username: 'jiaoyu', password: `bad${i}` });
    const res = await env.anon().post('/api/auth/login', { username: 'jiaoyu', password: 'demo123456' });
    expect(res.statusCode).toBe(429);
    expect(res.json().message).toContain('15 分钟');
    env.clock.advanceMs(16 * 60_000);
    const later = await env.anon().post('/api/auth/login', { username: 'jiaoyu', password: 'demo123456' });
    expect(later.statusCode).toBe(200);
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const admin = await env.as('admin');
    const noToken = await env.app.inject({ method: 'POST', url: '/api/org-units', headers: { cookie: admin.cookie! }, payload: { name: '测试单位', shortName: '测试', kind: 'bureau' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf');
    const ok = await admin.post('/api/org-units', { name: '测试单位', shortName: '测试', kind: 'bureau' });
    expect(ok.statusCode).toBe(200);
  });

  it('answers 401 for the API without a session and 200 for /me with one', async () => {
    expect((await env.anon().get('/api/auth/me')).statusCode).toBe(401);
    const deputy = await env.as('gaoyipeng');
    const me = await deputy.get('/api/auth/me');
    expect(me.json().user).toMatchObject({ username: 'gaoyipeng', role: 'deputy', roleLabel: '代表' });
  });

  it('expires sessions', async () => {
    const c = await env.as('zone');
    env.clock.advanceMs(13 * 3600_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('logs out', async () => {
    const c = await env.as('agent');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the password, with rules, and ends the other sessions', async () => {
    const a = await env.as('kangshuo');
    const b = await env.as('kangshuo');
    const weak = await a.post('/api/auth/password', { current: 'demo123456', next: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain('10 个字符');
    const wrong = await a.post('/api/auth/password', { current: 'wrong', next: 'Str0ng-Passw0rd!' });
    expect(wrong.json().message).toBe('当前密码不正确');
    const ok = await a.post('/api/auth/password', { current: 'demo123456', next: 'Str0ng-Passw0rd!' });
    expect(ok.statusCode).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await env.anon().post('/api/auth/login', { username: 'kangshuo', password: 'Str0ng-Passw0rd!' })).statusCode).toBe(200);
  });

  it('a session with a temporary password may only change it or log out', async () => {
    const admin = await env.as('admin');
    const created = await admin.post('/api/users', { username: 'newcomer', displayName: '新同事', role: 'organizer', orgUnitId: null });
    expect(created.statusCode).toBe(200);
    const c = await env.as('newcomer', created.json().temporaryPassword);
    const blocked = await c.get('/api/suggestions');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'must_change_password', message: '请先修改初始密码，修改后才能使用系统' });
    expect((await c.post('/api/org-units', { name: '不应建立', shortName: '不', kind: 'bureau' })).json().code).toBe('must_change_password');
    expect((await c.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    // Logging in as someone else from the same browser stays possible.
    const relogin = await c.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'organizer', password: 'demo123456' } });
    expect(relogin.statusCode).toBe(200);
    // The public pages stay open to this visitor, as to anyone.
    expect((await c.get('/api/public/replies')).statusCode).toBe(200);
    expect((await c.post('/api/auth/password', { current: created.json().temporaryPassword, next: 'Str0ng-Passw0rd!' })).statusCode).toBe(200);
    expect((await c.get('/api/suggestions')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json().mustChangePassword).toBe(false);
    const d = await env.as('newcomer', 'Str0ng-Passw0rd!');
    expect((await d.post('/api/auth/logout')).statusCode).toBe(200);
  });

  it('answers validation errors as JSON in Chinese, never a stack', async () => {
    const res = await env.anon().post('/api/auth/login', { username: '', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().message).toContain('请输入用户名');
    const broken = await env.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{not json' });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).not.toContain('at ');
  });

  it.runIf(TEST_DIALECT === 'postgres')('a session made on one instance is valid on another (PostgreSQL)', async () => {
    const c = await env.as('organizer');
    const second = await env.secondInstance();
    const res = await second.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: c.cookie! } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('organizer');
  });
});
