import { z } from 'zod';
import { DELIVERY_RATINGS, PROMISE_STATUSES } from '../../../domain/promise-states.js';
import { isValidDate as isValidYmd } from '../../../domain/calendar/dates.js';

export const Id = z.string().min(1).max(64);
export const IdParams = z.object({ id: Id });
export const EvidenceParams = z.object({ id: Id, evidenceId: Id });

const Ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine((s) => isValidYmd(s), '日期无效');
const Version = z.number({ message: '缺少版本号' }).int().positive();
const Text = z.string().trim().min(4, '承诺内容至少 4 个字').max(1000, '承诺内容不能超过 1000 个字');
const Note = z.string().trim().max(2000, '说明不能超过 2000 个字');
const Reason = z.string().trim().min(2, '请写明原因').max(1000, '原因不能超过 1000 个字');

export const StatusEnum = z.enum(PROMISE_STATUSES, { message: '状态无效' });
export const RatingEnum = z.enum(DELIVERY_RATINGS, { message: '请选择兑现、部分兑现或未兑现' });
export const ComparatorEnum = z.enum(['>=', '>', '<=', '<', '='], { message: '比较方式无效' });

export const Target = z.object({
  value: z.number({ message: '目标数值应为数字' }).finite().min(0, '目标数值不能为负').max(1e12, '目标数值过大'),
  unit: z.string().trim().max(20, '单位不能超过 20 个字').default(''),
  comparator: ComparatorEnum.default('>='),
});

/** Fields staff may set when confirming or editing a promise. */
const Editable = {
  text: Text.optional(),
  due: Ymd.nullable().optional(),
  ownerOrgId: Id.optional(),
  action: z.string().trim().max(20, '动作不能超过 20 个字').nullable().optional(),
  target: Target.nullable().optional(),
  projectId: Id.nullable().optional(),
};

export const ConfirmBody = z.object({
  version: Version,
  ...Editable,
  /** A thing the reply reports as already done is confirmed as done (default) or as planned. */
  status: z.enum(['planned', 'in_progress', 'done'], { message: '状态无效' }).optional(),
  doneOn: Ymd.optional(),
  note: Note.optional(),
});

export const EditBody = z.object({
  version: Version,
  ...Editable,
  achievedValue: z.number().finite().min(0, '完成数值不能为负').max(1e12).nullable().optional(),
  note: Note.optional(),
});

export const DiscardBody = z.object({ version: Version, reason: z.string().trim().max(500, '原因不能超过 500 个字').optional() });
export const RestoreBody = z.object({ version: Version });

export const ManualCreate = z.object({
  text: Text,
  pointId: Id.nullable().optional(),
  ownerOrgId: Id,
  due: Ymd.nullable().optional(),
  action: z.string().trim().max(20).nullable().optional(),
  target: Target.nullable().optional(),
  projectId: Id.nullable().optional(),
});

export const SourceBody = z.object({
  version: Version,
  /** null: unlink (progress is kept by hand again, starting from the values last derived). */
  source: z.object({
    kind: z.enum(['project', 'milestone', 'greening', 'facility'], { message: '进度来源应为重点项目、项目里程碑、绿化目标或园区设施' }),
    id: Id,
  }).nullable(),
  note: z.string().trim().max(500, '说明不能超过 500 个字').optional(),
});

export const StatusBody = z.object({
  version: Version,
  status: StatusEnum,
  /** Required for slipped, dropped and for reopening a done promise. */
  reason: Reason.optional(),
  /** The new date of a slipped promise. */
  newDue: Ymd.optional(),
  /** The day a done promise was done (default: today). */
  doneOn: Ymd.optional(),
  note: Note.optional(),
  internal: z.boolean().default(false),
});

export const ProgressBody = z.object({
  version: Version,
  progress: z.number({ message: '进度应为 0–100 的整数' }).int('进度应为整数').min(0, '进度不能小于 0').max(100, '进度不能超过 100'),
  achievedValue: z.number().finite().min(0).max(1e12).nullable().optional(),
  note: Note.optional(),
  internal: z.boolean().default(false),
});

export const EvidenceFields = z.object({
  note: z.string().trim().min(2, '请写明佐证说明').max(2000, '说明不能超过 2000 个字'),
  happenedOn: Ymd,
  internal: z.preprocess((v) => v === true || v === 'true' || v === '1', z.boolean()).default(false),
});

export const VoidBody = z.object({ version: Version, reason: Reason });

export const RateBody = z.object({
  rating: RatingEnum,
  comment: z.string().trim().max(1000, '意见不能超过 1000 个字').optional(),
  /** The version of the promise the deputy read: a rating is about what they saw. */
  promiseVersion: Version,
});

const Flag = z.enum(['0', '1']).optional().transform((v) => v === '1');

export const LedgerQuery = z.object({
  unitId: Id.optional(),
  sessionId: Id.optional(),
  suggestionId: Id.optional(),
  replyId: Id.optional(),
  projectId: Id.optional(),
  status: z.string().max(100).optional().transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
    .pipe(z.array(StatusEnum).optional()),
  overdue: Flag,
  dueSoon: Flag,
  openEnded: Flag,
  review: z.enum(['confirmed', 'proposed', 'all']).default('confirmed'),
  q: z.string().trim().max(50, '搜索词不能超过 50 个字').optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const SummaryQuery = LedgerQuery.extend({ groupBy: z.enum(['unit', 'session', 'status'], { message: '分组方式应为 unit、session 或 status' }).default('unit') });

export const PublicLedgerQuery = z.object({
  unitId: Id.optional(),
  sessionId: Id.optional(),
  /** Only the promises of one published reply. */
  replyId: Id.optional(),
  /** A view by name: overdue, due30 (due in the next 30 days), done. */
  view: z.enum(['', 'overdue', 'due30', 'dueSoon', 'done']).optional(),
  status: z.string().max(100).optional().transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
    .pipe(z.array(StatusEnum).optional()),
  overdue: Flag,
  dueSoon: Flag,
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// ------------------------------------------------------------ public output (only these fields ever leave)

const PublicChange = z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() });

export const PublicHistoryItem = z.object({
  at: z.string(),
  kind: z.string(),
  label: z.string(),
  by: z.string().nullable(),
  changes: z.array(PublicChange),
  note: z.string().nullable(),
  /** The entry as one sentence: 恒通集团 更新进度：进度 60% → 85%。秋季补植完成… */
  text: z.string(),
});

export const PublicPromise = z.object({
  id: z.string(),
  text: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }),
  ownerName: z.string(),
  replyId: z.string(),
  due: z.string().nullable(),
  originalDue: z.string().nullable(),
  openEnded: z.boolean(),
  action: z.string().nullable(),
  target: z.string().nullable(),
  achievedValue: z.number().nullable(),
  status: StatusEnum,
  statusLabel: z.string(),
  progress: z.number(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
  clock: z.string(),
  clockLabel: z.string(),
  suggestion: z.object({ number: z.number().nullable(), title: z.string(), sessionName: z.string() }),
  reply: z.object({ id: z.string(), docNumber: z.string().nullable(), unitName: z.string(), replyDate: z.string().nullable() }),
  point: z.object({ ordinal: z.number(), heading: z.string().nullable() }).nullable(),
  project: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Why a linked promise is late (from its source), else null. */
  statusReason: z.string().nullable(),
  /** Where progress and status come from, when linked to a project, milestone, greening target or facility. */
  source: z.object({ kindLabel: z.string(), name: z.string().nullable(), stateText: z.string().nullable(), note: z.string() }).nullable(),
  delivery: z.object({
    kept: z.number(), partly: z.number(), notKept: z.number(), verdict: RatingEnum.nullable(), verdictLabel: z.string().nullable(),
    setAside: z.number(), setAsideNote: z.string().nullable(),
  }),
  isDemo: z.boolean(),
  history: z.array(PublicHistoryItem),
});

export const PublicLedger = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  today: z.string(),
  counts: z.object({ total: z.number(), done: z.number(), overdue: z.number(), dueSoon: z.number() }),
  items: z.array(PublicPromise),
  filters: z.object({
    units: z.array(z.object({ id: z.string(), name: z.string() })),
    sessions: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
});

/** Whether the promises of an earlier suggestion were kept: the `delivery` of a similar suggestion. */
export const DeliverySummary = z.object({
  total: z.number(),
  done: z.number(),
  inProgress: z.number(),
  overdue: z.number(),
  dropped: z.number(),
  openEnded: z.number(),
  ratings: z.object({ kept: z.number(), partly: z.number(), notKept: z.number() }),
  verdict: z.enum(['kept', 'partly', 'not_kept', 'pending']),
  label: z.string(),
});
export type DeliverySummaryT = z.infer<typeof DeliverySummary>;
