import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestEnv, type TestEnv } from '../../testing/harness.js';
import { recordAudit, verifyAuditChain } from './audit.js';

describe('hash-chained audit log', () => {
  let env: TestEnv;
  beforeAll(async () => { env = await createTestEnv(); });
  afterAll(async () => { await env.close(); });

  it('records who changed what, with before and after, and the chain verifies', async () => {
    const admin = await env.as('admin');
    const orgs = (await admin.get('/api/org-units')).json();
    const org = orgs.find((o: { shortName: string }) => o.shortName === '民政局');
    const res = await admin.patch(`/api/org-units/${org.id}`, { version: org.version, officialPhone: '5220000' });
    expect(res.statusCode).toBe(200);
    const log = (await admin.get(`/api/audit?entityId=${org.id}`)).json();
    expect(log.items[0]).toMatchObject({ action: 'org.update', actorName: '系统管理员（admin）' });
    expect(log.items[0].before.officialPhone).toBeNull();
    expect(log.items[0].after.officialPhone).toBe('5220000');
    expect(await verifyAuditChain(env.ctx.db)).toMatchObject({ ok: true, firstBroken: null });
  });

  it('reports the first altered row', async () => {
    for (let i = 0; i < 3; i++) {
      await recordAudit(env.ctx.db, env.ctx.clock, { system: 'test' }, { action: `test.${i}`, entityType: 'x', entityId: String(i) });
    }
    const target = await env.ctx.db.selectFrom('audit_log').select(['seq']).where('action', '=', 'test.1').executeTakeFirstOrThrow();
    await sql`update audit_log set after_json = '{"forged":true}' where seq = ${target.seq}`.execute(env.ctx.db);
    const report = await verifyAuditChain(env.ctx.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.seq).toBe(Number(target.seq));
    expect(report.firstBroken?.reason).toContain('改动');
  });

  it('reports a removed row as a broken link', async () => {
    const env2 = await createTestEnv();
    try {
      for (let i = 0; i < 3; i++) await recordAudit(env2.ctx.db, env2.ctx.clock, { system: 't' }, { action: `r.${i}`, entityType: 'x', entityId: null });
      const mid = await env2.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'r.1').executeTakeFirstOrThrow();
      await sql`delete from audit_log where seq = ${mid.seq}`.execute(env2.ctx.db);
      const report = await verifyAuditChain(env2.ctx.db);
      expect(report.ok).toBe(false);
      expect(report.firstBroken?.seq).toBeGreaterThan(Number(mid.seq));
      expect(report.firstBroken?.reason).toContain('链接断开');
    } finally {
      await env2.close();
    }
  });

  it('only admins may browse it', async () => {
    const organizer = await env.as('organizer');
    expect((await organizer.get('/api/audit')).statusCode).toBe(403);
  });
});
