/**
 * The suggestion tools built beside the workflow: full-text search and similar suggestions, publication with
 * redaction, statistics, and xlsx import/export. One service bundle and one route plugin for the registries.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { SuggestionSearchService } from './search/search.service.js';
import { SimilarSuggestionsService } from './search/similar.service.js';
import { searchRoutes } from './search/search.routes.js';
import { PublicationService } from './publication/publication.service.js';
import { PublicRepliesService } from './publication/public.service.js';
import { publicationRoutes } from './publication/publication.routes.js';
import { SuggestionStatsService } from './stats/stats.service.js';
import { statsRoutes } from './stats/stats.routes.js';
import { SuggestionImportService } from './xlsx/import.service.js';
import { xlsxRoutes } from './xlsx/xlsx.routes.js';

export function buildSuggestionTools(ctx: AppContext) {
  return {
    search: new SuggestionSearchService(ctx),
    similar: new SimilarSuggestionsService(ctx),
    publication: new PublicationService(ctx),
    publicReplies: new PublicRepliesService(ctx),
    stats: new SuggestionStatsService(ctx),
    import: new SuggestionImportService(ctx),
  };
}

export const suggestionToolsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(searchRoutes);
  await app.register(publicationRoutes);
  await app.register(statsRoutes);
  await app.register(xlsxRoutes);
};
