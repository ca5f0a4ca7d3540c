import { describe, expect, it } from 'vitest';
import { addDays, compareDates, type IsoDate } from './dates.js';
import { addCalendarDays, addMonths } from './months.js';
import { officialCalendar } from './official.js';
import { CalendarCoverageError } from './types.js';
import { addWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter, workingDaysBetween } from './workdays.js';

const cal = officialCalendar();
const LAST = '2026-12-31';

function everyDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
const DAYS = everyDay('2024-01-01', LAST);

/** Runs `fn`; a coverage error is only acceptable for 2027 (the computation ran past the data). */
function orBeyond<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CalendarCoverageError);
    expect((err as CalendarCoverageError).year).toBe(2027);
    return undefined;
  }
}

describe('properties over every date of 2024–2026', () => {
  it('has 1096 days', () => {
    expect(DAYS).toHaveLength(1096);
  });

  it('addWorkingDays(d, n) is a working day and workingDaysBetween(d, it) = n', () => {
    let checked = 0;
    for (const d of DAYS) {
      let previous = d;
      for (const n of [1, 2, 3, 5, 10, 15, 20, 30]) {
        const r = orBeyond(() => addWorkingDays(cal, d, n));
        if (!r) continue;
        expect(isWorkingDay(cal, r.date), `${d} + ${n}`).toBe(true);
        expect(workingDaysBetween(cal, d, r.date), `${d} + ${n}`).toBe(n);
        expect(workingDaysBetween(cal, r.date, d), `${d} + ${n}`).toBe(-n);
        expect(compareDates(r.date, previous), `${d} + ${n}`).toBe(1);
        // The day before the result is still n − 1 working days away.
        expect(workingDaysBetween(cal, d, addDays(r.date, -1)), `${d} + ${n}`).toBe(n - 1);
        previous = r.date;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8500);
  });

  it('addWorkingDays(d, 1) equals nextWorkingDayOnOrAfter(d + 1)', () => {
    for (const d of DAYS) {
      const a = orBeyond(() => addWorkingDays(cal, d, 1).date);
      const b = orBeyond(() => nextWorkingDayOnOrAfter(cal, addDays(d, 1)).date);
      expect(a, d).toBe(b);
    }
  });

  it('nextWorkingDayOnOrAfter skips only rest days', () => {
    for (const d of DAYS) {
      const r = orBeyond(() => nextWorkingDayOnOrAfter(cal, d));
      if (!r) continue;
      expect(isWorkingDay(cal, r.date)).toBe(true);
      for (let x = d; x < r.date; x = addDays(x, 1)) expect(isWorkingDay(cal, x), x).toBe(false);
      expect(r.explanation.filter((s) => s.kind !== 'makeup').length).toBe(
        everyDay(d, r.date).length - 1,
      );
    }
  });

  it('addMonths and addCalendarDays end on a working day on or after the nominal end, skipping only rest days', () => {
    for (const d of DAYS) {
      const results = [
        ...[1, 2, 3, 6, 12].map((n) => orBeyond(() => addMonths(cal, d, n))),
        ...[1, 5, 7, 15, 30].map((n) => orBeyond(() => addCalendarDays(cal, d, n))),
      ];
      for (const r of results) {
        if (!r) continue;
        const nominal = r.explanation[0];
        expect(['nominal-end', 'month-end']).toContain(nominal.kind);
        expect(isWorkingDay(cal, r.date)).toBe(true);
        expect(compareDates(r.date, nominal.date)).toBeGreaterThanOrEqual(0);
        for (let x = nominal.date; x < r.date; x = addDays(x, 1)) expect(isWorkingDay(cal, x), x).toBe(false);
        if (r.operation === 'months') {
          // Same day of month, or the last day of a shorter month.
          const sameDay = nominal.date.slice(8) === d.slice(8);
          expect(sameDay || (nominal.kind === 'month-end' && addDays(nominal.date, 1).endsWith('-01'))).toBe(true);
        }
      }
    }
  });
});
