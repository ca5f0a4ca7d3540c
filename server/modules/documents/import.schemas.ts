import { z } from 'zod';
import { isValidDate } from '../../../domain/calendar/dates.js';

const IsoDate = z.string({ message: '请填写日期' }).refine(isValidDate, { message: '日期无效，应为 YYYY-MM-DD 格式的真实日期，例如 2024-08-22' });
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`).nullable().optional();

export const IMPORT_STATES = ['closed', 'awaiting_feedback'] as const;
export const IMPORT_KINDS = ['建议', '议案转建议', '提案'] as const;
export const IMPORT_SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;

const ParsedPoint = z.object({ ordinal: z.number(), heading: z.string().nullable(), text: z.string() });
const FieldConfidence = z.object({ level: z.enum(['sure', 'unsure', 'missing']), reason: z.string().nullable() });
/** Per parsed field: read as written, a guess to check, or not found — with the reason in Chinese. */
const Confidence = z.object({
  docNumber: FieldConfidence, issuingOrgan: FieldConfidence, title: FieldConfidence, congress: FieldConfidence, session: FieldConfidence,
  suggestionNumber: FieldConfidence, proposers: FieldConfidence, subject: FieldConfidence, points: FieldConfidence, replyClass: FieldConfidence,
  date: FieldConfidence, contactPerson: FieldConfidence, contactPhone: FieldConfidence,
});
export const ParsedReplyView = z.object({
  docNumber: z.string().nullable(), issuingOrgan: z.string().nullable(), title: z.string().nullable(),
  congress: z.enum(['人大', '政协']).nullable(), session: z.string().nullable(), suggestionNumber: z.number().nullable(),
  proposers: z.array(z.string()), subject: z.string().nullable(), points: z.array(ParsedPoint), replyClass: z.string().nullable(),
  date: z.string().nullable(), contactPerson: z.string().nullable(), contactPhone: z.string().nullable(), confidence: Confidence,
});

export const ImportPreview = z.object({
  fileName: z.string(),
  /** The file's plain text (the first 50,000 characters), to check the fields against. */
  text: z.string(),
  parsed: ParsedReplyView,
  intro: z.string().nullable(),
  closing: z.string().nullable(),
  match: z.object({
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
    session: z.object({ id: z.string(), shortName: z.string(), fullName: z.string() }).nullable(),
    deputies: z.array(z.object({ name: z.string(), deputyId: z.string().nullable() })),
    duplicateSuggestionId: z.string().nullable(),
    docNumberTaken: z.string().nullable(),
  }),
  warnings: z.array(z.string()),
});

export const ImportBody = z.object({
  fileName: z.string().trim().max(200).nullable().optional(),
  docNumber: optionalText('发文字号', 40),
  issuingOrgan: optionalText('发文机关', 60),
  unitId: z.string().max(64).nullable().optional(),
  congress: z.enum(['人大', '政协'], { message: '请选择人大或政协' }),
  session: z.string({ message: '请填写届次（如 七届六次）' }).trim().regex(/^[一二三四五六七八九十百]{1,4}届[一二三四五六七八九十]{1,3}次$/, '届次应写作简称，例如 七届六次'),
  sessionDate: IsoDate.nullable().optional(),
  suggestionNumber: z.number({ message: '请填写建议编号' }).int('建议编号应为整数').min(1, '建议编号应为正整数').max(99999, '建议编号过大'),
  kind: z.enum(IMPORT_KINDS, { message: '请选择类别：建议、议案转建议或提案' }),
  category: z.string().trim().max(20).optional(),
  proposers: z.array(z.string({ message: '提出人姓名应为文字' }).trim().min(2, '代表姓名至少 2 个字').max(20, '代表姓名不能超过 20 个字'), { message: '请填写提出人' }).min(1, '至少需要一位提出人'),
  subject: z.string({ message: '请填写建议标题' }).trim().min(2, '请填写建议标题').max(200, '建议标题不能超过 200 个字'),
  intro: optionalText('开头语', 5000),
  points: z.array(z.object({
    heading: z.string().trim().max(200, '要点标题不能超过 200 个字').nullable(),
    text: z.string().trim().max(20000, '要点正文过长'),
  })).max(99, '答复要点不能超过 99 条'),
  closing: optionalText('结束语', 2000),
  replyClass: optionalText('答复类别', 10),
  date: z.string({ message: '请填写成文日期（答复落款日期）' }).refine((d) => d.trim() !== '', '请填写成文日期（答复落款日期）').pipe(IsoDate),
  contactPerson: optionalText('联系人', 40),
  contactPhone: optionalText('联系电话', 40),
  state: z.enum(IMPORT_STATES).default('closed'),
  ratings: z.array(z.object({ name: z.string().trim().min(1), satisfaction: z.enum(IMPORT_SATISFACTIONS, { message: '评价应为满意、基本满意或不满意' }) })).max(50).optional(),
}).refine((b) => b.points.some((p) => p.text || p.heading) || !!b.intro?.trim(), { message: '答复没有正文：请至少填写开头语或一条答复要点', path: ['points'] });

export const ImportResult = z.object({
  suggestionId: z.string(),
  replyId: z.string(),
  sessionId: z.string(),
  sessionCreated: z.boolean(),
  deputiesCreated: z.array(z.string()),
  docNumber: z.string().nullable(),
  unitName: z.string(),
  title: z.string(),
  state: z.enum(IMPORT_STATES),
});
