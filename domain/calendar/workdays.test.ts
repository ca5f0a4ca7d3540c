import { describe, expect, it } from 'vitest';
import { InvalidDateError } from './dates.js';
import { officialCalendar } from './official.js';
import { CalendarCoverageError } from './types.js';
import { addWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter, workingDaysBetween } from './workdays.js';

const cal = officialCalendar();
const add = (start: string, n: number) => addWorkingDays(cal, start, n).date;

describe('addWorkingDays', () => {
  it('contract: 10 working days from 2026-09-28 is 2026-10-16', () => {
    expect(add('2026-09-28', 10)).toBe('2026-10-16');
  });

  it.each([
    // [start, n, expected, why]
    ['2024-08-22', 1, '2024-08-23', 'ordinary Friday'],
    ['2024-08-23', 1, '2024-08-26', 'skips an ordinary weekend'],
    ['2024-08-22', 10, '2024-09-05', 'two ordinary weeks'],
    // Spring Festival 2024: off 02-10..02-17, make-up Sundays 02-04 and 02-18
    ['2024-02-02', 1, '2024-02-04', 'make-up Sunday 2024-02-04 counts'],
    ['2024-02-08', 1, '2024-02-09', 'day before the break'],
    ['2024-02-09', 1, '2024-02-18', 'skips the break, make-up Sunday 2024-02-18 counts'],
    ['2024-02-09', 2, '2024-02-19', 'after the break'],
    // Spring Festival 2025: off 01-28..02-04, make-up 01-26 (Sun) and 02-08 (Sat)
    ['2025-01-24', 1, '2025-01-26', 'make-up Sunday'],
    ['2025-01-24', 2, '2025-01-27', 'Monday before the break'],
    ['2025-01-24', 3, '2025-02-05', 'first day after the break'],
    ['2025-01-27', 5, '2025-02-10', 'counts make-up Saturday 02-08, skips Sunday 02-09'],
    // Spring Festival 2026: off 02-15..02-23, make-up Saturdays 02-14 and 02-28
    ['2026-02-13', 1, '2026-02-14', 'make-up Saturday'],
    ['2026-02-13', 2, '2026-02-24', 'first day after the nine-day break'],
    ['2026-02-13', 6, '2026-02-28', 'ends on the make-up Saturday'],
    // National Day 2024: off 10-01..10-07, make-up 09-29 (Sun) and 10-12 (Sat)
    ['2024-09-27', 1, '2024-09-29', 'make-up Sunday'],
    ['2024-09-27', 2, '2024-09-30', 'Monday before the break'],
    ['2024-09-27', 3, '2024-10-08', 'first day after the break'],
    ['2024-09-30', 5, '2024-10-12', 'ends on the make-up Saturday'],
    // Mid-Autumn 2024: off 09-15..09-17, make-up Saturday 09-14
    ['2024-09-13', 1, '2024-09-14', 'make-up Saturday'],
    ['2024-09-13', 2, '2024-09-18', 'after Mid-Autumn'],
    // National Day + Mid-Autumn 2025: off 10-01..10-08, make-up 09-28 (Sun) and 10-11 (Sat)
    ['2025-09-26', 1, '2025-09-28', 'make-up Sunday'],
    ['2025-09-30', 1, '2025-10-09', 'first day after the eight-day break'],
    ['2025-09-30', 3, '2025-10-11', 'ends on the make-up Saturday'],
    ['2025-09-30', 4, '2025-10-13', 'skips Sunday 10-12'],
    // National Day 2026: off 10-01..10-07, make-up 09-20 (Sun) and 10-10 (Sat)
    ['2026-09-18', 1, '2026-09-20', 'make-up Sunday'],
    ['2026-09-24', 1, '2026-09-28', 'skips Mid-Autumn 09-25..09-27'],
    ['2026-09-30', 1, '2026-10-08', 'first day after the break'],
    ['2026-09-30', 3, '2026-10-10', 'ends on the make-up Saturday'],
    // Other holidays
    ['2024-12-31', 1, '2025-01-02', 'New Year 2025'],
    ['2025-12-31', 1, '2026-01-04', 'New Year 2026 off 01-01..01-03, make-up Sunday 01-04'],
    ['2024-04-03', 1, '2024-04-07', 'Qingming 2024, make-up Sunday 04-07'],
    ['2025-04-30', 1, '2025-05-06', 'Labour Day 2025'],
    ['2026-06-18', 1, '2026-06-22', 'Dragon Boat 2026'],
    ['2026-05-08', 1, '2026-05-09', 'Labour Day 2026 make-up Saturday'],
    // Start on a rest day: counting still starts the next day
    ['2026-10-01', 1, '2026-10-08', 'start on a holiday'],
    ['2026-10-03', 3, '2026-10-10', 'start on a holiday weekend day'],
    ['2024-08-24', 1, '2024-08-26', 'start on a Saturday'],
    ['2026-10-10', 1, '2026-10-12', 'start on a make-up Saturday'],
  ] as [string, number, string, string][])('%s + %i working days = %s (%s)', (start, n, expected) => {
    const r = addWorkingDays(cal, start, n);
    expect(r.date).toBe(expected);
    expect(r).toMatchObject({ operation: 'working-days', start, n });
  });

  it('n = 0 returns the start, whatever it is', () => {
    expect(addWorkingDays(cal, '2026-10-01', 0)).toEqual({
      operation: 'working-days',
      start: '2026-10-01',
      n: 0,
      date: '2026-10-01',
      explanation: [],
    });
    expect(add('2024-08-24', 0)).toBe('2024-08-24');
  });

  it('lists skipped days and counted make-up days', () => {
    const r = addWorkingDays(cal, '2026-09-28', 10);
    expect(r.explanation.map((s) => s.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
      '2026-10-10',
      '2026-10-11',
    ]);
    expect(r.explanation[0]).toEqual({ date: '2026-10-01', kind: 'holiday', note: '国庆节（法定节假日）', name: '国庆节' });
    expect(r.explanation[7]).toEqual({
      date: '2026-10-10',
      kind: 'makeup',
      note: '国庆节调休上班，计为工作日',
      name: '国庆节调休上班',
    });
    expect(r.explanation[8]).toEqual({ date: '2026-10-11', kind: 'weekend', note: '周日，休息日' });
    expect(addWorkingDays(cal, '2024-08-23', 1).explanation).toEqual([
      { date: '2024-08-24', kind: 'weekend', note: '周六，休息日' },
      { date: '2024-08-25', kind: 'weekend', note: '周日，休息日' },
    ]);
  });

  it('raises CalendarCoverageError instead of guessing', () => {
    expect(() => add('2023-12-29', 1)).toThrow(CalendarCoverageError);
    expect(() => add('2023-12-29', 1)).toThrow('工作日历未包含 2023 年');
    expect(() => add('2026-12-30', 5)).toThrow('工作日历未包含 2027 年，请管理员先导入该年度节假日安排');
    expect(add('2026-12-30', 1)).toBe('2026-12-31');
    // The start day itself is never examined, so a start on 2023-12-31 is fine.
    expect(add('2023-12-31', 1)).toBe('2024-01-02');
  });

  it('rejects invalid dates and counts', () => {
    expect(() => add('2024-02-30', 1)).toThrow(InvalidDateError);
    expect(() => add('2024-02-30', 1)).toThrow('2024年2月没有30日');
    expect(() => add('2024-02-30', 0)).toThrow(InvalidDateError);
    expect(() => add('2024-08-22', -1)).toThrow(RangeError);
    expect(() => add('2024-08-22', 1.5)).toThrow('工作日数必须为非负整数');
    expect(() => add('2024-08-22', Number.NaN)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-10-10', true],
    ['2026-10-01', false],
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2025-10-08', false],
    ['2025-10-11', true],
    ['2024-02-18', true],
    ['2024-02-17', false],
    ['2024-08-24', false],
    ['2024-08-26', true],
  ] as const)('%s → %s', (date, expected) => {
    expect(isWorkingDay(cal, date)).toBe(expected);
  });

  it('throws on uncovered years and invalid dates', () => {
    expect(() => isWorkingDay(cal, '2027-01-04')).toThrow(CalendarCoverageError);
    expect(() => isWorkingDay(cal, '2026-02-29')).toThrow(InvalidDateError);
  });
});

describe('nextWorkingDayOnOrAfter', () => {
  it.each([
    ['2026-10-01', '2026-10-08'],
    ['2026-10-07', '2026-10-08'],
    ['2026-10-08', '2026-10-08'],
    ['2026-10-10', '2026-10-10'],
    ['2026-10-11', '2026-10-12'],
    ['2025-10-01', '2025-10-09'],
    ['2024-02-10', '2024-02-18'],
    ['2025-05-31', '2025-06-03'],
    ['2024-08-24', '2024-08-26'],
  ] as const)('%s → %s', (date, expected) => {
    const r = nextWorkingDayOnOrAfter(cal, date);
    expect(r.date).toBe(expected);
    expect(r).toMatchObject({ operation: 'next-working-day', start: date, n: 0 });
  });

  it('needs the calendar for the day itself', () => {
    expect(() => nextWorkingDayOnOrAfter(cal, '2027-01-01')).toThrow(CalendarCoverageError);
    expect(() => nextWorkingDayOnOrAfter(cal, '2026-12-31')).not.toThrow();
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after from up to and including to', () => {
    expect(workingDaysBetween(cal, '2026-09-28', '2026-10-16')).toBe(10);
    expect(workingDaysBetween(cal, '2026-09-30', '2026-10-08')).toBe(1);
    expect(workingDaysBetween(cal, '2026-10-01', '2026-10-07')).toBe(0);
    expect(workingDaysBetween(cal, '2026-10-07', '2026-10-10')).toBe(3);
    expect(workingDaysBetween(cal, '2024-08-23', '2024-08-26')).toBe(1);
    expect(workingDaysBetween(cal, '2024-08-22', '2024-08-22')).toBe(0);
    // 2024: 262 weekdays − 19 weekday holidays + 8 make-up days (2024-01-01 is a holiday anyway).
    expect(workingDaysBetween(cal, '2024-01-01', '2024-12-31')).toBe(251);
    // 2025: 261 weekdays − 18 weekday holidays + 5 make-up days.
    expect(workingDaysBetween(cal, '2024-12-31', '2025-12-31')).toBe(248);
  });

  it('is negative when to is before from (overdue)', () => {
    expect(workingDaysBetween(cal, '2026-10-16', '2026-09-28')).toBe(-10);
    // Deadline 2026-10-16, today 2026-10-23: "已逾期5个工作日".
    expect(workingDaysBetween(cal, '2026-10-23', '2026-10-16')).toBe(-5);
    // Deadline 2026-10-16, today 2026-10-13: "还剩3个工作日".
    expect(workingDaysBetween(cal, '2026-10-13', '2026-10-16')).toBe(3);
  });

  it('raises coverage and date errors', () => {
    expect(() => workingDaysBetween(cal, '2026-12-30', '2027-01-05')).toThrow(CalendarCoverageError);
    expect(() => workingDaysBetween(cal, '2024-01-05', '2023-12-20')).toThrow('工作日历未包含 2023 年');
    expect(() => workingDaysBetween(cal, '2024-02-30', '2024-03-05')).toThrow(InvalidDateError);
  });
});
