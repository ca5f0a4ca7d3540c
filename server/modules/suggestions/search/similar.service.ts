/**
 * Similar earlier suggestions for a draft: candidates from the index by the draft's rarest bigrams, ranked by
 * tf-idf cosine, each with how it was answered. What is shown of each follows the viewer's access: an
 * insider sees the reply as written; anyone else only what has been published.
 */
import { notFound } from '../../../platform/errors.js';
import type { AppContext } from '../../../platform/context.js';
import type { Viewer } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/policy/policy.js';
import { STATE_LABELS, SATISFACTION_LABELS, type Satisfaction, type SuggestionState } from '../../../../domain/suggestion-states.js';
import { parsePublished } from '../publication/published.js';
import { classLabelOf } from '../tools.shared.js';
import { idsOfKeys, postings, suggestionDocCount, suggestionDocTexts, termFrequencies } from './search.repo.js';
import { readableAmong } from './search.scope.js';
import { suggestionScope } from '../suggestions.scope.js';
import { searchPolicy } from './search.policy.js';
import { cosine, draftWeights, idf, probeTerms, sharedPhrases, termCounts, titleCore } from './similar.js';
import { promiseDeliveryOf } from '../../promises/promises.service.js';

const RERANK = 60;
const MIN_SCORE = 0.05;
const excerpt = (t: string | null | undefined, n = 140) => {
  const flat = (t ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
};

export class SimilarSuggestionsService {
  constructor(private readonly ctx: AppContext) {}

  /**
   * The session a draft belongs to: the one named, else that of the suggestion being edited, else the latest
   * that has opened. Similar suggestions come from sessions before it (往届).
   */
  private async currentSession(body: { sessionId?: string; excludeId?: string }) {
    const db = this.ctx.db;
    const q = db.selectFrom('congress_session as cs').select(['cs.id', 'cs.starts_on']);
    if (body.sessionId) return (await q.where('cs.id', '=', body.sessionId).executeTakeFirst()) ?? notFound('届次不存在');
    if (body.excludeId) {
      const own = await q.innerJoin('suggestion as s', 's.session_id', 'cs.id').where('s.id', '=', body.excludeId).executeTakeFirst();
      if (own) return own;
    }
    return (await q.where('cs.starts_on', '<=', this.ctx.clock.today()).orderBy('cs.starts_on', 'desc').limit(1).executeTakeFirst())
      ?? (await q.orderBy('cs.starts_on', 'desc').limit(1).executeTakeFirst());
  }

  async similar(actor: Viewer, body: { title: string; body: string; excludeId?: string; sessionId?: string; limit: number }) {
    authorize(searchPolicy, actor, 'similar', null);
    const db = this.ctx.db;
    const weights = draftWeights(body.title, body.body);
    if (weights.size === 0) return { items: [], basis: { terms: 0, candidates: 0 } };
    const [n, df] = await Promise.all([suggestionDocCount(db), termFrequencies(db, [...weights.keys()])]);
    const probes = probeTerms(weights.keys(), df, n);

    // Stage 1: accumulate the rarity of the probe terms each candidate holds (by index key: no lookups yet).
    const acc = new Map<number, number>();
    for (const t of probes) {
      const w = idf(df.get(t)!, n) * (weights.get(t) ?? 1);
      for (const k of await postings(db, this.ctx.dialect, t, 5000)) acc.set(k, (acc.get(k) ?? 0) + w);
    }
    const current = await this.currentSession(body);
    const topKeys = [...acc.entries()].sort((a, b) => b[1] - a[1]).slice(0, RERANK * 3).map(([k]) => k);
    const idOf = await idsOfKeys(db, topKeys);
    let candidates = topKeys.map((k) => idOf.get(k)!).filter((id) => id && id !== body.excludeId);
    if (candidates.length) {
      // Earlier sessions only, and only what the viewer may read: as an insider (the row scope), or through a
      // published reply as everyone may.
      const visible = await db.selectFrom('suggestion as s').innerJoin('congress_session as cs', 'cs.id', 's.session_id').select('s.id')
        .where('s.id', 'in', candidates)
        .where('cs.starts_on', '<', current?.starts_on ?? '')
        .where((eb) => eb.or([
          suggestionScope.where(actor, 's'),
          eb.exists(eb.selectFrom('reply as pr').select('pr.id').whereRef('pr.suggestion_id', '=', 's.id').where('pr.publication_state', '=', 'published').where('pr.state', '=', 'submitted')),
        ]))
        .execute();
      const ok = new Set(visible.map((r) => r.id));
      candidates = candidates.filter((id) => ok.has(id)).slice(0, RERANK);
    }
    const keyOfId = new Map([...idOf].map(([k, id]) => [id, k]));

    // Stage 2: cosine of tf-idf vectors over everything the candidates hold.
    const texts = await suggestionDocTexts(db, candidates.map((id) => keyOfId.get(id)!));
    const docTf = new Map(texts.map((t) => [t.suggestion_id, termCounts(t.search_text)]));
    const allTerms = new Set<string>(weights.keys());
    for (const tf of docTf.values()) for (const t of tf.keys()) allTerms.add(t);
    const dfAll = await termFrequencies(db, [...allTerms].filter((t) => !df.has(t)));
    for (const [t, v] of df) dfAll.set(t, v);
    const ranked = candidates
      .map((id) => ({ id, score: docTf.has(id) ? cosine(weights, docTf.get(id)!, dfAll, Math.max(n, 1)) : 0 }))
      .filter((x) => x.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score)
      .slice(0, body.limit);
    if (!ranked.length) return { items: [], basis: { terms: probes.length, candidates: candidates.length } };

    const ids = ranked.map((r) => r.id);
    const inside = await readableAmong(db, actor, ids);
    const rows = await db.selectFrom('suggestion as s')
      .innerJoin('congress_session as cs', 'cs.id', 's.session_id')
      .innerJoin('rule_set as rs', 'rs.id', 'cs.rule_set_id')
      .leftJoin('org_unit as u', 'u.id', 's.lead_unit_id')
      .select('rs.class_scheme_json')
      .select(['s.id as sid', 's.number', 's.title', 's.state', 's.category', 's.final_satisfaction', 's.session_id', 'cs.body as congress_body', 'cs.short_name', 'u.name as unit_name'])
      .where('s.id', 'in', ids).execute();
    const replies = await db.selectFrom('reply').select(['id', 'suggestion_id', 'round', 'state', 'class_code', 'doc_number', 'reply_date', 'intro', 'publication_state', 'published_json'])
      .where('suggestion_id', 'in', ids).where('state', '=', 'submitted').orderBy('round', 'desc').execute();
    const firstPoints = replies.length
      ? await db.selectFrom('reply_point').select(['reply_id', 'heading', 'text', 'ordinal']).where('reply_id', 'in', replies.map((r) => r.id)).orderBy('ordinal').execute()
      : [];

    const delivery = await promiseDeliveryOf(this.ctx, ids, ids.filter((x) => !inside.has(x)));
    const items = ranked.map(({ id, score }) => {
      const s = rows.find((r) => r.sid === id)!;
      const isInside = inside.has(id);
      const mine = replies.filter((r) => r.suggestion_id === id);
      const published = mine.filter((r) => r.publication_state === 'published');
      const shown = isInside ? mine[0] : published[0];
      let reply = null;
      if (shown) {
        const pub = shown.publication_state === 'published' ? parsePublished(shown.published_json) : null;
        const text = isInside
          ? [shown.intro, ...firstPoints.filter((p) => p.reply_id === shown.id).map((p) => [p.heading, p.text].filter(Boolean).join(' '))].filter(Boolean).join(' ')
          : [pub?.intro, ...(pub?.points ?? []).map((p) => [p.heading, p.text].filter(Boolean).join(' '))].filter(Boolean).join(' ');
        reply = {
          id: shown.id, round: shown.round, docNumber: shown.doc_number, replyDate: shown.reply_date,
          classCode: shown.class_code, classLabel: classLabelOf(s.class_scheme_json, shown.class_code),
          excerpt: excerpt(text), published: shown.publication_state === 'published',
        };
      }
      const showSatisfaction = isInside || published.length > 0;
      const sat = showSatisfaction ? (s.final_satisfaction as Satisfaction | null) : null;
      return {
        suggestionId: id,
        number: s.number,
        title: s.title,
        sessionId: s.session_id,
        sessionName: `${s.congress_body}${s.short_name}`,
        category: s.category,
        state: s.state as SuggestionState,
        stateLabel: STATE_LABELS[s.state as SuggestionState] ?? s.state,
        leadUnitName: s.unit_name,
        score: Math.round(score * 1000) / 1000,
        sharedPhrases: sharedPhrases(`${titleCore(body.title)}\n${body.body}`, new Set(docTf.get(id)?.keys() ?? [])),
        access: isInside ? ('internal' as const) : ('public' as const),
        reply,
        satisfaction: sat,
        satisfactionLabel: sat ? SATISFACTION_LABELS[sat] : null,
        /** Whether the promises made in the reply were kept (counted from what this viewer may see). */
        delivery: delivery.get(id) ?? null,
      };
    });
    return { items, basis: { terms: probes.length, candidates: candidates.length } };
  }
}
