import { lazy, type ReactNode } from 'react';
import type { Role } from './lib/auth';

const CalendarCoverageAlert = lazy(() => import('./pages/admin/CalendarCoverageAlert'));
const OrganizerSuggestionsCard = lazy(() => import('./pages/suggestions/HomeCards').then((m) => ({ default: m.OrganizerSuggestionsCard })));
const UnitSuggestionsCard = lazy(() => import('./pages/suggestions/HomeCards').then((m) => ({ default: m.UnitSuggestionsCard })));
const DeputySuggestionsCard = lazy(() => import('./pages/suggestions/HomeCards').then((m) => ({ default: m.DeputySuggestionsCard })));
const ProjectsHomeCard = lazy(() => import('./pages/projects/ProjectsHomeCard'));
const PublicationHomeCard = lazy(() => import('./pages/suggestions/PublicationHomeCard'));
const UnitPromisesCard = lazy(() => import('./pages/promises/HomeCards').then((m) => ({ default: m.UnitPromisesCard })));
const PortalHomeCard = lazy(() => import('./pages/PortalHomeCard'));
const DeputyPromisesCard = lazy(() => import('./pages/promises/HomeCards').then((m) => ({ default: m.DeputyPromisesCard })));

/** Cards on each role's home page. A module adds its cards here, once. */
export const HOME_WIDGETS: Array<{ key: string; roles: Role[] | 'all'; element: ReactNode; wide?: boolean }> = [
  { key: 'calendar-coverage', roles: ['admin', 'organizer'], element: <CalendarCoverageAlert />, wide: true },
  { key: 'suggestions-organizer', roles: ['organizer', 'admin'], element: <OrganizerSuggestionsCard />, wide: true },
  { key: 'suggestions-unit', roles: ['unit_staff'], element: <UnitSuggestionsCard /> },
  { key: 'suggestions-deputy', roles: ['deputy'], element: <DeputySuggestionsCard /> },
  { key: 'suggestions-publication', roles: ['organizer'], element: <PublicationHomeCard /> },
  { key: 'projects', roles: ['zone_staff', 'unit_staff', 'organizer'], element: <ProjectsHomeCard /> },
  { key: 'promises-unit', roles: ['unit_staff', 'zone_staff'], element: <UnitPromisesCard /> },
  { key: 'promises-deputy', roles: ['deputy'], element: <DeputyPromisesCard /> },
  { key: 'portal', roles: ['agent', 'enterprise'], element: <PortalHomeCard />, wide: true },
];
