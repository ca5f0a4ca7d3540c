import { z } from 'zod';
import { Version } from '../suggestions.schemas.js';

export const PublicationStateEnum = z.enum(['draft', 'reviewed', 'published']);

export const PublicationListQuery = z.object({
  status: z.enum(['pending', 'reviewed', 'published', 'all']).default('pending'),
  sessionId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

const Deadline = z.object({
  dueDate: z.string().nullable(),
  from: z.string(),
  workdays: z.number(),
  /** How the due date was computed (days skipped and why). */
  lines: z.array(z.string()),
  /** Counted with weekends only for a year whose holidays are not imported yet (the lines say so). */
  provisional: z.boolean(),
  /** 正常 / 临期 / 逾期 until published. */
  clock: z.object({ dueDate: z.string(), status: z.enum(['normal', 'due_soon', 'overdue']), statusLabel: z.string(), workdaysLeft: z.number(), text: z.string() }).nullable(),
}).nullable();

export const PublicationSummary = z.object({
  replyId: z.string(),
  suggestionId: z.string(),
  suggestionNumber: z.number().nullable(),
  suggestionTitle: z.string(),
  sessionName: z.string(),
  unitName: z.string(),
  round: z.number(),
  docNumber: z.string().nullable(),
  replyDate: z.string().nullable(),
  submittedAt: z.string().nullable(),
  publicationState: PublicationStateEnum,
  publicationStateLabel: z.string(),
  publishedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  withdrawn: z.object({ reason: z.string(), at: z.string(), by: z.string() }).nullable(),
  deadline: Deadline,
  /** Personal data that will be hidden as things stand. */
  findings: z.number().nullable(),
  version: z.number(),
});

/** Replies by publication state; `overdue`: not yet published and past the publication deadline. */
export const PublicationCounts = z.object({ pending: z.number(), reviewed: z.number(), published: z.number(), overdue: z.number() });

export const PublicationList = z.object({
  total: z.number(), page: z.number(), pageSize: z.number(),
  counts: PublicationCounts,
  items: z.array(PublicationSummary),
});

const Finding = z.object({
  key: z.string(),
  kind: z.enum(['mobile', 'landline', 'id_card', 'email', 'manual']),
  kindLabel: z.string(),
  original: z.string(),
  replacement: z.string(),
  start: z.number(),
  end: z.number(),
  source: z.enum(['auto', 'manual']),
  manualId: z.string().nullable(),
  kept: z.boolean(),
});

const PublishedPoint = z.object({ ordinal: z.number(), heading: z.string().nullable(), text: z.string(), responsibleOrgName: z.string().nullable() });
export const PublishedReplyView = z.object({
  title: z.string(),
  suggestion: z.object({ id: z.string(), number: z.number().nullable(), title: z.string(), sessionId: z.string(), sessionName: z.string(), kind: z.string(), category: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
  docNumber: z.string().nullable(),
  round: z.number(),
  classCode: z.string().nullable(),
  classLabel: z.string().nullable(),
  addressee: z.string(),
  intro: z.string().nullable(),
  points: z.array(PublishedPoint),
  closing: z.string(),
  signature: z.object({ organ: z.string(), date: z.string().nullable() }),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  replyDate: z.string().nullable(),
  redactionCount: z.number(),
});

export const PublicationReview = PublicationSummary.extend({
  title: z.string(),
  officialPhone: z.string().nullable(),
  classCode: z.string().nullable(),
  classLabel: z.string().nullable(),
  addressee: z.string(),
  fields: z.array(z.object({
    key: z.string(), label: z.string(), text: z.string(), redacted: z.string(),
    segments: z.array(z.object({ text: z.string(), findingKey: z.string().nullable() })),
    findings: z.array(Finding),
  })),
  manual: z.array(z.union([
    z.object({ id: z.string(), field: z.string(), start: z.number(), end: z.number() }),
    z.object({ id: z.string(), phrase: z.string() }),
  ])),
  published: PublishedReplyView.nullable(),
});

export const DecisionsBody = z.object({
  version: Version,
  keep: z.array(z.string().max(200)).max(500).default([]),
  manual: z.array(z.union([
    z.object({ field: z.string().min(1).max(100), start: z.number().int().min(0), end: z.number().int().min(1) }),
    z.object({ phrase: z.string().trim().min(2, '要隐去的文字至少 2 个字').max(100, '要隐去的文字不能超过 100 个字') }),
  ], { message: '请指定要隐去的位置或文字' })).max(200, '人工隐去不能超过 200 处').default([]),
});
export const VersionOnly = z.object({ version: Version });
export const UnpublishBody = z.object({ version: Version, reason: z.string().trim().min(4, '请填写撤回理由（至少 4 个字）').max(500, '撤回理由不能超过 500 个字') });

export const PublicRepliesQuery = z.object({
  sessionId: z.string().max(64).optional(),
  unitId: z.string().max(64).optional(),
  q: z.string().trim().max(100, '搜索词不能超过 100 个字').optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export const PublicRepliesList = z.object({
  total: z.number(), page: z.number(), pageSize: z.number(),
  items: z.array(z.object({
    id: z.string(), title: z.string(), suggestionNumber: z.number().nullable(), suggestionTitle: z.string(), sessionName: z.string(),
    unitName: z.string(), docNumber: z.string().nullable(), round: z.number(), classCode: z.string().nullable(), classLabel: z.string().nullable(),
    replyDate: z.string().nullable(), publishedAt: z.string(), pointCount: z.number(),
  })),
  filters: z.object({ sessions: z.array(z.object({ id: z.string(), name: z.string() })), units: z.array(z.object({ id: z.string(), name: z.string() })) }),
});
export const PublicReply = PublishedReplyView.extend({ id: z.string(), publishedAt: z.string() });
