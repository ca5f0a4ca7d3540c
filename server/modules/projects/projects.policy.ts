import type { Viewer } from '../../platform/auth/roles.js';
import { definePolicy } from '../../platform/policy/policy.js';
import { projectScope } from './projects.scope.js';

/** The row a project rule looks at: who owns the project (null for actions not about one project). */
export type ProjectScope = { owner_org_id: string } | null;

const ownsIt = (a: Viewer, p: ProjectScope) => !!a && a.role === 'unit_staff' && !!p && !!a.orgUnitId && a.orgUnitId === p.owner_org_id;
const READ_ALL = ['zone_staff', 'organizer', 'admin'];

/**
 * Key projects: the zone (管委会) runs the list and edits every project; a unit's staff edit the projects
 * their unit owns and see only those; the organizer and the admin read everything; everyone else reads the
 * public portal.
 */
export const projectPolicy = definePolicy<ProjectScope, 'list' | 'read' | 'create' | 'edit' | 'manage' | 'configure' | 'pick'>({
  list: (a) => (a && (READ_ALL.includes(a.role) || a.role === 'unit_staff') ? true : '重点项目调度仅对管委会、承办单位、交办方开放，其他人员请查看公开页面'),
  /** Row scope: declared once in projects.scope.ts (the list filters with the same declaration). */
  read: (a, p) => (p ? projectScope.verdict(a, p) : '只能查看本单位负责的重点项目'),
  create: (a) => (a?.role === 'zone_staff' ? true : '仅管委会可以新建重点项目'),
  edit: (a, p) => a?.role === 'zone_staff' || ownsIt(a, p) ? true : '只有管委会或项目责任单位可以修改此项目',
  // Owner, deletion and the light rules of a project: the zone decides, not the unit being measured.
  manage: (a) => (a?.role === 'zone_staff' ? true : '仅管委会可以更改责任单位、亮灯规则或删除项目'),
  configure: (a) => (a?.role === 'zone_staff' ? true : '仅管委会可以维护工序模板和亮灯规则'),
  pick: (a) => (a ? true : '请先登录'),
});
