/** The uploaded import file: multipart/form-data (fields sessionId, createMissingDeputies, file) or JSON with base64. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, badRequest } from '../../../platform/errors.js';
import { readForm, shownName } from '../../../platform/files/intake.js';

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
    const form = await readForm(req, { maxFileBytes: MAX_IMPORT_BYTES, maxFiles: 1, maxFieldBytes: 1000, tooLarge: '导入文件不能超过 10 MB', tooMany: '一次只能导入一个文件' });
    const fields = form.fields;
    const file = form.files.find((f) => f.fieldname === 'file');
    if (!fields.sessionId) badRequest('请选择届次', 'validation_failed');
    if (!file) badRequest('请选择要导入的 Excel 文件', 'validation_failed');
    return { sessionId: fields.sessionId, createMissingDeputies: truthy(fields.createMissingDeputies), fileName: shownName(file!.filename, '导入.xlsx'), data: file!.data };
  }
  const parsed = JsonUpload.safeParse(req.body ?? {});
  if (!parsed.success) badRequest(`输入有误：${parsed.error.issues.map((i) => i.message).join('；')}`, 'validation_failed');
  const b = parsed.data!;
  const data = Buffer.from(b.contentBase64, 'base64');
  if (data.length > MAX_IMPORT_BYTES) throw new AppError(413, 'too_large', '导入文件不能超过 10 MB');
  return { sessionId: b.sessionId, createMissingDeputies: b.createMissingDeputies, fileName: shownName(b.fileName, '导入.xlsx'), data };
}
