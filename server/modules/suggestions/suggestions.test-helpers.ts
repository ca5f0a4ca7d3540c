import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Client, TestEnv } from '../../testing/harness.js';
import { demoSessions } from './demo/suggestions.seed.js';

/** Ids from the demo data, by the names people use. */
export async function demoIds(env: TestEnv) {
  const orgs = await env.ctx.db.selectFrom('org_unit').select(['id', 'short_name']).execute();
  const deputies = await env.ctx.db.selectFrom('deputy').select(['id', 'name']).execute();
  const sessions = await env.ctx.db.selectFrom('congress_session').select(['id', 'short_name']).execute();
  return {
    org: (short: string) => orgs.find((o) => o.short_name === short)?.id ?? expect.fail(`org ${short}`),
    deputy: (name: string) => deputies.find((d) => d.name === name)?.id ?? expect.fail(`deputy ${name}`),
    session: (short: string) => sessions.find((s) => s.short_name === short)?.id ?? expect.fail(`session ${short}`),
  };
}

/** The demo session holding the suggestions dated relative to the clock (七届五次 on the harness's 2024-08-01). */
export const currentDemoSession = (env: TestEnv) => demoSessions(env.ctx.clock.today()).find((s) => s.current)!.shortName;

export async function suggestionByNumber(env: TestEnv, n: number, sessionShort = currentDemoSession(env)) {
  const row = await env.ctx.db.selectFrom('suggestion').innerJoin('congress_session', 'congress_session.id', 'suggestion.session_id')
    .select('suggestion.id').where('suggestion.number', '=', n).where('congress_session.short_name', '=', sessionShort).executeTakeFirstOrThrow();
  return row.id;
}

/** The JSON of a response that must have the given status (the body is shown when it does not). */
export function ok<T = any>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
  return res.json() as T;
}

export function refused(res: LightMyRequestResponse, status: 401 | 403 | 409 | 400 | 404, text?: string | RegExp) {
  expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
  const body = res.json();
  expect(body.message).toMatch(/[\u4e00-\u9fff]/);
  if (text) expect(body.message).toMatch(text);
  return body;
}

export async function notificationsOf(env: TestEnv, username: string, suggestionId?: string) {
  const user = await env.ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  let q = env.ctx.db.selectFrom('notification').selectAll().where('user_id', '=', user.id);
  if (suggestionId) q = q.where('link', '=', `/suggestions/${suggestionId}`);
  return q.orderBy('created_at').execute();
}

export const detail = async (c: Client, id: string) => ok(await c.get(`/api/suggestions/${id}`));
