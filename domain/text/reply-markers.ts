/**
 * Numbering markers that open a paragraph of an official reply: 一、 （一） 第一， 1. 1） （1） 一是 ①.
 * GB/T 9704 orders the levels 一、 > （一） > 1. > （1）; the others are common in practice.
 */
import { CN_NUMERAL_CHARS, parseCnInt } from './cn-numerals.js';

export type MarkerStyle =
  | 'cn' // 一、
  | 'cnParen' // （一）
  | 'cnOrdinal' // 第一，
  | 'arabic' // 1. 1、 1．
  | 'arabicHalfParen' // 1） 1)
  | 'arabicParen' // （1）
  | 'cnIs' // 一是
  | 'circled'; // ①

/** Higher levels first: when several styles are present, the first one found in this list is the top level. */
export const STYLE_RANK: readonly MarkerStyle[] = [
  'cn', 'cnParen', 'cnOrdinal', 'arabic', 'arabicHalfParen', 'arabicParen', 'cnIs', 'circled',
];

export interface Marker {
  style: MarkerStyle;
  value: number;
  /** The paragraph after the marker. */
  rest: string;
}

const N = `[${CN_NUMERAL_CHARS}]{1,3}`;

const PATTERNS: ReadonlyArray<[MarkerStyle, RegExp]> = [
  ['cn', new RegExp(`^(${N})\\s*[、．.,，]\\s*`)],
  ['cnParen', new RegExp(`^[（(]\\s*(${N})\\s*[）)]\\s*[、.．]?\\s*`)],
  ['cnOrdinal', new RegExp(`^第(${N})\\s*[，,、：:]\\s*`)],
  ['arabic', /^(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*/],
  ['arabicHalfParen', /^(\d{1,2})\s*[）)]\s*/],
  ['arabicParen', /^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*/],
  ['cnIs', new RegExp(`^(${N})是(?=[\\p{Script=Han}“"（(《])[，,：:]?\\s*`, 'u')],
  ['circled', /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*/],
];

/** The numbering marker at the start of a paragraph, or null. */
export function markerOf(text: string): Marker | null {
  for (const [style, re] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const value = style === 'circled' ? m[1].charCodeAt(0) - 0x2460 + 1 : parseCnInt(m[1]);
    if (value === null || value < 1 || value > 99) continue;
    // "一、二线城市" and "1.5万" are not markers: a marker must be followed by text.
    const rest = text.slice(m[0].length);
    if (rest === '') continue;
    if (style === 'cn' && /^[一二三四五六七八九十]+[线级类产期批]/.test(rest)) continue;
    return { style, value, rest };
  }
  return null;
}
