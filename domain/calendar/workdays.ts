import { addDays, assertDate, compareDates, dayOfWeek, daysBetween, type IsoDate } from './dates.js';
import { CalendarCoverageError, type CalendarComputation, type DayInfo, type ExplanationStep, type WorkCalendar } from './types.js';

/** The explanation step for a day that is not an ordinary weekday, or undefined for an ordinary weekday. */
export function stepForDay(info: DayInfo): ExplanationStep | undefined {
  switch (info.kind) {
    case 'holiday':
      return { date: info.date, kind: 'holiday', note: `${info.name}（法定节假日）`, name: info.name };
    case 'makeup':
      return { date: info.date, kind: 'makeup', note: `${info.name}，计为工作日`, name: info.name };
    case 'weekend':
      return { date: info.date, kind: 'weekend', note: info.dayOfWeek === 6 ? '周六，休息日' : '周日，休息日' };
    default:
      return undefined;
  }
}

/** Throws a Chinese RangeError unless `n` is a non-negative integer. */
export function assertCount(n: number, unit: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${unit}数必须为非负整数：${n}`);
}

/** Whether `date` is a working day; throws `CalendarCoverageError` outside the covered years. */
export function isWorkingDay(cal: WorkCalendar, date: IsoDate): boolean {
  return cal.dayInfo(date).working;
}

/**
 * The day `n` working days after `start` (counting starts the day after `start`; n = 0 returns `start`).
 * Every rest day skipped and every make-up working day counted is listed in the explanation.
 */
export function addWorkingDays(cal: WorkCalendar, start: IsoDate, n: number): CalendarComputation {
  assertDate(start);
  assertCount(n, '工作日');
  const explanation: ExplanationStep[] = [];
  let date = start;
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    const info = cal.dayInfo(date);
    const step = stepForDay(info);
    if (step) explanation.push(step);
    if (info.working) counted++;
  }
  return { operation: 'working-days', start, n, date, explanation };
}

/**
 * Rolls `date` forward to the first working day on or after it.
 * Returns the skipped rest days, plus a `makeup` step when the day reached is a make-up working day.
 */
export function rollToWorkingDay(cal: WorkCalendar, date: IsoDate): { date: IsoDate; steps: ExplanationStep[] } {
  const steps: ExplanationStep[] = [];
  let d = date;
  for (;;) {
    const info = cal.dayInfo(d);
    const step = stepForDay(info);
    if (step) steps.push(step);
    if (info.working) return { date: d, steps };
    d = addDays(d, 1);
  }
}

/** The first working day on or after `date`. */
export function nextWorkingDayOnOrAfter(cal: WorkCalendar, date: IsoDate): CalendarComputation {
  assertDate(date);
  const rolled = rollToWorkingDay(cal, date);
  return { operation: 'next-working-day', start: date, n: 0, date: rolled.date, explanation: rolled.steps };
}

/**
 * Working days after `from` up to and including `to`; negative (the same count, reversed) when `to` is before
 * `from`. `workingDaysBetween(today, deadline)` gives "还剩 N 个工作日" (N > 0), 0 on the deadline itself, and
 * "已逾期 −N 个工作日" once it has passed.
 */
export function workingDaysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  const order = compareDates(from, to);
  if (order === 0) return 0;
  const [a, b] = order < 0 ? [from, to] : [to, from];
  // Every day after `a` up to `b` must be known; the start day itself is not counted.
  const missing = cal.missingYears(addDays(a, 1), b);
  if (missing.length) throw new CalendarCoverageError(missing[0], b);
  // Deadline clocks call this for every row of a list: count weekdays arithmetically, then correct by the
  // calendar's entries in the range, instead of walking the days one by one.
  const days = daysBetween(a, b);
  const startDow = dayOfWeek(a);
  let weekdays = Math.floor(days / 7) * 5;
  for (let i = 1; i <= days % 7; i++) {
    const dow = (startDow + i) % 7;
    if (dow !== 0 && dow !== 6) weekdays++;
  }
  const count = weekdays + cal.weekdayAdjustment(a, b);
  return order < 0 ? count : -count;
}
