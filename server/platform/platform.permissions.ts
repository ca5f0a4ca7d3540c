import type { PermissionCase } from '../testing/permission-case.js';
import { EVERYONE, LOGGED_IN } from '../testing/permission-case.js';

export const platformPermissions: PermissionCase[] = [
  { method: 'GET', route: '/api/health', allowed: EVERYONE, sample: () => ({ url: '/api/health' }) },
  { method: 'POST', route: '/api/auth/login', allowed: EVERYONE, sample: () => ({ url: '/api/auth/login', body: { username: 'organizer', password: 'demo123456' } }) },
  { method: 'POST', route: '/api/auth/logout', allowed: EVERYONE, sample: () => ({ url: '/api/auth/logout' }) },
  { method: 'GET', route: '/api/auth/me', allowed: LOGGED_IN, sample: () => ({ url: '/api/auth/me' }) },
  // A wrong current password: the logged-in get 400 (their own password is theirs to change), the public 401.
  { method: 'POST', route: '/api/auth/password', allowed: LOGGED_IN, sample: () => ({ url: '/api/auth/password', body: { current: 'x', next: 'y' } }) },
  { method: 'GET', route: '/api/calendar/coverage', allowed: LOGGED_IN, sample: () => ({ url: '/api/calendar/coverage' }) },
  { method: 'GET', route: '/api/calendar/years', allowed: LOGGED_IN, sample: () => ({ url: '/api/calendar/years' }) },
  { method: 'GET', route: '/api/calendar/years/:year', allowed: LOGGED_IN, sample: () => ({ url: '/api/calendar/years/2025' }) },
  { method: 'PUT', route: '/api/calendar/years/:year', allowed: ['admin'], sample: () => ({ url: '/api/calendar/years/2027', body: { text: '2027-01-01 休 元旦', source: '测试' } }) },
  { method: 'GET', route: '/api/calendar/compute', allowed: LOGGED_IN, sample: () => ({ url: '/api/calendar/compute?start=2026-09-28&n=10&unit=workdays' }) },
  { method: 'GET', route: '/api/notifications', allowed: LOGGED_IN, sample: () => ({ url: '/api/notifications' }) },
  { method: 'POST', route: '/api/notifications/read', allowed: LOGGED_IN, sample: () => ({ url: '/api/notifications/read', body: { ids: 'all' } }) },
];
