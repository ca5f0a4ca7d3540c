import type { AppContext } from '../../../platform/context.js';
import type { JobDefinition } from '../../../platform/jobs/job-runner.js';
import { reindexStale } from './search.indexer.js';

/**
 * The safety net of the search index: every ten minutes, whatever changed without going through
 * indexSuggestion (a script, a restore, another module's direct write) is indexed again.
 */
export function searchReindexJob(ctx: AppContext): JobDefinition {
  return {
    name: 'suggestions.search.reindex',
    schedule: '*/10 * * * *',
    handler: async () => {
      await reindexStale(ctx.db, { max: 20_000 });
    },
  };
}
