/**
 * Similar earlier suggestions, scored in the app: the draft's bigrams weighted by rarity (idf from the
 * document frequencies the index keeps), candidates fetched from the index by the rarest bigrams first, then
 * ranked by the cosine of tf-idf vectors. Pure: the database work is in the service.
 */
import { tokenize } from '../../../../domain/text/bigrams.js';
import { BARRIER } from './search.text.js';

const HAN = /\p{Script=Han}/u;

/** Tokens worth comparing: bigrams and words of two or more characters (a single Han character says little). */
const meaningful = (t: string) => [...t].length >= 2 && !/^\d+$/.test(t) && t !== BARRIER;

/** 关于……的建议: the frame of nearly every title says nothing about the matter. */
export const titleCore = (title: string) => title.trim().replace(/^关于/, '').replace(/的?(建议|提案|意见|议案)$/, '');

/** The draft as weighted tokens: the title (without its frame) counts twice. */
export function draftWeights(title: string, body: string): Map<string, number> {
  const w = new Map<string, number>();
  for (const t of tokenize(titleCore(title))) if (meaningful(t)) w.set(t, (w.get(t) ?? 0) + 2);
  for (const t of tokenize(body)) if (meaningful(t)) w.set(t, (w.get(t) ?? 0) + 1);
  return w;
}

/** Rarity of a term among n documents (BM25's idf: always positive, large for rare terms). */
export const idf = (df: number, n: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/**
 * Which of the draft's terms to look up in the index: those that occur at all, rarest first, until the
 * postings to read reach the budget. Terms found in most documents are skipped: they find everything.
 */
export function probeTerms(terms: Iterable<string>, df: Map<string, number>, n: number, opts: { budget?: number; maxTerms?: number } = {}): string[] {
  const budget = opts.budget ?? 20_000;
  const maxTerms = opts.maxTerms ?? 48;
  const ceiling = Math.max(50, n * 0.2);
  const known = [...new Set(terms)].filter((t) => (df.get(t) ?? 0) > 0 && (df.get(t) ?? 0) <= ceiling).sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1));
  const out: string[] = [];
  let spent = 0;
  for (const t of known) {
    const d = df.get(t)!;
    if (out.length >= maxTerms || (spent + d > budget && out.length > 0)) break;
    out.push(t);
    spent += d;
  }
  return out;
}

/** Term frequencies of an indexed document (its search_text: tokens separated by spaces). */
export function termCounts(searchText: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of searchText.split(' ')) if (t && meaningful(t)) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** tf-idf vector with sub-linear tf (1 + ln tf). */
function vector(tf: Map<string, number>, df: Map<string, number>, n: number): Map<string, number> {
  const v = new Map<string, number>();
  for (const [t, c] of tf) v.set(t, (1 + Math.log(c)) * idf(df.get(t) ?? 1, n));
  return v;
}

const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((a, x) => a + x * x, 0));

/** Cosine similarity of the draft and a document, 0..1. */
export function cosine(draft: Map<string, number>, doc: Map<string, number>, df: Map<string, number>, n: number): number {
  const a = vector(draft, df, n);
  const b = vector(doc, df, n);
  let dot = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [t, x] of small) {
    const y = large.get(t);
    if (y) dot += x * y;
  }
  const d = norm(a) * norm(b);
  return d === 0 ? 0 : dot / d;
}

/** Words every suggestion uses: not worth showing as what two suggestions share. */
const PLAIN_WORDS = ['关于', '建议', '的建议', '建议加', '问题', '我们', '进一步', '加强', '提出'];

/**
 * The phrases the draft shares with a document, read off the draft: maximal runs of Han characters whose
 * every bigram the document also has (公交 + 交线 + 线路 → 公交线路), longest first.
 */
export function sharedPhrases(draftText: string, docTerms: Set<string>, max = 6): string[] {
  const found = new Map<string, number>();
  const chars = [...draftText.normalize('NFKC')];
  let i = 0;
  while (i < chars.length - 1) {
    if (!HAN.test(chars[i]) || !HAN.test(chars[i + 1]) || !docTerms.has(chars[i] + chars[i + 1])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j + 1 < chars.length && HAN.test(chars[j + 1]) && docTerms.has(chars[j] + chars[j + 1])) j++;
    const phrase = chars.slice(i, j + 1).join('');
    found.set(phrase, (found.get(phrase) ?? 0) + 1);
    i = j + 1;
  }
  for (const w of PLAIN_WORDS) found.delete(w);
  return [...found.keys()].sort((a, b) => [...b].length - [...a].length || found.get(b)! - found.get(a)!).filter((p, k, all) => !all.slice(0, k).some((q) => q.includes(p))).slice(0, max);
}
