import { dayOfWeek, parseDate, type IsoDate } from './dates.js';

export type { IsoDate } from './dates.js';

/**
 * One line of a holiday arrangement.
 * - `holiday`: a statutory day off (on a weekday or a weekend day inside the holiday period);
 * - `workday`: a make-up working day (调休上班) on a weekend.
 */
export interface CalendarEntry {
  date: IsoDate;
  kind: 'holiday' | 'workday';
  name: string;
}

/** What the calendar says about one day. */
export interface DayInfo {
  date: IsoDate;
  working: boolean;
  /** `weekday`/`weekend`: ordinary days; `holiday`/`makeup`: days listed in the calendar. */
  kind: 'weekday' | 'weekend' | 'holiday' | 'makeup';
  dayOfWeek: number;
  /** Name of the calendar entry, for `holiday` and `makeup`. */
  name?: string;
}

/** A computation needed a date of a year the calendar does not cover. */
export class CalendarCoverageError extends Error {
  constructor(
    readonly year: number,
    readonly date?: IsoDate,
  ) {
    super(`工作日历未包含 ${year} 年，请管理员先导入该年度节假日安排`);
    this.name = 'CalendarCoverageError';
  }
}

/** Calendar data that contradicts itself (duplicate day, make-up day on a weekday, year not covered…). */
export class CalendarDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarDataError';
  }
}

/** One step of an explanation: a day that mattered and why. */
export interface ExplanationStep {
  date: IsoDate;
  /**
   * `holiday`/`weekend`: a rest day skipped (not counted, or rolled over);
   * `makeup`: a weekend make-up working day (counted as a working day);
   * `nominal-end`: the last day of the period before any roll to the next working day;
   * `month-end`: the nominal end fell back to the last day of the month (no corresponding day).
   */
  kind: 'holiday' | 'weekend' | 'makeup' | 'nominal-end' | 'month-end';
  note: string;
  /** Calendar entry name for `holiday` and `makeup` steps. */
  name?: string;
}

/** Result of every date computation: the date and how it was obtained. */
export interface CalendarComputation {
  operation: 'working-days' | 'months' | 'calendar-days' | 'next-working-day';
  start: IsoDate;
  /** Number of working days / months / calendar days (0 for `next-working-day`). */
  n: number;
  date: IsoDate;
  explanation: ExplanationStep[];
}

/** The working-day calendar: ordinary weekends and weekdays, adjusted by the listed entries, for known years. */
export class WorkCalendar {
  readonly years: readonly number[];
  private readonly yearSet: ReadonlySet<number>;
  private readonly byDate: ReadonlyMap<IsoDate, CalendarEntry>;

  private constructor(entries: Map<IsoDate, CalendarEntry>, years: number[]) {
    this.byDate = entries;
    this.years = Object.freeze(years);
    this.yearSet = new Set(years);
  }

  /** Builds a calendar; throws `CalendarDataError` (Chinese message) when the data is inconsistent. */
  static from(entries: Iterable<CalendarEntry>, years: Iterable<number>): WorkCalendar {
    const yearList = [...new Set(years)].sort((a, b) => a - b);
    for (const y of yearList) {
      if (!Number.isInteger(y) || y < 1 || y > 9999) throw new CalendarDataError(`年度无效：${y}`);
    }
    const covered = new Set(yearList);
    const map = new Map<IsoDate, CalendarEntry>();
    for (const e of entries) {
      let year: number;
      try {
        year = parseDate(e.date).year;
      } catch (err) {
        throw new CalendarDataError(`节假日条目日期无效：${err instanceof Error ? err.message : String(e.date)}`);
      }
      if (e.kind !== 'holiday' && e.kind !== 'workday') {
        throw new CalendarDataError(`节假日条目 ${e.date} 的类型无效：${String(e.kind)}`);
      }
      if (typeof e.name !== 'string' || e.name.trim() === '') {
        throw new CalendarDataError(`节假日条目 ${e.date} 缺少名称`);
      }
      if (!covered.has(year)) {
        throw new CalendarDataError(`节假日条目 ${e.date} 不在日历覆盖的年度内`);
      }
      if (map.has(e.date)) throw new CalendarDataError(`节假日条目 ${e.date} 重复`);
      if (e.kind === 'workday') {
        const w = dayOfWeek(e.date);
        if (w !== 0 && w !== 6) throw new CalendarDataError(`调休上班日 ${e.date} 不是周六或周日`);
      }
      map.set(e.date, { date: e.date, kind: e.kind, name: e.name.trim() });
    }
    return new WorkCalendar(map, yearList);
  }

  private sortedCache: CalendarEntry[] | null = null;

  /** All entries, sorted by date. */
  get entries(): CalendarEntry[] {
    return [...this.sorted()];
  }

  private sorted(): CalendarEntry[] {
    this.sortedCache ??= [...this.byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return this.sortedCache;
  }

  /** Index of the first sorted entry dated after `d`. */
  private firstAbove(d: IsoDate): number {
    const list = this.sorted();
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].date <= d) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Entries with `after < date <= upTo`, by binary search (no copy of the whole list). */
  entriesAfterUpTo(after: IsoDate, upTo: IsoDate): CalendarEntry[] {
    return this.sorted().slice(this.firstAbove(after), this.firstAbove(upTo));
  }

  private adjustments: number[] | null = null;

  /**
   * How the entries with `after < date <= upTo` change a count of weekdays: −1 for each holiday on a weekday,
   * +1 for each make-up working Saturday or Sunday. Prefix sums over the sorted entries: two binary searches.
   */
  weekdayAdjustment(after: IsoDate, upTo: IsoDate): number {
    if (!this.adjustments) {
      const sums = [0];
      for (const e of this.sorted()) {
        const w = dayOfWeek(e.date);
        const weekend = w === 0 || w === 6;
        sums.push(sums[sums.length - 1] + (e.kind === 'holiday' && !weekend ? -1 : e.kind === 'workday' && weekend ? 1 : 0));
      }
      this.adjustments = sums;
    }
    return this.adjustments[this.firstAbove(upTo)] - this.adjustments[this.firstAbove(after)];
  }

  coversYear(year: number): boolean {
    return this.yearSet.has(year);
  }

  /** Whether the calendar knows the date's year (the date is validated). */
  covers(date: IsoDate): boolean {
    return this.yearSet.has(parseDate(date).year);
  }

  /** Throws `CalendarCoverageError` when the date's year is not covered. */
  assertCovered(date: IsoDate): void {
    const { year } = parseDate(date);
    if (!this.yearSet.has(year)) throw new CalendarCoverageError(year, date);
  }

  /** Years between the two dates (inclusive) that the calendar does not cover. */
  missingYears(from: IsoDate, to: IsoDate): number[] {
    let a = parseDate(from).year;
    let b = parseDate(to).year;
    if (a > b) [a, b] = [b, a];
    const missing: number[] = [];
    for (let y = a; y <= b; y++) if (!this.yearSet.has(y)) missing.push(y);
    return missing;
  }

  /** What kind of day `date` is; throws `CalendarCoverageError` outside the covered years. */
  dayInfo(date: IsoDate): DayInfo {
    this.assertCovered(date);
    const w = dayOfWeek(date);
    const entry = this.byDate.get(date);
    if (entry?.kind === 'holiday') return { date, working: false, kind: 'holiday', dayOfWeek: w, name: entry.name };
    if (entry?.kind === 'workday') return { date, working: true, kind: 'makeup', dayOfWeek: w, name: entry.name };
    const weekend = w === 0 || w === 6;
    return { date, working: !weekend, kind: weekend ? 'weekend' : 'weekday', dayOfWeek: w };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayInfo(date).working;
  }
}
