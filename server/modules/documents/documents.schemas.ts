import { z } from 'zod';

export const IdParams = z.object({ id: z.string().min(1).max(64) });

export const ReplyDocumentInfo = z.object({
  replyId: z.string(),
  replyState: z.string(),
  version: z.number(),
  title: z.string(),
  docNumber: z.string().nullable(),
  unit: z.object({ id: z.string(), name: z.string(), docPrefix: z.string().nullable() }),
  mode: z.enum(['joint', 'per_deputy']),
  deputies: z.array(z.object({ id: z.string(), name: z.string() })),
  canTakeNumber: z.boolean(),
  numberHint: z.string().nullable(),
  reservedNumbers: z.array(z.object({ id: z.string(), number: z.string(), note: z.string().nullable() })),
  pdfAvailable: z.boolean(),
});

export const TakeNumberBody = z.object({
  version: z.number({ message: '缺少版本号' }).int().positive(),
  numberId: z.string().min(1).max(64).optional(),
});

export const DocxQuery = z.object({
  mode: z.enum(['joint', 'per_deputy'], { message: 'mode 应为 joint（联合答复）或 per_deputy（逐人答复）' }).optional(),
  deputy: z.string().min(1).max(64).optional(),
});
export const PdfQuery = z.object({ deputy: z.string().min(1).max(64).optional() });

export const CheckResult = z.object({
  fileName: z.string(),
  size: z.number(),
  ok: z.boolean(),
  checkedAt: z.string(),
  issues: z.array(z.object({ code: z.string(), message: z.string(), where: z.string() })),
});
