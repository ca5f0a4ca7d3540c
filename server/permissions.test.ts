import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from './testing/harness.js';
import { EVERYONE, outcomeOf, type Who } from './testing/permission-case.js';
import { PERMISSION_MATRIX } from './permissions.matrix.js';

const IGNORED = (url: string) => !url.startsWith('/api/') || url.startsWith('/api/docs');

describe('permission matrix: every route, every role', () => {
  let env: TestEnv;
  const clients = new Map<Who, Client>();
  beforeAll(async () => {
    env = await createTestEnv();
    for (const who of EVERYONE) clients.set(who, who ? await env.as(who) : env.anon());
  });
  afterAll(async () => { await env.close(); });

  it('lists every API route', () => {
    const listed = new Set(PERMISSION_MATRIX.map((c) => `${c.method} ${c.route}`));
    const missing = env.app.routeList.filter((r) => !IGNORED(r.url)).map((r) => `${r.method} ${r.url}`).filter((r) => !listed.has(r));
    expect(missing).toEqual([]);
  });

  for (const c of PERMISSION_MATRIX) {
    it(`${c.method} ${c.route}`, async () => {
      const refusedWrongly: string[] = [];
      const allowedWrongly: string[] = [];
      const serverErrors: string[] = [];
      for (const who of EVERYONE) {
        const client = clients.get(who)!;
        const { url, body } = await c.sample(env);
        const res = await client.inject({ method: c.method, url, payload: body as object | undefined });
        const outcome = outcomeOf(res.statusCode);
        const refused = outcome === 'refused';
        const mayCall = c.allowed.includes(who);
        const line = `${who ?? '公众'}: ${res.statusCode} ${res.body.slice(0, 120)}`;
        // A 5xx is a defect for anyone. An allowed role must succeed on a read (not merely escape a refusal); on a
        // write the sample is replayed by each allowed role in turn, so a later one may meet a 409 or 404 that the
        // first one's success caused: it must not be refused. Everyone else is refused.
        if (outcome === 'error') serverErrors.push(line);
        else if (mayCall && (c.method === 'GET' ? outcome !== 'allowed' : refused)) refusedWrongly.push(line);
        else if (!mayCall && !refused) allowedWrongly.push(line);
        if (refused) expect(res.json().message, `${who} ${c.method} ${url}`).toMatch(/[\u4e00-\u9fff]/);
        if (c.route === '/api/auth/logout' && who) clients.set(who, await env.as(who));
      }
      expect({ serverErrors, refusedWrongly, allowedWrongly }).toEqual({ serverErrors: [], refusedWrongly: [], allowedWrongly: [] });
    });
  }
});
