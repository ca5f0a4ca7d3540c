import { todayInShanghai } from '../../domain/calendar/dates.js';

/** The one source of "now": instants in UTC, calendar days in Asia/Shanghai. Tests fix it. */
export interface Clock {
  now(): Date;
  nowIso(): string;
  today(): string;
}

export function systemClock(): Clock {
  return {
    now: () => new Date(),
    nowIso: () => new Date().toISOString(),
    today: () => todayInShanghai(new Date()),
  };
}

export function fixedClock(iso: string): Clock & { set(iso: string): void; advanceMs(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    nowIso: () => new Date(t).toISOString(),
    today: () => todayInShanghai(new Date(t)),
    set: (next) => {
      t = new Date(next).getTime();
    },
    advanceMs: (ms) => {
      t += ms;
    },
  };
}
