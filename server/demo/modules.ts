import type { AppContext } from '../platform/context.js';
import { seedProjects } from '../modules/projects/projects.demo.js';
import { seedParkLife } from '../modules/parklife/parklife.demo.js';
import { seedSuggestions } from '../modules/suggestions/demo/suggestions.seed.js';
import { seedSuggestionTools } from '../modules/suggestions/tools.demo.js';
import { seedDocuments } from '../modules/documents/documents.demo.js';
import { seedPromises } from '../modules/promises/promises.demo.js';

export interface DemoRefs {
  /** Org unit ids by full name. */
  orgIds: Record<string, string>;
  /** User ids by username. */
  userIds: Record<string, string>;
}

export type ModuleSeed = (ctx: AppContext, refs: DemoRefs) => Promise<void>;

/** Each module's demo data, in order. A module adds its seed here, once. */
export const moduleSeeds: ModuleSeed[] = [
  seedSuggestions,
  seedProjects,
  seedParkLife,
  seedDocuments,
  seedPromises,
  // Last: indexes for search everything the seeds above wrote.
  (ctx) => seedSuggestionTools(ctx),
];
