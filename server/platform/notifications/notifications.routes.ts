import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mustActor } from '../http/request-context.js';
import { listNotifications, markRead } from './notifications.js';
import { MarkReadBody, NotificationList, NotificationListQuery, OkResult } from './notifications.schemas.js';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/notifications', { schema: { tags: ['通知'], summary: '我的通知', querystring: NotificationListQuery, response: { 200: NotificationList } } }, async (req) => {
    const actor = mustActor(req.actor);
    return listNotifications(app.ctx.db, actor.userId, req.query.unread === '1');
  });
  app.post('/api/notifications/read', { schema: { tags: ['通知'], summary: '标为已读', body: MarkReadBody, response: { 200: OkResult } } }, async (req) => {
    const actor = mustActor(req.actor);
    await markRead(app.ctx.db, app.ctx.clock, actor.userId, req.body.ids);
    return { ok: true as const };
  });
};
