import { definePolicy, roleIs } from '../../platform/policy/policy.js';

/** Users, org units, calendars and the audit log belong to the admin; anyone logged in may read org names. */
export const adminPolicy = definePolicy<unknown, 'manageUsers' | 'manageOrgs' | 'readOrgs' | 'manageCalendar' | 'readAudit'>({
  manageUsers: roleIs('admin'),
  manageOrgs: roleIs('admin'),
  readOrgs: (actor) => (actor ? true : '请先登录'),
  manageCalendar: roleIs('admin'),
  readAudit: roleIs('admin'),
});
