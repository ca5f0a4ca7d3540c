/**
 * Evidence files: photos (JPEG, PNG, WebP), PDF and office documents up to 10 MB, kept in file_blob so every
 * instance and every backup has them. The type is read from the bytes (the browser's word is not trusted),
 * names are sanitised, and the content is fingerprinted with SM3.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../platform/errors.js';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const KINDS = {
  jpg: { mime: 'image/jpeg', ext: '.jpg' },
  png: { mime: 'image/png', ext: '.png' },
  webp: { mime: 'image/webp', ext: '.webp' },
  pdf: { mime: 'application/pdf', ext: '.pdf' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: '.docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: '.xlsx' },
  doc: { mime: 'application/msword', ext: '.doc' },
  xls: { mime: 'application/vnd.ms-excel', ext: '.xls' },
} as const;
export type EvidenceKind = keyof typeof KINDS;

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const starts = (b: Uint8Array, bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);

/** The file's type from its first bytes (and, for office formats, its name), or null when not accepted. */
export function sniffEvidence(buf: Uint8Array, name: string): EvidenceKind | null {
  const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();
  if (starts(buf, [0xff, 0xd8, 0xff])) return 'jpg';
  if (starts(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (buf.length >= 12 && ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return 'webp';
  if (buf.length >= 5 && ascii(buf, 0, 5) === '%PDF-') return 'pdf';
  if (starts(buf, [0x50, 0x4b, 0x03, 0x04]) && Buffer.from(buf).includes('[Content_Types].xml')) {
    if (ext === 'docx' && Buffer.from(buf).includes('word/')) return 'docx';
    if (ext === 'xlsx' && Buffer.from(buf).includes('xl/')) return 'xlsx';
    return null;
  }
  if (starts(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (ext === 'doc') return 'doc';
    if (ext === 'xls') return 'xls';
  }
  return null;
}

export function sanitizeName(raw: string, kind: EvidenceKind): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let stem = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (!stem) stem = '佐证材料';
  const ext = KINDS[kind].ext;
  if (stem.length + ext.length > 80) stem = stem.slice(0, 80 - ext.length);
  return stem + ext;
}

export interface CheckedFile {
  name: string;
  mime: string;
  size: number;
  hash: string;
  data: Buffer;
}

/** Validates one evidence file: 413 when over 10 MB, 415 when not a photo, PDF or office document. */
export function checkEvidenceFile(data: Buffer, clientName: string): CheckedFile {
  const shown = (clientName || '文件').split(/[/\\]/).pop();
  if (data.length === 0) badRequest(`文件“${shown}”是空文件`, 'empty_file');
  if (data.length > MAX_EVIDENCE_BYTES) throw new AppError(413, 'too_large', `文件“${shown}”超过 10 MB，请压缩后再上传`);
  const kind = sniffEvidence(data, clientName);
  if (!kind) throw new AppError(415, 'unsupported_type', `文件“${shown}”的类型不受支持：只能上传 JPEG、PNG、WebP 图片，PDF，或 Word、Excel 文档`);
  return { name: sanitizeName(clientName, kind), mime: KINDS[kind].mime, size: data.length, hash: createHash('sm3').update(data).digest('hex'), data };
}

export interface EvidenceForm {
  fields: Record<string, string>;
  file: { filename: string; data: Buffer } | null;
}

/** Reads a multipart form: text fields and at most one file (field `file`), 10 MB at most. */
export async function readEvidenceForm(req: FastifyRequest): Promise<EvidenceForm> {
  const fields: Record<string, string> = {};
  let file: EvidenceForm['file'] = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 10, fieldSize: 10_000, parts: 11 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.filename || data.length) file = { filename: part.filename, data };
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'too_large', '文件不能超过 10 MB，请压缩后再上传');
    if (code === 'FST_FILES_LIMIT') throw new AppError(413, 'too_many_files', '一次只能上传一个文件');
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError(413, 'too_large', '表单内容过多');
    throw e;
  }
  return { fields, file };
}
