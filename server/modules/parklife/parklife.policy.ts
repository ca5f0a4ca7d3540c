import { definePolicy } from '../../platform/policy/policy.js';

/**
 * Park life is the zone's to keep: the zone (管委会) edits facilities, bus routes, greening, utilities and
 * enrolment information; the organizer and the admin read the staff view with its internal notes; everyone,
 * logged in or not, reads the public view.
 */
export const parkLifePolicy = definePolicy<null, 'read' | 'edit' | 'readPublic'>({
  read: (a) => (a && ['zone_staff', 'organizer', 'admin'].includes(a.role) ? true : '园区生活管理仅对管委会、交办方和系统管理员开放，其他人员请查看公开页面'),
  edit: (a) => (a?.role === 'zone_staff' ? true : '仅管委会可以维护园区生活信息'),
  readPublic: () => true,
});
