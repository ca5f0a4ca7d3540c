/**
 * Small calendar-date arithmetic on 'YYYY-MM-DD' strings for promise due dates. Pure, no time zones:
 * every value is a civil date.
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Parses a valid 'YYYY-MM-DD'; null for anything else (including 2024-02-30). */
export function parseYmd(s: string | null | undefined): Ymd | null {
  if (typeof s !== 'string') return null;
  const m = ISO.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { y, m: mo, d };
}

export function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function monthEnd(y: number, m: number): string {
  return ymd(y, m, daysInMonth(y, m));
}

export function addDays(date: string, n: number): string {
  const p = parseYmd(date);
  if (!p) throw new RangeError(`无效日期：${date}`);
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d + n));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The corresponding day n months later, or the last day of that month when it has no such day. */
export function addMonths(date: string, n: number): string {
  const p = parseYmd(date);
  if (!p) throw new RangeError(`无效日期：${date}`);
  const total = p.y * 12 + (p.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return ymd(y, m, Math.min(p.d, daysInMonth(y, m)));
}

export function isValidYmd(s: string | null | undefined): s is string {
  return parseYmd(s) !== null;
}
