import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../testing/harness.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel } from '../../platform/audit/labels.js';
import { PROMISE_STATUSES } from '../../../domain/promise-states.js';
import { busRoutes, enrolments, facilities, greeningEntries, utilities } from '../parklife/parklife.resources.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('audit log in Chinese', () => {
  let env: TestEnv;
  beforeAll(async () => { env = await createTestEnv(); });
  afterAll(async () => { await env.close(); });

  it('names every action code and every kind of object the tree records', () => {
    const codes = new Set<string>();
    const kinds = new Set<string>();
    for (const file of sources(serverDir)) {
      const text = fs.readFileSync(file, 'utf8');
      if (!/recordAudit|\baudit\(/.test(text)) continue;
      for (const line of text.split('\n')) {
        if (/action/.test(line)) for (const m of line.matchAll(/'([a-z_]{3,}(?:\.[a-z_]+)+)'/g)) codes.add(m[1]);
        for (const m of line.matchAll(/entityType: '([a-z_]+)'/g)) kinds.add(m[1]);
      }
    }
    // Codes built from parts.
    for (const v of ['reserve', 'allocate']) codes.add(`doc_number.${v}`);
    const parkKinds = [facilities, busRoutes, greeningEntries, utilities, enrolments].map((r) => r.entity);
    for (const k of parkKinds) kinds.add(k);
    expect(codes.size).toBeGreaterThan(90);
    expect([...codes].filter((c) => !AUDIT_ACTION_LABELS[c])).toEqual([]);
    expect([...kinds].filter((k) => k !== 'x' && !AUDIT_ENTITY_LABELS[k])).toEqual([]);
    for (const s of PROMISE_STATUSES) expect(auditActionLabel(`promise.status.${s}`)).toMatch(/^承诺状态改为“.+”$/);
    for (const k of parkKinds) for (const v of ['create', 'update', 'delete']) expect(auditActionLabel(`parklife.${k}.${v}`)).toBe(`${{ create: '新增', update: '修改', delete: '删除' }[v]}${AUDIT_ENTITY_LABELS[k]}`);
  });

  it('lists each entry with the action in Chinese and the object by name, keeping the code and id', async () => {
    const admin = await env.as('admin');
    const orgs = (await admin.get('/api/org-units')).json();
    const org = orgs.find((o: { shortName: string }) => o.shortName === '民政局');
    expect((await admin.patch(`/api/org-units/${org.id}`, { version: org.version, officialPhone: '5220001' })).statusCode).toBe(200);
    const created = await admin.post('/api/users', { username: 'auditname', displayName: '审计测试员', role: 'organizer', orgUnitId: null });
    expect(created.statusCode).toBe(200);

    const log = (await admin.get('/api/audit?pageSize=200')).json();
    const login = log.items.find((i: { action: string }) => i.action === 'auth.login');
    expect(login).toMatchObject({ actionLabel: '登录', entityType: 'app_user', entityLabel: '用户', entityName: '系统管理员（admin）' });
    expect(login.entityId).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.items.find((i: { action: string }) => i.action === 'org.update')).toMatchObject({ actionLabel: '修改单位', entityLabel: '单位', entityName: org.name, entityId: org.id });
    expect(log.items.find((i: { action: string }) => i.action === 'user.create')).toMatchObject({ actionLabel: '新建用户', entityName: '审计测试员（auditname）' });
    // The demo's 187 reply, by its suggestion and document number.
    expect(log.items.map((i: { entityName: string | null }) => i.entityName)).toContain('第187号 关于提升开发区公共配套服务，优化营商环境的建议的答复（高工信发〔2024〕37号）');
    for (const i of log.items) expect(i.actionLabel, i.action).not.toBe(i.action);
  });

  it('names a deleted object from the entry itself, else by its kind and a short id', async () => {
    await env.ctx.db.transaction().execute(async (tx) => {
      await recordAudit(tx, env.ctx.clock, { system: 'test' }, { action: 'project.delete', entityType: 'project', entityId: '01a00000-0000-7000-8000-000000000001', before: { name: '已删除的项目' } });
      await recordAudit(tx, env.ctx.clock, { system: 'test' }, { action: 'project.delete', entityType: 'project', entityId: '01a00000-0000-7000-8000-000000000002' });
    });
    const admin = await env.as('admin');
    const log = (await admin.get('/api/audit?action=project.delete')).json();
    const byId = Object.fromEntries(log.items.map((i: { entityId: string; entityName: string }) => [i.entityId, i]));
    expect(byId['01a00000-0000-7000-8000-000000000001']).toMatchObject({ actionLabel: '删除重点项目', entityName: '已删除的项目' });
    expect(byId['01a00000-0000-7000-8000-000000000002'].entityName).toBe('重点项目 01a00000');
  });
});
