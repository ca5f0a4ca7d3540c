import type { AppContext } from '../context.js';
import { badRequest, unauthorized } from '../errors.js';
import { newId } from '../ids.js';
import { recordAudit } from '../audit/audit.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { LoginThrottle } from './throttle.js';
import { createSession, deleteSession, deleteUserSessions, type SessionInfo } from './sessions.js';

export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(private readonly ctx: AppContext) {
    this.throttle = new LoginThrottle(ctx.db, ctx.clock);
  }

  async login(username: string, password: string, ip: string | null, ua: string | null) {
    const name = username.trim().toLowerCase();
    // Counted before the password is checked, in one atomic step per counter (see throttle.ts).
    await this.throttle.admit(name, ip);
    const user = await this.ctx.db.selectFrom('app_user').selectAll().where('username', '=', name).executeTakeFirst();
    const ok = !!user && user.disabled === 0 && (await verifyPassword(password, user.password_hash));
    await this.ctx.db.insertInto('login_attempt').values({ id: newId(), username: name, ip, at: this.ctx.clock.nowIso(), ok: ok ? 1 : 0 }).execute();
    if (ok) await this.throttle.succeeded(name, ip);
    if (!ok || !user) {
      if (user?.disabled) unauthorized('该账号已停用，请联系管理员');
      unauthorized('用户名或密码错误');
    }
    const session = await createSession(this.ctx.db, this.ctx.clock, user!.id, this.ctx.config.sessionHours, ip, ua);
    await this.ctx.db.updateTable('app_user').set({ last_login_at: this.ctx.clock.nowIso() }).where('id', '=', user!.id).execute();
    await recordAudit(this.ctx.db, this.ctx.clock, { system: `${user!.display_name}（${user!.username}）` }, {
      action: 'auth.login', entityType: 'app_user', entityId: user!.id,
    });
    return session;
  }

  async logout(session: SessionInfo) {
    await deleteSession(this.ctx.db, session.sessionId);
  }

  /** The current password is checked under the same throttle as login: it is a password oracle too. */
  async changePassword(session: SessionInfo, current: string, next: string, ip: string | null) {
    const user = await this.ctx.db.selectFrom('app_user').selectAll().where('id', '=', session.actor.userId).executeTakeFirstOrThrow();
    await this.throttle.admit(user.username, ip);
    const right = await verifyPassword(current, user.password_hash);
    await this.ctx.db.insertInto('login_attempt').values({ id: newId(), username: user.username, ip, at: this.ctx.clock.nowIso(), ok: right ? 1 : 0 }).execute();
    if (!right) badRequest('当前密码不正确', 'wrong_password');
    await this.throttle.succeeded(user.username, ip);
    const problem = passwordProblem(next);
    if (problem) badRequest(problem, 'weak_password');
    if (current === next) badRequest('新密码不能与当前密码相同', 'weak_password');
    const hash = await hashPassword(next);
    await this.ctx.db.transaction().execute(async (tx) => {
      await tx.updateTable('app_user').set({ password_hash: hash, must_change_password: 0, updated_at: this.ctx.clock.nowIso(), version: user.version + 1 })
        .where('id', '=', user.id).execute();
      await recordAudit(tx, this.ctx.clock, session.actor, { action: 'auth.change_password', entityType: 'app_user', entityId: user.id });
    });
    // Other devices must log in again with the new password.
    await deleteUserSessions(this.ctx.db, user.id, session.sessionId);
  }
}
