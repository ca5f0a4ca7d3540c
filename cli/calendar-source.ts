import fs from 'node:fs';
import { officialCalendar } from '../domain/calendar/official.js';
import { WorkCalendar, type CalendarEntry } from '../domain/calendar/types.js';
import { loadConfig } from '../server/config.js';
import { isPostgresUrl, openDatabase } from '../server/platform/db/database.js';

/**
 * The working-day calendar the CLI computes with: the database's (with the years an admin imported) when a
 * database is configured or the embedded one exists; otherwise the built-in official 2024–2026 arrangements.
 * It never creates a database and prints nothing.
 */
export async function loadCliCalendar(): Promise<WorkCalendar> {
  const config = loadConfig();
  const usePg = isPostgresUrl(config.databaseUrl);
  if (!usePg && !fs.existsSync(config.sqliteFile)) return officialCalendar();
  const handle = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, poolSize: 1 });
  try {
    const years = await handle.db.selectFrom('calendar_year').select('year').execute();
    const entries = await handle.db.selectFrom('work_calendar').select(['date', 'kind', 'name']).execute();
    if (years.length === 0) return officialCalendar();
    return WorkCalendar.from(entries as CalendarEntry[], years.map((y) => Number(y.year)));
  } catch {
    // No tables yet (never migrated) or the database is unreachable: the built-in arrangements still hold.
    return officialCalendar();
  } finally {
    await handle.close();
  }
}
