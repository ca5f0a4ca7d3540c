import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { createTestEnv, type TestEnv } from '../../testing/harness.js';

describe('the edge: client address, rate limit, characters', () => {
  let env: TestEnv;
  const extra: FastifyInstance[] = [];
  beforeAll(async () => { env = await createTestEnv(); });
  afterAll(async () => {
    for (const a of extra) await a.close();
    await env.close();
  });

  /** An app on the same database with a small per-address limit and the given trusted proxies. */
  async function limitedApp(trustProxy: string[] = []) {
    const app = await buildApp({ ...env.ctx, config: { ...env.ctx.config, trustProxy } }, { rateLimitPerMinute: 3 });
    await app.ready();
    extra.push(app);
    return app;
  }

  it('ignores X-Forwarded-For unless the peer is a configured proxy', async () => {
    const app = await limitedApp();
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '192.0.2.10', headers: { 'x-forwarded-for': `10.1.1.${i}` } })).statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
  });

  it('believes X-Forwarded-For from the configured proxy only', async () => {
    const app = await limitedApp(['192.0.2.99']);
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '192.0.2.99', headers: { 'x-forwarded-for': `10.2.2.${i}` } });
      expect(r.statusCode).toBe(200);
    }
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '192.0.2.11', headers: { 'x-forwarded-for': `10.3.3.${i}` } })).statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429]);
  });

  it('limits a percent-encoded API path like the plain one', async () => {
    const app = await limitedApp();
    for (const url of ['/%61pi/health', '/%61pi/public/replies']) {
      const ip = url.includes('health') ? '192.0.2.20' : '192.0.2.21';
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await app.inject({ method: 'GET', url, remoteAddress: ip })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
    }
  });

  const refused = (res: { statusCode: number; json(): any }, field: string) => {
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_characters');
    expect(res.json().message).toContain(`“${field}”`);
    expect(res.json().message).toContain('不允许的字符');
  };

  it('refuses a NUL in a path parameter, a query and a login name with a Chinese 400', async () => {
    refused(await env.anon().get('/api/public/replies/%00'), 'id');
    refused(await env.anon().get('/api/public/replies?q=%E5%8D%97%00'), 'q');
    refused(await env.anon().post('/api/auth/login', { username: 'adm\u0000in', password: 'demo123456' }), 'username');
    const organizer = await env.as('organizer');
    refused(await organizer.get('/api/suggestions?q=a%00b'), 'q');
  });

  it('refuses controls, non-characters and lone surrogates in the bodies of write routes', async () => {
    const admin = await env.as('admin');
    refused(await admin.post('/api/org-units', { name: '测试\u0000单位', shortName: '测试', kind: 'bureau' }), 'name');
    refused(await admin.post('/api/users', { username: 'newbie', displayName: '新\u0007人', role: 'organizer', orgUnitId: null }), 'displayName');
    const orgs = (await admin.get('/api/org-units')).json();
    refused(await admin.patch(`/api/org-units/${orgs[0].id}`, { version: orgs[0].version, officialPhone: '5220000\u001b' }), 'officialPhone');
    const unit = await env.as('gongxin');
    refused(await unit.post('/api/replies/any/points', { heading: '要点', text: '按期完成\uFFFF' }), 'text');
    refused(await unit.post('/api/replies/any/points', { heading: '要点', text: '按期完成\uFFFE' }), 'text');
    refused(await unit.post('/api/replies/any/points', { heading: '要点\u{10FFFF}', text: '按期完成' }), 'heading');
    // A lone surrogate can only arrive as a JSON escape.
    refused(await unit.inject({ method: 'POST', url: '/api/replies/any/points', headers: { 'content-type': 'application/json' }, payload: '{"heading":"要点","text":"半个\\ud800字"}' }), 'text');
    // Tabs and line breaks are ordinary text.
    const ok = await admin.post('/api/org-units', { name: '测试\t单位', shortName: '测试', kind: 'bureau' });
    expect(ok.statusCode).toBe(200);
  });

  it('every API route refuses a NUL in its path parameters and its JSON body alike', async () => {
    const admin = await env.as('admin');
    const routes = env.app.routeList.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    const failures: string[] = [];
    let withParams = 0;
    let withBody = 0;
    for (const r of routes) {
      if (r.url.includes(':')) {
        withParams++;
        const url = r.url.replace(/:[A-Za-z]+/g, 'x%00y');
        const res = await admin.inject({ method: r.method as 'GET', url, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }) });
        if (res.json().code !== 'invalid_characters') failures.push(`${r.method} ${url}: ${res.statusCode}`);
      }
      if (['POST', 'PUT', 'PATCH'].includes(r.method)) {
        withBody++;
        const url = r.url.replace(/:[A-Za-z]+/g, '01900000-0000-7000-8000-000000000000');
        const res = await admin.inject({ method: r.method as 'POST', url, payload: { name: 'a\u0000b', note: 'x' } });
        if (res.json().code !== 'invalid_characters') failures.push(`${r.method} ${url} body: ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
    expect(withParams).toBeGreaterThan(30);
    expect(withBody).toBeGreaterThan(30);
  });

  it('answers a cookie holding a NUL as no session, not a 500', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'qunei_sid=abc%00def' } });
    expect(res.statusCode).toBe(401);
  });
});
