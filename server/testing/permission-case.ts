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
