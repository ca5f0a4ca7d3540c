/**
 * The life of a promise (承诺) made in a reply, shared by the server and the web app. Pure: no I/O.
 *
 * A promise is proposed from the reply's text (unconfirmed) until the unit confirms or discards it. Once
 * confirmed it is planned → in_progress → done, or slipped (a new date, with a reason) or dropped (with a
 * reason). Overdue is never stored: a confirmed promise past its due date and neither done nor dropped is
 * overdue on the day it is read.
 */

export const PROMISE_STATUSES = ['planned', 'in_progress', 'done', 'slipped', 'dropped'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

export const PROMISE_STATUS_LABELS: Record<PromiseStatus, string> = {
  planned: '计划中',
  in_progress: '推进中',
  done: '已完成',
  slipped: '已延期',
  dropped: '已终止',
};

/** Where a status may go next. `done → in_progress` reopens a promise found not finished after all. */
export const PROMISE_NEXT: Record<PromiseStatus, readonly PromiseStatus[]> = {
  planned: ['in_progress', 'done', 'slipped', 'dropped'],
  in_progress: ['done', 'slipped', 'dropped'],
  slipped: ['in_progress', 'done', 'slipped', 'dropped'],
  done: ['in_progress'],
  dropped: [],
};

/** Statuses that end the promise: it can no longer become overdue. */
export const CLOSED_STATUSES: readonly PromiseStatus[] = ['done', 'dropped'];

export class PromiseTransitionError extends Error {}

/** Checks a status change; throws with a Chinese reason when it is not allowed from here. */
export function promiseTransition(from: PromiseStatus, to: PromiseStatus): PromiseStatus {
  if (!PROMISE_NEXT[from]?.includes(to)) {
    if (from === 'dropped') throw new PromiseTransitionError('该承诺已终止，不能再更改状态');
    if (from === to) throw new PromiseTransitionError(`该承诺已是“${PROMISE_STATUS_LABELS[to]}”状态`);
    throw new PromiseTransitionError(`不能从“${PROMISE_STATUS_LABELS[from]}”改为“${PROMISE_STATUS_LABELS[to]}”`);
  }
  return to;
}

/** What the status change needs beyond the status itself. */
export function transitionNeeds(to: PromiseStatus, from: PromiseStatus): { reason: boolean; newDue: boolean; doneOn: boolean } {
  return {
    reason: to === 'slipped' || to === 'dropped' || (from === 'done' && to === 'in_progress'),
    newDue: to === 'slipped',
    doneOn: to === 'done',
  };
}

export interface PromiseClockInput {
  status: PromiseStatus;
  due: string | null;
  confirmed: boolean;
}

export type PromiseClock = 'closed' | 'open_ended' | 'overdue' | 'due_today' | 'due_soon' | 'on_track' | 'unconfirmed';

export const DUE_SOON_DAYS = 30;

/** Days from `a` to `b` (both YYYY-MM-DD); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/** The clock of a promise on `today`: derived, never stored. */
export function promiseClock(p: PromiseClockInput, today: string, soonDays = DUE_SOON_DAYS): PromiseClock {
  if (!p.confirmed) return 'unconfirmed';
  if (CLOSED_STATUSES.includes(p.status)) return 'closed';
  if (!p.due) return 'open_ended';
  if (p.due < today) return 'overdue';
  if (p.due === today) return 'due_today';
  return daysBetween(today, p.due) <= soonDays ? 'due_soon' : 'on_track';
}

export const isOverdue = (p: PromiseClockInput, today: string) => promiseClock(p, today) === 'overdue';

/**
 * Whether the deputies may rate the delivery now: the promise has fallen due (its date reached), or it is
 * done, dropped, or slipped (its first date has passed).
 */
export function deliveryRateable(p: PromiseClockInput, today: string): boolean {
  if (!p.confirmed) return false;
  if (p.status === 'done' || p.status === 'dropped' || p.status === 'slipped') return true;
  return !!p.due && p.due <= today;
}

export const DELIVERY_RATINGS = ['kept', 'partly', 'not_kept'] as const;
export type DeliveryRating = (typeof DELIVERY_RATINGS)[number];

export const DELIVERY_LABELS: Record<DeliveryRating, string> = {
  kept: '兑现',
  partly: '部分兑现',
  not_kept: '未兑现',
};

export const COMPARATOR_LABELS: Record<string, string> = {
  '>=': '不少于',
  '>': '超过',
  '<=': '不超过',
  '<': '少于',
  '=': '',
};

/** 不少于 35000 m² */
export function targetText(t: { value: number | null; unit: string | null; comparator: string | null }): string | null {
  if (t.value === null || t.value === undefined) return null;
  const cmp = COMPARATOR_LABELS[t.comparator ?? '='] ?? t.comparator ?? '';
  return `${cmp}${cmp ? ' ' : ''}${formatNumber(t.value)}${t.unit ? ` ${t.unit}` : ''}`;
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(Math.round(n * 100) / 100);
}

/** Whether the achieved value meets the target (null when there is nothing to compare). */
export function targetMet(t: { value: number | null; comparator: string | null }, achieved: number | null): boolean | null {
  if (t.value === null || achieved === null) return null;
  switch (t.comparator) {
    case '>': return achieved > t.value;
    case '<=': return achieved <= t.value;
    case '<': return achieved < t.value;
    default: return achieved >= t.value;
  }
}

/** The verdict of a set of latest delivery ratings: all kept → kept; any not kept with none kept → not kept; else partly. */
export function deliveryVerdict(ratings: DeliveryRating[]): DeliveryRating | null {
  if (!ratings.length) return null;
  if (ratings.every((r) => r === 'kept')) return 'kept';
  if (ratings.every((r) => r === 'not_kept')) return 'not_kept';
  return 'partly';
}
