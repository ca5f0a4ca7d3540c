import http from 'node:http';
import { spawnServer, type ServerProcess } from '../server/testing/server-process.js';

/** Starts the real server on the given data directory in its own process (it gets its own core). */
export async function startServer(dataDir: string, databaseUrl: string | null = null): Promise<ServerProcess> {
  return spawnServer({
    dataDir,
    timeoutMs: 60_000,
    // The load comes from one address: the per-address limit would measure its own 429s.
    env: { QUNEI_JOBS: '0', DATABASE_URL: databaseUrl ?? '', QUNEI_RATE_LIMIT_PER_MIN: '100000000' },
  });
}

export interface Measured { count: number; seconds: number; rps: number; p50: number; p99: number }

export function summarize(latencies: number[], seconds: number): Measured {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, seconds, rps: sorted.length / seconds, p50: at(0.5), p99: at(0.99) };
}

/** Runs `fn` from `concurrency` loops for `seconds` and measures each call. */
export async function load(fn: (i: number) => Promise<void>, concurrency: number, seconds: number): Promise<Measured> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const t = performance.now();
      await fn(n++);
      latencies.push(performance.now() - t);
    }
  }));
  return summarize(latencies, (performance.now() - started) / 1000);
}

export const fmt = (m: Measured) => `${m.rps.toFixed(0).padStart(6)} req/s   p50 ${m.p50.toFixed(2).padStart(6)} ms   p99 ${m.p99.toFixed(2).padStart(6)} ms   (${m.count} 次)`;

/**
 * A GET over a kept-alive connection with node:http (lighter than fetch: the load generator shares the
 * machine's two cores with the server it measures). Resolves with the status and the body.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
export function httpGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}
