import { definePolicy, roleIs } from '../../../platform/policy/policy.js';

/**
 * The search itself is open to every logged-in user: what each one finds is limited row by row (see
 * search.scope.ts). Similar suggestions are for whoever drafts or handles suggestions.
 */
export const searchPolicy = definePolicy<null, 'search' | 'similar' | 'reindex'>({
  search: (a) => (a ? true : '请先登录'),
  similar: roleIs('admin', 'organizer', 'unit_staff', 'deputy'),
  reindex: roleIs('admin', 'organizer'),
});
