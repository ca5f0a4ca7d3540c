import type { Config } from './config.js';
import { openDatabase, type DbHandle } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { systemClock, type Clock } from './platform/clock.js';
import { CalendarService } from './platform/calendar/calendar.service.js';
import { JobRunner } from './platform/jobs/job-runner.js';
import type { AppContext } from './platform/context.js';
import { createLogger, type Logger } from './platform/logger.js';
import { registerJobs } from './jobs.js';

export interface Bootstrapped {
  ctx: AppContext;
  handle: DbHandle;
  migrated: string[];
}

/** Opens the database, applies migrations and builds the context (no HTTP). Used by the server, the CLI and tests. */
export async function bootstrap(config: Config, opts: { clock?: Clock; pgSchema?: string; log?: (msg: string, extra?: object) => void; logger?: Logger } = {}): Promise<Bootstrapped> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, pgSchema: opts.pgSchema });
  const migrated = await migrateToLatest(handle.db);
  const clock = opts.clock ?? systemClock();
  const logger = opts.logger ?? createLogger({ level: config.logLevel, instance: config.instanceId });
  const ctx: AppContext = {
    config,
    db: handle.db,
    dialect: handle.dialect,
    clock,
    calendar: new CalendarService(handle.db, clock),
    // A failed job is logged as an error (and retried by the runner), never swallowed.
    jobs: new JobRunner(handle.db, clock, config.instanceId, opts.log ?? ((msg, extra) => logger.error(extra ?? {}, msg))),
    logger,
  };
  registerJobs(ctx);
  return { ctx, handle, migrated };
}
