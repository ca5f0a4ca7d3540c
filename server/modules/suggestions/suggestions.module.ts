import type { AppContext } from '../../platform/context.js';
import { SuggestionsCore } from './core.js';
import { SetupService } from './setup.service.js';
import { SuggestionService } from './suggestions.service.js';
import { AssignmentService } from './assignments.service.js';
import { ReplyService } from './replies.service.js';
import { OverviewService } from './overview.service.js';

/** The suggestions module's services, built once per process. */
export class SuggestionsModule {
  readonly core: SuggestionsCore;
  readonly setup: SetupService;
  readonly suggestions: SuggestionService;
  readonly replies: ReplyService;
  readonly assignments: AssignmentService;
  readonly overview: OverviewService;

  constructor(ctx: AppContext) {
    this.core = new SuggestionsCore(ctx);
    this.setup = new SetupService(this.core);
    this.suggestions = new SuggestionService(this.core);
    this.replies = new ReplyService(this.core, this.suggestions);
    this.assignments = new AssignmentService(this.core, this.suggestions, this.replies);
    this.overview = new OverviewService(this.core, this.suggestions);
  }
}
