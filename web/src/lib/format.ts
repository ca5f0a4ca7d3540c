/**
 * How dates and times read everywhere, the staff app and the public portal alike: one format per kind.
 * A calendar date (2024-05-23) reads 2024年5月23日; an instant (an ISO timestamp) reads 2024年5月23日 14:05,
 * always in the zone's time whatever the browser's time zone. What the server sends is not changed.
 */
const ZONE = 'Asia/Shanghai';
const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function zoned(iso: string) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), time: `${p.hour}:${p.minute}` };
}

const isInstant = (s: string) => s.length > 10 && /^\d{4}-\d{2}-\d{2}[T ]/.test(s);

/** An instant with minutes: 2024-05-23T06:05:00Z → 2024年5月23日 14:05 (zone time). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const z = zoned(iso);
  return z ? `${z.y}年${z.m}月${z.d}日 ${z.time}` : iso;
}

/** A calendar date: 2024-08-22 → 2024年8月22日. Given an instant, the zone's date of it. */
export function formatDateCn(date: string | null | undefined): string {
  if (!date) return '—';
  if (isInstant(date)) {
    const z = zoned(date);
    return z ? `${z.y}年${z.m}月${z.d}日` : date;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** A month: 2024-05 → 2024年5月. */
export function formatMonthCn(month: string | null | undefined): string {
  if (!month) return '—';
  const m = /^(\d{4})-(\d{2})/.exec(month);
  return m ? `${Number(m[1])}年${Number(m[2])}月` : month;
}
