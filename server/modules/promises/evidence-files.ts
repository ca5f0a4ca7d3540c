/**
 * Evidence files: photos (JPEG, PNG, WebP), PDF and office documents up to 10 MB, kept in file_blob so every
 * instance and every backup has them. Intake (platform/files) reads the type from the bytes (the browser's
 * word is not trusted; a .docx or .xlsx has its archive directory checked), sanitises names and fingerprints
 * the content with SM3.
 */
import type { FastifyRequest } from 'fastify';
import { verifyArchiveInWorker } from '../../platform/files/archive.js';
import { checkFile, readForm, type CheckedFile, type FileRule } from '../../platform/files/intake.js';

export type { CheckedFile } from '../../platform/files/intake.js';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export const EVIDENCE_RULE: FileRule = {
  kinds: ['jpg', 'png', 'webp', 'pdf', 'docx', 'xlsx', 'doc', 'xls'],
  maxBytes: MAX_EVIDENCE_BYTES,
  label: '文件',
  kindsLabel: ' JPEG、PNG、WebP 图片，PDF，或 Word、Excel 文档',
  fallbackName: '佐证材料',
};

/**
 * Validates one evidence file: 413 when over 10 MB, 415 when not a photo, PDF or office document. A .docx or
 * .xlsx is stored as it came but only once its whole package inflates within the archive limits (a lying size
 * is caught here, not by whoever opens the file later).
 */
export async function checkEvidenceFile(data: Buffer, clientName: string): Promise<CheckedFile> {
  const file = checkFile(data, clientName, EVIDENCE_RULE);
  if (file.kind === 'docx' || file.kind === 'xlsx') await verifyArchiveInWorker(file.data);
  return file;
}

export interface EvidenceForm {
  fields: Record<string, string>;
  file: { filename: string; data: Buffer } | null;
}

/** Reads a multipart form: text fields and at most one file (field `file`), 10 MB at most. */
export async function readEvidenceForm(req: FastifyRequest): Promise<EvidenceForm> {
  const form = await readForm(req, { maxFileBytes: MAX_EVIDENCE_BYTES, maxFiles: 1, tooLarge: '文件不能超过 10 MB，请压缩后再上传', tooMany: '一次只能上传一个文件' });
  const f = form.files[0];
  return { fields: form.fields, file: f ? { filename: f.filename, data: f.data } : null };
}
