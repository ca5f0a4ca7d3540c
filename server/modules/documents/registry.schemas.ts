import { z } from 'zod';

export const DOC_NUMBER_STATES = ['allocated', 'reserved', 'voided', 'manual'] as const;
export const DOC_NUMBER_STATE_LABELS: Record<(typeof DOC_NUMBER_STATES)[number], string> = {
  allocated: '已取号',
  reserved: '预留',
  voided: '已作废',
  manual: '手工登记',
};

const Prefix = z.string().trim().min(1, '请选择发文字号前缀').max(20, '发文字号前缀不能超过 20 个字');
const Year = z.coerce.number({ message: '年份应为四位数字' }).int('年份应为四位数字').min(1949, '年份不能早于 1949 年').max(2100, '年份不能晚于 2100 年');
const Title = z.string().trim().min(2, '请填写文件标题（至少 2 个字）').max(200, '文件标题不能超过 200 个字');
const Note = z.string().trim().max(200, '备注不能超过 200 个字');
const Version = z.number({ message: '缺少版本号' }).int().positive();

export const DocNumberView = z.object({
  id: z.string(),
  prefix: z.string(),
  year: z.number(),
  serial: z.number(),
  number: z.string(),
  state: z.enum(DOC_NUMBER_STATES),
  stateLabel: z.string(),
  voidedFrom: z.string().nullable(),
  title: z.string().nullable(),
  refType: z.string().nullable(),
  refId: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  note: z.string().nullable(),
  voidReason: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  voidedByName: z.string().nullable(),
  voidedAt: z.string().nullable(),
  version: z.number(),
});
export type DocNumberViewT = z.infer<typeof DocNumberView>;

export const PrefixListView = z.object({
  currentYear: z.number(),
  prefixes: z.array(z.object({
    prefix: z.string(),
    units: z.array(z.object({ id: z.string(), name: z.string() })),
    years: z.array(z.object({ year: z.number(), count: z.number(), nextSerial: z.number() })),
    canManage: z.boolean(),
  })),
});

export const RegistryQuery = z.object({ prefix: Prefix, year: Year });
export const RegistryView = z.object({
  prefix: z.string(),
  year: z.number(),
  nextSerial: z.number(),
  nextNumber: z.string(),
  canManage: z.boolean(),
  counts: z.record(z.string(), z.number()),
  items: z.array(DocNumberView),
});

export const AllocateBody = z.object({ prefix: Prefix, year: Year.optional(), title: Title, note: Note.optional() });
export const ReserveBody = z.object({
  prefix: Prefix,
  year: Year.optional(),
  count: z.number({ message: '请填写预留数量' }).int('预留数量应为整数').min(1, '至少预留 1 个号').max(20, '一次最多预留 20 个号'),
  note: Note.optional(),
});
export const ManualBody = z.object({
  number: z.string().trim().min(1, '请填写发文字号').max(40, '发文字号过长'),
  title: Title,
  note: Note.optional(),
});
export const UseBody = z.object({ version: Version, title: Title });
export const VoidBody = z.object({ version: Version, reason: z.string().trim().min(2, '请填写作废原因（至少 2 个字）').max(200, '作废原因不能超过 200 个字') });
