/**
 * Bus timetables of the park's routes (e.g. 5路 开发区 ↔ 市区, 06:30–20:00, 10–15 分钟一班) and the next
 * departures at a given instant, in Asia/Shanghai time whatever the server's time zone.
 *
 * A route runs either on a headway range ("约每10–15分钟一班") or on an explicit list of departures. For a
 * headway range the scheduled times are listed at the longest headway, so a passenger is never promised a
 * bus earlier than one will come; the first and last departures are always listed.
 */

export interface BusSchedule {
  /** HH:MM */
  firstDeparture: string;
  /** HH:MM, the same day (no service past midnight). */
  lastDeparture: string;
  headwayMin?: number | null;
  headwayMax?: number | null;
  /** Explicit departures (HH:MM); when present they replace the headway. */
  departures?: readonly string[] | null;
}

export interface NextDepartures {
  kind: 'headway' | 'list';
  /** “约每10–15分钟一班”, “每15分钟一班” or “每日 12 班”. */
  frequencyText: string;
  firstDeparture: string;
  lastDeparture: string;
  /** The time in Asia/Shanghai the answer is for (HH:MM). */
  now: string;
  /** The next departures at or after `now` (HH:MM), at most `count`. */
  next: string[];
  /** Minutes until the first of `next`; null when service has ended. */
  waitMinutes: number | null;
  beforeFirst: boolean;
  serviceEnded: boolean;
  /** One sentence for the passenger. */
  status: string;
  /** How the times were computed, when they are estimates. */
  note: string | null;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isHhmm(s: string): boolean {
  return HHMM.test(s);
}

export function toMinutes(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new Error(`时间格式无效：“${hhmm}”，应为 HH:MM，例如 06:30`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function fromMinutes(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

/** Minutes since midnight in Asia/Shanghai (UTC+8 all year since 1991). */
export function shanghaiMinutes(now: Date): number {
  const ms = now.getTime() + 8 * 3_600_000;
  return Math.floor((((ms % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
}

/** Problems with a schedule, in Chinese; empty when it is usable. */
export function scheduleProblems(s: BusSchedule): string[] {
  const p: string[] = [];
  if (!isHhmm(s.firstDeparture)) p.push(`首班时间“${s.firstDeparture}”格式无效，应为 HH:MM`);
  if (!isHhmm(s.lastDeparture)) p.push(`末班时间“${s.lastDeparture}”格式无效，应为 HH:MM`);
  if (p.length === 0 && toMinutes(s.lastDeparture) < toMinutes(s.firstDeparture)) p.push('末班时间不能早于首班时间');
  if (s.departures && s.departures.length > 0) {
    const bad = s.departures.filter((d) => !isHhmm(d));
    if (bad.length) p.push(`发车时刻格式无效：${bad.join('、')}`);
    return p;
  }
  const min = s.headwayMin ?? null;
  const max = s.headwayMax ?? s.headwayMin ?? null;
  if (min === null || max === null) p.push('请填写发车间隔或发车时刻表');
  else {
    if (!Number.isInteger(min) || min < 1 || min > 240) p.push('最短发车间隔须为 1–240 分钟的整数');
    if (!Number.isInteger(max) || max < 1 || max > 240) p.push('最长发车间隔须为 1–240 分钟的整数');
    if (min > max) p.push('最短发车间隔不能大于最长发车间隔');
  }
  return p;
}

function assertUsable(s: BusSchedule) {
  const p = scheduleProblems(s);
  if (p.length) throw new Error(p.join('；'));
}

/** Every scheduled departure of the day (HH:MM, ascending, no duplicates). */
export function scheduledDepartures(s: BusSchedule): string[] {
  assertUsable(s);
  const first = toMinutes(s.firstDeparture);
  const last = toMinutes(s.lastDeparture);
  if (s.departures && s.departures.length > 0) {
    return [...new Set(s.departures.map(toMinutes))].sort((a, b) => a - b).map(fromMinutes);
  }
  const step = (s.headwayMax ?? s.headwayMin)!;
  const times: number[] = [];
  for (let t = first; t <= last; t += step) times.push(t);
  if (times[times.length - 1] !== last) times.push(last);
  return times.map(fromMinutes);
}

export function frequencyText(s: BusSchedule): string {
  if (s.departures && s.departures.length > 0) return `每日 ${new Set(s.departures).size} 班（按时刻表）`;
  const min = s.headwayMin ?? s.headwayMax!;
  const max = s.headwayMax ?? s.headwayMin!;
  return min === max ? `每${min}分钟一班` : `约每${min}–${max}分钟一班`;
}

/** The next `count` departures at the instant `now`, and whether today's service has ended. */
export function nextDepartures(s: BusSchedule, now: Date, count = 3): NextDepartures {
  const all = scheduledDepartures(s);
  const kind = s.departures && s.departures.length > 0 ? 'list' : 'headway';
  const nowMin = shanghaiMinutes(now);
  const upcoming = all.filter((t) => toMinutes(t) >= nowMin);
  const first = all[0];
  const last = all[all.length - 1];
  const beforeFirst = nowMin < toMinutes(first);
  const serviceEnded = upcoming.length === 0;
  const next = upcoming.slice(0, Math.max(0, count));
  const wait = next.length ? toMinutes(next[0]) - nowMin : null;
  let status: string;
  if (serviceEnded) status = `今日末班车（${last}）已发出，明日首班 ${first}`;
  else if (beforeFirst) status = `今日尚未发车，首班 ${first}`;
  else if (kind === 'headway' && (s.headwayMin ?? s.headwayMax) !== (s.headwayMax ?? s.headwayMin)) {
    status = wait === 0 ? '现在有车发出' : `${wait} 分钟内有车（${frequencyText(s)}）`;
  } else status = wait === 0 ? `${next[0]} 班次现在发车` : `下一班 ${next[0]}，约 ${wait} 分钟后发车`;
  const note = kind === 'headway' && (s.headwayMin ?? s.headwayMax) !== (s.headwayMax ?? s.headwayMin)
    ? `实际${frequencyText(s)}；以上时刻按最长间隔 ${s.headwayMax} 分钟推算，实际班次可能更早、更密`
    : null;
  return { kind, frequencyText: frequencyText(s), firstDeparture: first, lastDeparture: last, now: fromMinutes(nowMin), next, waitMinutes: wait, beforeFirst, serviceEnded, status, note };
}
