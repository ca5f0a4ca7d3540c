import type { PermissionCase } from '../../testing/permission-case.js';
import { EVERYONE, LOGGED_IN } from '../../testing/permission-case.js';

const DEPUTIES = ['gaoyipeng', 'like', 'duxiaolin', 'hanzhifeng', 'wanjianqin'];
const UNITS = ['gongxin', 'hengtong', 'jiaoyu'];
const q = encodeURIComponent('公交');

/** Who may call each route of the suggestion tools (search, similar, publication, statistics, xlsx). */
export const suggestionToolsPermissions: PermissionCase[] = [
  { method: 'GET', route: '/api/suggestions/search', allowed: LOGGED_IN, sample: () => ({ url: `/api/suggestions/search?q=${q}` }) },
  { method: 'POST', route: '/api/suggestions/similar', allowed: ['admin', 'organizer', ...UNITS, ...DEPUTIES], sample: () => ({ url: '/api/suggestions/similar', body: { title: '关于增开公交线路的建议', body: '开发区公交班次少' } }) },
  { method: 'POST', route: '/api/suggestions/search/reindex', allowed: ['admin', 'organizer'], sample: () => ({ url: '/api/suggestions/search/reindex' }) },
  { method: 'GET', route: '/api/public/search', allowed: EVERYONE, sample: () => ({ url: `/api/public/search?q=${q}` }) },
];
