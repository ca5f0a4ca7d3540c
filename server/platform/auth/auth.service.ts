import type { AppContext } from '../context.js';
import { AppError, badRequest, unauthorized } from '../errors.js';
import { newId } from '../ids.js';
import { recordAudit } from '../audit/audit.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { createSession, deleteSession, deleteUserSessions, type SessionInfo } from './sessions.js';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILS_PER_USER = 5;
const MAX_FAILS_PER_IP = 30;

export class AuthService {
  constructor(private readonly ctx: AppContext) {}

  /** Failed attempts are counted in the database, so the limit holds across instances. */
  private async assertNotThrottled(username: string, ip: string | null) {
    const since = new Date(this.ctx.clock.now().getTime() - WINDOW_MS).toISOString();
    const byUser = await this.ctx.db.selectFrom('login_attempt').select((e) => e.fn.countAll<number>().as('n'))
      .where('username', '=', username).where('ok', '=', 0).where('at', '>', since).executeTakeFirstOrThrow();
    const byIp = ip
      ? await this.ctx.db.selectFrom('login_attempt').select((e) => e.fn.countAll<number>().as('n'))
          .where('ip', '=', ip).where('ok', '=', 0).where('at', '>', since).executeTakeFirstOrThrow()
      : { n: 0 };
    if (Number(byUser.n) >= MAX_FAILS_PER_USER || Number(byIp.n) >= MAX_FAILS_PER_IP) {
      throw new AppError(429, 'too_many_attempts', '登录失败次数过多，请 15 分钟后再试');
    }
  }

  async login(username: string, password: string, ip: string | null, ua: string | null) {
    const name = username.trim().toLowerCase();
    await this.assertNotThrottled(name, ip);
    const user = await this.ctx.db.selectFrom('app_user').selectAll().where('username', '=', name).executeTakeFirst();
    const ok = !!user && user.disabled === 0 && (await verifyPassword(password, user.password_hash));
    await this.ctx.db.insertInto('login_attempt').values({ id: newId(), username: name, ip, at: this.ctx.clock.nowIso(), ok: ok ? 1 : 0 }).execute();
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

  async changePassword(session: SessionInfo, current: string, next: string) {
    const user = await this.ctx.db.selectFrom('app_user').selectAll().where('id', '=', session.actor.userId).executeTakeFirstOrThrow();
    if (!(await verifyPassword(current, user.password_hash))) badRequest('当前密码不正确', 'wrong_password');
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
