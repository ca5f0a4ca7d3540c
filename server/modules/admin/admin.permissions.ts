import type { PermissionCase } from '../../testing/permission-case.js';
import { LOGGED_IN } from '../../testing/permission-case.js';

const firstOrg = async (env: Parameters<PermissionCase['sample']>[0]) => (await env.ctx.db.selectFrom('org_unit').select(['id', 'version']).where('short_name', '=', '民政局').executeTakeFirstOrThrow());
/** A user outside the matrix's callers: resetting a caller's password would end that caller's session mid-test. */
const someUser = async (env: Parameters<PermissionCase['sample']>[0]) => {
  const existing = await env.ctx.db.selectFrom('app_user').select(['id', 'version']).where('username', '=', 'matrix-target').executeTakeFirst();
  if (existing) return existing;
  const now = env.ctx.clock.nowIso();
  const id = `matrix-target-${now}`;
  await env.ctx.db.insertInto('app_user').values({
    id, username: 'matrix-target', display_name: '权限测试对象', role: 'agent', org_unit_id: null, password_hash: 'scrypt$1$8$1$x$x',
    must_change_password: 0, disabled: 0, is_demo: 0, version: 1, created_at: now, updated_at: now, last_login_at: null,
  }).execute();
  return { id, version: 1 };
};

export const adminPermissions: PermissionCase[] = [
  { method: 'GET', route: '/api/org-units', allowed: LOGGED_IN, sample: () => ({ url: '/api/org-units' }) },
  { method: 'POST', route: '/api/org-units', allowed: ['admin'], sample: () => ({ url: '/api/org-units', body: { name: `权限测试单位${Math.random().toString(36).slice(2, 8)}`, shortName: '测试', kind: 'other' } }) },
  { method: 'PATCH', route: '/api/org-units/:id', allowed: ['admin'], sample: async (env) => { const o = await firstOrg(env); return { url: `/api/org-units/${o.id}`, body: { version: o.version, shortName: '民政局' } }; } },
  { method: 'GET', route: '/api/users', allowed: ['admin'], sample: () => ({ url: '/api/users' }) },
  { method: 'POST', route: '/api/users', allowed: ['admin'], sample: () => ({ url: '/api/users', body: { username: `p${Math.random().toString(36).slice(2, 8)}`, displayName: '测试', role: 'agent', orgUnitId: null } }) },
  { method: 'PATCH', route: '/api/users/:id', allowed: ['admin'], sample: async (env) => { const u = await someUser(env); return { url: `/api/users/${u.id}`, body: { version: u.version, displayName: '权限测试对象' } }; } },
  { method: 'POST', route: '/api/users/:id/reset-password', allowed: ['admin'], sample: async (env) => ({ url: `/api/users/${(await someUser(env)).id}/reset-password` }) },
  { method: 'GET', route: '/api/audit', allowed: ['admin'], sample: () => ({ url: '/api/audit' }) },
];
