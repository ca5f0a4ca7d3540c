import { z } from 'zod';

export const NotificationListQuery = z.object({ unread: z.enum(['0', '1']).optional() });
export const MarkReadBody = z.object({ ids: z.union([z.array(z.string()).max(500), z.literal('all')]) });

export const NotificationView = z.object({
  id: z.string(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable(),
});
/** The latest notifications and how many are unread in all. */
export const NotificationList = z.object({ unread: z.number(), items: z.array(NotificationView) });
export const OkResult = z.object({ ok: z.literal(true) });
