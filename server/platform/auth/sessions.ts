import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { Actor } from './roles.js';
import { isRole } from './roles.js';

export const SESSION_COOKIE = 'qunei_sid';

/** The cookie holds a random token; the table holds only its hash, so a leaked table opens no session. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
  expiresAt: string;
  mustChangePassword: boolean;
}

export async function createSession(db: Db, clock: Clock, userId: string, hours: number, ip: string | null, ua: string | null) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + hours * 3600_000).toISOString();
  await db.insertInto('session').values({
    id: sessionIdOf(token), user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(),
    expires_at: expiresAt, last_seen_at: now.toISOString(), ip, user_agent: ua?.replace(/[\u0000-\u001F\u007F]/g, '').slice(0, 300) ?? null,
  }).execute();
  return { token, csrfToken, expiresAt };
}

/** Looks the session up in the database, so any instance accepts a login made on another. */
export async function resolveSession(db: Db, clock: Clock, token: string | undefined): Promise<SessionInfo | null> {
  // Tokens are base64url; anything else (a NUL from a forged cookie included) never reaches the database.
  if (!token || token.length > 200 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const id = sessionIdOf(token);
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .leftJoin('org_unit', 'org_unit.id', 'app_user.org_unit_id')
    .select([
      'session.id as sid', 'session.csrf_token', 'session.expires_at', 'session.last_seen_at',
      'app_user.id as user_id', 'app_user.username', 'app_user.display_name', 'app_user.role',
      'app_user.org_unit_id', 'app_user.disabled', 'app_user.must_change_password', 'org_unit.name as org_name',
    ])
    .where('session.id', '=', id)
    .executeTakeFirst();
  const now = clock.nowIso();
  if (!row || row.expires_at <= now || row.disabled || !isRole(row.role)) return null;
  // Touch at most every five minutes: enough for "last seen" without a write per request.
  if (Date.parse(now) - Date.parse(row.last_seen_at) > 5 * 60_000) {
    await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  return {
    actor: {
      userId: row.user_id, username: row.username, displayName: row.display_name, role: row.role,
      orgUnitId: row.org_unit_id, orgUnitName: row.org_name ?? null,
    },
    csrfToken: row.csrf_token,
    sessionId: row.sid,
    expiresAt: row.expires_at,
    mustChangePassword: row.must_change_password === 1,
  };
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string) {
  let q = db.deleteFrom('session').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

export async function purgeExpiredSessions(db: Db, clock: Clock) {
  const r = await db.deleteFrom('session').where('expires_at', '<=', clock.nowIso()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
