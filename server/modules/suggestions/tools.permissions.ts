import type { PermissionCase } from '../../testing/permission-case.js';
import { EVERYONE, LOGGED_IN } from '../../testing/permission-case.js';

const DEPUTIES = ['gaoyipeng', 'like', 'duxiaolin', 'hanzhifeng', 'wanjianqin'];
const UNITS = ['gongxin', 'hengtong', 'jiaoyu'];
const q = encodeURIComponent('公交');

/** A submitted reply of the demo data when there is one; otherwise an id that does not exist (404, not 403). */
async function someReply(env: Parameters<PermissionCase['sample']>[0], published = false) {
  let query = env.ctx.db.selectFrom('reply').select(['id', 'version']).where('state', '=', 'submitted');
  if (published) query = query.where('publication_state', '=', 'published');
  return (await query.orderBy('id').executeTakeFirst()) ?? { id: 'no-such-reply', version: 1 };
}

/** Who may call each route of the suggestion tools (search, similar, publication, statistics, xlsx). */
export const suggestionToolsPermissions: PermissionCase[] = [
  { method: 'GET', route: '/api/suggestions/search', allowed: LOGGED_IN, sample: () => ({ url: `/api/suggestions/search?q=${q}` }) },
  { method: 'POST', route: '/api/suggestions/similar', allowed: ['admin', 'organizer', ...UNITS, ...DEPUTIES], sample: () => ({ url: '/api/suggestions/similar', body: { title: '关于增开公交线路的建议', body: '开发区公交班次少' } }) },
  { method: 'POST', route: '/api/suggestions/search/reindex', allowed: ['admin', 'organizer'], sample: () => ({ url: '/api/suggestions/search/reindex' }) },
  { method: 'GET', route: '/api/public/search', allowed: EVERYONE, sample: () => ({ url: `/api/public/search?q=${q}` }) },

  { method: 'GET', route: '/api/publication/replies', allowed: ['admin', 'organizer'], sample: () => ({ url: '/api/publication/replies?status=all' }) },
  { method: 'GET', route: '/api/publication/counts', allowed: ['admin', 'organizer'], sample: () => ({ url: '/api/publication/counts' }) },
  { method: 'GET', route: '/api/publication/replies/:id', allowed: ['admin', 'organizer'], sample: async (env) => ({ url: `/api/publication/replies/${(await someReply(env)).id}` }) },
  // A stale version: the organizer gets 409 (not a refusal) and nothing changes.
  { method: 'PUT', route: '/api/publication/replies/:id/decisions', allowed: ['organizer'], sample: async (env) => ({ url: `/api/publication/replies/${(await someReply(env)).id}/decisions`, body: { version: 99999, keep: [], manual: [] } }) },
  { method: 'POST', route: '/api/publication/replies/:id/review', allowed: ['organizer'], sample: async (env) => ({ url: `/api/publication/replies/${(await someReply(env)).id}/review`, body: { version: 99999 } }) },
  { method: 'POST', route: '/api/publication/replies/:id/publish', allowed: ['organizer'], sample: async (env) => ({ url: `/api/publication/replies/${(await someReply(env)).id}/publish`, body: { version: 99999 } }) },
  { method: 'POST', route: '/api/publication/replies/:id/unpublish', allowed: ['organizer'], sample: async (env) => ({ url: `/api/publication/replies/${(await someReply(env, true)).id}/unpublish`, body: { version: 99999, reason: '权限测试撤回' } }) },
  { method: 'GET', route: '/api/suggestions/stats', allowed: ['admin', 'organizer', ...UNITS], sample: () => ({ url: '/api/suggestions/stats' }) },
  { method: 'GET', route: '/api/suggestions/stats.xlsx', allowed: ['admin', 'organizer', ...UNITS], sample: () => ({ url: '/api/suggestions/stats.xlsx' }) },
  // A file that is not a workbook: the organizer gets 400 (not a refusal), everyone else 401/403 before it is read.
  { method: 'POST', route: '/api/suggestions/import/dry-run', allowed: ['organizer'], sample: () => ({ url: '/api/suggestions/import/dry-run', body: { sessionId: 'none', contentBase64: Buffer.from('不是表格').toString('base64') } }) },
  { method: 'POST', route: '/api/suggestions/import', allowed: ['organizer'], sample: () => ({ url: '/api/suggestions/import', body: { sessionId: 'none', contentBase64: Buffer.from('不是表格').toString('base64') } }) },
  { method: 'GET', route: '/api/suggestions/import/template.xlsx', allowed: ['organizer'], sample: () => ({ url: '/api/suggestions/import/template.xlsx' }) },
  { method: 'GET', route: '/api/suggestions/export.xlsx', allowed: ['admin', 'organizer', ...UNITS, ...DEPUTIES], sample: () => ({ url: '/api/suggestions/export.xlsx?state=closed' }) },
  { method: 'GET', route: '/api/public/replies', allowed: EVERYONE, sample: () => ({ url: '/api/public/replies' }) },
  { method: 'GET', route: '/api/public/replies/:id', allowed: EVERYONE, sample: async (env) => ({ url: `/api/public/replies/${(await someReply(env, true)).id}` }) },
];
