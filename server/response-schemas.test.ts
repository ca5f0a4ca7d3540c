import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './testing/harness.js';
import { WITHOUT_RESPONSE_SCHEMA } from './response-schemas.known.js';

/** Every API route, as "GET /api/x/:id", whose OpenAPI entry has no JSON body for 200 (no response schema). */
function routesWithoutResponseSchema(env: TestEnv): string[] {
  const doc = env.app.swagger() as { paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>> };
  return env.app.routeList
    .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
    .filter((r) => !doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()]?.responses?.['200']?.content)
    .map((r) => `${r.method} ${r.url}`)
    .sort();
}

describe('response schemas', () => {
  let env: TestEnv;
  beforeAll(async () => { env = await createTestEnv({ seed: false }); });
  afterAll(async () => { await env.close(); });

  it('every route declares its 200 response schema, except a known list that may only shrink', () => {
    const missing = routesWithoutResponseSchema(env);
    // A new route must declare `response: { 200: Schema }`; a route that gained one must leave the list.
    expect(missing.filter((r) => !WITHOUT_RESPONSE_SCHEMA.includes(r))).toEqual([]);
    expect(WITHOUT_RESPONSE_SCHEMA.filter((r) => !missing.includes(r))).toEqual([]);
  });
});
