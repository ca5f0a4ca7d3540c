import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import { bootstrap } from '../bootstrap.js';
import { buildApp } from '../app.js';
import { seedDemo } from '../demo/seed.js';
import { DEMO_PASSWORD } from '../demo/accounts.js';
import { fixedClock } from '../platform/clock.js';
import { createLogger } from '../platform/logger.js';
import type { AppContext } from '../platform/context.js';

/** Which database the integration tests run on: the suite runs once per dialect. */
export const TEST_DIALECT = process.env.QUNEI_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_PG_URL = process.env.QUNEI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestEnv {
  ctx: AppContext;
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
  as(username: string, password?: string): Promise<Client>;
  anon(): Client;
  /** A second app instance on the same database (PostgreSQL only; on SQLite the same file). */
  secondInstance(): Promise<{ ctx: AppContext; app: FastifyInstance }>;
  /**
   * With `checkResponses`: every JSON response whose body differs from what the handler returned (a response
   * schema narrower than the data drops fields). Empty when every exercised route sends what its service returns.
   */
  responseDrift: Array<{ route: string; returned: unknown; sent: unknown }>;
  /** With `checkResponses`: the routes ("GET /api/x/:id") whose successful JSON responses were compared. */
  responsesChecked: Set<string>;
  close(): Promise<void>;
}

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  cookie: string | null;
  csrf: string | null;
}

async function createSchema(): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  await client.query(`create schema ${name}`);
  await client.end();
  return name;
}

async function dropSchema(name: string) {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  await client.query(`drop schema if exists ${name} cascade`);
  await client.end();
}

export function clientFor(app: FastifyInstance, cookie: string | null = null, csrf: string | null = null): Client {
  const c: Client = {
    cookie,
    csrf,
    inject: (opts) => app.inject({ ...opts, headers: { ...(c.cookie ? { cookie: c.cookie } : {}), ...(c.csrf ? { 'x-csrf-token': c.csrf } : {}), ...(opts.headers ?? {}) } }),
    get: (url) => c.inject({ method: 'GET', url }),
    post: (url, body) => c.inject({ method: 'POST', url, payload: body as InjectOptions['payload'] }),
    put: (url, body) => c.inject({ method: 'PUT', url, payload: body as InjectOptions['payload'] }),
    patch: (url, body) => c.inject({ method: 'PATCH', url, payload: body as InjectOptions['payload'] }),
    delete: (url) => c.inject({ method: 'DELETE', url }),
  };
  return c;
}

export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie!;
  return clientFor(app, raw.split(';')[0], res.json().csrfToken);
}

/**
 * A fresh database with the demo data, an app on it, and a fixed clock (2024-08-01 unless given),
 * on SQLite (in memory) or on PostgreSQL (a schema of its own) as QUNEI_TEST_DB says.
 */
export async function createTestEnv(opts: { now?: string; seed?: boolean; checkResponses?: boolean } = {}): Promise<TestEnv> {
  const clock = fixedClock(opts.now ?? '2024-08-01T02:00:00.000Z');
  const schema = TEST_DIALECT === 'postgres' ? await createSchema() : undefined;
  const config: Config = {
    ...loadConfig({ ...process.env, QUNEI_MODE: 'demo' }),
    databaseUrl: TEST_DIALECT === 'postgres' ? TEST_PG_URL : null,
    sqliteFile: ':memory:',
    // Keys and files a test makes stay out of the working tree.
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'qunei-test-data-')),
    jobs: false,
    instanceId: 'test-1',
  };
  const logger = createLogger({ level: process.env.QUNEI_TEST_LOG ? 'warn' : 'silent', instance: 'test', stream: 'stderr' });
  const boot = await bootstrap(config, { clock, pgSchema: schema, logger });
  if (opts.seed !== false) await seedDemo(boot.ctx);
  // Every injected request comes from one address: the per-client limit would throttle the test itself.
  const app = await buildApp(boot.ctx, { logger: process.env.QUNEI_TEST_LOG ? { level: 'error' } : false, rateLimitPerMinute: 1_000_000 });
  const responseDrift: TestEnv['responseDrift'] = [];
  const responsesChecked = new Set<string>();
  if (opts.checkResponses) watchResponses(app, responseDrift, responsesChecked);
  await app.ready();
  const extra: Array<() => Promise<void>> = [];
  return {
    ctx: boot.ctx,
    app,
    clock,
    responseDrift,
    responsesChecked,
    as: (username, password) => login(app, username, password),
    anon: () => clientFor(app),
    async secondInstance() {
      if (TEST_DIALECT !== 'postgres') throw new Error('a second instance needs PostgreSQL');
      const b2 = await bootstrap({ ...config, instanceId: 'test-2' }, { clock, pgSchema: schema, logger });
      const app2 = await buildApp(b2.ctx, { rateLimitPerMinute: 1_000_000 });
      await app2.ready();
      extra.push(async () => { await app2.close(); await b2.handle.close(); });
      return { ctx: b2.ctx, app: app2 };
    },
    async close() {
      for (const f of extra) await f();
      await app.close();
      await boot.handle.close();
      if (schema) await dropSchema(schema);
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

/** Compares each handler's return value (as JSON) with the body actually sent after the response schema ran. */
function watchResponses(app: FastifyInstance, drift: TestEnv['responseDrift'], checked: Set<string>) {
  const returned = new WeakMap<object, unknown>();
  app.addHook('preSerialization', async (req, _reply, payload) => {
    returned.set(req, payload);
    return payload;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (!returned.has(req) || typeof payload !== 'string' || reply.statusCode >= 300) return payload;
    const route = `${req.method} ${req.routeOptions.url}`;
    const before = JSON.parse(JSON.stringify(returned.get(req)));
    const after = JSON.parse(payload);
    checked.add(route);
    if (!isDeepStrictEqual(before, after)) drift.push({ route, returned: before, sent: after });
    return payload;
  });
}
