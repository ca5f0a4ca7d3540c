import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestEnv, type TestEnv } from './testing/harness.js';
import { buildApp } from './app.js';

describe('request log', () => {
  let env: TestEnv;
  let app: FastifyInstance;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    env = await createTestEnv({ seed: false });
    const stream = new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l)); done(); } });
    app = await buildApp(env.ctx, { logger: { level: 'info', stream }, rateLimitPerMinute: 1_000_000 });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await env?.close();
  });

  it('writes one structured line per request, with its request id, method, path and status', async () => {
    const ok = await app.inject({ method: 'GET', url: '/api/health' });
    const missing = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    for (const [res, status, url] of [[ok, 200, '/api/health'], [missing, 404, '/api/no-such-thing']] as const) {
      const id = res.headers['x-request-id'];
      const mine = lines.filter((l) => l.reqId === id);
      expect(mine, JSON.stringify(lines)).toHaveLength(1);
      expect(mine[0]).toMatchObject({ level: 30, res: { statusCode: status }, req: { method: 'GET', url, remoteAddress: '127.0.0.1' } });
      expect(typeof mine[0].responseTime).toBe('number');
    }
  });
});
