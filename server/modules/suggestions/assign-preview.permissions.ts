import type { PermissionCase } from '../../testing/permission-case.js';

/** The assignment preview is the organizer's (the role is checked before the row, so any id shows the refusal). */
export const assignPreviewPermissions: PermissionCase[] = [
  {
    method: 'GET', route: '/api/suggestions/:id/assign-preview', allowed: ['organizer'],
    sample: async (env) => {
      const s = await env.ctx.db.selectFrom('suggestion').select('id').orderBy('id').executeTakeFirst();
      return { url: `/api/suggestions/${s?.id ?? 'no-such-suggestion'}/assign-preview` };
    },
  },
];
