import type { Migration } from 'kysely';
import * as m0001 from './platform/db/migrations/0001_platform.js';
import * as m0002 from './platform/db/migrations/0002_official_calendar.js';
import * as m0003 from './platform/db/migrations/0003_auth_throttle_audit_checkpoint.js';
import * as m0300 from './modules/projects/projects.migration.js';
import * as m0310 from './modules/parklife/parklife.migration.js';
import * as m0100 from './modules/suggestions/suggestions.migration.js';
import * as m0101 from './modules/suggestions/suggestions-list-index.migration.js';
import * as m0102 from './modules/suggestions/suggestions-dashboard-index.migration.js';
import * as m0150 from './modules/suggestions/search/search.migration.js';
import * as m0200 from './modules/documents/documents.migration.js';
import * as m0400 from './modules/promises/promises.migration.js';
import * as m0401 from './modules/promises/promises-source.migration.js';

/**
 * Every migration in order. Names sort by their number; a module adds its migration file beside its code
 * and one line here. Never edit a migration that has shipped: add a new one. A module's new migration takes the
 * next free number in its own range; databases that already ran later modules' migrations apply it too.
 */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_official_calendar': m0002,
  '0003_auth_throttle_audit_checkpoint': m0003,
  '0100_suggestions': m0100,
  '0101_suggestion_list_index': m0101,
  '0102_suggestion_dashboard_indexes': m0102,
  '0150_suggestion_search': m0150,
  '0200_documents': m0200,
  '0300_projects': m0300,
  '0310_parklife': m0310,
  '0400_promises': m0400,
  '0401_promise_source': m0401,
};
