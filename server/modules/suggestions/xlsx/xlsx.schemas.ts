import { z } from 'zod';

export const ImportReportView = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  sessionId: z.string(),
  sessionName: z.string(),
  fileName: z.string(),
  sheetName: z.string(),
  headerRow: z.number(),
  columns: z.array(z.object({ column: z.string(), header: z.string(), field: z.string().nullable(), fieldLabel: z.string().nullable() })),
  totalRows: z.number(),
  validRows: z.number(),
  errorRows: z.number(),
  deputiesToCreate: z.array(z.string()),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
  rows: z.array(z.object({
    row: z.number(), number: z.number().nullable(), title: z.string(), leadDeputy: z.string(), coSigners: z.array(z.string()),
    category: z.string(), kind: z.string(), bodyLength: z.number(), newDeputies: z.array(z.string()), errors: z.array(z.string()), warnings: z.array(z.string()),
  })),
  imported: z.number(),
});
