/**
 * Full-text search over suggestions and replies (scoped to what the viewer may read), the public search
 * over published replies, and the similar-suggestions lookup used while drafting.
 */
import type { AppContext } from '../../../platform/context.js';
import type { Viewer } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/policy/policy.js';
import { badRequest } from '../../../platform/errors.js';
import { STATE_LABELS, type SuggestionState } from '../../../../domain/suggestion-states.js';
import { parsePublished, type PublishedReply } from '../publication/published.js';
import { docsOf, searchPage } from './search.repo.js';
import { readableAmong, readableReplies } from './search.scope.js';
import { docMatches, markTexts, parseQuery, snippet, type QueryChunk, type SnippetSegment } from './search.text.js';
import { searchPolicy } from './search.policy.js';
import { reindexStale } from './search.indexer.js';

export interface SearchHit {
  kind: 'suggestion' | 'reply' | 'published';
  label: string;
  replyId: string | null;
  segments: SnippetSegment[];
}

const cnOrdinal = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const pointLabel = (n: number) => `第${cnOrdinal[n - 1] ?? n}点`;

/** The first field with a match wins the snippet; the label says where it was found. */
function bestField(fields: Array<{ label: string; text: string }>, marks: string[]): { label: string; segments: SnippetSegment[] } | null {
  for (const f of fields) {
    if (!f.text) continue;
    const s = snippet(f.text, marks);
    if (s.matched) return { label: f.label, segments: s.segments };
  }
  return null;
}

function publishedFields(p: PublishedReply) {
  return [
    { label: '答复标题', text: p.title },
    { label: '建议标题', text: p.suggestion.title },
    { label: '发文字号', text: p.docNumber ?? '' },
    { label: '答复', text: p.intro ?? '' },
    ...p.points.map((pt) => ({ label: `答复${pointLabel(pt.ordinal)}`, text: [pt.heading, pt.text].filter(Boolean).join(' ') })),
  ];
}

export class SuggestionSearchService {
  constructor(private readonly ctx: AppContext) {}

  private chunks(q: string): QueryChunk[] {
    const chunks = parseQuery(q);
    if (!chunks.length) badRequest('请输入要搜索的字词（汉字、字母或数字）', 'query_empty');
    return chunks;
  }

  async search(actor: Viewer, f: { q: string; sessionId?: string; page: number; pageSize: number }) {
    authorize(searchPolicy, actor, 'search', null);
    const chunks = this.chunks(f.q);
    const db = this.ctx.db;
    const page = await searchPage(db, this.ctx.dialect, { chunks, viewer: actor, sessionId: f.sessionId }, f.page, f.pageSize);
    const ids = page.ids;
    if (!ids.length) return { total: page.total, page: f.page, pageSize: f.pageSize, items: [], method: chunks.some((c) => c.substring) ? 'substring' as const : 'index' as const };
    const [inside, allDocs, rows] = await Promise.all([
      readableAmong(db, actor, ids),
      docsOf(db, ids),
      db.selectFrom('suggestion as s')
        .innerJoin('congress_session as cs', 'cs.id', 's.session_id')
        .innerJoin('deputy as dp', 'dp.id', 's.lead_deputy_id')
        .leftJoin('org_unit as u', 'u.id', 's.lead_unit_id')
        .select(['s.id', 's.number', 's.title', 's.body', 's.state', 's.category', 's.session_id', 'cs.short_name', 'cs.body as congress_body', 'dp.name as lead_deputy', 'u.name as unit_name'])
        .where('s.id', 'in', ids).execute(),
    ]);
    // The documents of this page that match and that this viewer may see (the page query applied the same rules).
    const drafts = await readableReplies(db, actor, [...new Set(allDocs.filter((d) => d.kind === 'reply' && d.reply_state !== 'submitted' && d.reply_id).map((d) => d.reply_id!))]);
    const KIND_ORDER: Record<string, number> = { suggestion: 0, reply: 1, published: 2 };
    const docs = allDocs.filter((d) => {
      const mayRead = d.kind === 'published' || (inside.has(d.suggestion_id) && (d.kind === 'suggestion' || d.reply_state === 'submitted' || drafts.has(d.reply_id ?? '')));
      return mayRead && docMatches(d.search_text, d.match_text, chunks);
    }).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || Number(a.seq) - Number(b.seq));
    const replyIds = [...new Set(docs.map((d) => d.reply_id).filter((x): x is string => !!x))];
    const replies = replyIds.length ? await db.selectFrom('reply').select(['id', 'round', 'state', 'doc_number', 'intro', 'published_json', 'publication_state']).where('id', 'in', replyIds).execute() : [];
    const points = replyIds.length ? await db.selectFrom('reply_point').select(['reply_id', 'ordinal', 'heading', 'text']).where('reply_id', 'in', replyIds).orderBy('ordinal').execute() : [];
    const marks = markTexts(chunks);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = ids.map((id) => {
      const s = byId.get(id)!;
      const isInside = inside.has(id);
      const myDocs = docs.filter((d) => d.suggestion_id === id);
      const hits: SearchHit[] = [];
      const publishedIds: string[] = [];
      for (const d of myDocs) {
        if (d.kind === 'suggestion' && isInside) {
          // The title is shown marked anyway: a hit line is for the body.
          const best = bestField([{ label: '建议内容', text: s.body }], marks);
          if (best) hits.push({ kind: 'suggestion', label: best.label, replyId: null, segments: best.segments });
        } else if (d.kind === 'reply' && isInside) {
          const r = replies.find((x) => x.id === d.reply_id);
          if (!r) continue;
          const pts = points.filter((p) => p.reply_id === r.id);
          const prefix = `第${r.round}轮答复${r.state === 'draft' ? '（草稿）' : ''}`;
          const best = bestField([
            { label: `${prefix} · 发文字号`, text: r.doc_number ?? '' },
            { label: prefix, text: r.intro ?? '' },
            ...pts.map((p) => ({ label: `${prefix} · ${pointLabel(p.ordinal)}`, text: [p.heading, p.text].filter(Boolean).join(' ') })),
          ], marks);
          if (best) hits.push({ kind: 'reply', label: best.label, replyId: r.id, segments: best.segments });
        } else if (d.kind === 'published') {
          const r = replies.find((x) => x.id === d.reply_id);
          const pub = r && r.publication_state === 'published' ? parsePublished(r.published_json) : null;
          if (!pub || !r) continue;
          publishedIds.push(r.id);
          // An insider already sees the reply as written; the published copy would repeat it.
          if (isInside && myDocs.some((x) => x.kind === 'reply' && x.reply_id === r.id)) continue;
          const best = bestField(publishedFields(pub), marks);
          if (best) hits.push({ kind: 'published', label: `公开答复 · ${best.label}`, replyId: r.id, segments: best.segments });
        }
      }
      const titleSeg = snippet(s.title, marks, { before: 400, length: 400 }).segments;
      return {
        suggestionId: id,
        number: s.number,
        title: s.title,
        titleSegments: titleSeg,
        sessionName: `${s.congress_body}${s.short_name}`,
        category: s.category,
        state: isInside ? (s.state as SuggestionState) : null,
        stateLabel: isInside ? STATE_LABELS[s.state as SuggestionState] ?? s.state : null,
        leadUnitName: s.unit_name,
        leadDeputyName: isInside ? s.lead_deputy : null,
        access: isInside ? ('internal' as const) : ('public' as const),
        publishedReplyIds: publishedIds,
        hits,
      };
    });
    return { total: page.total, page: f.page, pageSize: f.pageSize, items, method: chunks.some((c) => c.substring) ? 'substring' as const : 'index' as const };
  }

  /** The portal's search: published replies only, as the public reads them. */
  async publicSearch(f: { q: string; page: number; pageSize: number }) {
    const chunks = this.chunks(f.q);
    const db = this.ctx.db;
    const page = await searchPage(db, this.ctx.dialect, { chunks, viewer: null, only: 'published' }, f.page, f.pageSize);
    if (!page.ids.length) return { total: page.total, page: f.page, pageSize: f.pageSize, items: [] };
    const docs = (await docsOf(db, page.ids)).filter((d) => d.kind === 'published' && docMatches(d.search_text, d.match_text, chunks));
    const replyIds = docs.map((d) => d.reply_id!).filter(Boolean);
    const replies = await db.selectFrom('reply').select(['id', 'suggestion_id', 'round', 'published_json', 'published_at'])
      .where('id', 'in', replyIds).where('publication_state', '=', 'published').execute();
    const marks = markTexts(chunks);
    const items = page.ids.map((sid) => {
      const mine = replies.filter((r) => r.suggestion_id === sid).sort((a, b) => a.round - b.round);
      const pubs = mine.map((r) => ({ r, p: parsePublished(r.published_json) })).filter((x): x is { r: typeof x.r; p: PublishedReply } => !!x.p);
      const first = pubs[0]?.p;
      return {
        suggestionNumber: first?.suggestion.number ?? null,
        suggestionTitle: first?.suggestion.title ?? '',
        titleSegments: first ? snippet(first.suggestion.title, marks, { before: 400, length: 400 }).segments : [],
        sessionName: first?.suggestion.sessionName ?? '',
        replies: pubs.map(({ r, p }) => {
          const best = bestField(publishedFields(p), marks);
          return {
            replyId: r.id, title: p.title, round: p.round, unitName: p.unit.name, docNumber: p.docNumber, replyDate: p.replyDate,
            publishedAt: r.published_at, label: best?.label ?? null, segments: best?.segments ?? [],
          };
        }),
      };
    }).filter((x) => x.replies.length);
    return { total: page.total, page: f.page, pageSize: f.pageSize, items };
  }

  /** Rebuilds the index of anything changed without it (the periodic safety net; the admin may run it too). */
  async reindex(actor: Viewer) {
    authorize(searchPolicy, actor, 'reindex', null);
    const n = await reindexStale(this.ctx.db, { max: 100_000 });
    return { reindexed: n };
  }
}
