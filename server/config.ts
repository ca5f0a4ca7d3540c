import path from 'node:path';

export type Mode = 'demo' | 'production';

export interface Config {
  mode: Mode;
  port: number;
  host: string;
  /** postgres://… selects PostgreSQL; anything else (or unset) the embedded SQLite file. */
  databaseUrl: string | null;
  dataDir: string;
  sqliteFile: string;
  sessionHours: number;
  cookieSecure: boolean;
  logLevel: string;
  /** Run the job runner in this process (several instances may all run it; claims keep jobs single). */
  jobs: boolean;
  instanceId: string;
  /**
   * Addresses (or CIDR ranges) of the reverse proxies whose X-Forwarded-For is believed (QUNEI_TRUST_PROXY).
   * Empty: the header is ignored and the client is the peer address.
   */
  trustProxy: string[];
}

const PROXY_ENTRY = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/;

export function parseTrustProxy(value: string | undefined): string[] {
  const entries = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const e of entries) {
    if (!PROXY_ENTRY.test(e)) {
      throw new Error(`QUNEI_TRUST_PROXY 无效：${e}（应为代理服务器的地址或网段，逗号分隔，例如 127.0.0.1,10.0.0.0/8）`);
    }
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.QUNEI_DATA_DIR ?? 'data');
  const mode = (env.QUNEI_MODE ?? 'demo') as Mode;
  if (mode !== 'demo' && mode !== 'production') throw new Error(`QUNEI_MODE 只能是 demo 或 production，收到：${mode}`);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT 无效：${env.PORT}`);
  return {
    mode,
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir,
    sqliteFile: path.join(dataDir, 'qunei.sqlite'),
    sessionHours: Number(env.QUNEI_SESSION_HOURS ?? 12),
    cookieSecure: env.QUNEI_COOKIE_SECURE === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    jobs: env.QUNEI_JOBS !== '0',
    instanceId: env.QUNEI_INSTANCE ?? `${process.pid}`,
    trustProxy: parseTrustProxy(env.QUNEI_TRUST_PROXY),
  };
}
