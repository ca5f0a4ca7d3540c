/**
 * Cuts the text of a reply point into sentences and clauses, the spans a promise can quote. Quoted names
 * and titles (“职工餐厅”, 《备忘录》) are never cut, and are hidden from the readers of clauses so that a
 * slogan («拿地即开工») or a quoted suggestion does not read as a commitment.
 */

export interface Clause {
  /** The clause as written, trimmed. */
  text: string;
  /** Same length as `text`: digits made ASCII and quoted contents replaced by □. */
  plain: string;
  /** The separator that followed it in the sentence (，：…), or '' when a clause ends the sentence. */
  sep: string;
}

export type Sentence = Clause[];

const OPEN = '“「『《（(‘';
const CLOSE = '”」』》）)’';

/** Sentence ends. A semicolon ends a sentence too: replies list 一是…；二是…； as separate statements. */
const SENTENCE_END = /[。！？!?；;]/;
const CLAUSE_END = /[，,：:]/;
/** Inside a clause, these start a second predicate with its own time (…开工建设并于年底竣工). */
const INNER_SPLIT = /(?=并于|并在|并将|并力争|并争取|并确保|同时于)/g;

/**
 * Joins lines that a page break or a narrow column cut in the middle of a sentence, keeping real paragraph
 * ends (a line ending with 。；：! or a short line such as a title or a signature).
 */
export function joinBrokenLines(text: string): string {
  const lines = String(text ?? '').replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      if (out.length && out[out.length - 1] !== '') out.push('');
      continue;
    }
    let k = out.length - 1;
    while (k >= 0 && out[k] === '') k--;
    const prev = k >= 0 ? out[k] : '';
    const broken = prev.length >= 15 && /[\u4e00-\u9fa5，、“”（）0-9A-Za-z]$/.test(prev) && /^[\u4e00-\u9fa5，、”）0-9]/.test(line) && !looksLikeHeading(line);
    if (broken) {
      out.length = k + 1;
      out[k] = prev + line;
    } else {
      out.push(line);
    }
  }
  return out.filter((l) => l !== '').join('\n');
}

function looksLikeHeading(line: string): boolean {
  return /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[、.．]|#)/.test(line);
}

/** Full-width digits to ASCII, quoted contents to □; same length as the input. */
export function plainOf(text: string): string {
  let depth = 0;
  let ascii = false;
  let out = '';
  for (const ch of text) {
    const c = /[０-９]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : ch === '％' ? '%' : ch;
    if (c === '"') {
      // ASCII quotes open and close alike.
      ascii = !ascii;
      depth += ascii ? 1 : -1;
      out += c;
    } else if (OPEN.includes(c) && c !== '（' && c !== '(') {
      depth++;
      out += c;
    } else if (CLOSE.includes(c) && c !== '）' && c !== ')' && depth > 0) {
      depth--;
      out += c;
    } else {
      out += depth > 0 ? '□'.repeat(c.length) : c;
    }
  }
  // An unbalanced quote would hide everything after it: then hide nothing.
  if (depth > 0) return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return out;
}

/** Splits `text` at `isEnd` characters outside quotes and brackets; the separator stays with the left part. */
function splitOutside(text: string, isEnd: (ch: string) => boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let ascii = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      ascii = !ascii;
      depth += ascii ? 1 : -1;
      if (depth < 0) depth = 0;
    } else if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch) && depth > 0) depth--;
    else if (depth === 0 && isEnd(ch)) {
      parts.push(text.slice(start, i + 1));
      start = i + 1;
    }
    // A quote left open for long is a typing error, not a quotation.
    if (depth > 0 && i - start > 200) depth = 0;
  }
  if (start < text.length) parts.push(text.slice(start));
  return parts;
}

function trimClause(s: string): { text: string; sep: string } {
  const text = s.replace(/^[\s，,：:、。；;]+|[\s，,：:、。；;！？!?]+$/g, '');
  const tail = /[，,：:]\s*$/.exec(s);
  return { text, sep: tail ? tail[0].trim() : '' };
}

/** Sentences of a point, each a list of clauses (empty clauses dropped). */
export function splitSentences(text: string): Sentence[] {
  const joined = joinBrokenLines(text);
  const sentences: Sentence[] = [];
  for (const para of joined.split('\n')) {
    for (const sent of splitOutside(para, (c) => SENTENCE_END.test(c))) {
      const clauses: Clause[] = [];
      for (const piece of splitOutside(sent, (c) => CLAUSE_END.test(c))) {
        for (const sub of piece.split(INNER_SPLIT)) {
          const { text: t, sep } = trimClause(sub);
          if (t) clauses.push({ text: t, plain: plainOf(t), sep });
        }
      }
      if (clauses.length) sentences.push(clauses);
    }
  }
  return sentences;
}

/** Joins consecutive clauses back as they were written. */
export function joinClauses(clauses: Clause[]): string {
  return clauses.map((c, i) => (i < clauses.length - 1 ? c.text + c.sep : c.text)).join('');
}
