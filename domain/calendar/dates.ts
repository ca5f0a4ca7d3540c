/**
 * Pure helpers on calendar dates written as `YYYY-MM-DD` strings.
 *
 * A calendar date has no time zone. All arithmetic here goes through UTC midnight so that the machine's
 * time zone (and its daylight-saving rules) can never shift a date by one.
 */

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

export interface DateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

/** A string that is not a valid `YYYY-MM-DD` calendar date. The message is Chinese and shown to users. */
export class InvalidDateError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidDateError';
  }
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`月份无效：${year}年${month}月`);
  }
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses and validates a `YYYY-MM-DD` date; throws `InvalidDateError` with a Chinese message. */
export function parseDate(input: string): DateParts {
  if (typeof input !== 'string') throw new InvalidDateError(String(input), `日期无效：${String(input)}，应为 YYYY-MM-DD 格式`);
  const m = ISO_DATE.exec(input);
  if (!m) throw new InvalidDateError(input, `日期格式无效：“${input}”，应为 YYYY-MM-DD 格式，例如 2024-08-22`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1) throw new InvalidDateError(input, `日期无效：${input}，年份超出范围`);
  if (month < 1 || month > 12) throw new InvalidDateError(input, `日期无效：${input}，不存在${month}月`);
  const dim = daysInMonth(year, month);
  if (day < 1 || day > dim) throw new InvalidDateError(input, `日期无效：${input}，${year}年${month}月没有${day}日`);
  return { year, month, day };
}

/** The parts of a valid `YYYY-MM-DD` date, or null for anything else (2024-02-30, null, a number). */
export function tryParseDate(input: string | null | undefined): DateParts | null {
  if (typeof input !== 'string') return null;
  try {
    return parseDate(input.trim());
  } catch {
    return null;
  }
}

/** `YYYY-MM-DD` of the parts, unchecked: the day may not exist (check with `isValidDate`). */
export function joinDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day of a month. */
export function monthEnd(year: number, month: number): IsoDate {
  return formatDate({ year, month, day: daysInMonth(year, month) });
}

/**
 * The same day `n` months later, or that month's last day when it has no such day. Plain civil
 * arithmetic, no rest days (for the 民法典 period with its roll to a working day, see `addMonths` in months.ts).
 */
export function addCalendarMonths(date: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseDate(date);
  const total = year * 12 + (month - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return formatDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

export function isValidDate(input: string | null | undefined): input is string {
  return tryParseDate(input) !== null && (input as string).trim() === input;
}

/** Returns the input unchanged when it is a valid date, otherwise throws `InvalidDateError`. */
export function assertDate(input: string): IsoDate {
  parseDate(input);
  return input;
}

export function formatDate(parts: DateParts): IsoDate {
  const y = String(parts.year).padStart(4, '0');
  const m = String(parts.month).padStart(2, '0');
  const d = String(parts.day).padStart(2, '0');
  return assertDate(`${y}-${m}-${d}`);
}

export function yearOf(date: IsoDate): number {
  return parseDate(date).year;
}

/** UTC midnight of the date, in milliseconds since the epoch. */
function toUtcMs(date: IsoDate): number {
  const { year, month, day } = parseDate(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear does not remap years 0..99 as Date.UTC does
  return d.getTime();
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999) {
    throw new RangeError('日期超出可计算范围');
  }
  return formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`天数必须为整数：${n}`);
  return fromUtcMs(toUtcMs(date) + n * MS_PER_DAY);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const w = dayOfWeek(date);
  return w === 0 || w === 6;
}

/** `星期一` … `星期日`. */
export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[dayOfWeek(date)];
}

/** -1, 0 or 1; both dates are validated. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parseDate(a);
  parseDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

/** `2024年8月22日` (no zero padding). */
export function formatChinese(date: IsoDate): string {
  const { year, month, day } = parseDate(date);
  return `${year}年${month}月${day}日`;
}

/**
 * The calendar date in Asia/Shanghai at the instant `now`, whatever the machine's time zone.
 * China has used UTC+8 all year round since 1991, so a fixed offset is exact.
 */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  const t = now.getTime();
  if (Number.isNaN(t)) throw new RangeError('时间无效');
  return fromUtcMs(Math.floor((t + 8 * 3_600_000) / MS_PER_DAY) * MS_PER_DAY);
}
