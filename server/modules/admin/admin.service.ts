import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/policy/policy.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { badRequest, conflict, notFound, staleWrite } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { hashPassword } from '../../platform/auth/password.js';
import { deleteUserSessions } from '../../platform/auth/sessions.js';
import { adminPolicy } from './admin.policy.js';
import type { OrgUnitCreate, OrgUnitUpdate, UserCreate, UserUpdate } from './admin.schemas.js';
import { temporaryPassword } from './temp-password.js';
import { auditObjectNames } from './audit-names.repo.js';
import { auditActionLabel, auditEntityLabel } from '../../platform/audit/labels.js';
import type { OrgUnitTable, AppUserTable } from '../../platform/db/tables.js';

export const presentOrg = (r: OrgUnitTable) => ({
  id: r.id, name: r.name, shortName: r.short_name, kind: r.kind, docPrefix: r.doc_prefix, officialPhone: r.official_phone,
  isDemo: r.is_demo === 1, version: r.version,
});

const presentUser = (r: AppUserTable & { org_name: string | null }) => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role as Actor['role'], orgUnitId: r.org_unit_id,
  orgUnitName: r.org_name, disabled: r.disabled === 1, mustChangePassword: r.must_change_password === 1,
  isDemo: r.is_demo === 1, lastLoginAt: r.last_login_at, version: r.version,
});

export class AdminService {
  constructor(private readonly ctx: AppContext) {}

  async listOrgs(actor: Actor) {
    authorize(adminPolicy, actor, 'readOrgs', null);
    const rows = await this.ctx.db.selectFrom('org_unit').selectAll().orderBy('name').execute();
    return rows.map(presentOrg);
  }

  async createOrg(actor: Actor, body: z.infer<typeof OrgUnitCreate>) {
    authorize(adminPolicy, actor, 'manageOrgs', null);
    await this.assertOrgNameFree(body.name);
    const now = this.ctx.clock.nowIso();
    const row: OrgUnitTable = {
      id: newId(), name: body.name, short_name: body.shortName, kind: body.kind, doc_prefix: body.docPrefix ?? null,
      official_phone: body.officialPhone ?? null, is_demo: 0, version: 1, created_at: now, updated_at: now,
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('org_unit').values(row).execute();
      await recordAudit(tx, this.ctx.clock, actor, { action: 'org.create', entityType: 'org_unit', entityId: row.id, after: presentOrg(row) });
    });
    return presentOrg(row);
  }

  async updateOrg(actor: Actor, id: string, body: z.infer<typeof OrgUnitUpdate>) {
    authorize(adminPolicy, actor, 'manageOrgs', null);
    const current = (await this.ctx.db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst()) ?? notFound('单位不存在');
    if (body.name && body.name !== current!.name) await this.assertOrgNameFree(body.name);
    const next: OrgUnitTable = {
      ...current!,
      name: body.name ?? current!.name,
      short_name: body.shortName ?? current!.short_name,
      kind: body.kind ?? current!.kind,
      doc_prefix: body.docPrefix === undefined ? current!.doc_prefix : body.docPrefix,
      official_phone: body.officialPhone === undefined ? current!.official_phone : body.officialPhone,
      version: body.version + 1,
      updated_at: this.ctx.clock.nowIso(),
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      const r = await tx.updateTable('org_unit').set(next).where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) staleWrite('该单位');
      await recordAudit(tx, this.ctx.clock, actor, { action: 'org.update', entityType: 'org_unit', entityId: id, before: presentOrg(current!), after: presentOrg(next) });
    });
    return presentOrg(next);
  }

  private async assertOrgNameFree(name: string) {
    const hit = await this.ctx.db.selectFrom('org_unit').select('id').where('name', '=', name).executeTakeFirst();
    if (hit) conflict(`已存在名为“${name}”的单位`, 'duplicate');
  }

  async listUsers(actor: Actor, filter: { role?: string; orgUnitId?: string; q?: string }) {
    authorize(adminPolicy, actor, 'manageUsers', null);
    let q = this.ctx.db.selectFrom('app_user').leftJoin('org_unit', 'org_unit.id', 'app_user.org_unit_id').selectAll('app_user').select('org_unit.name as org_name');
    if (filter.role) q = q.where('app_user.role', '=', filter.role);
    if (filter.orgUnitId) q = q.where('app_user.org_unit_id', '=', filter.orgUnitId);
    if (filter.q) q = q.where((eb) => eb.or([eb('app_user.username', 'like', `%${filter.q}%`), eb('app_user.display_name', 'like', `%${filter.q}%`)]));
    const rows = await q.orderBy('app_user.role').orderBy('app_user.username').execute();
    return rows.map(presentUser);
  }

  private async userRow(id: string) {
    return (
      (await this.ctx.db.selectFrom('app_user').leftJoin('org_unit', 'org_unit.id', 'app_user.org_unit_id').selectAll('app_user').select('org_unit.name as org_name').where('app_user.id', '=', id).executeTakeFirst()) ??
      notFound('用户不存在')
    )!;
  }

  private async assertOrgExists(orgUnitId: string | null) {
    if (!orgUnitId) return;
    const org = await this.ctx.db.selectFrom('org_unit').select('id').where('id', '=', orgUnitId).executeTakeFirst();
    if (!org) badRequest('所选单位不存在', 'org_missing');
  }

  async createUser(actor: Actor, body: z.infer<typeof UserCreate>) {
    authorize(adminPolicy, actor, 'manageUsers', null);
    await this.assertOrgExists(body.orgUnitId);
    if (await this.ctx.db.selectFrom('app_user').select('id').where('username', '=', body.username).executeTakeFirst()) {
      conflict(`用户名“${body.username}”已被使用`, 'duplicate');
    }
    const temp = temporaryPassword();
    const now = this.ctx.clock.nowIso();
    const row: AppUserTable = {
      id: newId(), username: body.username, display_name: body.displayName, role: body.role, org_unit_id: body.orgUnitId,
      password_hash: await hashPassword(temp), must_change_password: 1, disabled: 0, is_demo: 0, version: 1,
      created_at: now, updated_at: now, last_login_at: null,
    };
    try {
      await this.ctx.db.transaction().execute(async (tx) => {
        await tx.insertInto('app_user').values(row).execute();
        await recordAudit(tx, this.ctx.clock, actor, { action: 'user.create', entityType: 'app_user', entityId: row.id, after: { username: row.username, role: row.role, orgUnitId: row.org_unit_id } });
      });
    } catch (err) {
      // The same name created by someone else between the check above and this insert.
      if (isUniqueViolation(err)) conflict(`用户名“${body.username}”已被使用`, 'duplicate');
      throw err;
    }
    return { user: presentUser(await this.userRow(row.id)), temporaryPassword: temp };
  }

  async updateUser(actor: Actor, id: string, body: z.infer<typeof UserUpdate>) {
    authorize(adminPolicy, actor, 'manageUsers', null);
    const current = await this.userRow(id);
    if (body.orgUnitId !== undefined) await this.assertOrgExists(body.orgUnitId);
    if (id === actor.userId && (body.disabled || (body.role && body.role !== 'admin'))) {
      badRequest('不能停用自己的账号或取消自己的管理员角色', 'self_lockout');
    }
    const patch = {
      display_name: body.displayName ?? current.display_name,
      role: body.role ?? current.role,
      org_unit_id: body.orgUnitId === undefined ? current.org_unit_id : body.orgUnitId,
      disabled: body.disabled === undefined ? current.disabled : body.disabled ? 1 : 0,
      version: body.version + 1,
      updated_at: this.ctx.clock.nowIso(),
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      const r = await tx.updateTable('app_user').set(patch).where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) staleWrite('该用户');
      const pick = (u: { display_name: string; role: string; org_unit_id: string | null; disabled: number }) => ({ displayName: u.display_name, role: u.role, orgUnitId: u.org_unit_id, disabled: u.disabled === 1 });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'user.update', entityType: 'app_user', entityId: id, before: pick(current), after: pick(patch) });
    });
    if (patch.disabled || patch.role !== current.role) await deleteUserSessions(this.ctx.db, id);
    return presentUser(await this.userRow(id));
  }

  async resetPassword(actor: Actor, id: string) {
    authorize(adminPolicy, actor, 'manageUsers', null);
    const current = await this.userRow(id);
    const temp = temporaryPassword();
    const hash = await hashPassword(temp);
    await this.ctx.db.transaction().execute(async (tx) => {
      await tx.updateTable('app_user').set({ password_hash: hash, must_change_password: 1, version: current.version + 1, updated_at: this.ctx.clock.nowIso() }).where('id', '=', id).execute();
      await recordAudit(tx, this.ctx.clock, actor, { action: 'user.reset_password', entityType: 'app_user', entityId: id });
    });
    await deleteUserSessions(this.ctx.db, id);
    return { user: presentUser(await this.userRow(id)), temporaryPassword: temp };
  }

  async listAudit(actor: Actor, f: { action?: string; entityType?: string; entityId?: string; actorId?: string; from?: string; to?: string; page: number; pageSize: number }) {
    authorize(adminPolicy, actor, 'readAudit', null);
    let q = this.ctx.db.selectFrom('audit_log');
    if (f.action) q = q.where('action', 'like', `${f.action}%`);
    if (f.entityType) q = q.where('entity_type', '=', f.entityType);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    if (f.actorId) q = q.where('actor_id', '=', f.actorId);
    if (f.from) q = q.where('at', '>=', f.from);
    if (f.to) q = q.where('at', '<=', f.to);
    const total = await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.selectAll().orderBy('seq', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
    const items = rows.map((r) => ({
      seq: Number(r.seq), id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name, action: r.action, actionLabel: auditActionLabel(r.action),
      entityType: r.entity_type, entityLabel: auditEntityLabel(r.entity_type), entityId: r.entity_id, entityName: null as string | null,
      before: r.before_json ? JSON.parse(r.before_json) : null, after: r.after_json ? JSON.parse(r.after_json) : null, hash: r.hash,
    }));
    const names = await auditObjectNames(this.ctx.db, items);
    items.forEach((item, i) => { item.entityName = names[i]; });
    return { total: Number(total.n), items };
  }
}
