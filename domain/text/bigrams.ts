/**
 * Chinese full-text search without a dictionary: runs of Han characters become overlapping bigrams
 * (a one-character run stays itself), Latin letters and digits become lower-cased words. Documents and
 * queries are tokenised the same way and a query is a phrase of its tokens, so any two-character query
 * (公交, 户籍) finds exactly the texts that contain it, like LIKE '%公交%' but from an index.
 */
const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let han = '';
  let word = '';
  const flushHan = () => {
    const chars = [...han];
    if (chars.length === 1) tokens.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
    han = '';
  };
  const flushWord = () => {
    if (word) tokens.push(word.toLowerCase());
    word = '';
  };
  for (const ch of text.normalize('NFKC')) {
    if (HAN.test(ch)) {
      flushWord();
      han += ch;
    } else if (WORD.test(ch)) {
      flushHan();
      word += ch;
    } else {
      flushHan();
      flushWord();
    }
  }
  flushHan();
  flushWord();
  return tokens;
}

/** What a searchable row stores in its `search_text` column: tokens separated by spaces. */
export const searchText = (...parts: Array<string | null | undefined>): string => parts.filter(Boolean).map((p) => tokenize(p!).join(' ')).join(' ');

/** The query's tokens as one phrase; empty when the query has nothing searchable. */
export function queryTokens(query: string): string[] {
  return tokenize(query.slice(0, 100));
}

/** A query of one Han character has no bigram: callers fall back to a substring match. */
export const needsSubstringFallback = (tokens: string[]) => tokens.length === 1 && [...tokens[0]].length === 1 && HAN.test(tokens[0]);

/** FTS5 phrase syntax: every token double-quoted (quotes doubled), joined by '+' so they must be adjacent. */
export const fts5Phrase = (tokens: string[]) => tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' + ');
