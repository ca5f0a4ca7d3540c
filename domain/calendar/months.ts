import { addDays, assertDate, daysInMonth, formatDate, parseDate, type IsoDate } from './dates.js';
import type { CalendarComputation, ExplanationStep, WorkCalendar } from './types.js';
import { assertCount, rollToWorkingDay } from './workdays.js';

/**
 * A period of `n` months from the event on `start` (民法典 arts. 201–203): counting starts the next day; the
 * period ends on the day of the n-th following month that corresponds to `start`'s day of month, or on that
 * month's last day when it has no such day; a last day that is a rest day or holiday rolls to the next
 * working day.
 */
export function addMonths(cal: WorkCalendar, start: IsoDate, n: number): CalendarComputation {
  const { year, month, day } = parseDate(start);
  assertCount(n, '月');
  const index = month - 1 + n;
  const endYear = year + Math.floor(index / 12);
  const endMonth = (index % 12) + 1;
  const last = daysInMonth(endYear, endMonth);
  const nominal = formatDate({ year: endYear, month: endMonth, day: Math.min(day, last) });
  const first: ExplanationStep =
    day > last
      ? { date: nominal, kind: 'month-end', note: `${endYear}年${endMonth}月没有${day}日，以该月最后一日为期间最后一日` }
      : { date: nominal, kind: 'nominal-end', note: n === 0 ? '期间为 0 个月，以起算日为期间最后一日' : `第 ${n} 个月的对应日` };
  const rolled = rollToWorkingDay(cal, nominal);
  return { operation: 'months', start, n, date: rolled.date, explanation: [first, ...rolled.steps] };
}

/**
 * A period of `n` calendar days from the event on `start`: counting starts the next day, so the period ends on
 * `start + n`; a last day that is a rest day or holiday rolls to the next working day.
 */
export function addCalendarDays(cal: WorkCalendar, start: IsoDate, n: number): CalendarComputation {
  assertDate(start);
  assertCount(n, '日');
  const nominal = addDays(start, n);
  const first: ExplanationStep = {
    date: nominal,
    kind: 'nominal-end',
    note: n === 0 ? '期间为 0 日，以起算日为期间最后一日' : `第 ${n} 日`,
  };
  const rolled = rollToWorkingDay(cal, nominal);
  return { operation: 'calendar-days', start, n, date: rolled.date, explanation: [first, ...rolled.steps] };
}
