import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.js';
import { AppError } from '../errors.js';

/**
 * Personal data at rest (deputies' phones, ID numbers): SM4-CBC with an HMAC-SM3 tag over version, IV and
 * ciphertext (encrypt-then-MAC), as GB/T 39786-2021 expects. The 16-byte master key lives outside the
 * database: the QUNEI_DATA_KEY environment variable (32 hex characters) or the key file `<dataDir>/data.key`,
 * which demo mode creates (mode 0600) on first use and production only reads.
 *
 * Stored form: `sm4:1:<base64 of iv(16) | ciphertext | tag(32)>`.
 */
const PREFIX = 'sm4:1:';
const IV_LEN = 16;
const TAG_LEN = 32;
export const KEY_FILE_NAME = 'data.key';

export class FieldCryptoError extends AppError {
  constructor(message: string, code = 'crypto') {
    super(500, code, message);
  }
}

function subKey(master: Buffer, label: string, len: number): Buffer {
  return createHmac('sm3', master).update(`qunei-field-crypto/${label}`).digest().subarray(0, len);
}

export class FieldCrypto {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 16) throw new FieldCryptoError('个人信息加密密钥长度应为 16 字节（32 位十六进制）', 'crypto_key_invalid');
    this.encKey = subKey(masterKey, 'enc', 16);
    this.macKey = subKey(masterKey, 'mac', 32);
  }

  private tag(iv: Buffer, ct: Buffer): Buffer {
    return createHmac('sm3', this.macKey).update(PREFIX).update(iv).update(ct).digest();
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_LEN);
    const cipher = createCipheriv('sm4-cbc', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, ct, this.tag(iv, ct)]).toString('base64');
  }

  /** Throws when the value was changed, cut, or encrypted with another key. */
  decrypt(stored: string): string {
    if (!stored.startsWith(PREFIX)) throw new FieldCryptoError('加密字段格式无法识别', 'crypto_format');
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
    if (raw.length < IV_LEN + 16 + TAG_LEN) throw new FieldCryptoError('加密字段已损坏', 'crypto_format');
    const iv = raw.subarray(0, IV_LEN);
    const ct = raw.subarray(IV_LEN, raw.length - TAG_LEN);
    const tag = raw.subarray(raw.length - TAG_LEN);
    if (!timingSafeEqual(tag, this.tag(iv, ct))) throw new FieldCryptoError('加密字段校验失败：数据被改动或密钥不一致', 'crypto_tampered');
    const decipher = createDecipheriv('sm4-cbc', this.encKey, iv);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  }

  /** null stays null; so callers can pass optional fields through. */
  encryptNullable(plain: string | null | undefined): string | null {
    return plain === null || plain === undefined || plain === '' ? null : this.encrypt(plain);
  }

  decryptNullable(stored: string | null): string | null {
    return stored === null ? null : this.decrypt(stored);
  }
}

const HEX_KEY = /^[0-9a-fA-F]{32}$/;

/** A 16-byte key kept outside the database: where it is found and what it is called in messages. */
export interface KeySpec {
  envName: string;
  fileName: string;
  /** "个人信息加密密钥", "审计检查点密钥" */
  label: string;
  /** What production refuses without the key, e.g. "拒绝保存个人信息". */
  refusal: string;
}

export const DATA_KEY_SPEC: KeySpec = { envName: 'QUNEI_DATA_KEY', fileName: KEY_FILE_NAME, label: '个人信息加密密钥', refusal: '拒绝保存个人信息' };

function parseHexKey(hex: string, where: string, label: string): Buffer {
  const k = hex.trim();
  if (!HEX_KEY.test(k)) throw new FieldCryptoError(`${where}中的${label}无效：应为 32 位十六进制字符（16 字节）`, 'crypto_key_invalid');
  return Buffer.from(k, 'hex');
}

/**
 * Finds a key: the environment variable, else `<dataDir>/<file>`; in demo mode the file is created when
 * missing. Production without either refuses with a message that says what to do.
 */
export function loadKey(spec: KeySpec, opts: { mode: Config['mode']; dataDir: string; envKey?: string | undefined }): Buffer {
  if (opts.envKey && opts.envKey.trim()) return parseHexKey(opts.envKey, `环境变量 ${spec.envName} `, spec.label);
  const file = path.join(opts.dataDir, spec.fileName);
  if (fs.existsSync(file)) return parseHexKey(fs.readFileSync(file, 'utf8'), `密钥文件 ${file} `, spec.label);
  if (opts.mode !== 'demo') {
    throw new FieldCryptoError(
      `未配置${spec.label}，${spec.refusal}：请设置环境变量 ${spec.envName}（32 位十六进制，例如 openssl rand -hex 16 的输出），或将密钥文件放在 ${file}（权限 0600）。密钥须保存在数据库之外并妥善备份。`,
      'crypto_key_missing',
    );
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const hex = randomBytes(16).toString('hex');
  try {
    fs.writeFileSync(file, `${hex}\n`, { flag: 'wx', mode: 0o600 });
    return Buffer.from(hex, 'hex');
  } catch (err) {
    // Another process created it at the same moment: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return parseHexKey(fs.readFileSync(file, 'utf8'), `密钥文件 ${file} `, spec.label);
    throw err;
  }
}

/** The personal-data master key: QUNEI_DATA_KEY, else `<dataDir>/data.key`. */
export function loadMasterKey(opts: { mode: Config['mode']; dataDir: string; envKey?: string | undefined }): Buffer {
  return loadKey(DATA_KEY_SPEC, opts);
}

const cache = new Map<string, FieldCrypto>();

/** The field cipher of this configuration (one per key source, built on first use). */
export function fieldCryptoFor(config: Pick<Config, 'mode' | 'dataDir'>, env: NodeJS.ProcessEnv = process.env): FieldCrypto {
  const envKey = env.QUNEI_DATA_KEY;
  const cacheKey = envKey ? `env:${envKey}` : `${config.mode}:${config.dataDir}`;
  let fc = cache.get(cacheKey);
  if (!fc) {
    fc = new FieldCrypto(loadMasterKey({ mode: config.mode, dataDir: config.dataDir, envKey }));
    cache.set(cacheKey, fc);
  }
  return fc;
}
