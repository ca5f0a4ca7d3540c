import { describe, expect, it } from 'vitest';
import { officialCalendar } from './official.js';
import { workingDaysBetween } from './workdays.js';
import { addDays } from './dates.js';
import { CalendarCoverageError } from './types.js';

const cal = officialCalendar();
const walk = (from: string, to: string) => {
  let n = 0;
  const [a, b, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n * sign;
};

describe('workingDaysBetween counts like walking the days', () => {
  it('agrees with a day-by-day walk over many spans of 2024–2026, both directions', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 400; i++) {
      const a = addDays('2024-01-01', Math.floor(rand() * 1090));
      const b = addDays('2024-01-01', Math.floor(rand() * 1090));
      expect(workingDaysBetween(cal, a, b), `${a} → ${b}`).toBe(walk(a, b));
    }
  });
  it('still refuses years the calendar does not know', () => {
    expect(() => workingDaysBetween(cal, '2026-12-20', '2027-01-05')).toThrow(CalendarCoverageError);
    expect(() => workingDaysBetween(cal, '2023-12-20', '2024-01-05')).toThrow(CalendarCoverageError);
    expect(workingDaysBetween(cal, '2023-12-31', '2024-01-02')).toBe(1);
  });
});
