import type { PlatformTables } from './tables.js';
import type { ProjectTables } from '../../modules/projects/projects.tables.js';
import type { ParkLifeTables } from '../../modules/parklife/parklife.tables.js';
import type { SuggestionTables } from '../../modules/suggestions/suggestions.tables.js';
import type { SuggestionSearchTables } from '../../modules/suggestions/search/search.tables.js';
import type { DocumentTables } from '../../modules/documents/documents.tables.js';
import type { PromiseTables } from '../../modules/promises/promises.tables.js';

/** Every table the app queries. Each module adds its own interface here, once. */
export interface DB extends PlatformTables, SuggestionTables, SuggestionSearchTables, DocumentTables, ProjectTables, ParkLifeTables, PromiseTables {}
