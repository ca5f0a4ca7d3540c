/** The uploaded import file: multipart/form-data (fields sessionId, createMissingDeputies, file) or JSON with base64. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, badRequest } from '../../../platform/errors.js';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export interface ImportUpload {
  sessionId: string;
  createMissingDeputies: boolean;
  fileName: string;
  data: Buffer;
}

const JsonUpload = z.object({
  sessionId: z.string({ message: '请选择届次' }).min(1, '请选择届次').max(64),
  createMissingDeputies: z.boolean().default(false),
  fileName: z.string().max(200).default('导入.xlsx'),
  contentBase64: z.string({ message: '请选择要导入的 Excel 文件' }).min(1, '请选择要导入的 Excel 文件').max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, '文件不能超过 10 MB'),
});

const truthy = (s: string | undefined) => s === 'true' || s === '1' || s === 'on';

export async function readImportUpload(req: FastifyRequest): Promise<ImportUpload> {
  if (req.isMultipart()) {
    const fields: Record<string, string> = {};
    let file: { name: string; data: Buffer } | null = null;
    try {
      for await (const part of req.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 1000 } })) {
        if (part.type === 'file') {
          const data = await part.toBuffer();
          if (part.fieldname === 'file') file = { name: part.filename || '导入.xlsx', data };
        } else {
          fields[part.fieldname] = String(part.value ?? '');
        }
      }
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'too_large', '导入文件不能超过 10 MB');
      if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw new AppError(413, 'too_large', '一次只能导入一个文件');
      throw e;
    }
    if (!fields.sessionId) badRequest('请选择届次', 'validation_failed');
    if (!file) badRequest('请选择要导入的 Excel 文件', 'validation_failed');
    return { sessionId: fields.sessionId, createMissingDeputies: truthy(fields.createMissingDeputies), fileName: file!.name, data: file!.data };
  }
  const parsed = JsonUpload.safeParse(req.body ?? {});
  if (!parsed.success) badRequest(`输入有误：${parsed.error.issues.map((i) => i.message).join('；')}`, 'validation_failed');
  const b = parsed.data!;
  const data = Buffer.from(b.contentBase64, 'base64');
  if (data.length > MAX_IMPORT_BYTES) throw new AppError(413, 'too_large', '导入文件不能超过 10 MB');
  return { sessionId: b.sessionId, createMissingDeputies: b.createMissingDeputies, fileName: b.fileName, data };
}
