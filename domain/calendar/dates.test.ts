import { afterEach, describe, expect, it } from 'vitest';
import {
  InvalidDateError,
  addDays,
  assertDate,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatChinese,
  isValidDate,
  parseDate,
  todayInShanghai,
  weekdayName,
} from './dates.js';

describe('parseDate', () => {
  it('parses valid dates', () => {
    expect(parseDate('2024-08-22')).toEqual({ year: 2024, month: 8, day: 22 });
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it('rejects 2024-02-30 with a Chinese message', () => {
    expect(() => parseDate('2024-02-30')).toThrow(InvalidDateError);
    expect(() => parseDate('2024-02-30')).toThrow('2024年2月没有30日');
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-01-32',
    '2024-00-10',
    '2024-13-01',
    '2024-01-00',
    '2024-2-3',
    '20240203',
    ' 2024-01-01',
    '2024-01-01T00:00:00Z',
    '',
    'abc',
  ])('rejects %j', (s) => {
    expect(isValidDate(s)).toBe(false);
    expect(() => assertDate(s)).toThrow(InvalidDateError);
  });

  it('gives a format hint for malformed input', () => {
    expect(() => parseDate('2024/08/22')).toThrow(/YYYY-MM-DD/);
  });
});

describe('arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2024-08-22', 0)).toBe('2024-08-22');
  });

  it('rejects fractional day counts and invalid dates', () => {
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('2024-02-30', 1)).toThrow(InvalidDateError);
  });

  it('gives the day of week (0 = Sunday)', () => {
    expect(dayOfWeek('2026-10-10')).toBe(6);
    expect(dayOfWeek('2026-10-11')).toBe(0);
    expect(dayOfWeek('2024-08-22')).toBe(4);
    expect(weekdayName('2026-10-16')).toBe('星期五');
    expect(weekdayName('2026-10-11')).toBe('星期日');
  });

  it('compares dates', () => {
    expect(compareDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compareDates('2024-01-02', '2024-01-01')).toBe(1);
    expect(compareDates('2024-01-01', '2024-01-01')).toBe(0);
    expect(() => compareDates('2024-01-01', '2024-02-30')).toThrow(InvalidDateError);
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28);
  });

  it('knows the days in each month', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
    expect(() => daysInMonth(2025, 13)).toThrow(RangeError);
  });

  it('formats in Chinese without zero padding', () => {
    expect(formatChinese('2024-08-22')).toBe('2024年8月22日');
    expect(formatChinese('2026-01-05')).toBe('2026年1月5日');
    expect(formatChinese('2025-10-01')).toBe('2025年10月1日');
  });
});

describe('todayInShanghai', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('switches date at 16:00 UTC (midnight in Shanghai)', () => {
    expect(todayInShanghai(new Date('2024-08-21T15:59:59.999Z'))).toBe('2024-08-21');
    expect(todayInShanghai(new Date('2024-08-21T16:00:00.000Z'))).toBe('2024-08-22');
    expect(todayInShanghai(new Date('2024-12-31T16:30:00Z'))).toBe('2025-01-01');
  });

  it('does not depend on the machine time zone', () => {
    const instant = new Date('2025-03-09T07:30:00Z'); // a US daylight-saving change day
    for (const tz of ['UTC', 'America/New_York', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      expect(todayInShanghai(instant)).toBe('2025-03-09');
      expect(todayInShanghai(new Date('2025-03-09T17:00:00Z'))).toBe('2025-03-10');
    }
  });

  it('defaults to now', () => {
    expect(isValidDate(todayInShanghai())).toBe(true);
  });
});
