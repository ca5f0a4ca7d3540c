import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../testing/harness.js';

describe('creating users and units at the same moment', () => {
  let env: TestEnv;
  beforeAll(async () => { env = await createTestEnv(); });
  afterAll(async () => { await env.close(); });

  it('ten parallel creations of one username: one user, nine Chinese 409s', async () => {
    const admin = await env.as('admin');
    const results = await Promise.all(Array.from({ length: 10 }, () =>
      admin.post('/api/users', { username: 'racer', displayName: '并发测试', role: 'organizer', orgUnitId: null })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json()).toMatchObject({ code: 'duplicate', message: '用户名“racer”已被使用' });
    }
    const users = (await admin.get('/api/users?q=racer')).json();
    expect(users.filter((u: { username: string }) => u.username === 'racer')).toHaveLength(1);
  });

  it('a unique violation no service names is a 409 too (parallel units of one name)', async () => {
    const admin = await env.as('admin');
    const results = await Promise.all(Array.from({ length: 6 }, () =>
      admin.post('/api/org-units', { name: '并发测试单位', shortName: '并发', kind: 'bureau' })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().message).toMatch(/已存在名为|重复/);
  });
});
