import { lazy } from 'react';
import type { PageRoute } from './nav';

const HomePage = lazy(() => import('./pages/HomePage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const PasswordPage = lazy(() => import('./pages/PasswordPage'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage'));
const OrgUnitsPage = lazy(() => import('./pages/admin/OrgUnitsPage'));
const CalendarPage = lazy(() => import('./pages/admin/CalendarPage'));
const AuditPage = lazy(() => import('./pages/admin/AuditPage'));
const SuggestionListPage = lazy(() => import('./pages/suggestions/SuggestionListPage'));
const SuggestionCreatePage = lazy(() => import('./pages/suggestions/SuggestionCreatePage'));
const SuggestionDetailPage = lazy(() => import('./pages/suggestions/SuggestionDetailPage'));
const SessionsPage = lazy(() => import('./pages/suggestions/SessionsPage'));
const UnitInboxPage = lazy(() => import('./pages/suggestions/UnitInboxPage'));
const MySuggestionsPage = lazy(() => import('./pages/suggestions/MySuggestionsPage'));
const ReplyEditorPage = lazy(() => import('./pages/suggestions/ReplyEditorPage'));
const SuggestionSearchPage = lazy(() => import('./pages/suggestions/SearchPage'));
const PublicationPage = lazy(() => import('./pages/suggestions/PublicationPage'));
const PublicationReviewPage = lazy(() => import('./pages/suggestions/PublicationReviewPage'));
const SuggestionStatsPage = lazy(() => import('./pages/suggestions/StatsPage'));
const SuggestionImportPage = lazy(() => import('./pages/suggestions/ImportPage'));
const ProjectListPage = lazy(() => import('./pages/projects/ProjectListPage'));
const ProjectDetailPage = lazy(() => import('./pages/projects/ProjectDetailPage'));
const ParkLifePage = lazy(() => import('./pages/parklife/ParkLifePage'));
const PromiseLedgerPage = lazy(() => import('./pages/promises/LedgerPage'));
const PromisePage = lazy(() => import('./pages/promises/PromisePage'));
const ReplyPromisesPage = lazy(() => import('./pages/promises/ReplyPromisesPage'));
const PromiseRatePage = lazy(() => import('./pages/promises/RatePage'));
const DocNumbersPage = lazy(() => import('./pages/documents/DocNumbersPage'));
const FormatCheckPage = lazy(() => import('./pages/documents/FormatCheckPage'));
const ImportReplyPage = lazy(() => import('./pages/documents/ImportReplyPage'));

/** Every logged-in page. A module adds its pages here, once. */
export const PAGES: PageRoute[] = [
  { path: '/', element: <HomePage />, roles: 'all' },
  { path: '/notifications', element: <NotificationsPage />, roles: 'all' },
  { path: '/password', element: <PasswordPage />, roles: 'all' },
  { path: '/admin/users', element: <UsersPage />, roles: ['admin'] },
  { path: '/admin/org-units', element: <OrgUnitsPage />, roles: ['admin'] },
  { path: '/admin/calendar', element: <CalendarPage />, roles: ['admin'] },
  { path: '/admin/audit', element: <AuditPage />, roles: ['admin'] },
  { path: '/suggestions', element: <SuggestionListPage />, roles: ['organizer', 'admin'] },
  { path: '/suggestions/new', element: <SuggestionCreatePage />, roles: ['organizer', 'deputy'] },
  { path: '/suggestions/sessions', element: <SessionsPage />, roles: ['organizer'] },
  { path: '/suggestions/inbox', element: <UnitInboxPage />, roles: ['unit_staff'] },
  { path: '/suggestions/mine', element: <MySuggestionsPage />, roles: ['deputy'] },
  { path: '/suggestions/search', element: <SuggestionSearchPage />, roles: ['organizer', 'admin', 'unit_staff', 'deputy'] },
  { path: '/suggestions/publication', element: <PublicationPage />, roles: ['organizer', 'admin'] },
  { path: '/suggestions/publication/:replyId', element: <PublicationReviewPage />, roles: ['organizer', 'admin'] },
  { path: '/suggestions/stats', element: <SuggestionStatsPage />, roles: ['organizer', 'admin', 'unit_staff'] },
  { path: '/suggestions/import', element: <SuggestionImportPage />, roles: ['organizer'] },
  { path: '/suggestions/export', element: <SuggestionImportPage />, roles: ['organizer', 'admin', 'unit_staff', 'deputy'] },
  { path: '/suggestions/:id', element: <SuggestionDetailPage />, roles: ['organizer', 'admin', 'unit_staff', 'deputy'] },
  { path: '/suggestions/:id/reply', element: <ReplyEditorPage />, roles: ['unit_staff'] },
  { path: '/projects', element: <ProjectListPage />, roles: ['zone_staff', 'unit_staff', 'organizer', 'admin'] },
  { path: '/projects/:id', element: <ProjectDetailPage />, roles: ['zone_staff', 'unit_staff', 'organizer', 'admin'] },
  { path: '/parklife', element: <ParkLifePage />, roles: ['zone_staff', 'organizer', 'admin'] },
  { path: '/promises', element: <PromiseLedgerPage />, roles: ['organizer', 'admin', 'unit_staff', 'zone_staff', 'deputy'] },
  { path: '/promises/rate', element: <PromiseRatePage />, roles: ['deputy'] },
  { path: '/promises/reply/:replyId', element: <ReplyPromisesPage />, roles: ['organizer', 'admin', 'unit_staff', 'zone_staff', 'deputy'] },
  { path: '/promises/:id', element: <PromisePage />, roles: ['organizer', 'admin', 'unit_staff', 'zone_staff', 'deputy'] },
  { path: '/documents/numbers', element: <DocNumbersPage />, roles: ['organizer', 'unit_staff', 'admin'] },
  { path: '/documents/check', element: <FormatCheckPage />, roles: ['organizer', 'unit_staff', 'admin'] },
  { path: '/documents/import', element: <ImportReplyPage />, roles: ['organizer', 'unit_staff', 'admin'] },
];
