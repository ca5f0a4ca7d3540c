import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';

/**
 * Password-guess throttle, shared by login and password change. Every attempt is counted *before* the
 * password is checked, by one atomic upsert per counter (INSERT … ON CONFLICT DO UPDATE … RETURNING, on
 * both databases), so parallel requests and several instances cannot check more passwords than the limit.
 * A success resets the account's counters.
 *
 * - per address: at most 30 attempts in 15 minutes;
 * - per account and address: at most 5 in 15 minutes (then that address waits for the window to end);
 * - per account alone (addresses rotate): the first 10 attempts pass, then each further attempt must wait a
 *   growing delay (30 s, 1, 2, 4, 5 minutes) — never a hard lock, so a stranger cannot shut the owner out.
 */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_PER_ADDRESS = 30;
export const MAX_PER_ACCOUNT_ADDRESS = 5;
export const ACCOUNT_FREE_ATTEMPTS = 10;
const ACCOUNT_DELAYS_MS = [30_000, 60_000, 120_000, 240_000, 300_000];

/** The wait after the account's n-th attempt (1-based). */
export function accountDelayMs(n: number): number {
  if (n < ACCOUNT_FREE_ATTEMPTS) return 0;
  return ACCOUNT_DELAYS_MS[Math.min(n - ACCOUNT_FREE_ATTEMPTS, ACCOUNT_DELAYS_MS.length - 1)];
}

/** "15 分钟" / "30 秒": how long to wait, as the message shows it. */
export function waitText(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 60) return `${s} 秒`;
  return `${Math.ceil(s / 60)} 分钟`;
}

function tooMany(waitMs: number): never {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  throw new AppError(429, 'too_many_attempts', `密码错误次数过多，请 ${waitText(waitMs)}后再试`, { retryAfterSeconds: seconds });
}

const keys = (account: string, ip: string | null) => ({
  address: ip ? `ip:${ip}` : null,
  pair: `pair:${account}|${ip ?? '-'}`,
  account: `acct:${account}`,
});

export class LoginThrottle {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  /** Counts one attempt in a fixed window; returns the count including this one and when the window ends. */
  private async countInWindow(key: string): Promise<{ n: number; endsMs: number }> {
    const now = this.clock.now().getTime();
    const nowIso = new Date(now).toISOString();
    const since = new Date(now - THROTTLE_WINDOW_MS).toISOString();
    const row = await this.db.insertInto('auth_throttle')
      .values({ throttle_key: key, fails: 1, window_start: nowIso, last_at: nowIso, next_at: nowIso })
      .onConflict((oc) => oc.column('throttle_key').doUpdateSet({
        fails: sql`case when auth_throttle.window_start <= ${since} then 1 else auth_throttle.fails + 1 end`,
        window_start: sql`case when auth_throttle.window_start <= ${since} then ${nowIso} else auth_throttle.window_start end`,
        last_at: nowIso,
      }))
      .returning(['fails', 'window_start'])
      .executeTakeFirstOrThrow();
    return { n: Number(row.fails), endsMs: Date.parse(row.window_start) + THROTTLE_WINDOW_MS };
  }

  /**
   * Takes the account's next slot if its delay has passed: the update only happens when `next_at <= now`,
   * so of many parallel attempts exactly those the schedule allows get a row back.
   */
  private async takeAccountSlot(key: string): Promise<{ ok: true } | { ok: false; waitMs: number }> {
    const now = this.clock.now().getTime();
    const nowIso = new Date(now).toISOString();
    const since = new Date(now - THROTTLE_WINDOW_MS).toISOString();
    const at = (n: number) => new Date(now + accountDelayMs(n)).toISOString();
    // The next_at for the new count, spelled out per count (the delays are few) so no date arithmetic runs in SQL.
    const cases = ACCOUNT_DELAYS_MS.map((_, i) => sql`when auth_throttle.fails + 1 = ${ACCOUNT_FREE_ATTEMPTS + i} then ${at(ACCOUNT_FREE_ATTEMPTS + i)}`);
    const row = await this.db.insertInto('auth_throttle')
      .values({ throttle_key: key, fails: 1, window_start: nowIso, last_at: nowIso, next_at: at(1) })
      .onConflict((oc) => oc.column('throttle_key').doUpdateSet({
        // A quiet quarter of an hour forgives the account's earlier failures.
        fails: sql`case when auth_throttle.last_at <= ${since} then 1 else auth_throttle.fails + 1 end`,
        next_at: sql`case when auth_throttle.last_at <= ${since} then ${at(1)} when auth_throttle.fails + 1 < ${ACCOUNT_FREE_ATTEMPTS} then ${nowIso} ${sql.join(cases, sql` `)} else ${at(ACCOUNT_FREE_ATTEMPTS + ACCOUNT_DELAYS_MS.length)} end`,
        last_at: nowIso,
      }).where('auth_throttle.next_at', '<=', nowIso))
      .returning('fails')
      .executeTakeFirst();
    if (row) return { ok: true };
    const gate = await this.db.selectFrom('auth_throttle').select('next_at').where('throttle_key', '=', key).executeTakeFirst();
    return { ok: false, waitMs: gate ? Date.parse(gate.next_at) - now : 1000 };
  }

  /** Call before checking a password for `account` from `ip`; throws a Chinese 429 with the wait when refused. */
  async admit(account: string, ip: string | null): Promise<void> {
    const k = keys(account, ip);
    const now = this.clock.now().getTime();
    if (k.address) {
      const a = await this.countInWindow(k.address);
      if (a.n > MAX_PER_ADDRESS) tooMany(a.endsMs - now);
    }
    const p = await this.countInWindow(k.pair);
    if (p.n > MAX_PER_ACCOUNT_ADDRESS) tooMany(p.endsMs - now);
    const slot = await this.takeAccountSlot(k.account);
    if (!slot.ok) tooMany(slot.waitMs);
  }

  /** The password was right: this account's counters start again, and the address gets its attempt back. */
  async succeeded(account: string, ip: string | null): Promise<void> {
    const k = keys(account, ip);
    await this.db.deleteFrom('auth_throttle').where('throttle_key', 'in', [k.pair, k.account]).execute();
    if (k.address) {
      await this.db.updateTable('auth_throttle').set({ fails: sql`case when fails > 0 then fails - 1 else 0 end` })
        .where('throttle_key', '=', k.address).execute();
    }
  }

  /** Drops counters untouched for a day (run by the nightly purge). */
  async purge(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - 24 * 3600_000).toISOString();
    const r = await this.db.deleteFrom('auth_throttle').where('last_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
