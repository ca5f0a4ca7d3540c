/**
 * Pure text helpers of the search: how a query is split and normalised, and how a snippet with the matched
 * text marked is cut from a field. No I/O.
 */
import { queryTokens, tokenize } from '../../../../domain/text/bigrams.js';

/** The form every LIKE comparison uses on both databases: NFKC, lower case. */
export const normalizeForMatch = (s: string) => s.normalize('NFKC').toLowerCase();

/** One chunk of a query (the query split at spaces and punctuation): its tokens and how it is matched. */
export interface QueryChunk {
  /** The chunk as typed, normalised. */
  text: string;
  tokens: string[];
  /** A single Han character has no bigram: matched by substring. */
  substring: boolean;
}

const MAX_CHUNKS = 5;

const HAN = /^\p{Script=Han}$/u;
const isLoneHan = (t: string) => HAN.test(t);

/**
 * A token placed between pieces of text that are not adjacent (across punctuation, spaces or fields), so that
 * no phrase of bigrams can match across them: “公交，交车” never matches 公交车. Queries never contain it.
 */
export const BARRIER = 'qzbrk';

/**
 * The tokens a document is indexed with: every run of letters and digits tokenised as the query is, runs
 * separated by the barrier. A phrase query then matches exactly where the text contains the phrase.
 */
export function indexTokens(parts: string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    for (const run of part.normalize('NFKC').split(/[^\p{L}\p{N}]+/u)) {
      const tokens = tokenize(run);
      if (!tokens.length) continue;
      if (out.length) out.push(BARRIER);
      out.push(...tokens);
    }
  }
  return out.join(' ');
}

/** Whether an indexed document (its tokens and normalised text) matches every chunk of the query. */
export function docMatches(searchText: string, matchText: string, chunks: QueryChunk[]): boolean {
  const tokens = searchText ? searchText.split(' ') : [];
  return chunks.every((c) => {
    if (c.substring) return matchText.includes(c.text);
    const n = c.tokens.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = tokens[i + k] === c.tokens[k];
      if (ok) return true;
    }
    return false;
  });
}

/** Chunks of the query; every chunk must be found in the same document (AND). */
export function parseQuery(q: string): QueryChunk[] {
  const chunks = normalizeForMatch(q.slice(0, 100)).split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, MAX_CHUNKS);
  const out: QueryChunk[] = [];
  for (const text of chunks) {
    const tokens = queryTokens(text);
    if (tokens.length === 0) continue;
    if (out.some((c) => c.text === text)) continue;
    if (text === BARRIER) continue;
    // A lone Han character has no bigram of its own (公交 holds 公交, not 公): such a chunk is matched by substring.
    out.push({ text, tokens, substring: tokens.some(isLoneHan) });
  }
  return out;
}

/** A LIKE pattern for `text` anywhere, with the wildcards escaped (used with ESCAPE '\'). */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface SnippetSegment {
  text: string;
  mark: boolean;
}

/**
 * The text normalised character by character, with the index in the original of each normalised unit, so a
 * match found in the normalised text can be marked in the original.
 */
function normalizedWithMap(original: string): { norm: string; from: number[]; to: number[] } {
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of original) {
    const n = normalizeForMatch(ch);
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    norm += n;
    i += ch.length;
  }
  return { norm, from, to };
}

/** Ranges [start, end) in `text` where any of the chunks occurs, merged and sorted. */
export function findMatches(text: string, chunks: string[]): Array<[number, number]> {
  const { norm, from, to } = normalizedWithMap(text);
  const ranges: Array<[number, number]> = [];
  for (const c of chunks) {
    if (!c) continue;
    let at = norm.indexOf(c);
    while (at >= 0) {
      ranges.push([from[at], to[at + c.length - 1]]);
      at = norm.indexOf(c, at + 1);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * A window of the text around its first match, with every match inside the window marked; the text's start
 * when nothing matches. Ellipses show where the text was cut.
 */
export function snippet(text: string, chunks: string[], opts: { before?: number; length?: number } = {}): { segments: SnippetSegment[]; matched: boolean } {
  const before = opts.before ?? 30;
  const length = opts.length ?? 110;
  const flat = text.replace(/\s+/g, ' ').trim();
  const matches = findMatches(flat, chunks);
  const first = matches[0];
  let start = first ? Math.max(0, first[0] - before) : 0;
  // Do not cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(flat[start])) start--;
  let end = Math.min(flat.length, start + length);
  if (end < flat.length && /[\uDC00-\uDFFF]/.test(flat[end])) end++;
  const segments: SnippetSegment[] = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = segments[segments.length - 1];
    if (last && last.mark === mark) last.text += t;
    else segments.push({ text: t, mark });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const [s, e] of matches) {
    if (e <= start || s >= end) continue;
    const ms = Math.max(s, start);
    const me = Math.min(e, end);
    push(flat.slice(at, ms), false);
    push(flat.slice(ms, me), true);
    at = me;
  }
  push(flat.slice(at, end), false);
  if (end < flat.length) push('…', false);
  return { segments, matched: matches.length > 0 };
}

/** The chunks' plain texts, for marking. */
export const markTexts = (chunks: QueryChunk[]) => chunks.map((c) => c.text);
