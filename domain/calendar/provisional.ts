/**
 * The provisional-year rule: one rule, one message, for every deadline the application computes.
 *
 * The holiday arrangement of a year is announced by the State Council in November or December, while a
 * suggestion assigned in the autumn, a publication period or a promise runs into it. Refusing to compute would
 * stop work for weeks, so a year the calendar does not hold yet is counted with weekends only, and every date
 * that touched such a year says so in its explanation, in the same words as the coverage warning. Only the CLI
 * keeps refusing (its output is a contract other tools rely on).
 */
import { addCalendarDays, addMonths } from './months.js';
import { addWorkingDays } from './workdays.js';
import { explainText } from './explain.js';
import { WorkCalendar, type CalendarComputation } from './types.js';

/** 2027年的节假日尚未导入，该年度的期限暂按周六、周日休息推算，导入后请核对 */
export function provisionalNote(years: readonly number[]): string {
  return `${years.join('、')}年的节假日尚未导入，该年度的期限暂按周六、周日休息推算，导入后请核对`;
}

export interface Explained {
  date: string;
  lines: string[];
  /** True when a year the calendar does not hold yet was counted with weekends only. */
  provisional?: boolean;
}

/**
 * The calendar deadlines are computed with: the imported calendar, plus — for years it does not hold yet — a
 * provisional year with weekends only (no holidays, no make-up working days).
 */
export class ProvisionalCalendar {
  /** The calendar to count on: imported years as imported, the others weekends only. */
  readonly cal: WorkCalendar;
  /** The years counted with weekends only. */
  readonly missing: ReadonlySet<number>;

  constructor(readonly base: WorkCalendar) {
    const known = [...base.years];
    const lo = Math.min(...known, 2000);
    const hi = Math.max(...known, 2000) + 5;
    const all: number[] = [];
    for (let y = lo; y <= hi; y++) all.push(y);
    this.missing = new Set(all.filter((y) => !base.coversYear(y)));
    this.cal = this.missing.size ? WorkCalendar.from(base.entries, all) : base;
  }

  /** The years from `from` to `to` (inclusive) counted with weekends only. */
  provisionalYears(from: string, to: string): number[] {
    const years: number[] = [];
    let a = Number(from.slice(0, 4));
    let b = Number(to.slice(0, 4));
    if (a > b) [a, b] = [b, a];
    for (let y = a; y <= b; y++) if (this.missing.has(y)) years.push(y);
    return years;
  }

  /** The explanation of a computation, with the provisional note when it touched a year not imported. */
  explain(c: CalendarComputation): Explained {
    const lines = explainText(c);
    const years = this.provisionalYears(c.start, c.date);
    if (!years.length) return { date: c.date, lines };
    lines.push(`注意：${provisionalNote(years)}`);
    return { date: c.date, lines, provisional: true };
  }

  months(start: string, n: number): Explained {
    return this.explain(addMonths(this.cal, start, n));
  }

  workdays(start: string, n: number): Explained {
    return this.explain(addWorkingDays(this.cal, start, n));
  }

  days(start: string, n: number): Explained {
    return this.explain(addCalendarDays(this.cal, start, n));
  }
}

const made = new WeakMap<WorkCalendar, ProvisionalCalendar>();

/** The provisional calendar over `base`, made once per calendar (the calendar service caches `base`). */
export function provisionalCalendar(base: WorkCalendar): ProvisionalCalendar {
  let pc = made.get(base);
  if (!pc) made.set(base, (pc = new ProvisionalCalendar(base)));
  return pc;
}
