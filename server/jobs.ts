import type { AppContext } from './platform/context.js';
import { purgeExpiredSessions } from './platform/auth/sessions.js';
import { LoginThrottle } from './platform/auth/throttle.js';
import { auditKeyFor, writeAuditCheckpoint } from './platform/audit/checkpoint.js';
import { registerPromiseJobs } from './modules/promises/promises.jobs.js';
import { suggestionReminderJob } from './modules/suggestions/reminders.job.js';
import { searchReindexJob } from './modules/suggestions/search/search.job.js';

/** Every scheduled job. A module adds its jobs here, once. */
export function registerJobs(ctx: AppContext) {
  ctx.jobs.register({
    name: 'sessions.purge',
    schedule: '17 3 * * *',
    handler: async () => {
      await purgeExpiredSessions(ctx.db, ctx.clock);
      await new LoginThrottle(ctx.db, ctx.clock).purge();
    },
  });
  ctx.jobs.register({
    name: 'audit.checkpoint',
    schedule: '5 * * * *',
    handler: async () => {
      await writeAuditCheckpoint(ctx.db, ctx.clock, auditKeyFor(ctx.config));
    },
  });
  registerPromiseJobs(ctx);
  ctx.jobs.register(suggestionReminderJob(ctx));
  ctx.jobs.register(searchReindexJob(ctx));
}
