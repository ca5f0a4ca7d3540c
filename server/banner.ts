import os from 'node:os';

export interface ListenInfo {
  /** The address as configured (HOST). */
  host: string;
  port: number;
  /** Every URL the server answers on, the one to open locally first. */
  urls: string[];
  /** One line saying where it listens, e.g. "0.0.0.0:3000（本机所有网络地址）". */
  where: string;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/**
 * What the server really listens on, for the start banner: the configured address; for a wildcard
 * address, the local URL and the machine's own IPv4 addresses (the ones Fastify's log names too).
 */
export function listenInfo(host: string, port: number, interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): ListenInfo {
  const url = (h: string) => `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
  if (!WILDCARDS.has(host)) return { host, port, urls: [url(host)], where: `${host.includes(':') ? `[${host}]` : host}:${port}` };
  const own = Object.values(interfaces).flat()
    .filter((i): i is os.NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => url(i.address));
  return { host, port, urls: [url('localhost'), ...new Set(own)], where: `${host || '0.0.0.0'}:${port}（本机所有网络地址）` };
}
