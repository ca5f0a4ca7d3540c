import { z } from 'zod';
import { SatisfactionEnum, SuggestionStateEnum } from '../suggestions.schemas.js';
import { DeliverySummary } from '../../promises/promises.schemas.js';

const Q = z.string({ message: '请输入要搜索的字词' }).trim().min(1, '请输入要搜索的字词').max(100, '搜索词不能超过 100 个字');
const Page = z.coerce.number().int().min(1).max(1000).default(1);
const PageSize = z.coerce.number().int().min(1).max(50).default(20);

export const SearchQuery = z.object({ q: Q, sessionId: z.string().max(64).optional(), page: Page, pageSize: PageSize });
export const PublicSearchQuery = z.object({ q: Q, page: Page, pageSize: PageSize });

export const Segment = z.object({ text: z.string(), mark: z.boolean() });

export const SearchResult = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** 'index': bigram phrases from the full-text index; 'substring': a one-character query, matched by substring. */
  method: z.enum(['index', 'substring']),
  items: z.array(z.object({
    suggestionId: z.string(),
    number: z.number().nullable(),
    title: z.string(),
    titleSegments: z.array(Segment),
    sessionName: z.string(),
    category: z.string(),
    /** Null when the viewer reads the suggestion only through its published reply. */
    state: SuggestionStateEnum.nullable(),
    stateLabel: z.string().nullable(),
    leadUnitName: z.string().nullable(),
    leadDeputyName: z.string().nullable(),
    access: z.enum(['internal', 'public']),
    publishedReplyIds: z.array(z.string()),
    hits: z.array(z.object({ kind: z.enum(['suggestion', 'reply', 'published']), label: z.string(), replyId: z.string().nullable(), segments: z.array(Segment) })),
  })),
});

export const PublicSearchResult = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(z.object({
    suggestionNumber: z.number().nullable(),
    suggestionTitle: z.string(),
    titleSegments: z.array(Segment),
    sessionName: z.string(),
    replies: z.array(z.object({
      replyId: z.string(), title: z.string(), round: z.number(), unitName: z.string(), docNumber: z.string().nullable(),
      replyDate: z.string().nullable(), publishedAt: z.string().nullable(), label: z.string().nullable(), segments: z.array(Segment),
    })),
  })),
});

export const SimilarBody = z.object({
  title: z.string().trim().max(100, '标题不能超过 100 个字').default(''),
  body: z.string().trim().max(20000, '内容不能超过 20000 个字').default(''),
  /** The suggestion being edited, left out of its own results. */
  excludeId: z.string().max(64).optional(),
  /** The session the draft is for: similar suggestions come from the sessions before it (default: the latest that has opened). */
  sessionId: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(20).default(5),
}).refine((b) => (b.title + b.body).length >= 4, { message: '请至少填写几个字的标题或内容', path: ['title'] });

export const SimilarResult = z.object({
  items: z.array(z.object({
    suggestionId: z.string(),
    number: z.number().nullable(),
    title: z.string(),
    sessionId: z.string(),
    sessionName: z.string(),
    category: z.string(),
    state: SuggestionStateEnum,
    stateLabel: z.string(),
    leadUnitName: z.string().nullable(),
    /** Cosine similarity of the bigram tf-idf vectors, 0..1. */
    score: z.number(),
    /** Phrases of the draft the earlier suggestion also contains. */
    sharedPhrases: z.array(z.string()),
    access: z.enum(['internal', 'public']),
    reply: z.object({
      id: z.string(), round: z.number(), docNumber: z.string().nullable(), replyDate: z.string().nullable(),
      classCode: z.string().nullable(), classLabel: z.string().nullable(), excerpt: z.string(), published: z.boolean(),
    }).nullable(),
    satisfaction: SatisfactionEnum.nullable(),
    satisfactionLabel: z.string().nullable(),
    /** Whether the reply's promises were kept (the promises module); null when it made none that were confirmed. */
    delivery: DeliverySummary.nullable(),
  })),
  basis: z.object({ terms: z.number(), candidates: z.number() }),
});

export const ReindexResult = z.object({ reindexed: z.number() });
