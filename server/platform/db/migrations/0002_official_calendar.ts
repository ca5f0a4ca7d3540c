import type { Kysely } from 'kysely';
import { OFFICIAL_ENTRIES, OFFICIAL_YEARS } from '../../../../domain/calendar/official.js';

/** The State Council's arrangements for the years known when this migration was written. */
export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  for (const year of OFFICIAL_YEARS) {
    await db.insertInto('calendar_year').values({ year, source: '国务院办公厅通知（内置）', imported_at: now, imported_by: null }).execute();
  }
  for (const e of OFFICIAL_ENTRIES) {
    await db.insertInto('work_calendar').values({ date: e.date, year: Number(e.date.slice(0, 4)), kind: e.kind, name: e.name, created_at: now }).execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
