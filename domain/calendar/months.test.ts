import { describe, expect, it } from 'vitest';
import { InvalidDateError } from './dates.js';
import { addCalendarDays, addMonths } from './months.js';
import { officialCalendar } from './official.js';
import { CalendarCoverageError, WorkCalendar } from './types.js';

const cal = officialCalendar();

describe('addMonths (民法典 arts. 201–203)', () => {
  it('contract: 3 months from 2025-07-01 ends 2025-10-09 (after the National Day break)', () => {
    const r = addMonths(cal, '2025-07-01', 3);
    expect(r.date).toBe('2025-10-09');
    expect(r).toMatchObject({ operation: 'months', start: '2025-07-01', n: 3 });
    expect(r.explanation[0]).toEqual({ date: '2025-10-01', kind: 'nominal-end', note: '第 3 个月的对应日' });
    expect(r.explanation.slice(1).map((s) => s.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
  });

  it.each([
    // [start, n, expected, why]
    ['2024-01-31', 1, '2024-02-29', 'no 31st in February: last day of the month (leap year)'],
    ['2025-01-31', 1, '2025-02-28', 'no 31st in February: last day of the month'],
    ['2024-01-30', 1, '2024-02-29', 'no 30th in February 2024'],
    ['2024-01-29', 1, '2024-02-29', 'the 29th exists in February 2024'],
    ['2024-02-29', 12, '2025-02-28', 'leap day plus one year'],
    ['2024-03-31', 1, '2024-04-30', 'no 31st in April'],
    ['2024-12-31', 2, '2025-02-28', 'across the year end'],
    ['2025-08-31', 1, '2025-09-30', 'no 31st in September'],
    ['2024-04-15', 1, '2024-05-15', 'plain corresponding day'],
    ['2024-11-10', 3, '2025-02-10', 'plain corresponding day in the next year'],
    ['2024-06-15', 12, '2025-06-16', '2025-06-15 is a Sunday'],
    ['2025-03-14', 3, '2025-06-16', '2025-06-14 is a Saturday: rolls over the weekend'],
    ['2024-07-01', 3, '2024-10-08', 'National Day 2024'],
    ['2026-07-01', 3, '2026-10-08', 'National Day 2026'],
    ['2026-07-10', 3, '2026-10-10', 'ends on the make-up Saturday: a working day, no roll'],
    ['2025-11-15', 3, '2026-02-24', 'Spring Festival 2026 (02-15..02-23)'],
    ['2024-11-10', 3, '2025-02-10', 'after Spring Festival 2025'],
    ['2024-10-29', 3, '2025-02-05', 'Spring Festival 2025: 01-29 falls in the break'],
    ['2023-11-12', 3, '2024-02-18', 'Spring Festival 2024: rolls to the make-up Sunday'],
    ['2025-02-28', 12, '2026-02-28', 'make-up Saturday 2026-02-28 is a working day'],
    ['2023-12-31', 2, '2024-02-29', 'the start day itself is never examined'],
  ] as [string, number, string, string][])('%s + %i months = %s (%s)', (start, n, expected) => {
    expect(addMonths(cal, start, n).date).toBe(expected);
  });

  it('explains the month-end rule', () => {
    expect(addMonths(cal, '2024-01-31', 1).explanation).toEqual([
      { date: '2024-02-29', kind: 'month-end', note: '2024年2月没有31日，以该月最后一日为期间最后一日' },
    ]);
  });

  it('marks a make-up working day at the end', () => {
    expect(addMonths(cal, '2026-07-10', 3).explanation).toEqual([
      { date: '2026-10-10', kind: 'nominal-end', note: '第 3 个月的对应日' },
      { date: '2026-10-10', kind: 'makeup', note: '国庆节调休上班，计为工作日', name: '国庆节调休上班' },
    ]);
  });

  it('n = 0 ends on the start day, rolled to a working day', () => {
    expect(addMonths(cal, '2024-08-22', 0).date).toBe('2024-08-22');
    expect(addMonths(cal, '2026-10-01', 0).date).toBe('2026-10-08');
  });

  it('raises CalendarCoverageError when the end is outside the calendar', () => {
    expect(() => addMonths(cal, '2026-10-15', 3)).toThrow(CalendarCoverageError);
    expect(() => addMonths(cal, '2026-10-15', 3)).toThrow('工作日历未包含 2027 年');
    expect(() => addMonths(cal, '2023-06-01', 3)).toThrow('工作日历未包含 2023 年');
    // Rolling past the last covered day also needs the next year (test calendar: 2026-12-31 made a holiday).
    const test = WorkCalendar.from([{ date: '2026-12-31', kind: 'holiday', name: '测试假日' }], [2026]);
    expect(addMonths(test, '2026-10-30', 2).date).toBe('2026-12-30');
    expect(() => addMonths(test, '2026-10-31', 2)).toThrow('工作日历未包含 2027 年');
  });

  it('rejects invalid input', () => {
    expect(() => addMonths(cal, '2024-02-30', 1)).toThrow(InvalidDateError);
    expect(() => addMonths(cal, '2024-01-31', -1)).toThrow(RangeError);
    expect(() => addMonths(cal, '2024-01-31', 0.5)).toThrow('月数必须为非负整数');
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['2025-09-28', 7, '2025-10-09', '2025-10-05 is in the National Day break'],
    ['2024-06-01', 7, '2024-06-11', '06-08/09 weekend, 06-10 Dragon Boat'],
    ['2026-02-20', 8, '2026-02-28', 'make-up Saturday'],
    ['2024-02-28', 1, '2024-02-29', 'leap day'],
    ['2024-08-15', 7, '2024-08-22', 'plain'],
    ['2024-12-25', 7, '2025-01-02', 'New Year 2025'],
    ['2023-12-25', 10, '2024-01-04', 'the start day itself is never examined'],
    ['2024-08-24', 0, '2024-08-26', 'n = 0 on a Saturday rolls to Monday'],
  ] as [string, number, string, string][])('%s + %i days = %s (%s)', (start, n, expected) => {
    const r = addCalendarDays(cal, start, n);
    expect(r.date).toBe(expected);
    expect(r).toMatchObject({ operation: 'calendar-days', start, n });
  });

  it('explains the nominal end and the roll', () => {
    expect(addCalendarDays(cal, '2024-06-01', 7).explanation).toEqual([
      { date: '2024-06-08', kind: 'nominal-end', note: '第 7 日' },
      { date: '2024-06-08', kind: 'weekend', note: '周六，休息日' },
      { date: '2024-06-09', kind: 'weekend', note: '周日，休息日' },
      { date: '2024-06-10', kind: 'holiday', note: '端午节（法定节假日）', name: '端午节' },
    ]);
  });

  it('raises CalendarCoverageError and rejects invalid input', () => {
    expect(() => addCalendarDays(cal, '2026-12-25', 10)).toThrow(CalendarCoverageError);
    expect(() => addCalendarDays(cal, '2025-02-29', 1)).toThrow(InvalidDateError);
    expect(() => addCalendarDays(cal, '2025-02-01', -7)).toThrow(RangeError);
  });
});
