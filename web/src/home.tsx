import { lazy, type ReactNode } from 'react';
import type { Role } from './lib/auth';

const CalendarCoverageAlert = lazy(() => import('./pages/admin/CalendarCoverageAlert'));

/** Cards on each role's home page. A module adds its cards here, once. */
export const HOME_WIDGETS: Array<{ key: string; roles: Role[] | 'all'; element: ReactNode; wide?: boolean }> = [
  { key: 'calendar-coverage', roles: ['admin', 'organizer'], element: <CalendarCoverageAlert />, wide: true },
];
