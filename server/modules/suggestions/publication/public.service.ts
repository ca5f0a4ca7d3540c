/**
 * What the public portal reads: published replies only, and only their redacted copy (reply.published_json).
 * Drafts, replies awaiting review, co-units' opinions, deputies' contact data and internal events never pass
 * through here: nothing is read from any other column.
 */
import type { AppContext } from '../../../platform/context.js';
import { badRequest, notFound } from '../../../platform/errors.js';
import { matchedReplyIds } from '../search/search.repo.js';
import { parseQuery } from '../search/search.text.js';
import { parsePublished } from './published.js';

export class PublicRepliesService {
  constructor(private readonly ctx: AppContext) {}

  private base() {
    return this.ctx.db.selectFrom('reply as r').innerJoin('suggestion as s', 's.id', 'r.suggestion_id')
      .where('r.publication_state', '=', 'published').where('r.state', '=', 'submitted').where('r.published_json', 'is not', null);
  }

  async list(f: { sessionId?: string; unitId?: string; q?: string; page: number; pageSize: number }) {
    let q = this.base();
    if (f.sessionId) q = q.where('s.session_id', '=', f.sessionId);
    if (f.unitId) q = q.where('r.unit_id', '=', f.unitId);
    if (f.q) {
      const chunks = parseQuery(f.q);
      if (!chunks.length) badRequest('请输入要搜索的字词（汉字、字母或数字）', 'query_empty');
      const ids = await matchedReplyIds(this.ctx.db, this.ctx.dialect, { chunks, viewer: null, only: 'published' });
      q = ids.length ? q.where('r.id', 'in', ids) : q.where('r.id', '=', '');
    }
    const total = await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.select(['r.id', 'r.published_json', 'r.published_at'])
      .orderBy('r.published_at', 'desc').orderBy('r.id', 'desc')
      .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
    return {
      total: Number(total.n),
      page: f.page,
      pageSize: f.pageSize,
      items: rows.flatMap((r) => {
        const p = parsePublished(r.published_json);
        if (!p) return [];
        return [{
          id: r.id, title: p.title, suggestionNumber: p.suggestion.number, suggestionTitle: p.suggestion.title, sessionName: p.suggestion.sessionName,
          unitName: p.unit.name, docNumber: p.docNumber, round: p.round, classCode: p.classCode, classLabel: p.classLabel,
          replyDate: p.replyDate, publishedAt: r.published_at!, pointCount: p.points.length,
        }];
      }),
      filters: await this.filters(),
    };
  }

  /** The sessions and units that have published replies: the portal's filter choices (public names only). */
  private async filters() {
    const [sessions, units] = await Promise.all([
      this.base().innerJoin('congress_session as cs', 'cs.id', 's.session_id').select(['cs.id', 'cs.body', 'cs.short_name', 'cs.starts_on']).distinct().orderBy('cs.starts_on', 'desc').execute(),
      this.base().innerJoin('org_unit as u', 'u.id', 'r.unit_id').select(['u.id', 'u.name']).distinct().orderBy('u.name').execute(),
    ]);
    return { sessions: sessions.map((x) => ({ id: x.id, name: `${x.body}${x.short_name}` })), units: units.map((u) => ({ id: u.id, name: u.name })) };
  }

  async get(id: string) {
    const r = await this.base().select(['r.id', 'r.published_json', 'r.published_at']).where('r.id', '=', id).executeTakeFirst();
    const p = r ? parsePublished(r.published_json) : null;
    if (!r || !p) notFound('该答复不存在或尚未公开');
    return { id: r!.id, publishedAt: r!.published_at!, ...p! };
  }
}
