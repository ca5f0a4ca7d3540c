/**
 * The queries of the full-text search. The index differs by database (SQLite FTS5 vs PostgreSQL tsvector +
 * GIN), so the match expression is built per dialect; everything around it is the same SQL.
 */
import { sql, type RawBuilder } from 'kysely';
import { fts5Phrase } from '../../../../domain/text/bigrams.js';
import type { Dialect, Queryable } from '../../../platform/db/database.js';
import { likeContains, type QueryChunk } from './search.text.js';
import { visibleDocSql, type SearchScope } from './search.scope.js';

export interface MatchSpec {
  chunks: QueryChunk[];
  scope: SearchScope;
  /** Restrict to documents of these kinds (e.g. only 'suggestion' for the similarity search). */
  kinds?: string[];
  sessionId?: string;
  suggestionIds?: string[];
}

const joinAnd = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql` and `);

/** FROM, WHERE and the score column of the documents matching the spec (lower score = better). */
function matchParts(dialect: Dialect, m: MatchSpec): { from: RawBuilder<unknown>; score: RawBuilder<number>; where: RawBuilder<unknown> } {
  const indexed = m.chunks.filter((c) => !c.substring);
  const conds: RawBuilder<unknown>[] = [];
  let from: RawBuilder<unknown> = sql`suggestion_search d`;
  let score: RawBuilder<number> = sql<number>`0`;
  if (indexed.length && dialect === 'sqlite') {
    const expr = indexed.map((c) => `(${fts5Phrase(c.tokens)})`).join(' AND ');
    from = sql`suggestion_search d join (select rowid as rid, rank as score from suggestion_fts where suggestion_fts match ${expr}) f on f.rid = d.seq`;
    score = sql<number>`f.score`;
  } else if (indexed.length) {
    const q = sql.join(indexed.map((c) => sql`phraseto_tsquery('simple', ${c.tokens.join(' ')})`), sql` && `);
    conds.push(sql`d.tsv @@ (${q})`);
    score = sql<number>`(0 - ts_rank(d.tsv, ${q}))`;
  }
  // One Han character has no bigram; a phrase of several bigrams could also span two runs of text
  // ("公交，交车" holds 公交 and 交车 side by side): the substring check makes both exact.
  for (const c of m.chunks) if (c.substring || c.tokens.length > 1) conds.push(sql`d.match_text like ${likeContains(c.text)} escape '\\'`);
  conds.push(visibleDocSql(m.scope));
  if (m.kinds?.length) conds.push(sql`d.kind in (${sql.join(m.kinds)})`);
  if (m.sessionId) conds.push(sql`exists (select 1 from suggestion ss where ss.id = d.suggestion_id and ss.session_id = ${m.sessionId})`);
  if (m.suggestionIds) conds.push(m.suggestionIds.length ? sql`d.suggestion_id in (${sql.join(m.suggestionIds)})` : sql`1 = 0`);
  return { from, score, where: joinAnd(conds) };
}

/** One page of suggestions with a matching document, best first, and how many there are in all. */
export async function searchPage(db: Queryable, dialect: Dialect, m: MatchSpec, page: number, pageSize: number) {
  const { from, score, where } = matchParts(dialect, m);
  const rows = await sql<{ suggestion_id: string; score: number; total: number }>`
    select h.suggestion_id, min(h.score) as score, count(*) over () as total
    from (select d.suggestion_id, ${score} as score from ${from} where ${where}) h
    group by h.suggestion_id
    order by score, h.suggestion_id desc
    limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);
  let total = rows.rows.length ? Number(rows.rows[0].total) : 0;
  if (!rows.rows.length && page > 1) {
    const c = await sql<{ n: number }>`select count(distinct d.suggestion_id) as n from ${from} where ${where}`.execute(db);
    total = Number(c.rows[0]?.n ?? 0);
  }
  return { total, ids: rows.rows.map((r) => r.suggestion_id) };
}

/** The matching documents of the given suggestions (to cut snippets from). */
export async function matchedDocs(db: Queryable, dialect: Dialect, m: MatchSpec) {
  const { from, score, where } = matchParts(dialect, m);
  const r = await sql<{ doc_key: string; suggestion_id: string; kind: string; reply_id: string | null; score: number }>`
    select d.doc_key, d.suggestion_id, d.kind, d.reply_id, ${score} as score from ${from} where ${where}`.execute(db);
  return r.rows;
}

/** Suggestion documents containing one term (the postings of a term), for the similarity search. */
export async function postings(db: Queryable, dialect: Dialect, term: string, limit: number) {
  const r = dialect === 'sqlite'
    ? await sql<{ suggestion_id: string }>`select d.suggestion_id from suggestion_fts f join suggestion_search d on d.seq = f.rowid
        where suggestion_fts match ${fts5Phrase([term])} and d.kind = 'suggestion' limit ${limit}`.execute(db)
    : await sql<{ suggestion_id: string }>`select d.suggestion_id from suggestion_search d
        where d.tsv @@ phraseto_tsquery('simple', ${term}) and d.kind = 'suggestion' limit ${limit}`.execute(db);
  return r.rows.map((x) => x.suggestion_id);
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

export async function suggestionDocCount(db: Queryable): Promise<number> {
  const r = await db.selectFrom('suggestion_search').select((e) => e.fn.countAll<number>().as('n')).where('kind', '=', 'suggestion').executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function suggestionDocTexts(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('suggestion_search').select(['suggestion_id', 'search_text']).where('kind', '=', 'suggestion').where('suggestion_id', 'in', ids).execute();
}
