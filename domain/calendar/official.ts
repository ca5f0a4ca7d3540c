import { addDays, compareDates } from './dates.js';
import { WorkCalendar, type CalendarEntry } from './types.js';

/**
 * Official holiday arrangements of the State Council General Office (国务院办公厅关于…部分节假日安排的通知),
 * one block per year: the days off (first..last, inclusive) and the weekend make-up working days.
 */
interface Arrangement {
  name: string;
  off: [first: string, last: string];
  makeUp?: string[];
}

const NOTICES: Record<number, Arrangement[]> = {
  // 关于2024年部分节假日安排的通知
  2024: [
    { name: '元旦', off: ['2024-01-01', '2024-01-01'] },
    { name: '春节', off: ['2024-02-10', '2024-02-17'], makeUp: ['2024-02-04', '2024-02-18'] },
    { name: '清明节', off: ['2024-04-04', '2024-04-06'], makeUp: ['2024-04-07'] },
    { name: '劳动节', off: ['2024-05-01', '2024-05-05'], makeUp: ['2024-04-28', '2024-05-11'] },
    { name: '端午节', off: ['2024-06-10', '2024-06-10'] },
    { name: '中秋节', off: ['2024-09-15', '2024-09-17'], makeUp: ['2024-09-14'] },
    { name: '国庆节', off: ['2024-10-01', '2024-10-07'], makeUp: ['2024-09-29', '2024-10-12'] },
  ],
  // 关于2025年部分节假日安排的通知
  2025: [
    { name: '元旦', off: ['2025-01-01', '2025-01-01'] },
    { name: '春节', off: ['2025-01-28', '2025-02-04'], makeUp: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', off: ['2025-04-04', '2025-04-06'] },
    { name: '劳动节', off: ['2025-05-01', '2025-05-05'], makeUp: ['2025-04-27'] },
    { name: '端午节', off: ['2025-05-31', '2025-06-02'] },
    // National Day and Mid-Autumn Festival form one eight-day break this year.
    { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], makeUp: ['2025-09-28', '2025-10-11'] },
  ],
  // 关于2026年部分节假日安排的通知
  2026: [
    { name: '元旦', off: ['2026-01-01', '2026-01-03'], makeUp: ['2026-01-04'] },
    { name: '春节', off: ['2026-02-15', '2026-02-23'], makeUp: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', off: ['2026-04-04', '2026-04-06'] },
    { name: '劳动节', off: ['2026-05-01', '2026-05-05'], makeUp: ['2026-05-09'] },
    { name: '端午节', off: ['2026-06-19', '2026-06-21'] },
    { name: '中秋节', off: ['2026-09-25', '2026-09-27'] },
    { name: '国庆节', off: ['2026-10-01', '2026-10-07'], makeUp: ['2026-09-20', '2026-10-10'] },
  ],
};

function expand(notices: Record<number, Arrangement[]>): CalendarEntry[] {
  const out: CalendarEntry[] = [];
  for (const arrangements of Object.values(notices)) {
    for (const a of arrangements) {
      for (let d = a.off[0]; compareDates(d, a.off[1]) <= 0; d = addDays(d, 1)) {
        out.push({ date: d, kind: 'holiday', name: a.name });
      }
      for (const d of a.makeUp ?? []) out.push({ date: d, kind: 'workday', name: `${a.name}调休上班` });
    }
  }
  return out.sort((x, y) => compareDates(x.date, y.date));
}

/** Years covered by the official data shipped with the code. */
export const OFFICIAL_YEARS: readonly number[] = Object.freeze([2024, 2025, 2026]);

/** Statutory holidays and make-up working days of the official years, sorted by date. */
export const OFFICIAL_ENTRIES: readonly CalendarEntry[] = Object.freeze(expand(NOTICES).map((e) => Object.freeze(e)));

/** The calendar built from the official data alone. */
export function officialCalendar(): WorkCalendar {
  return WorkCalendar.from(OFFICIAL_ENTRIES, OFFICIAL_YEARS);
}
