/**
 * Draws small demo "site photos" as PNG files with nothing but node:zlib: a sky, the ground, a building at
 * the height its progress suggests, a crane, and a label that says DEMO so nobody mistakes it for a real
 * photograph.
 */
import { deflateSync } from 'node:zlib';

type Rgb = [number, number, number];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export class Canvas {
  readonly px: Uint8Array;
  constructor(readonly width: number, readonly height: number, bg: Rgb = [255, 255, 255]) {
    this.px = new Uint8Array(width * height * 3);
    this.rect(0, 0, width, height, bg);
  }

  set(x: number, y: number, c: Rgb) {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 3;
    this.px[i] = c[0];
    this.px[i + 1] = c[1];
    this.px[i + 2] = c[2];
  }

  rect(x: number, y: number, w: number, h: number, c: Rgb) {
    for (let j = Math.max(0, y); j < Math.min(this.height, y + h); j++) for (let i = Math.max(0, x); i < Math.min(this.width, x + w); i++) this.set(i, j, c);
  }

  line(x0: number, y0: number, x1: number, y1: number, c: Rgb, thick = 2) {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    for (let s = 0; s <= steps; s++) {
      const x = Math.round(x0 + ((x1 - x0) * s) / steps);
      const y = Math.round(y0 + ((y1 - y0) * s) / steps);
      this.rect(x - (thick >> 1), y - (thick >> 1), thick, thick, c);
    }
  }

  text(s: string, x: number, y: number, scale: number, c: Rgb) {
    let cx = x;
    for (const ch of s.toUpperCase()) {
      const g = FONT[ch] ?? FONT[' '];
      g.forEach((row, j) => {
        for (let i = 0; i < 5; i++) if (row & (1 << (4 - i))) this.rect(cx + i * scale, y + j * scale, scale, scale, c);
      });
      cx += 6 * scale;
    }
  }

  png(): Buffer {
    const raw = Buffer.alloc((this.width * 3 + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (this.width * 3 + 1)] = 0;
      Buffer.from(this.px.buffer, this.px.byteOffset + y * this.width * 3, this.width * 3).copy(raw, y * (this.width * 3 + 1) + 1);
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(this.width, 0);
    ihdr.writeUInt32BE(this.height, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // truecolour RGB
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
  }
}

// 5×7 glyphs, one number per row, bit 4 = leftmost column.
const FONT: Record<string, number[]> = {
  ' ': [0, 0, 0, 0, 0, 0, 0],
  '-': [0, 0, 0, 31, 0, 0, 0],
  '.': [0, 0, 0, 0, 0, 12, 12],
  ':': [0, 12, 12, 0, 12, 12, 0],
  '%': [24, 25, 2, 4, 8, 19, 3],
  '/': [1, 2, 2, 4, 8, 8, 16],
  '0': [14, 17, 19, 21, 25, 17, 14],
  '1': [4, 12, 4, 4, 4, 4, 14],
  '2': [14, 17, 1, 2, 4, 8, 31],
  '3': [30, 1, 1, 14, 1, 1, 30],
  '4': [2, 6, 10, 18, 31, 2, 2],
  '5': [31, 16, 30, 1, 1, 17, 14],
  '6': [6, 8, 16, 30, 17, 17, 14],
  '7': [31, 1, 2, 4, 8, 8, 8],
  '8': [14, 17, 17, 14, 17, 17, 14],
  '9': [14, 17, 17, 15, 1, 2, 12],
  A: [14, 17, 17, 31, 17, 17, 17],
  B: [30, 17, 17, 30, 17, 17, 30],
  C: [14, 17, 16, 16, 16, 17, 14],
  D: [30, 17, 17, 17, 17, 17, 30],
  E: [31, 16, 16, 30, 16, 16, 31],
  F: [31, 16, 16, 30, 16, 16, 16],
  G: [14, 17, 16, 23, 17, 17, 15],
  H: [17, 17, 17, 31, 17, 17, 17],
  I: [14, 4, 4, 4, 4, 4, 14],
  K: [17, 18, 20, 24, 20, 18, 17],
  L: [16, 16, 16, 16, 16, 16, 31],
  M: [17, 27, 21, 21, 17, 17, 17],
  N: [17, 25, 21, 19, 17, 17, 17],
  O: [14, 17, 17, 17, 17, 17, 14],
  P: [30, 17, 17, 30, 16, 16, 16],
  R: [30, 17, 17, 30, 20, 18, 17],
  S: [15, 16, 16, 14, 1, 1, 30],
  T: [31, 4, 4, 4, 4, 4, 4],
  U: [17, 17, 17, 17, 17, 17, 14],
  V: [17, 17, 17, 17, 17, 10, 4],
  W: [17, 17, 17, 21, 21, 21, 10],
  X: [17, 17, 10, 4, 10, 17, 17],
  Y: [17, 17, 10, 4, 4, 4, 4],
};

export interface DemoPhotoSpec {
  /** e.g. 2024-08-22 */
  date: string;
  /** Component progress 0–100: decides how much building there is. */
  percent: number;
  /** A few ASCII letters naming the building, e.g. GYM, DORM. */
  code: string;
  /** Hue family of the building. */
  tint?: Rgb;
}

/** A 640×400 PNG that reads “DEMO PHOTO”, the date, the building code and its per cent. */
export function demoSitePhoto(spec: DemoPhotoSpec): Buffer {
  const W = 640;
  const H = 400;
  const c = new Canvas(W, H);
  for (let y = 0; y < 260; y++) c.rect(0, y, W, 1, [150 + Math.round((y / 260) * 70), 195 + Math.round((y / 260) * 40), 235]);
  c.rect(0, 260, W, 140, [176, 142, 98]);
  c.rect(0, 260, W, 6, [140, 110, 75]);
  const tint = spec.tint ?? [120, 130, 150];
  const pct = Math.max(0, Math.min(100, spec.percent));
  // Excavation: a pit that grows with the first per cents; then foundations; then floors.
  // Until the backfill (about 30%) the foundation pit stays open.
  if (pct < 30) c.rect(130, 266, Math.round(380 * Math.min(1, pct / 8 + 0.15)), 60, [120, 92, 60]);
  if (pct >= 10) c.rect(130, 250, 380, 16, [160, 160, 160]);
  const floors = pct <= 30 ? 0 : Math.min(6, Math.ceil(((pct - 30) / 45) * 6));
  for (let f = 0; f < floors; f++) {
    const y = 250 - (f + 1) * 34;
    c.rect(150, y, 340, 34, tint);
    c.rect(150, y, 340, 3, [90, 90, 90]);
    for (let wx = 165; wx < 480; wx += 45) c.rect(wx, y + 10, 24, 16, [200, 225, 245]);
  }
  // A tower crane.
  c.rect(540, 40, 10, 220, [230, 170, 30]);
  c.line(420, 48, 630, 48, [230, 170, 30], 6);
  c.line(545, 40, 470, 48, [230, 170, 30], 2);
  c.line(470, 52, 470, 120, [60, 60, 60], 2);
  c.rect(462, 120, 16, 10, [90, 90, 90]);
  // The label: never to be taken for a real photograph.
  c.rect(16, 16, 300, 96, [255, 255, 255]);
  c.rect(16, 16, 300, 4, [180, 35, 42]);
  c.text('DEMO PHOTO', 28, 30, 4, [180, 35, 42]);
  c.text(`${spec.date}  ${spec.code}`, 28, 70, 2, [40, 40, 40]);
  c.text(`${Math.round(pct)}%`, 28, 90, 2, [40, 40, 40]);
  return c.png();
}
