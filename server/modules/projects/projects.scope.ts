/**
 * Who may read which key projects, declared once: the zone, the organizer and the admin read every project;
 * a unit's staff those their unit owns. `projectPolicy.read` and the project list both take it from here.
 */
import { actorOrg, col, defineRowScope } from '../../platform/policy/row-scope.js';

const OWN_ONLY = '只能查看本单位负责的重点项目';

export const projectScope = defineRowScope({
  table: 'project',
  roles: {
    zone_staff: { any: [[]], reason: OWN_ONLY },
    organizer: { any: [[]], reason: OWN_ONLY },
    admin: { any: [[]], reason: OWN_ONLY },
    unit_staff: { any: [[col('owner_org_id').is(actorOrg)]], reason: OWN_ONLY },
  },
  publicReason: '请先登录',
  otherReason: OWN_ONLY,
});
