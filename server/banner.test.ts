import { describe, expect, it } from 'vitest';
import type os from 'node:os';
import { listenInfo } from './banner.js';

const nic = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4') =>
  ({ address, internal, family, netmask: '', mac: '', cidr: null }) as os.NetworkInterfaceInfo;

describe('start banner addresses', () => {
  it('names the configured address when it is a single one', () => {
    expect(listenInfo('127.0.0.1', 4311, {})).toMatchObject({ urls: ['http://127.0.0.1:4311'], where: '127.0.0.1:4311' });
  });

  it('says when it listens on every address, and lists the local URL and the machine’s addresses', () => {
    const info = listenInfo('0.0.0.0', 3000, { lo: [nic('127.0.0.1', true)], eth0: [nic('192.0.2.2'), nic('fe80::1', false, 'IPv6')] });
    expect(info.where).toBe('0.0.0.0:3000（本机所有网络地址）');
    expect(info.urls).toEqual(['http://localhost:3000', 'http://192.0.2.2:3000']);
  });
});
