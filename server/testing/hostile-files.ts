/**
 * Hostile uploads, generated when a test asks for them (nothing large is committed): every upload route is
 * tested with these (server/testing/hostile-uploads.test.ts). Each comes as a .docx or an .xlsx, the package's
 * main part named as the format has it, so a reader that trusts the directory reaches the hostile part.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export type OfficeKind = 'docx' | 'xlsx';

export interface HostileFile {
  key: string;
  /** What it is, for test names. */
  what: string;
  fileName: string;
  data: Buffer;
}

const MAIN: Record<OfficeKind, string> = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml' };
const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

interface RawEntry {
  name: string;
  /** Stored bytes (already deflated when method is 8). */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  /** Uncompressed size as declared in both headers. */
  size: number;
}

const stored = (name: string, content: string | Buffer): RawEntry => {
  const b = Buffer.from(content);
  return { name, data: b, method: 0, crc: crc32(b) >>> 0, size: b.length };
};

/**
 * A ZIP of these entries, written field by field so that sizes, counts and offsets can lie. `centralFor`
 * lets a test list directory records that point anywhere; `countField` overrides the entry count of the end
 * record (which holds 16 bits).
 */
function writeZip(entries: RawEntry[], opts: { central?: Array<{ entry: RawEntry; offset: number; name: string }>; countField?: number } = {}): Buffer {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    chunks.push(h, name, e.data);
    offset += 30 + name.length + e.data.length;
  }
  const records = opts.central ?? entries.map((entry, i) => ({ entry, offset: offsets[i], name: entry.name }));
  const dirStart = offset;
  for (const r of records) {
    const name = Buffer.from(r.name, 'utf8');
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(20, 6);
    h.writeUInt16LE(0x0800, 8);
    h.writeUInt16LE(r.entry.method, 10);
    h.writeUInt32LE(r.entry.crc, 16);
    h.writeUInt32LE(r.entry.data.length, 20);
    h.writeUInt32LE(r.entry.size, 24);
    h.writeUInt16LE(name.length, 28);
    h.writeUInt32LE(r.offset, 42);
    chunks.push(h, name);
    offset += 46 + name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = opts.countField ?? records.length;
  end.writeUInt16LE(count & 0xffff, 8);
  end.writeUInt16LE(count & 0xffff, 10);
  end.writeUInt32LE(offset - dirStart, 12);
  end.writeUInt32LE(dirStart, 16);
  chunks.push(end);
  return Buffer.concat(chunks);
}

/** `bytes` of repeated XML-ish text, deflated; the stream is built from a 1 MB block so it costs little. */
function deflatedRepeat(bytes: number): { data: Buffer; crc: number } {
  const block = Buffer.alloc(1024 * 1024, '<w:t>炸</w:t>');
  const whole = Buffer.alloc(bytes);
  for (let at = 0; at < bytes; at += block.length) block.copy(whole, at, 0, Math.min(block.length, bytes - at));
  return { data: deflateRawSync(whole, { level: 9 }), crc: crc32(whole) >>> 0 };
}

let bombCache: { data: Buffer; crc: number } | undefined;
const BOMB_BYTES = 100 * 1024 * 1024;

/** The main part inflating to 100 MB from about 100 KB, declared honestly. */
export function zipBomb(kind: OfficeKind): Buffer {
  bombCache ??= deflatedRepeat(BOMB_BYTES);
  return writeZip([stored('[Content_Types].xml', CONTENT_TYPES), { name: MAIN[kind], data: bombCache.data, method: 8, crc: bombCache.crc, size: BOMB_BYTES }]);
}

/** The same stream, its directory claiming the part is 2 KB: only a reader that bounds inflation is safe. */
export function lyingSizeBomb(kind: OfficeKind): Buffer {
  bombCache ??= deflatedRepeat(BOMB_BYTES);
  return writeZip([stored('[Content_Types].xml', CONTENT_TYPES), { name: MAIN[kind], data: bombCache.data, method: 8, crc: 0, size: 2048 }]);
}

/** 100,000 empty entries (the 16-bit count field wraps, as a naive writer leaves it). */
export function manyEntries(kind: OfficeKind, count = 100_000): Buffer {
  const entries = [stored('[Content_Types].xml', CONTENT_TYPES), stored(MAIN[kind], '<x/>')];
  for (let i = 0; i < count - 2; i++) entries.push(stored(`p/${i.toString(36)}`, ''));
  return writeZip(entries);
}

/**
 * Overlapping entries: many directory records share one compressed body (each looks small and honest, so the
 * package inflates to many times what its bytes suggest), and a nested zip is stored as the main part.
 */
export function overlappingEntries(kind: OfficeKind, copies = 40): Buffer {
  const body = deflatedRepeat(1024 * 1024);
  const shared: RawEntry = { name: MAIN[kind], data: body.data, method: 8, crc: body.crc, size: 1024 * 1024 };
  const types = stored('[Content_Types].xml', CONTENT_TYPES);
  const sharedOffset = 30 + Buffer.byteLength(types.name) + types.data.length;
  const central = [{ entry: types, offset: 0, name: types.name }];
  for (let i = 0; i < copies; i++) central.push({ entry: shared, offset: sharedOffset, name: i === 0 ? MAIN[kind] : `${MAIN[kind]}.${i}` });
  return writeZip([types, shared], { central });
}

/** A ZIP inside the main part, 20 levels deep. */
export function nestedZip(kind: OfficeKind, depth = 20): Buffer {
  let inner: Buffer = zipBomb(kind);
  for (let i = 0; i < depth; i++) inner = writeZip([stored('[Content_Types].xml', CONTENT_TYPES), stored(MAIN[kind], inner)]);
  return inner;
}

export const PNG_1X1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** Every hostile file for an upload of this kind (the name says .docx or .xlsx; the bytes say otherwise). */
export function hostileFiles(kind: OfficeKind): HostileFile[] {
  const ext = `.${kind}`;
  return [
    { key: 'bomb', what: 'a zip bomb (100 MB part from ~100 KB)', fileName: `答复${ext}`, data: zipBomb(kind) },
    { key: 'lying', what: 'a part whose declared size lies', fileName: `答复${ext}`, data: lyingSizeBomb(kind) },
    { key: 'many', what: '100,000 entries', fileName: `答复${ext}`, data: manyEntries(kind) },
    { key: 'overlap', what: 'overlapping entries', fileName: `答复${ext}`, data: overlappingEntries(kind) },
    { key: 'nested', what: 'nested zips', fileName: `答复${ext}`, data: nestedZip(kind) },
    { key: 'notzip', what: `text named ${ext}`, fileName: `答复${ext}`, data: Buffer.from('这不是压缩包，只是一段文字。'.repeat(50)) },
    { key: 'png', what: `a PNG named ${ext}`, fileName: `答复${ext}`, data: PNG_1X1 },
    { key: 'empty', what: 'an empty file', fileName: `答复${ext}`, data: Buffer.alloc(0) },
    {
      key: 'hugename',
      what: 'a huge name with path parts and control characters',
      fileName: `${'../'.repeat(200)}C:\\Windows\\${'长'.repeat(3000)}\u0000\u202e\u0007${ext}`,
      data: Buffer.from('MZ\x90\x00 not an office file'),
    },
  ];
}
