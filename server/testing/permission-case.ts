import type { TestEnv } from './harness.js';

/** Demo accounts by username; `null` is the public. */
export type Who = string | null;

export const EVERYONE: Who[] = [
  null, 'admin', 'organizer', 'gongxin', 'hengtong', 'jiaoyu', 'gaoyipeng', 'like', 'duxiaolin', 'hanzhifeng', 'wanjianqin', 'zone', 'agent', 'kangshuo',
];
export const LOGGED_IN = EVERYONE.filter((w) => w !== null);

/**
 * One route in the permission matrix: who may call it (on the sample row) and who must be refused.
 * `sample` builds a concrete request from the demo data: valid input, so a refusal is the policy's, not validation's.
 */
export interface PermissionCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  allowed: Who[];
  sample: (env: TestEnv) => Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
}

/**
 * How the matrix reads a response: `allowed` is 2xx (3xx for a redirect), `refused` 401/403, `error` any 5xx
 * (a defect, whoever called), `other` the rest (400, 404, 409 …: neither a refusal nor a success).
 */
export type Outcome = 'allowed' | 'refused' | 'error' | 'other';
export function outcomeOf(status: number): Outcome {
  if (status >= 500) return 'error';
  if (status === 401 || status === 403) return 'refused';
  if (status >= 200 && status < 400) return 'allowed';
  return 'other';
}
