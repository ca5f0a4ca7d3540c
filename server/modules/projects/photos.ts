/**
 * Photos of progress reports: stored in the database (file_blob) so every instance and every backup has
 * them. Only JPEG, PNG and WebP up to 5 MB are accepted; the type is read from the bytes, not from the
 * browser's word; names are sanitised; the content is fingerprinted with SM3.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../platform/errors.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_REQUEST = 9;

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';
const EXT: Record<PhotoMime, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp' };

/** The image type from the first bytes, or null for anything else (SVG, GIF, HEIC, executables …). */
export function sniffImage(buf: Uint8Array): PhotoMime | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => buf[i] === b)) return 'image/png';
  if (buf.length >= 12 && ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

function ascii(buf: Uint8Array, from: number, to: number) {
  return String.fromCharCode(...buf.subarray(from, to));
}

/**
 * A safe display name: no directories, control or reserved characters, at most 80 characters, ending in the
 * extension of the detected type.
 */
export function sanitizeFileName(raw: string, mime: PhotoMime): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let stem = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.(jpe?g|png|webp|gif|bmp|heic)$/i, '')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (!stem) stem = '现场照片';
  const ext = EXT[mime];
  if (stem.length + ext.length > 80) stem = stem.slice(0, 80 - ext.length);
  return stem + ext;
}

export const sm3Hex = (data: Uint8Array): string => createHash('sm3').update(data).digest('hex');

export interface CheckedPhoto {
  name: string;
  mime: PhotoMime;
  size: number;
  hash: string;
  data: Buffer;
}

/** Validates one uploaded photo; throws 413 when too large and 415 when not a JPEG, PNG or WebP image. */
export function checkPhoto(data: Buffer, clientName: string): CheckedPhoto {
  const shown = (clientName || '照片').split(/[/\\]/).pop();
  if (data.length === 0) badRequest(`照片“${shown}”是空文件`, 'empty_file');
  if (data.length > MAX_PHOTO_BYTES) throw new AppError(413, 'too_large', `照片“${shown}”超过 5 MB，请压缩后再上传`);
  const mime = sniffImage(data);
  if (!mime) throw new AppError(415, 'unsupported_type', `照片“${shown}”不是 JPEG、PNG 或 WebP 图片`);
  return { name: sanitizeFileName(clientName, mime), mime, size: data.length, hash: sm3Hex(data), data };
}

export interface MultipartForm {
  fields: Record<string, string>;
  files: Array<{ fieldname: string; filename: string; data: Buffer }>;
}

/**
 * Reads a multipart form completely: text fields and files (at most 5 MB each, `maxFiles` in all). Size and
 * count limits become 413s with Chinese messages.
 */
export async function readMultipart(req: FastifyRequest, maxFiles = MAX_PHOTOS_PER_REQUEST): Promise<MultipartForm> {
  if (!req.isMultipart()) badRequest('请以 multipart/form-data 格式提交（含照片文件）', 'not_multipart');
  const fields: Record<string, string> = {};
  const files: MultipartForm['files'] = [];
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: maxFiles, fields: 30, fieldSize: 200_000, parts: maxFiles + 30 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.filename || data.length) files.push({ fieldname: part.fieldname, filename: part.filename, data });
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'too_large', '照片不能超过 5 MB，请压缩后再上传');
    if (code === 'FST_FILES_LIMIT') throw new AppError(413, 'too_many_files', `一次最多上传 ${maxFiles} 张照片`);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError(413, 'too_large', '表单内容过多');
    throw e;
  }
  return { fields, files };
}
