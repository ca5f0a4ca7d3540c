import type { CliCommand } from '../command.js';
import { auditCommand, backupCommand, createUserCommand, migrateCommand, restoreCommand, seedDemoCommand } from './admin.js';
import { workdaysCommand } from './workdays.js';
import { daysCommand, monthsCommand } from './months.js';
import { parseReplyCommand } from './parse-reply.js';
import { extractPromisesCommand } from './extract-promises.js';

// Each sub-command lives in its own file and is listed here once.
export const commands: CliCommand[] = [
  migrateCommand,
  seedDemoCommand,
  createUserCommand,
  backupCommand,
  restoreCommand,
  auditCommand,
  workdaysCommand,
  monthsCommand,
  daysCommand,
  parseReplyCommand,
  extractPromisesCommand,
];
