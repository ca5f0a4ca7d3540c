/**
 * Keeps the search index of one suggestion in step with its rows: the suggestion's own text, each reply as
 * written, and each published reply. Call `indexSuggestion(tx, id)` inside the transaction that changed the
 * suggestion or one of its replies; `reindexStale` (a periodic job) catches anything changed without it.
 */
import { sql } from 'kysely';
import { tokenize } from '../../../../domain/text/bigrams.js';
import { dialectOf, type Queryable } from '../../../platform/db/database.js';
import { parsePublished, publishedText } from '../publication/published.js';
import { BARRIER, indexTokens, normalizeForMatch } from './search.text.js';
import { docSeq, keyOfSeq, slotOf, slotOfSeq } from './search.keys.js';

interface DocRow {
  seq: number;
  doc_key: string;
  suggestion_id: string;
  kind: 'suggestion' | 'reply' | 'published';
  reply_id: string | null;
  reply_state: string | null;
  search_text: string;
  match_text: string;
  source_stamp: string;
}

const maxStamp = (...xs: Array<string | null | undefined>) => xs.filter((x): x is string => !!x).reduce((a, b) => (b > a ? b : a), '');

/** Separates fields so that no phrase runs from one field into the next. */
const joinParts = (parts: Array<string | null | undefined>) => parts.filter((p): p is string => !!p && p.trim() !== '');

const build = (parts: string[]) => ({ search_text: indexTokens(parts), match_text: normalizeForMatch(parts.join('\n')) });

/** The text of a suggestion that its own search document holds. */
export const suggestionParts = (s: { title: string; body: string }) => joinParts([s.title, s.body]);

/** The text of a reply as written: document number, opening and every point. */
export const replyParts = (r: { doc_number: string | null; intro: string | null }, points: Array<{ heading: string | null; text: string }>) =>
  joinParts([r.doc_number, r.intro, ...points.flatMap((p) => [p.heading, p.text])]);

const KEY_LOCK = 7_270_150;

/**
 * The suggestion's integer key in the index: read off its own document, or the next free one the first time
 * it is indexed (PostgreSQL: under an advisory lock, so two instances never take the same key).
 */
async function keyOf(db: Queryable, id: string): Promise<number> {
  const own = await db.selectFrom('suggestion_search').select('seq').where('doc_key', '=', `s:${id}`).executeTakeFirst();
  if (own && slotOfSeq(Number(own.seq)) === 0) return keyOfSeq(Number(own.seq));
  if (dialectOf(db) === 'postgres') await sql`select pg_advisory_xact_lock(${KEY_LOCK})`.execute(db);
  const max = await db.selectFrom('suggestion_search').select((e) => e.fn.max('seq').as('m')).executeTakeFirst();
  return max?.m === null || max?.m === undefined ? 1 : keyOfSeq(Number(max.m)) + 1;
}

async function desiredDocs(db: Queryable, id: string): Promise<DocRow[] | null> {
  const s = await db.selectFrom('suggestion').select(['id', 'title', 'body', 'updated_at']).where('id', '=', id).executeTakeFirst();
  if (!s) return null;
  const skey = await keyOf(db, id);
  const replies = await db.selectFrom('reply')
    .select(['id', 'round', 'state', 'doc_number', 'intro', 'publication_state', 'published_json', 'updated_at'])
    .where('suggestion_id', '=', id).orderBy('round').execute();
  const points = replies.length
    ? await db.selectFrom('reply_point').select(['reply_id', 'ordinal', 'heading', 'text', 'updated_at'])
      .where('reply_id', 'in', replies.map((r) => r.id)).orderBy('reply_id').orderBy('ordinal').execute()
    : [];
  const docs: DocRow[] = [{
    seq: docSeq(skey, slotOf('suggestion')), doc_key: `s:${id}`, suggestion_id: id, kind: 'suggestion', reply_id: null, reply_state: null,
    ...build(suggestionParts(s)), source_stamp: s.updated_at,
  }];
  for (const r of replies) {
    const pts = points.filter((p) => p.reply_id === r.id);
    docs.push({
      seq: docSeq(skey, slotOf('reply', r.round, r.state)), doc_key: `r:${r.id}`, suggestion_id: id, kind: 'reply', reply_id: r.id, reply_state: r.state,
      ...build(replyParts(r, pts)), source_stamp: maxStamp(r.updated_at, ...pts.map((p) => p.updated_at)),
    });
    const pub = r.publication_state === 'published' ? parsePublished(r.published_json) : null;
    if (pub) {
      docs.push({
        seq: docSeq(skey, slotOf('published', r.round)), doc_key: `p:${r.id}`, suggestion_id: id, kind: 'published', reply_id: r.id, reply_state: r.state,
        ...build(publishedText(pub)), source_stamp: r.updated_at,
      });
    }
  }
  return docs;
}

const uniqueTokens = (text: string) => new Set(text ? text.split(' ').filter((t) => t && t !== BARRIER) : []);

/** Adds `delta` to the document frequency of each term, in a fixed order (no deadlocks between instances). */
async function bumpTerms(db: Queryable, terms: string[], delta: 1 | -1) {
  const sorted = [...terms].sort();
  for (let i = 0; i < sorted.length; i += 400) {
    const chunk = sorted.slice(i, i + 400);
    if (delta === 1) {
      await db.insertInto('suggestion_term').values(chunk.map((term) => ({ term, df: 1 })))
        .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql`suggestion_term.df + 1` })).execute();
    } else {
      await db.updateTable('suggestion_term').set({ df: sql`df - 1` }).where('term', 'in', chunk).execute();
    }
  }
}

/**
 * Brings the index of one suggestion up to date: inserts, updates and deletes its documents, refreshes
 * `suggestion.search_text` and the term frequencies. Idempotent; cheap when nothing changed.
 */
export async function indexSuggestion(db: Queryable, id: string): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    // Two instances indexing the same suggestion take turns (the workflow's own update holds this lock already).
    await sql`select id from suggestion where id = ${id} for update`.execute(db);
  }
  const want = await desiredDocs(db, id);
  const have = await db.selectFrom('suggestion_search')
    .select(['seq', 'doc_key', 'kind', 'reply_state', 'search_text', 'match_text', 'source_stamp'])
    .where('suggestion_id', '=', id).execute();
  const haveByKey = new Map(have.map((h) => [h.doc_key, h]));
  const wantByKey = new Map((want ?? []).map((d) => [d.doc_key, d]));

  // Gone, or renumbered (a draft submitted moves to another slot): delete, then insert below.
  const gone = have.filter((h) => { const w = wantByKey.get(h.doc_key); return !w || Number(h.seq) !== w.seq; }).map((h) => h.doc_key);
  if (gone.length) await db.deleteFrom('suggestion_search').where('doc_key', 'in', gone).execute();

  for (const d of want ?? []) {
    const h = haveByKey.get(d.doc_key);
    if (!h || Number(h.seq) !== d.seq) {
      await db.insertInto('suggestion_search').values(d).execute();
    } else if (h.search_text !== d.search_text || h.match_text !== d.match_text || h.reply_state !== d.reply_state || h.source_stamp !== d.source_stamp) {
      await db.updateTable('suggestion_search')
        .set({ search_text: d.search_text, match_text: d.match_text, reply_state: d.reply_state, source_stamp: d.source_stamp })
        .where('doc_key', '=', d.doc_key).execute();
    }
  }

  // Term frequencies follow the suggestion documents only.
  const oldTerms = uniqueTokens(have.find((h) => h.kind === 'suggestion')?.search_text ?? '');
  const newDoc = want?.find((d) => d.kind === 'suggestion');
  const newTerms = uniqueTokens(newDoc?.search_text ?? '');
  const added = [...newTerms].filter((t) => !oldTerms.has(t));
  const removed = [...oldTerms].filter((t) => !newTerms.has(t));
  if (added.length) await bumpTerms(db, added, 1);
  if (removed.length) await bumpTerms(db, removed, -1);

  if (newDoc) {
    await db.updateTable('suggestion').set({ search_text: newDoc.search_text })
      .where('id', '=', id).where((eb) => eb.or([eb('search_text', 'is', null), eb('search_text', '!=', newDoc.search_text)])).execute();
  }
}

/**
 * Suggestions whose index is missing or older than their rows (changed without indexSuggestion), at most
 * `limit`. Every check is an index lookup (documents by their unique key), so a pass over 100,000 suggestions
 * with nothing to do stays short, and with much to do it stops at the first `limit` found.
 */
export async function staleSuggestionIds(db: Queryable, limit: number): Promise<string[]> {
  const r = await sql<{ id: string }>`
    select s.id from suggestion s
    where not exists (
        select 1 from suggestion_search d where d.doc_key = 's:' || s.id and d.seq % 256 = 0 and d.source_stamp >= s.updated_at)
      or exists (
        select 1 from reply r where r.suggestion_id = s.id and not exists (
          select 1 from suggestion_search rd where rd.doc_key = 'r:' || r.id and rd.source_stamp >= r.updated_at))
      or exists (
        select 1 from reply r2 join reply_point p on p.reply_id = r2.id where r2.suggestion_id = s.id and not exists (
          select 1 from suggestion_search pd where pd.doc_key = 'r:' || r2.id and pd.source_stamp >= p.updated_at))
      or exists (
        select 1 from suggestion_search od where od.suggestion_id = s.id and od.kind <> 'suggestion' and not exists (
          select 1 from reply r3 where r3.id = od.reply_id))
    limit ${limit}`.execute(db);
  return r.rows.map((x) => x.id);
}

/** Reindexes stale suggestions in batches, each in its own transaction; returns how many were reindexed. */
export async function reindexStale(db: import('../../../platform/db/database.js').Db, opts: { batch?: number; max?: number } = {}): Promise<number> {
  const batch = opts.batch ?? 200;
  const max = opts.max ?? 5000;
  let done = 0;
  while (done < max) {
    const ids = await staleSuggestionIds(db, Math.min(batch, max - done));
    if (ids.length === 0) break;
    // One transaction per batch: much faster on SQLite; a failure leaves the batch for the next run.
    await db.transaction().execute(async (tx) => { for (const id of ids) await indexSuggestion(tx, id); });
    done += ids.length;
    if (ids.length < batch) break;
  }
  return done;
}

/** The tokens of a text (exported for the similarity search, which must tokenise exactly like the index). */
export const tokensOf = (text: string) => tokenize(text);
