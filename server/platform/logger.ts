import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The process's structured log (JSON lines, as the HTTP log). The server writes to standard output; the
 * CLI writes to standard error at `warn`, so that a command's own output (JSON contracts) stays clean.
 */
export function createLogger(opts: { level: string; instance: string; stream?: 'stdout' | 'stderr' }): Logger {
  return pino({ level: opts.level, base: { instance: opts.instance } }, pino.destination(opts.stream === 'stderr' ? 2 : 1));
}
