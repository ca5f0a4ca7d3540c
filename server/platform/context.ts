import type { Config } from '../config.js';
import type { Clock } from './clock.js';
import type { Db, Dialect } from './db/database.js';
import type { CalendarService } from './calendar/calendar.service.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { Logger } from './logger.js';

/** What every service is built from: one per process, shared by all requests. */
export interface AppContext {
  config: Config;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  calendar: CalendarService;
  jobs: JobRunner;
  /** Structured JSON logs (pino): what went wrong where no user sees it, e.g. in jobs and after-commit work. */
  logger: Logger;
}
