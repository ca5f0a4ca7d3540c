import type { Queryable } from '../db/database.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** Same key for the same reason: a reminder reaches each person once, whichever instance sends it. */
  dedupeKey: string;
}

export async function notifyUsers(db: Queryable, clock: Clock, userIds: string[], n: NotificationInput): Promise<number> {
  let sent = 0;
  for (const userId of new Set(userIds)) {
    const r = await db.insertInto('notification').values({
      id: newId(), user_id: userId, kind: n.kind, title: n.title, body: n.body, link: n.link ?? null,
      dedupe_key: `${n.dedupeKey}|${userId}`, created_at: clock.nowIso(), read_at: null,
    }).onConflict((oc) => oc.column('dedupe_key').doNothing()).executeTakeFirst();
    sent += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return sent;
}

export async function listNotifications(db: Queryable, userId: string, unreadOnly: boolean, limit = 50) {
  let q = db.selectFrom('notification').selectAll().where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('created_at', 'desc').limit(limit).execute();
  const unread = await db.selectFrom('notification').select((e) => e.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at })),
  };
}

export async function markRead(db: Queryable, clock: Clock, userId: string, ids: string[] | 'all') {
  let q = db.updateTable('notification').set({ read_at: clock.nowIso() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids.length ? ids : ['-']);
  await q.execute();
}
