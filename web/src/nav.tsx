import type { ReactNode } from 'react';
import type { Role } from './lib/auth';

export interface NavItem {
  path: string;
  label: string;
  roles: Role[] | 'all';
  group: string;
}

/** The menu, by role. A module adds its items here, once; the router below adds the pages. */
export const NAV: NavItem[] = [
  { path: '/', label: '工作台', roles: 'all', group: '' },
  { path: '/notifications', label: '通知', roles: 'all', group: '' },
  { path: '/admin/users', label: '用户', roles: ['admin'], group: '系统管理' },
  { path: '/admin/org-units', label: '单位', roles: ['admin'], group: '系统管理' },
  { path: '/admin/calendar', label: '工作日历', roles: ['admin'], group: '系统管理' },
  { path: '/admin/audit', label: '审计日志', roles: ['admin'], group: '系统管理' },
];

export const canSee = (item: { roles: Role[] | 'all' }, role: Role) => item.roles === 'all' || item.roles.includes(role);

export interface PageRoute {
  path: string;
  element: ReactNode;
  roles: Role[] | 'all';
}
