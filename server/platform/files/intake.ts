/**
 * File intake for every upload route: the multipart form read within limits, the file's type from its bytes
 * (never from its name or the browser's word), a safe display name, and the SM3 fingerprint. Each module passes
 * its own rule (which kinds, how large, what the file is called in messages). ZIP-based kinds (.docx, .xlsx)
 * have their central directory checked here against the archive limits; reading their contents goes through
 * `openArchive`, which bounds inflation too.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../errors.js';
import { isZip, listArchive, OFFICE_LIMITS } from './archive.js';

export const FILE_KINDS = {
  jpg: { mime: 'image/jpeg', ext: '.jpg' },
  png: { mime: 'image/png', ext: '.png' },
  webp: { mime: 'image/webp', ext: '.webp' },
  pdf: { mime: 'application/pdf', ext: '.pdf' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: '.docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: '.xlsx' },
  doc: { mime: 'application/msword', ext: '.doc' },
  xls: { mime: 'application/vnd.ms-excel', ext: '.xls' },
  txt: { mime: 'text/plain; charset=utf-8', ext: '.txt' },
  md: { mime: 'text/markdown; charset=utf-8', ext: '.md' },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export const sm3Hex = (data: Uint8Array): string => createHash('sm3').update(data).digest('hex');

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const starts = (b: Uint8Array, bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const extOf = (name: string) => (/\.([a-z0-9]+)$/i.exec(name ?? '')?.[1] ?? '').toLowerCase();

/**
 * The kind the bytes show, or null. A ZIP is a .docx or .xlsx by the parts it holds (its directory checked
 * against the archive limits: a hostile one is a 413/415 here). Two kinds have no distinguishing bytes and
 * take the name as a tie-breaker only: an OLE compound file is .doc or .xls, and text (no NUL bytes, or a
 * UTF-16 byte-order mark) is .txt or .md — and text only counts as text under a text name.
 */
export function sniffKind(data: Buffer, name: string): FileKind | null {
  const ext = extOf(name);
  if (starts(data, [0xff, 0xd8, 0xff])) return 'jpg';
  if (starts(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (data.length >= 12 && ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') return 'webp';
  if (data.length >= 5 && ascii(data, 0, 5) === '%PDF-') return 'pdf';
  if (isZip(data)) {
    const names = new Set(listArchive(data, OFFICE_LIMITS).map((e) => e.name));
    if (!names.has('[Content_Types].xml')) return null;
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('xl/workbook.xml')) return 'xlsx';
    return null;
  }
  if (starts(data, OLE)) return ext === 'doc' ? 'doc' : ext === 'xls' ? 'xls' : null;
  if (ext === 'txt' || ext === 'md' || ext === 'markdown') {
    const head = data.subarray(0, 64 * 1024);
    const utf16 = starts(head, [0xff, 0xfe]) || starts(head, [0xfe, 0xff]);
    if (utf16 || !head.includes(0)) return ext === 'txt' ? 'txt' : 'md';
  }
  return null;
}

/** Extensions dropped from a name before the detected kind's own is added (others stay visible: x.exe.png). */
const KNOWN_EXT = /\.(jpe?g|png|webp|gif|bmp|heic|pdf|docx?|xlsx?|txt|md|markdown)$/i;

/**
 * A safe display name: no directories, control, reserved or bidirectional-override characters, at most
 * `maxLength` characters, ending in the extension of the detected kind (whatever the name claimed).
 */
export function sanitizeFileName(raw: string, kind: FileKind, fallback = '文件', maxLength = 80): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let stem = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(KNOWN_EXT, '')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (!stem) stem = fallback;
  const ext = FILE_KINDS[kind].ext;
  const chars = [...stem];
  if (chars.length + ext.length > maxLength) stem = chars.slice(0, maxLength - ext.length).join('');
  return stem + ext;
}

/** The name as a message shows it: its last path part, without control characters, cut short. */
export function shownName(raw: string | undefined, fallback: string): string {
  const base = ((raw ?? '').split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const chars = [...base];
  return chars.length === 0 ? fallback : chars.length > 40 ? `${chars.slice(0, 37).join('')}…` : base;
}

export interface FileRule {
  kinds: readonly FileKind[];
  maxBytes: number;
  /** What the file is called in messages: 照片, 文件, 导入文件. */
  label: string;
  /** The accepted kinds in words, for the 415: 「JPEG、PNG 或 WebP 图片」. */
  kindsLabel: string;
  /** The stem of a name that had none left after sanitising. */
  fallbackName?: string;
}

export interface CheckedFile {
  name: string;
  kind: FileKind;
  mime: string;
  size: number;
  /** SM3 of the content, hex. */
  hash: string;
  data: Buffer;
}

export const mbLabel = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Validates one uploaded file against a module's rule: 400 empty, 413 too large, 415 not an accepted kind. */
export function checkFile(data: Buffer, clientName: string, rule: FileRule): CheckedFile {
  const shown = shownName(clientName, rule.label);
  if (data.length === 0) badRequest(`${rule.label}“${shown}”是空文件`, 'empty_file');
  if (data.length > rule.maxBytes) throw new AppError(413, 'too_large', `${rule.label}“${shown}”超过 ${mbLabel(rule.maxBytes)}，请压缩后再上传`);
  // A ZIP where no ZIP-based kind is taken is refused as it is, its directory not even read.
  const zipTaken = rule.kinds.includes('docx') || rule.kinds.includes('xlsx');
  const kind = isZip(data) && !zipTaken ? null : sniffKind(data, clientName);
  if (!kind || !rule.kinds.includes(kind)) {
    throw new AppError(415, 'unsupported_type', `${rule.label}“${shown}”的类型不受支持：只能上传${rule.kindsLabel}`);
  }
  return { name: sanitizeFileName(clientName, kind, rule.fallbackName ?? rule.label), kind, mime: FILE_KINDS[kind].mime, size: data.length, hash: sm3Hex(data), data };
}

export interface FormLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxFields?: number;
  maxFieldBytes?: number;
  /** Messages for the 413s. */
  tooLarge: string;
  tooMany: string;
  /** The 400 when the request is not multipart; omit to allow it (the caller then reads nothing). */
  notMultipart?: string;
}

export interface UploadedPart {
  fieldname: string;
  filename: string;
  data: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string>;
  files: UploadedPart[];
}

/**
 * Reads a multipart form completely: text fields and files within the limits (the stream is cut at the first
 * byte over `maxFileBytes`, so an oversized file is never held). Limits become 413s with Chinese messages.
 */
export async function readForm(req: FastifyRequest, limits: FormLimits): Promise<MultipartForm> {
  if (!req.isMultipart()) badRequest(limits.notMultipart ?? '请以 multipart/form-data 格式上传文件', 'not_multipart');
  const fields: Record<string, string> = {};
  const files: UploadedPart[] = [];
  const maxFields = limits.maxFields ?? 10;
  try {
    for await (const part of req.parts({
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: maxFields, fieldSize: limits.maxFieldBytes ?? 10_000, parts: limits.maxFiles + maxFields },
    })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.filename || data.length) files.push({ fieldname: part.fieldname, filename: part.filename, data });
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'too_large', limits.tooLarge);
    if (code === 'FST_FILES_LIMIT') throw new AppError(413, 'too_many_files', limits.tooMany);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError(413, 'too_large', '表单内容过多');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_PROTO_VIOLATION') badRequest('上传的表单格式有误', 'bad_multipart');
    if (e instanceof AppError) throw e;
    // The parser's own complaints about a malformed body (a form cut short, a broken boundary) are the sender's.
    badRequest('上传的表单格式有误或不完整', 'bad_multipart');
  }
  return { fields, files };
}
