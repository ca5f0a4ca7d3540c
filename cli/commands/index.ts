import type { CliCommand } from '../command.js';

// Each sub-command lives in its own file and is listed here once.
export const commands: CliCommand[] = [];
