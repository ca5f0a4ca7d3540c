import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT } from './testing/harness.js';
import { spawnServer, type ServerProcess } from './testing/server-process.js';

/**
 * Writes are under way when the process is killed with SIGKILL (no shutdown, no checkpoint of the WAL);
 * after a restart every write the server acknowledged is there and the audit chain verifies.
 * SQLite only: the embedded database is the one whose durability is ours to configure.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const start = (dataDir: string) => spawnServer({ dataDir, env: { QUNEI_RATE_LIMIT_PER_MIN: '100000', QUNEI_JOBS: '0' } });

async function login(url: string) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo123456' }) });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = await res.json() as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

describe.runIf(TEST_DIALECT === 'sqlite')('a kill -9 during writes loses no acknowledged write', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunei-crash-'));
  let server: ServerProcess | undefined;
  afterAll(async () => { await server?.stop('SIGKILL'); fs.rmSync(dataDir, { recursive: true, force: true }); });

  it('keeps every acknowledged create and update, and the audit chain verifies', async () => {
    const first = await start(dataDir);
    server = first;
    const auth = await login(first.url);
    const headers = { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrf };
    const created = new Map<string, { id: string; version: number }>();
    const updated = new Map<string, string>();
    let killed = false;
    let n = 0;
    const worker = async () => {
      while (!killed) {
        const name = `崩溃测试单位${String(++n).padStart(4, '0')}`;
        try {
          const res = await fetch(`${first.url}/api/org-units`, { method: 'POST', headers, body: JSON.stringify({ name, shortName: `测${n}`, kind: 'other' }) });
          if (res.status !== 200) continue;
          const row = await res.json() as { id: string; version: number };
          created.set(name, row);
          const phone = `0356-${String(5000000 + n)}`;
          const up = await fetch(`${first.url}/api/org-units/${row.id}`, { method: 'PATCH', headers, body: JSON.stringify({ version: row.version, officialPhone: phone }) });
          if (up.status === 200) updated.set(row.id, phone);
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const workers = Array.from({ length: 6 }, worker);
    await new Promise((r) => setTimeout(r, 2500));
    const kill = first.stop('SIGKILL');
    killed = true;
    await Promise.all(workers);
    await kill;
    expect(created.size).toBeGreaterThan(10);

    const second = await start(dataDir);
    server = second;
    const again = await login(second.url);
    const list = await (await fetch(`${second.url}/api/org-units`, { headers: { cookie: again.cookie } })).json() as Array<{ id: string; name: string; officialPhone: string | null }>;
    const byName = new Map(list.map((o) => [o.name, o]));
    const missing = [...created.keys()].filter((name) => !byName.has(name));
    expect(missing, `acknowledged but missing after restart: ${missing.length} of ${created.size}`).toEqual([]);
    const lostUpdates = [...updated].filter(([id, phone]) => list.find((o) => o.id === id)?.officialPhone !== phone);
    expect(lostUpdates).toEqual([]);
    await second.stop();
    server = undefined;

    const verify = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'cli/qunei.ts'), 'audit', 'verify'], {
      cwd: root, env: { ...process.env, QUNEI_DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8',
    });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  }, 180_000);
});
