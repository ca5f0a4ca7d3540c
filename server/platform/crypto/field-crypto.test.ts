import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldCrypto, fieldCryptoFor, KEY_FILE_NAME, loadMasterKey } from './field-crypto.js';

const tmp: string[] = [];
const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'qunei-key-'));
  tmp.push(d);
  return d;
};
afterEach(() => { for (const d of tmp.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

const KEY = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');

describe('field crypto (SM4-CBC + HMAC-SM3)', () => {
  it('round-trips Chinese and digits, with a fresh IV every time', () => {
    const fc = new FieldCrypto(KEY);
    const a = fc.encrypt('13912345678');
    const b = fc.encrypt('13912345678');
    expect(a).not.toBe(b);
    expect(a.startsWith('sm4:1:')).toBe(true);
    expect(a).not.toContain('13912345678');
    expect(fc.decrypt(a)).toBe('13912345678');
    expect(fc.decrypt(fc.encrypt('郜义鹏 0356-5241566'))).toBe('郜义鹏 0356-5241566');
    expect(fc.encryptNullable(null)).toBeNull();
    expect(fc.decryptNullable(null)).toBeNull();
  });

  it('detects a changed byte and a wrong key', () => {
    const fc = new FieldCrypto(KEY);
    const token = fc.encrypt('13912345678');
    const raw = Buffer.from(token.slice(6), 'base64');
    raw[20] ^= 1;
    expect(() => fc.decrypt(`sm4:1:${raw.toString('base64')}`)).toThrow('校验失败');
    const other = new FieldCrypto(Buffer.from('ffffffffffffffffffffffffffffffff', 'hex'));
    expect(() => other.decrypt(token)).toThrow('校验失败');
    expect(() => fc.decrypt('13912345678')).toThrow('无法识别');
  });

  it('refuses keys of the wrong length', () => {
    expect(() => new FieldCrypto(Buffer.alloc(8))).toThrow('16 字节');
    expect(() => loadMasterKey({ mode: 'production', dataDir: tmpDir(), envKey: 'abc' })).toThrow('32 位十六进制');
  });

  it('takes the key from QUNEI_DATA_KEY when set', () => {
    const dir = tmpDir();
    expect(loadMasterKey({ mode: 'production', dataDir: dir, envKey: KEY.toString('hex') })).toEqual(KEY);
    expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
  });

  it('creates a 0600 key file in demo mode once and reuses it', () => {
    const dir = tmpDir();
    const k1 = loadMasterKey({ mode: 'demo', dataDir: dir });
    const file = path.join(dir, KEY_FILE_NAME);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ mode: 'demo', dataDir: dir })).toEqual(k1);
    const fc1 = fieldCryptoFor({ mode: 'demo', dataDir: dir }, {});
    expect(new FieldCrypto(k1).decrypt(fc1.encrypt('5241566'))).toBe('5241566');
  });

  it('production without a key refuses with a Chinese message that says what to do', () => {
    const dir = tmpDir();
    expect(() => loadMasterKey({ mode: 'production', dataDir: dir })).toThrow(/未配置个人信息加密密钥.*QUNEI_DATA_KEY/);
    expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
    fs.writeFileSync(path.join(dir, KEY_FILE_NAME), KEY.toString('hex'), { mode: 0o600 });
    expect(loadMasterKey({ mode: 'production', dataDir: dir })).toEqual(KEY);
  });
});
