import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from './testing/harness.js';
import { EVERYONE, type Who } from './testing/permission-case.js';
import { newId } from './platform/ids.js';
import type { Actor } from './platform/auth/roles.js';
import { actorOf } from './modules/documents/documents.fixtures.js';
import { SuggestionsCore } from './modules/suggestions/core.js';
import { suggestionRow, suggestionScope } from './modules/suggestions/suggestions.scope.js';
import { PromisesCore } from './modules/promises/promises.core.js';
import { accessOf } from './modules/promises/promises.present.js';
import { promiseRow, promiseScope } from './modules/promises/promises.scope.js';

/**
 * Every GET route of the app, with real ids of every kind from the demo (and a random and a malformed one) in
 * its path parameters, for every demo account and the public: never a 5xx; and where the route reads one
 * suggestion or promise, its verdict is the row scope's.
 */
const IGNORED = (url: string) => !url.startsWith('/api/') || url.startsWith('/api/docs');
const name = (w: Who) => w ?? '公众';

/** Routes that read one row: the row's scope decides, on ids of its kind. */
const SUGGESTION_READERS = ['/api/suggestions/:id', '/api/suggestions/:id/events', '/api/suggestions/:id/promises'];
const PROMISE_READERS = ['/api/promises/:id'];

describe('GET sweep: every route, every id kind, every role', () => {
  let env: TestEnv;
  const clients = new Map<Who, Client>();
  const actors = new Map<Who, Actor | null>();
  /** Real ids by kind (one or two rows of each table), plus ids that name nothing. */
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    env = await createTestEnv();
    for (const who of EVERYONE) {
      clients.set(who, who ? await env.as(who) : env.anon());
      actors.set(who, who ? await actorOf(env, who) : null);
    }
    const db = env.ctx.db as any;
    const take = async (table: string, n = 2) => (await db.selectFrom(table).select('id').orderBy('id').limit(n).execute()).map((r: { id: string }) => r.id);
    // The kinds the routes' parameters name (and two that they never do: an assignment, an org unit).
    for (const t of ['reply', 'project', 'org_unit', 'assignment', 'file_blob', 'promise_evidence']) ids[t] = await take(t);
    // Every suggestion and promise: their readers' verdicts are checked row by row.
    ids.suggestion = (await db.selectFrom('suggestion').select('id').execute()).map((r: { id: string }) => r.id);
    ids.promise = (await db.selectFrom('promise').select('id').execute()).map((r: { id: string }) => r.id);
    ids.none = [newId(), 'no-such-id'];
  }, 300_000);
  afterAll(async () => { await env.close(); });

  it('finds the routes', () => {
    const gets = env.app.routeList.filter((r) => r.method === 'GET' && !IGNORED(r.url));
    expect(gets.length).toBeGreaterThan(40);
    expect(gets.filter((r) => r.url.includes(':')).length).toBeGreaterThan(15);
  });

  it('no GET answers 5xx, whoever asks and whatever id', async () => {
    const errors: string[] = [];
    const gets = env.app.routeList.filter((r) => r.method === 'GET' && !IGNORED(r.url));
    const allIds = Object.entries(ids).flatMap(([kind, list]) => list.slice(0, kind === 'none' ? 2 : 1).map((id) => ({ kind, id })));
    for (const r of gets) {
      const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const urls: string[] = [];
      if (!params.length) urls.push(r.url);
      else if (params.includes('year')) urls.push(...['2024', '1999', 'abc'].map((y) => r.url.replace(':year', y)));
      else {
        // The first parameter takes every kind of id; any further one (a file of a promise …) takes every kind too, with the first fixed.
        for (const a of allIds) urls.push(r.url.replace(`:${params[0]}`, a.id).replace(/:\w+/g, ids.file_blob[0] ?? a.id));
        if (params.length > 1) for (const b of allIds) urls.push(r.url.replace(`:${params[0]}`, ids.promise[0] ?? b.id).replace(/:\w+/g, b.id));
      }
      for (const url of [...new Set(urls)]) {
        for (const who of EVERYONE) {
          const res = await clients.get(who)!.get(url);
          if (res.statusCode >= 500) errors.push(`${name(who)} GET ${url} (${r.url}) → ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    expect(errors).toEqual([]);
  }, 900_000);

  it('routes that read one suggestion or promise give the row scope\'s verdict', async () => {
    const wrong: string[] = [];
    const sc = new SuggestionsCore(env.ctx);
    const pc = new PromisesCore(env.ctx);
    for (const who of EVERYONE) {
      const actor = actors.get(who)!;
      const c = clients.get(who)!;
      for (const id of ids.suggestion) {
        const x = await sc.access(actor, id);
        const verdict = suggestionScope.verdict(actor, suggestionRow(x.s, x.signers, x.assignments));
        for (const route of SUGGESTION_READERS) {
          const res = await c.get(route.replace(':id', id));
          // The promise route is for those with a ledger first: agent and enterprise are refused before the row.
          const ok = verdict === true;
          if (ok !== (res.statusCode === 200)) wrong.push(`${name(who)} ${route} ${x.s.title}: ${res.statusCode}, scope says ${verdict}`);
          else if (!ok && route !== '/api/suggestions/:id/promises' && res.json().message !== verdict) wrong.push(`${name(who)} ${route}: ${res.json().message} ≠ ${verdict}`);
        }
      }
      for (const id of ids.promise) {
        const p = (await pc.repo.get(id))!;
        const verdict = promiseScope.verdict(actor, promiseRow(accessOf(p, await pc.repo.signers([p.suggestion_id]))));
        for (const route of PROMISE_READERS) {
          const res = await c.get(route.replace(':id', id));
          if ((verdict === true) !== (res.statusCode === 200)) wrong.push(`${name(who)} ${route} ${p.text.slice(0, 20)}: ${res.statusCode}, scope says ${verdict}`);
        }
      }
      // Ids that name nothing: 404 for whoever may use the route at all.
      for (const route of [...SUGGESTION_READERS, ...PROMISE_READERS]) {
        const res = await c.get(route.replace(':id', newId()));
        if (![401, 403, 404].includes(res.statusCode)) wrong.push(`${name(who)} ${route} missing id: ${res.statusCode}`);
        if (res.statusCode === 404 && !actor) wrong.push(`公众 ${route}: 404 before login`);
      }
    }
    expect(wrong).toEqual([]);
  }, 900_000);
});
