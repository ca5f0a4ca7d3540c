import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, badRequest } from '../../platform/errors.js';
import { readForm, shownName } from '../../platform/files/intake.js';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface Upload {
  fileName: string;
  data: Buffer;
}

/** The same upload as JSON, for scripts: the file's bytes in base64. */
export const UploadJson = z.object({
  fileName: z.string().trim().min(1, '缺少文件名').max(200, '文件名过长'),
  contentBase64: z.string().min(1, '文件内容为空').max(Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 8, '文件不能超过 10 MB'),
}).nullish();

/** Route body limit that lets a 10 MB file through as base64 JSON. */
export const UPLOAD_BODY_LIMIT = Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 64 * 1024;

/**
 * The uploaded file, from a multipart form or from JSON; read only when the service asks for it (after its
 * policy check). The services check its kind from the bytes (platform/files/intake.ts).
 */
export function uploadOf(req: FastifyRequest, json: z.infer<typeof UploadJson>): () => Promise<Upload> {
  return async () => {
    if (req.isMultipart()) return readUpload(req);
    if (!json) badRequest('请上传文件（multipart/form-data 的 file 字段）', 'no_file');
    const data = Buffer.from(json!.contentBase64, 'base64');
    if (data.length > MAX_DOCUMENT_BYTES) throw new AppError(413, 'too_large', '文件不能超过 10 MB');
    if (data.length === 0) badRequest('文件内容为空', 'no_file');
    return { fileName: json!.fileName, data };
  };
}

/** One uploaded file from a multipart form (field `file`), at most 10 MB; 400/413 with Chinese messages. */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  const form = await readForm(req, { maxFileBytes: MAX_DOCUMENT_BYTES, maxFiles: 1, tooLarge: '文件不能超过 10 MB', tooMany: '一次只能上传一个文件' });
  const file = form.files[0];
  if (!file || file.data.length === 0) badRequest('请选择要上传的文件', 'no_file');
  return { fileName: file.filename ?? '', data: file.data };
}

/** The name as shown back to the user: no path, no control characters, not overly long. */
export const displayName = (name: string) => shownName(name, '未命名文件');
