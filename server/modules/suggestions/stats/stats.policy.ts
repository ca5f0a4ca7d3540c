import { definePolicy } from '../../../platform/policy/policy.js';

/** The organizer and the admin see every unit's figures; unit staff see their own unit's line. */
export const statsPolicy = definePolicy<null, 'read'>({
  read: (a) => {
    if (!a) return '请先登录';
    if (a.role === 'organizer' || a.role === 'admin') return true;
    if (a.role === 'unit_staff' && a.orgUnitId) return true;
    return '办理统计仅交办方、系统管理员和承办单位可见';
  },
});
