import { lazy } from 'react';
import type { PageRoute } from './nav';

const HomePage = lazy(() => import('./pages/HomePage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const PasswordPage = lazy(() => import('./pages/PasswordPage'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage'));
const OrgUnitsPage = lazy(() => import('./pages/admin/OrgUnitsPage'));
const CalendarPage = lazy(() => import('./pages/admin/CalendarPage'));
const AuditPage = lazy(() => import('./pages/admin/AuditPage'));

/** Every logged-in page. A module adds its pages here, once. */
export const PAGES: PageRoute[] = [
  { path: '/', element: <HomePage />, roles: 'all' },
  { path: '/notifications', element: <NotificationsPage />, roles: 'all' },
  { path: '/password', element: <PasswordPage />, roles: 'all' },
  { path: '/admin/users', element: <UsersPage />, roles: ['admin'] },
  { path: '/admin/org-units', element: <OrgUnitsPage />, roles: ['admin'] },
  { path: '/admin/calendar', element: <CalendarPage />, roles: ['admin'] },
  { path: '/admin/audit', element: <AuditPage />, roles: ['admin'] },
];
