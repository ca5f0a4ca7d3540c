import { officialCalendar } from '../domain/calendar/official.js';
import type { WorkCalendar } from '../domain/calendar/types.js';

/** The working-day calendar the CLI computes with. Every calendar command gets it from here. */
export async function loadCliCalendar(): Promise<WorkCalendar> {
  return officialCalendar();
}
