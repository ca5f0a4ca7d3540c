import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestEnv, TEST_DIALECT, type Client, type TestEnv } from './testing/harness.js';
import { arbFromSchema, HOSTILE_STRINGS, resolver, type ArbContext } from './testing/fuzz-inputs.js';

/**
 * Every write route, fuzzed from its own OpenAPI schema with hostile leaves, as several roles and the
 * public, with real ids in the path. Any 5xx fails; the failure names the seed that reproduces it:
 *   QUNEI_FUZZ_SEED=<seed> QUNEI_FUZZ_ROUTE='POST /api/…' npx vitest run server/fuzz.test.ts
 * QUNEI_FUZZ_RUNS sets the cases per route (default 100).
 */
const RUNS = Number(process.env.QUNEI_FUZZ_RUNS ?? 100);
const SEED = Number(process.env.QUNEI_FUZZ_SEED ?? 20261207);
const ONLY = process.env.QUNEI_FUZZ_ROUTE;
const ACCOUNTS = ['organizer', 'gongxin', 'zone', 'admin', 'gaoyipeng', 'hengtong', 'agent'] as const;

/** Which table a path parameter's ids come from: by the parameter's name, else by the segment before it. */
const PARAM_TABLES: Record<string, string> = {
  componentId: 'project_component', updateId: 'project_progress_update', milestoneId: 'project_milestone', issueId: 'coordination_issue',
  fileId: 'project_update_photo', evidenceId: 'promise_evidence', deputyId: 'deputy',
};
const SEGMENT_TABLES: Record<string, string> = {
  'org-units': 'org_unit', users: 'app_user', suggestions: 'suggestion', replies: 'reply', projects: 'project', 'stage-templates': 'project_stage_template',
  facilities: 'park_facility', 'bus-routes': 'bus_route', utilities: 'utility_service', enrolment: 'school_enrolment', 'greening-entries': 'greening_entry',
  'doc-numbers': 'doc_number', promises: 'promise', 'rule-sets': 'rule_set', 'congress-sessions': 'congress_session', deputies: 'deputy',
  assignments: 'assignment', 'extension-requests': 'extension_request', 'reply-points': 'reply_point',
};
const ID_FIELDS = /(^id$|Id$|Ids$)/;

/** Percent-encodes any string, lone surrogates included (as UTF-8 of U+FFFD, as a browser would). */
const pct = (s: string) => { try { return encodeURIComponent(s); } catch { return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''); } };
/** Bytes that are not UTF-8 at all, for paths and queries. */
const BAD_ESCAPES = ['%FF', '%C0%80', '%E4%B8', '%', '%zz', '%00', '..%2F..%2F'];

interface Route { method: string; path: string; op: Record<string, any> }

describe(`fuzzing every write route (${TEST_DIALECT}, ${RUNS} cases a route, seed ${SEED})`, () => {
  let env: TestEnv;
  const clients = new Map<string, Client>();
  const ids = new Map<string, string[]>();
  const allIds: string[] = [];
  let routes: Route[] = [];
  let ctx: ArbContext;

  beforeAll(async () => {
    env = await createTestEnv();
    for (const a of ACCOUNTS) clients.set(a, await env.as(a));
    clients.set('public', env.anon());
    const tables = new Set([...Object.values(PARAM_TABLES), ...Object.values(SEGMENT_TABLES)]);
    for (const t of tables) {
      const rows = await (env.ctx.db as any).selectFrom(t).select('id').limit(40).execute() as Array<{ id: string }>;
      ids.set(t, rows.map((r) => String(r.id)));
      allIds.push(...rows.map((r) => String(r.id)));
    }
    const spec = (env.app as unknown as { swagger(): Record<string, any> }).swagger();
    for (const [path, ops] of Object.entries<Record<string, any>>(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (method === 'get' || method === 'head' || method === 'options') continue;
        const r = { method: method.toUpperCase(), path, op };
        if (!ONLY || ONLY === `${r.method} ${r.path}`) routes.push(r);
      }
    }
    routes = routes.filter((r) => r.path !== '/api/auth/logout');
    const resolve = resolver(spec);
    ctx = {
      resolve,
      realValues: (field) => {
        if (field === 'version') return [1, 2, 3];
        if (field === 'year') return ['2024', '2025', '2026'];
        if (ID_FIELDS.test(field)) return allIds.length ? allIds : ['none'];
        return [];
      },
    };
  }, 120_000);
  afterAll(async () => { await env?.close(); });

  function pathArb(path: string): fc.Arbitrary<string> {
    const parts = path.split('/').map((seg, i, all) => {
      const m = /^\{(.+)\}$/.exec(seg);
      if (!m) return fc.constant(seg);
      const name = m[1];
      const table = PARAM_TABLES[name] ?? SEGMENT_TABLES[all[i - 1]];
      const real = (table && ids.get(table)) || [];
      const special = name === 'year' ? ['2024', '2025', '2027', '0', '99999', '２０２４'] : name === 'month' ? ['2024-08', '2024-13', '2025-01'] : [];
      return fc.oneof(
        { weight: 6, arbitrary: real.length ? fc.constantFrom(...real) : fc.constant('none') },
        { weight: special.length ? 4 : 0, arbitrary: special.length ? fc.constantFrom(...special) : fc.constant('x') },
        { weight: 1, arbitrary: allIds.length ? fc.constantFrom(...allIds) : fc.constant('none') },
        { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 100)).map((s) => pct(s) || '%20') },
        { weight: 1, arbitrary: fc.constantFrom(...BAD_ESCAPES) },
      );
    });
    return fc.tuple(...parts).map((p) => p.join('/'));
  }

  function queryArb(op: Record<string, any>): fc.Arbitrary<string> {
    const params = (op.parameters ?? []).filter((p: any) => p.in === 'query');
    if (!params.length) return fc.constant('');
    return fc.tuple(...params.map((p: any) => fc.option(arbFromSchema(p.schema, ctx, p.name).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))), { freq: 4 })))
      .map((vals) => {
        const q = params.map((p: any, i: number) => (vals[i] == null ? null : `${p.name}=${pct(vals[i] as string)}`)).filter(Boolean);
        return q.length ? `?${q.join('&')}` : '';
      });
  }

  function bodyArb(op: Record<string, any>): fc.Arbitrary<{ payload: string | undefined; type: string }> {
    const json = op.requestBody?.content?.['application/json']?.schema;
    const typed = arbFromSchema(json ?? { type: 'object' }, ctx).map((v) => ({ payload: JSON.stringify(v) as string | undefined, type: 'application/json' }));
    const raw = fc.constantFrom<{ payload: string | undefined; type: string }>(
      { payload: '{', type: 'application/json' }, { payload: '\u0000', type: 'application/json' }, { payload: 'null', type: 'application/json' },
      { payload: '[]', type: 'application/json' }, { payload: '"x"', type: 'application/json' }, { payload: '{"__proto__":{"admin":true}}', type: 'application/json' },
      { payload: 'a=1', type: 'application/x-www-form-urlencoded' }, { payload: 'hello', type: 'text/plain' }, { payload: undefined, type: 'application/json' },
      { payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.docx"\r\n\r\nPK\u0003\u0004\r\n--x--\r\n', type: 'multipart/form-data; boundary=x' },
      { payload: '--x\r\n\r\n', type: 'multipart/form-data; boundary=x' },
    );
    return fc.oneof({ weight: 8, arbitrary: typed }, { weight: 1, arbitrary: raw });
  }

  async function send(who: string, method: string, url: string, payload: string | undefined, type: string): Promise<LightMyRequestResponse> {
    let client = clients.get(who)!;
    const go = () => client.inject({ method: method as 'POST', url, payload, headers: payload === undefined ? {} : { 'content-type': type } });
    let res = await go();
    if (res.statusCode === 401 && who !== 'public') {
      // A fuzzed password change or reset may have ended the session: log in again and retry once.
      client = await env.as(who).catch(() => client);
      clients.set(who, client);
      res = await go();
    }
    return res;
  }

  it('no write route answers with a 5xx', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const r of routes) {
      const arb = fc.record({
        who: fc.constantFrom('public', ...ACCOUNTS),
        path: pathArb(r.path),
        query: queryArb(r.op),
        body: bodyArb(r.op),
      });
      const result = await fc.check(
        fc.asyncProperty(arb, async ({ who, path, query, body }) => {
          requests++;
          const res = await send(who, r.method, path + query, body.payload, body.type);
          if (res.statusCode >= 500) throw new Error(`${res.statusCode} as ${who}: ${r.method} ${path}${query} body=${(body.payload ?? '').slice(0, 300)} → ${res.body.slice(0, 300)}`);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      if (result.failed) failures.push(`${r.method} ${r.path} (QUNEI_FUZZ_SEED=${SEED} QUNEI_FUZZ_ROUTE='${r.method} ${r.path}'): ${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance)}`);
    }
    if (!ONLY) expect(routes.length).toBeGreaterThan(50);
    expect(requests).toBeGreaterThan(routes.length * Math.min(RUNS, 10));
    expect(failures, failures.join('\n')).toEqual([]);
    const health = await env.anon().get('/api/health');
    expect(health.statusCode).toBe(200);
  }, 900_000);
});
