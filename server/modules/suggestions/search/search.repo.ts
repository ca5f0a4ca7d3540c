/**
 * The queries of the full-text search. The index differs by database (SQLite FTS5 vs PostgreSQL tsvector +
 * GIN), so the match is built per dialect; documents are numbered by suggestion (search.keys.ts), so paging
 * by suggestion and the row scope work on the index's own keys, without reading the documents.
 */
import { sql, type RawBuilder } from 'kysely';
import { fts5Phrase } from '../../../../domain/text/bigrams.js';
import type { Dialect, Queryable } from '../../../platform/db/database.js';
import { likeContains, type QueryChunk } from './search.text.js';
import type { Viewer } from '../../../platform/auth/roles.js';
import { visibleDocSql } from './search.scope.js';
import { docSeq, isPublishedSql, isSuggestionSql, keyExpr, keyOfSeq, SLOT_BITS } from './search.keys.js';

export interface MatchSpec {
  chunks: QueryChunk[];
  /** Whose search: what they may find follows the suggestions' row scope (null: the public). */
  viewer: Viewer;
  /** Only published replies (the public search), or only the suggestions' own text (similar suggestions). */
  only?: 'published' | 'suggestion';
  sessionId?: string;
}

const joinAnd = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql` and `);

/** FROM and WHERE of the matching documents; `x` is the document key. */
function matchParts(dialect: Dialect, m: MatchSpec): { from: RawBuilder<unknown>; x: RawBuilder<unknown>; where: RawBuilder<unknown> } {
  const indexed = m.chunks.filter((c) => !c.substring);
  const substr = m.chunks.filter((c) => c.substring);
  const conds: RawBuilder<unknown>[] = [];
  let from: RawBuilder<unknown>;
  let x: RawBuilder<unknown>;
  if (dialect === 'sqlite' && indexed.length) {
    const expr = indexed.map((c) => `(${fts5Phrase(c.tokens)})`).join(' AND ');
    conds.push(sql`suggestion_fts match ${expr}`);
    if (substr.length) {
      from = sql`suggestion_fts join suggestion_search d on d.seq = suggestion_fts.rowid`;
    } else {
      from = sql`suggestion_fts`;
    }
    x = sql`suggestion_fts.rowid`;
  } else {
    from = sql`suggestion_search d`;
    x = sql`d.seq`;
    if (indexed.length) conds.push(sql`d.tsv @@ (${sql.join(indexed.map((c) => sql`phraseto_tsquery('simple', ${c.tokens.join(' ')})`), sql` && `)})`);
  }
  // A lone Han character has no bigram: matched by substring over the normalised text.
  for (const c of substr) conds.push(sql`d.match_text like ${likeContains(c.text)} escape '\\'`);
  conds.push(visibleDocSql(m.viewer, x));
  if (m.only === 'published') conds.push(isPublishedSql(x));
  if (m.only === 'suggestion') conds.push(isSuggestionSql(x));
  if (m.sessionId) conds.push(sql`${keyExpr(x)} in (select ${keyExpr(sql`k0.seq`)} from suggestion_search k0 join suggestion ss on ss.id = k0.suggestion_id where k0.kind = 'suggestion' and ss.session_id = ${m.sessionId})`);
  return { from, x, where: joinAnd(conds) };
}

/**
 * One page of suggestion keys with a matching document, newest first, and how many there are in all.
 *
 * Documents are read in descending key order (both indexes can walk them that way) and only as far as the
 * page needs: a suggestion's documents are adjacent in that order, so the first n distinct suggestion keys
 * of the walk are the first n suggestions. The total is a separate count, skipped when the walk ran out.
 */
export async function searchPage(db: Queryable, dialect: Dialect, m: MatchSpec, page: number, pageSize: number, opts: { firstBatch?: number } = {}) {
  const { from, x, where } = matchParts(dialect, m);
  const want = page * pageSize;
  const keys: number[] = [];
  let limit = opts.firstBatch ?? want * 2 + 16;
  let below: number | null = null;
  let exhausted = false;
  while (keys.length < want) {
    const more: RawBuilder<unknown> = below === null ? sql`1 = 1` : sql`${x} < ${below}`;
    const r: { rows: Array<{ x: number }> } = await sql<{ x: number }>`select ${x} as x from ${from} where ${where} and ${more} order by ${x} desc limit ${limit}`.execute(db);
    for (const row of r.rows) {
      const k = keyOfSeq(Number(row.x));
      if (keys[keys.length - 1] !== k) keys.push(k);
    }
    if (r.rows.length < limit) { exhausted = true; break; }
    below = Number(r.rows[r.rows.length - 1].x);
    limit *= 4;
  }
  let total = keys.length;
  if (!exhausted) {
    const c = await sql<{ n: number }>`select count(distinct ${keyExpr(x)}) as n from ${from} where ${where}`.execute(db);
    total = Number(c.rows[0]?.n ?? 0);
  }
  const pageKeys = keys.slice((page - 1) * pageSize, want);
  const ids = await idsOfKeys(db, pageKeys);
  return { total, keys: pageKeys, ids: pageKeys.map((k) => ids.get(k)!).filter(Boolean) };
}

/** Suggestion ids by index key (the key is held by each suggestion's own document). */
export async function idsOfKeys(db: Queryable, keys: number[]): Promise<Map<number, string>> {
  if (!keys.length) return new Map();
  const rows = await db.selectFrom('suggestion_search').select(['seq', 'suggestion_id']).where('seq', 'in', keys.map((k) => docSeq(k, 0))).execute();
  return new Map(rows.map((r) => [keyOfSeq(Number(r.seq)), r.suggestion_id]));
}

/** Every indexed document of these suggestions (the caller keeps those that match and may be seen). */
export async function docsOf(db: Queryable, suggestionIds: string[]) {
  if (!suggestionIds.length) return [];
  return db.selectFrom('suggestion_search')
    .select(['seq', 'doc_key', 'suggestion_id', 'kind', 'reply_id', 'reply_state', 'search_text', 'match_text'])
    .where('suggestion_id', 'in', suggestionIds).execute();
}

/** Keys of the suggestions whose own text holds a term (the postings of a term), for the similarity search. */
export async function postings(db: Queryable, dialect: Dialect, term: string, limit: number): Promise<number[]> {
  const r = dialect === 'sqlite'
    ? await sql<{ k: number }>`select rowid >> ${sql.lit(SLOT_BITS)} as k from suggestion_fts
        where suggestion_fts match ${fts5Phrase([term])} and (rowid & ${sql.lit((1 << SLOT_BITS) - 1)}) = 0 limit ${limit}`.execute(db)
    : await sql<{ k: number }>`select d.seq >> ${sql.lit(SLOT_BITS)} as k from suggestion_search d
        where d.tsv @@ phraseto_tsquery('simple', ${term}) and d.kind = 'suggestion' limit ${limit}`.execute(db);
  return r.rows.map((x) => Number(x.k));
}

/** Document frequencies of the given terms over the suggestion documents. */
export async function termFrequencies(db: Queryable, terms: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const list = [...new Set(terms)];
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    const rows = await db.selectFrom('suggestion_term').select(['term', 'df']).where('term', 'in', chunk).execute();
    for (const r of rows) out.set(r.term, Number(r.df));
  }
  return out;
}

/** How many suggestions there are (the n of the idf; the index holds every one of them). */
export async function suggestionDocCount(db: Queryable): Promise<number> {
  const r = await db.selectFrom('suggestion').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The indexed tokens of the suggestions' own text, by key. */
export async function suggestionDocTexts(db: Queryable, keys: number[]) {
  if (!keys.length) return [];
  const rows = await db.selectFrom('suggestion_search').select(['seq', 'suggestion_id', 'search_text'])
    .where('seq', 'in', keys.map((k) => k * (1 << SLOT_BITS))).execute();
  return rows.map((r) => ({ key: Math.floor(Number(r.seq) / (1 << SLOT_BITS)), suggestion_id: r.suggestion_id, search_text: r.search_text }));
}

/** Reply ids of the matching documents (e.g. the published replies a public list filter finds). */
export async function matchedReplyIds(db: Queryable, dialect: Dialect, m: MatchSpec): Promise<string[]> {
  const { from, x, where } = matchParts(dialect, m);
  const r = await sql<{ reply_id: string | null }>`select r.reply_id from suggestion_search r where r.seq in (select ${x} from ${from} where ${where})`.execute(db);
  return [...new Set(r.rows.map((x2) => x2.reply_id).filter((v): v is string => !!v))];
}
