import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, badRequest } from '../../platform/errors.js';

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

/** The uploaded file, from a multipart form or from JSON; read only when the service asks for it (after its policy check). */
export function uploadOf(req: FastifyRequest, json: z.infer<typeof UploadJson>): () => Promise<Upload> {
  return async () => {
    if (req.isMultipart()) return readUpload(req);
    if (!json) badRequest('请上传文件（multipart/form-data 的 file 字段）', 'no_file');
    const data = Buffer.from(json!.contentBase64, 'base64');
    if (data.length > MAX_DOCUMENT_BYTES) throw new AppError(413, 'too_large', '文件不能超过 10 MB');
    if (data.length === 0) badRequest('文件内容为空', 'no_file');
    return { fileName: cleanName(json!.fileName), data };
  };
}

/** One uploaded file from a multipart form (field `file`), at most 10 MB; 400/413 with Chinese messages. */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) badRequest('请以 multipart/form-data 格式上传文件', 'not_multipart');
  let found: Upload | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, parts: 11 } })) {
      if (part.type !== 'file') continue;
      const data = await part.toBuffer();
      if (!found) found = { fileName: cleanName(part.filename), data };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'too_large', '文件不能超过 10 MB');
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError(413, 'too_many_files', '一次只能上传一个文件');
    throw e;
  }
  if (!found || found.data.length === 0) badRequest('请选择要上传的文件', 'no_file');
  return found!;
}

/** The name as shown back to the user: no path, no control characters. */
function cleanName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || '未命名文件';
}
