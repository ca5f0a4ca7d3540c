/**
 * Photos of progress reports: stored in the database (file_blob) so every instance and every backup has
 * them. Only JPEG, PNG and WebP up to 5 MB are accepted; intake (platform/files) reads the type from the
 * bytes, sanitises the name and fingerprints the content with SM3.
 */
import type { FastifyRequest } from 'fastify';
import { checkFile, readForm, sanitizeFileName as sanitize, sniffKind, type FileKind, type FileRule, type MultipartForm } from '../../platform/files/intake.js';

export { sm3Hex } from '../../platform/files/intake.js';
export type { MultipartForm } from '../../platform/files/intake.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_REQUEST = 9;

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';
const KIND_OF: Record<PhotoMime, FileKind> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

export const PHOTO_RULE: FileRule = { kinds: ['jpg', 'png', 'webp'], maxBytes: MAX_PHOTO_BYTES, label: '照片', kindsLabel: ' JPEG、PNG 或 WebP 图片', fallbackName: '现场照片' };

/** The image type from the first bytes, or null for anything else (SVG, GIF, HEIC, executables …). */
export function sniffImage(buf: Uint8Array): PhotoMime | null {
  const kind = sniffKind(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), '');
  return kind === 'jpg' ? 'image/jpeg' : kind === 'png' ? 'image/png' : kind === 'webp' ? 'image/webp' : null;
}

/** A safe display name, ending in the extension of the detected type. */
export const sanitizeFileName = (raw: string, mime: PhotoMime): string => sanitize(raw, KIND_OF[mime], '现场照片');

export interface CheckedPhoto {
  name: string;
  mime: PhotoMime;
  size: number;
  hash: string;
  data: Buffer;
}

/** Validates one uploaded photo; throws 413 when too large and 415 when not a JPEG, PNG or WebP image. */
export function checkPhoto(data: Buffer, clientName: string): CheckedPhoto {
  const f = checkFile(data, clientName, PHOTO_RULE);
  return { name: f.name, mime: f.mime as PhotoMime, size: f.size, hash: f.hash, data: f.data };
}

/**
 * Reads a multipart form completely: text fields and photos (at most 5 MB each, `maxFiles` in all). Size and
 * count limits become 413s with Chinese messages.
 */
export function readMultipart(req: FastifyRequest, maxFiles = MAX_PHOTOS_PER_REQUEST): Promise<MultipartForm> {
  return readForm(req, {
    maxFileBytes: MAX_PHOTO_BYTES, maxFiles, maxFields: 30, maxFieldBytes: 200_000,
    tooLarge: '照片不能超过 5 MB，请压缩后再上传', tooMany: `一次最多上传 ${maxFiles} 张照片`, notMultipart: '请以 multipart/form-data 格式提交（含照片文件）',
  });
}
