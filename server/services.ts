import type { AppContext } from './platform/context.js';
import { AuthService } from './platform/auth/auth.service.js';
import { AdminService } from './modules/admin/admin.service.js';
import { ProjectsService } from './modules/projects/projects.service.js';
import { ParkLifeService } from './modules/parklife/parklife.service.js';
import { buildSuggestionTools } from './modules/suggestions/tools.js';
import { documentServices } from './modules/documents/documents.service.js';
import { promiseServices } from './modules/promises/promises.service.js';
import { SuggestionsModule } from './modules/suggestions/suggestions.module.js';

/** Every service, built once per process from the context. A module adds its service here, once. */
export function buildServices(ctx: AppContext) {
  return {
    auth: new AuthService(ctx),
    admin: new AdminService(ctx),
    projects: new ProjectsService(ctx),
    parklife: new ParkLifeService(ctx),
    suggestionTools: buildSuggestionTools(ctx),
    documents: documentServices(ctx),
    promises: promiseServices(ctx),
    suggestions: new SuggestionsModule(ctx),
  };
}

export type Services = ReturnType<typeof buildServices>;
