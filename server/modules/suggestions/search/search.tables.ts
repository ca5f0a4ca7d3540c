/**
 * The search index of suggestions and replies. One row per searchable document: the suggestion itself
 * ('suggestion'), each reply as its unit wrote it ('reply'), and each published reply as the public reads it
 * ('published'). `search_text` holds the bigram tokens the full-text index reads (SQLite FTS5 / PostgreSQL GIN);
 * `match_text` holds the normalised plain text for the one-character substring fallback and exact checks.
 */
export interface SuggestionSearchTable {
  /**
   * Integer key: suggestion key × 256 + slot (search.keys.ts); the FTS5 rowid on SQLite. The suggestion's own
   * document (slot 0) holds its key: key = seq / 256.
   */
  seq: number;
  /** 's:<suggestionId>' | 'r:<replyId>' | 'p:<replyId>' */
  doc_key: string;
  suggestion_id: string;
  /** 'suggestion' | 'reply' | 'published' */
  kind: string;
  reply_id: string | null;
  /** Replies only: 'draft' | 'submitted' (who may find a draft differs). */
  reply_state: string | null;
  search_text: string;
  match_text: string;
  /** The newest updated_at of the rows the document was built from: later changes mean it is stale. */
  source_stamp: string;
}

/** Document frequency of each token over the suggestion documents: the rarity that ranks similar suggestions. */
export interface SuggestionTermTable {
  term: string;
  df: number;
}

export interface SuggestionSearchTables {
  suggestion_search: SuggestionSearchTable;
  suggestion_term: SuggestionTermTable;
}
