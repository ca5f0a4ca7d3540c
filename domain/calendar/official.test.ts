import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayOfWeek } from './dates.js';
import { OFFICIAL_ENTRIES, OFFICIAL_YEARS, officialCalendar } from './official.js';
import { CalendarCoverageError, CalendarDataError, WorkCalendar } from './types.js';
import { isWorkingDay } from './workdays.js';

const cal = officialCalendar();

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

describe('official data', () => {
  it('covers 2024, 2025 and 2026', () => {
    expect(OFFICIAL_YEARS).toEqual([2024, 2025, 2026]);
    expect(cal.years).toEqual([2024, 2025, 2026]);
  });

  it('has National Day 2026 and its make-up Saturday', () => {
    for (const d of range('2026-10-01', '2026-10-07')) expect(isWorkingDay(cal, d), d).toBe(false);
    expect(isWorkingDay(cal, '2026-10-08')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true);
    expect(cal.dayInfo('2026-10-10')).toMatchObject({ kind: 'makeup', name: '国庆节调休上班', dayOfWeek: 6 });
    expect(cal.dayInfo('2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节' });
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true);
  });

  it('has the eight-day National Day / Mid-Autumn break of 2025', () => {
    for (const d of range('2025-10-01', '2025-10-08')) expect(isWorkingDay(cal, d), d).toBe(false);
    expect(isWorkingDay(cal, '2025-10-09')).toBe(true);
    expect(isWorkingDay(cal, '2025-09-28')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true);
  });

  it('has the Spring Festivals', () => {
    for (const d of range('2024-02-10', '2024-02-17')) expect(isWorkingDay(cal, d), d).toBe(false);
    for (const d of range('2025-01-28', '2025-02-04')) expect(isWorkingDay(cal, d), d).toBe(false);
    for (const d of range('2026-02-15', '2026-02-23')) expect(isWorkingDay(cal, d), d).toBe(false);
    for (const d of ['2024-02-04', '2024-02-18', '2025-01-26', '2025-02-08', '2026-02-14', '2026-02-28']) {
      expect(cal.dayInfo(d), d).toMatchObject({ working: true, kind: 'makeup', name: '春节调休上班' });
    }
  });

  it('distinguishes ordinary weekends and weekdays', () => {
    expect(cal.dayInfo('2024-05-18')).toMatchObject({ working: false, kind: 'weekend' });
    expect(cal.dayInfo('2024-05-20')).toMatchObject({ working: true, kind: 'weekday' });
    expect(cal.dayInfo('2024-05-11')).toMatchObject({ working: true, kind: 'makeup', name: '劳动节调休上班' });
  });

  it('uses the Chinese holiday names', () => {
    const names = new Set(OFFICIAL_ENTRIES.filter((e) => e.kind === 'holiday').map((e) => e.name));
    expect([...names].sort()).toEqual(
      ['中秋节', '元旦', '劳动节', '国庆节', '国庆节、中秋节', '春节', '清明节', '端午节'].sort(),
    );
    for (const e of OFFICIAL_ENTRIES.filter((x) => x.kind === 'workday')) expect(e.name).toMatch(/调休上班$/);
  });

  it('has make-up days only on weekends, sorted and unique', () => {
    for (const e of OFFICIAL_ENTRIES.filter((x) => x.kind === 'workday')) expect([0, 6]).toContain(dayOfWeek(e.date));
    const dates = OFFICIAL_ENTRIES.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('counts the days off and make-up days of each year', () => {
    const count = (year: number, kind: 'holiday' | 'workday') =>
      OFFICIAL_ENTRIES.filter((e) => e.kind === kind && e.date.startsWith(`${year}-`)).length;
    expect([count(2024, 'holiday'), count(2024, 'workday')]).toEqual([28, 8]);
    expect([count(2025, 'holiday'), count(2025, 'workday')]).toEqual([28, 5]);
    expect([count(2026, 'holiday'), count(2026, 'workday')]).toEqual([33, 6]);
  });

  it('agrees with the independently maintained chinese-days data set', () => {
    const url = new URL('../../node_modules/chinese-days/dist/chinese-days.json', import.meta.url);
    const data = JSON.parse(readFileSync(url, 'utf8')) as Record<'holidays' | 'workdays', Record<string, string>>;
    const inYears = (d: string) => OFFICIAL_YEARS.includes(Number(d.slice(0, 4)));
    const theirs = (k: 'holidays' | 'workdays') => Object.keys(data[k]).filter(inYears).sort();
    const ours = (k: 'holiday' | 'workday') => OFFICIAL_ENTRIES.filter((e) => e.kind === k).map((e) => e.date);
    expect(ours('holiday')).toEqual(theirs('holidays'));
    expect(ours('workday')).toEqual(theirs('workdays'));
  });
});

describe('WorkCalendar', () => {
  it('raises CalendarCoverageError with a Chinese message outside the covered years', () => {
    expect(() => cal.dayInfo('2027-01-04')).toThrow(CalendarCoverageError);
    expect(() => cal.dayInfo('2027-01-04')).toThrow('工作日历未包含 2027 年，请管理员先导入该年度节假日安排');
    expect(() => isWorkingDay(cal, '2023-12-29')).toThrow('工作日历未包含 2023 年');
    try {
      isWorkingDay(cal, '2023-06-01');
    } catch (err) {
      expect(err).toBeInstanceOf(CalendarCoverageError);
      expect((err as CalendarCoverageError).year).toBe(2023);
    }
    expect(cal.covers('2026-12-31')).toBe(true);
    expect(cal.covers('2027-01-01')).toBe(false);
    expect(cal.missingYears('2026-10-01', '2028-01-01')).toEqual([2027, 2028]);
    expect(cal.missingYears('2024-01-01', '2026-12-31')).toEqual([]);
  });

  it('treats a covered year without entries as plain weekdays and weekends', () => {
    const plain = WorkCalendar.from([], [2030]);
    expect(plain.isWorkingDay('2030-01-01')).toBe(true); // Tuesday, no holiday listed
    expect(plain.isWorkingDay('2030-01-05')).toBe(false); // Saturday
  });

  it('accepts admin-added years', () => {
    // Test data, not a real arrangement.
    const extended = WorkCalendar.from(
      [...OFFICIAL_ENTRIES, { date: '2027-01-01', kind: 'holiday', name: '元旦' }],
      [...OFFICIAL_YEARS, 2027],
    );
    expect(extended.years).toEqual([2024, 2025, 2026, 2027]);
    expect(extended.isWorkingDay('2027-01-01')).toBe(false);
    expect(extended.isWorkingDay('2027-01-04')).toBe(true);
  });

  it('rejects inconsistent data', () => {
    const e = (date: string, kind: 'holiday' | 'workday' = 'holiday', name = '测试') => ({ date, kind, name });
    expect(() => WorkCalendar.from([e('2024-10-01'), e('2024-10-01')], [2024])).toThrow(CalendarDataError);
    expect(() => WorkCalendar.from([e('2024-10-08', 'workday')], [2024])).toThrow('不是周六或周日');
    expect(() => WorkCalendar.from([e('2027-01-01')], [2024])).toThrow('不在日历覆盖的年度内');
    expect(() => WorkCalendar.from([e('2024-02-30')], [2024])).toThrow(CalendarDataError);
    expect(() => WorkCalendar.from([e('2024-10-01', 'holiday', ' ')], [2024])).toThrow('缺少名称');
    expect(() => WorkCalendar.from([], [2024.5])).toThrow(CalendarDataError);
  });
});
