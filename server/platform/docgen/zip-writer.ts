/**
 * A small ZIP writer for .docx packages: entries compressed once can be reused in every file (the constant
 * parts of a template), and the rest is compressed with Node's native zlib. Stored or DEFLATE entries, UTF-8
 * names, no ZIP64 (a reply is far below 4 GB).
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer;
}

/** Compresses one part; keep the result to put the same part in many files. */
export function zipEntry(name: string, content: string | Uint8Array): ZipEntry {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  return { name: Buffer.from(name, 'utf8'), crc: crc32(raw) >>> 0, size: raw.length, data: deflateRawSync(raw, { level: 6 }) };
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** The ZIP file of these entries, in this order. */
export function zipEntries(entries: ZipEntry[], when = new Date()): Buffer {
  const { time, date } = dosDateTime(when);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, e.name, e.data);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(UTF8_NAMES, 8);
    head.writeUInt16LE(DEFLATE, 10);
    head.writeUInt16LE(time, 12);
    head.writeUInt16LE(date, 14);
    head.writeUInt32LE(e.crc, 16);
    head.writeUInt32LE(e.data.length, 20);
    head.writeUInt32LE(e.size, 24);
    head.writeUInt16LE(e.name.length, 28);
    // extra, comment, disk, internal attributes: 0; external attributes: 0
    head.writeUInt32LE(offset, 42);
    central.push(head, e.name);
    offset += 30 + e.name.length + e.data.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
