import type { ReactNode } from 'react';
import type { Role } from './lib/auth';

export interface NavItem {
  path: string;
  label: string;
  roles: Role[] | 'all';
  group: string;
  /** A page outside this app (the public portal): opened with a full page load, not the app's router. */
  external?: boolean;
}

/** The menu, by role. A module adds its items here, once; the router below adds the pages. */
export const NAV: NavItem[] = [
  { path: '/', label: '工作台', roles: 'all', group: '' },
  { path: '/notifications', label: '通知', roles: 'all', group: '' },
  { path: '/admin/users', label: '用户', roles: ['admin'], group: '系统管理' },
  { path: '/admin/org-units', label: '单位', roles: ['admin'], group: '系统管理' },
  { path: '/admin/calendar', label: '工作日历', roles: ['admin'], group: '系统管理' },
  { path: '/admin/audit', label: '审计日志', roles: ['admin'], group: '系统管理' },
  { path: '/suggestions', label: '建议登记与办理', roles: ['organizer', 'admin'], group: '建议办理' },
  { path: '/suggestions/sessions', label: '届次管理', roles: ['organizer'], group: '建议办理' },
  { path: '/suggestions/inbox', label: '承办建议', roles: ['unit_staff'], group: '建议办理' },
  { path: '/suggestions/mine', label: '我的建议', roles: ['deputy'], group: '建议办理' },
  { path: '/suggestions/new', label: '提出建议', roles: ['deputy'], group: '建议办理' },
  { path: '/suggestions/search', label: '检索', roles: ['organizer', 'admin', 'unit_staff', 'deputy'], group: '建议办理' },
  { path: '/suggestions/publication', label: '答复公开', roles: ['organizer', 'admin'], group: '建议办理' },
  { path: '/suggestions/stats', label: '统计', roles: ['organizer', 'admin', 'unit_staff'], group: '建议办理' },
  { path: '/suggestions/import', label: '导入导出', roles: ['organizer'], group: '建议办理' },
  { path: '/suggestions/export', label: '导出清单', roles: ['admin', 'unit_staff', 'deputy'], group: '建议办理' },
  { path: '/projects', label: '重点项目', roles: ['zone_staff', 'unit_staff', 'organizer', 'admin'], group: '项目与园区' },
  { path: '/parklife', label: '园区生活', roles: ['zone_staff', 'organizer', 'admin'], group: '项目与园区' },
  { path: '/promises', label: '承诺台账', roles: ['organizer', 'admin', 'unit_staff', 'zone_staff', 'deputy'], group: '承诺落实' },
  { path: '/promises/rate', label: '落实评价', roles: ['deputy'], group: '承诺落实' },
  { path: '/documents/numbers', label: '发文字号', roles: ['organizer', 'unit_staff', 'admin'], group: '公文' },
  { path: '/documents/check', label: '格式检查', roles: ['organizer', 'unit_staff', 'admin'], group: '公文' },
  { path: '/documents/import', label: '导入答复', roles: ['organizer', 'unit_staff', 'admin'], group: '公文' },
  { path: '/public', label: '公众门户', roles: 'all', group: '公开信息', external: true },
];

export const canSee = (item: { roles: Role[] | 'all' }, role: Role) => item.roles === 'all' || item.roles.includes(role);

export interface PageRoute {
  path: string;
  element: ReactNode;
  roles: Role[] | 'all';
}
