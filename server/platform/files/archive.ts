/**
 * A ZIP reader for uploaded office files (.docx, .xlsx) that a hostile archive cannot blow up.
 *
 * Before anything is inflated the central directory is read and checked: the number of entries, each entry's
 * declared size, their sum and the declared compression ratio, that entries do not overlap or point outside the
 * file, and that only stored or DEFLATE entries without encryption or ZIP64 are present. Declared sizes can lie,
 * so inflation is bounded as well: zlib stops at the declared size (plus one byte, to see a lie), which is itself
 * within the per-entry limit; the real size must equal the declared one and the CRC must match. Refusals are
 * `AppError`s: 413 for too large, 415 for not a valid archive, with Chinese messages.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { AppError } from '../errors.js';
import { runInWorker } from './parse-pool.js';

export interface ArchiveLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Inflated bytes of all entries together. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed bytes of an entry, checked for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** Limits for .docx and .xlsx uploads: far above any real reply or import sheet, far below what hurts. */
export const OFFICE_LIMITS: ArchiveLimits = {
  maxEntries: 1000,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export interface ArchiveEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const invalid = (what: string): never => {
  throw new AppError(415, 'invalid_archive', `文件不是有效的 Office 文档（${what}），请用 Word 或 Excel 重新保存后上传`);
};
const tooLarge = (what: string): never => {
  throw new AppError(413, 'archive_too_large', `文件解压后过大（${what}），不予处理`);
};

export const isZip = (buf: Uint8Array) => buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;

/** The entries of the central directory, checked against the limits; nothing is inflated. */
export function listArchive(data: Buffer, limits: ArchiveLimits = OFFICE_LIMITS): ArchiveEntry[] {
  return scan(data, limits).entries;
}

function scan(data: Buffer, limits: ArchiveLimits): { entries: ArchiveEntry[]; starts: number[] } {
  if (!isZip(data)) invalid('不是 ZIP 格式');
  // End of central directory: 22 bytes plus a comment of at most 65535 bytes, searched from the end.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) invalid('找不到目录');
  if (data.readUInt16LE(eocd + 4) !== 0 || data.readUInt16LE(eocd + 6) !== 0) invalid('分卷压缩');
  const count = data.readUInt16LE(eocd + 10);
  const dirSize = data.readUInt32LE(eocd + 12);
  const dirOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) invalid('不支持 ZIP64');
  if (count > limits.maxEntries) tooLarge(`含 ${count} 个条目，最多 ${limits.maxEntries} 个`);
  if (dirOffset + dirSize > eocd) invalid('目录位置错误');
  const entries: ArchiveEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || data.readUInt32LE(p) !== 0x02014b50) invalid('目录损坏');
    const flags = data.readUInt16LE(p + 8);
    const method = data.readUInt16LE(p + 10);
    const crc = data.readUInt32LE(p + 16);
    const compressedSize = data.readUInt32LE(p + 20);
    const size = data.readUInt32LE(p + 24);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const offset = data.readUInt32LE(p + 42);
    const name = data.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (p > eocd) invalid('目录损坏');
    if (flags & 0x0001) invalid('文件已加密');
    if (method !== 0 && method !== 8) invalid(`不支持的压缩方式 ${method}`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) invalid('不支持 ZIP64');
    if (names.has(name)) invalid(`条目重复：${name.slice(0, 60)}`);
    names.add(name);
    if (size > limits.maxEntryBytes) tooLarge(`“${name.slice(0, 60)}”达 ${MB(size)}，单个部件最多 ${MB(limits.maxEntryBytes)}`);
    total += size;
    if (total > limits.maxTotalBytes) tooLarge(`合计超过 ${MB(limits.maxTotalBytes)}`);
    if (method === 0 && size !== compressedSize) invalid('条目大小不一致');
    if (size > limits.ratioFloorBytes && size > compressedSize * limits.maxRatio) tooLarge(`“${name.slice(0, 60)}”压缩比超过 ${limits.maxRatio} 倍`);
    entries.push({ name, method, crc, compressedSize, size, offset });
  }
  // Each entry's local header and data lie inside the file, before the directory, and overlap no other entry.
  const spans = entries.map((e) => {
    if (e.offset + 30 > dirOffset || data.readUInt32LE(e.offset) !== 0x04034b50) invalid('条目位置错误');
    const start = e.offset + 30 + data.readUInt16LE(e.offset + 26) + data.readUInt16LE(e.offset + 28);
    const end = start + e.compressedSize;
    if (end > dirOffset) invalid('条目超出文件范围');
    return { from: e.offset, start, end };
  });
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].from < sorted[i - 1].end) invalid('条目相互重叠');
  return { entries, starts: spans.map((s) => s.start) };
}

/** One entry's bytes, inflated no further than its declared size; a lie, a bad CRC or a bad stream is refused. */
function inflateEntry(data: Buffer, e: ArchiveEntry, start: number, limits: ArchiveLimits): Buffer {
  const raw = data.subarray(start, start + e.compressedSize);
  let out: Buffer;
  if (e.method === 0) out = raw;
  else {
    try {
      // One byte more than declared: a stream that yields it says its declared size was a lie.
      out = inflateRawSync(raw, { maxOutputLength: Math.min(e.size, limits.maxEntryBytes) + 1 });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') tooLarge(`“${e.name.slice(0, 60)}”实际大小与声明不符`);
      return invalid(`“${e.name.slice(0, 60)}”无法解压`);
    }
  }
  if (out.length !== e.size) {
    if (out.length > e.size) tooLarge(`“${e.name.slice(0, 60)}”实际大小与声明不符`);
    invalid(`“${e.name.slice(0, 60)}”大小与声明不符`);
  }
  if ((crc32(out) >>> 0) !== e.crc) invalid(`“${e.name.slice(0, 60)}”校验失败`);
  return out;
}

export interface Archive {
  entries: ArchiveEntry[];
  has(name: string): boolean;
  /** The inflated bytes of an entry, or undefined when there is none. */
  bytes(name: string): Buffer | undefined;
  /** The entry as UTF-8 text, or undefined when there is none. */
  text(name: string): string | undefined;
}

/**
 * Opens an archive: the directory is checked at once; entries are inflated when asked for, each within the
 * limits, and all inflated bytes together within `maxTotalBytes`. `inflateAll` inflates every entry now
 * (to prove the whole file safe before another library reads it).
 */
export function openArchive(data: Buffer, limits: ArchiveLimits = OFFICE_LIMITS, opts: { inflateAll?: boolean } = {}): Archive {
  const { entries, starts } = scan(data, limits);
  const byName = new Map(entries.map((e, i) => [e.name, { e, start: starts[i] }]));
  const cache = new Map<string, Buffer>();
  let inflated = 0;
  const bytes = (name: string) => {
    const hit = cache.get(name);
    if (hit) return hit;
    const found = byName.get(name);
    if (!found) return undefined;
    const out = inflateEntry(data, found.e, found.start, limits);
    inflated += out.length;
    if (inflated > limits.maxTotalBytes) tooLarge(`合计超过 ${MB(limits.maxTotalBytes)}`);
    cache.set(name, out);
    return out;
  };
  if (opts.inflateAll) {
    for (const e of entries) {
      bytes(e.name);
      cache.delete(e.name);
    }
    inflated = 0;
  }
  return {
    entries,
    has: (name) => byName.has(name),
    bytes,
    text: (name) => bytes(name)?.toString('utf8'),
  };
}

const XML_PART = /\.(xml|rels)$/i;
const looksLikeXml = (b: Buffer) => /^(\uFEFF)?\s*</.test(b.subarray(0, 64).toString('utf8'));

/**
 * Inflates every entry within the limits and keeps nothing: the whole package is proven safe (or refused).
 * Its XML parts must also look like XML (a ZIP stored as document.xml is not a document).
 */
export function verifyArchive(data: Buffer, limits: ArchiveLimits = OFFICE_LIMITS): { entries: number } {
  const archive = openArchive(data, limits);
  for (const e of archive.entries) {
    const b = archive.bytes(e.name)!;
    if (XML_PART.test(e.name) && b.length > 0 && !looksLikeXml(b)) invalid(`“${e.name.slice(0, 60)}”不是 XML`);
  }
  return { entries: archive.entries.length };
}

/** `verifyArchive` in a parse worker: up to `maxTotalBytes` of inflation does not hold up other requests. */
export async function verifyArchiveInWorker(data: Buffer, limits: ArchiveLimits = OFFICE_LIMITS): Promise<void> {
  await runInWorker(new URL('./archive.ts', import.meta.url).href, 'verifyArchive', [data, limits]);
}
