/**
 * The numbered points of a reply's body, each split into a short heading and its text.
 */
import type { Layout, PointSpan } from './reply-layout.js';
import { markerOf } from './reply-markers.js';
import { closeCjkSpaces, type Para } from './reply-normalize.js';

export interface ReplyPoint {
  /** The number as written (一 → 1, （三） → 3, 2. → 2). */
  ordinal: number;
  /** The heading without its number, Markdown or final punctuation; null when the point has none. */
  heading: string | null;
  /** The paragraphs of the point after the heading, joined with "\n". */
  text: string;
}

/** A first sentence longer than this is prose, not a heading: the point then has heading null. */
const MAX_HEADING = 50;

export function extractPoints(layout: Layout): ReplyPoint[] {
  return layout.points.map((span) => buildPoint(layout.paras, span));
}

function buildPoint(paras: Para[], span: PointSpan): ReplyPoint {
  let { heading, firstText } = splitOpening(paras[span.start], span.marker.rest);
  // A point that is one plain sentence (一、已开通公交线路23条。) is content, not a heading.
  if (firstText === '' && span.end === span.start + 1 && !paras[span.start].heading && /[。！？!?]$/.test(span.marker.rest)) {
    heading = null;
    firstText = span.marker.rest;
  }
  const texts = [firstText];
  for (let i = span.start + 1; i < span.end; i++) texts.push(paras[i].text);
  const text = texts.map(closeCjkSpaces).filter((t) => t !== '').join('\n');
  return { ordinal: span.marker.value, heading: heading === null ? null : tidyHeading(heading), text };
}

/**
 * Heading and the text that follows it in the opening paragraph. A Markdown heading is all heading; a bold
 * lead is the heading; otherwise the first sentence (up to 。；：！？) is, when it is short.
 */
function splitOpening(p: Para, rest: string): { heading: string | null; firstText: string } {
  if (p.heading) return { heading: rest, firstText: '' };
  if (p.boldLead && p.text.startsWith(p.boldLead)) {
    const lead = markerOf(p.boldLead)?.rest ?? p.boldLead;
    return { heading: lead, firstText: p.text.slice(p.boldLead.length).trim() };
  }
  const end = firstSentenceEnd(rest);
  if (end < 0) return rest.length <= MAX_HEADING ? { heading: rest, firstText: '' } : { heading: null, firstText: rest };
  const head = rest.slice(0, end);
  if (head.length > MAX_HEADING) return { heading: null, firstText: rest };
  return { heading: head, firstText: rest.slice(end + 1).trim() };
}

/** Index of the first sentence-ending mark outside quotes and brackets, or -1. */
function firstSentenceEnd(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ('“‘「『《（(【'.includes(c)) depth++;
    else if ('”’」』》）)】'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '。！？；：!?;:'.includes(c) && !isClockColon(s, i)) return i;
  }
  return -1;
}

function isClockColon(s: string, i: number): boolean {
  return (s[i] === ':' || s[i] === '：') && /\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? '');
}

function tidyHeading(s: string): string | null {
  const t = closeCjkSpaces(s).replace(/[。；：，、,.;:\s]+$/, '');
  return t === '' ? null : t;
}
