/**
 * Finds personal contact data in a text to be published: mobile and landline numbers, ID-card numbers
 * and personal e-mail addresses. The unit's official contact lines (and official e-mail domains) are kept.
 * Each finding says what it is and where, so a reviewer can see it and keep or add ranges before publishing.
 */
export type RedactionKind = 'mobile' | 'landline' | 'id_card' | 'email';

export interface Redaction {
  start: number;
  end: number;
  kind: RedactionKind;
  original: string;
  replacement: string;
}

export interface RedactOptions {
  /** Official numbers that stay public (e.g. the unit's 5241566 or 0356-5241566). Compared digits-only. */
  keepNumbers?: string[];
  /** E-mail domains that are institutional, not personal (e.g. gov.cn). */
  officialEmailDomains?: string[];
}

export const KIND_LABELS: Record<RedactionKind, string> = {
  mobile: '手机号码',
  landline: '固定电话',
  id_card: '身份证号码',
  email: '个人电子邮箱',
};

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function validIdCard(id: string): boolean {
  const s = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return ID_CHECK[sum % 11] === s[17];
}

const digits = (s: string) => s.replace(/\D/g, '');

// Order matters: longer, more specific patterns first; later matches inside earlier ones are ignored.
// Numbers glued to letters (ids such as UUIDs, file hashes) are not phone numbers.
const PATTERNS: Array<{ kind: RedactionKind; re: RegExp; accept?: (m: string) => boolean }> = [
  { kind: 'id_card', re: /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, accept: validIdCard },
  { kind: 'id_card', re: /(?<![\dA-Za-z])\d{6}(?:\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![\dA-Za-z])/g },
  { kind: 'email', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  { kind: 'mobile', re: /(?<![0-9A-Za-z])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?![0-9A-Za-z])/g },
  { kind: 'landline', re: /(?<![0-9A-Za-z])(?:[(（]?0\d{2,3}[)）]?[-－\s]?)\d{7,8}(?:[-－转]\d{1,5})?(?![0-9A-Za-z])/g },
  // A bare local number (7–8 digits) counts as a phone only when a phone word stands right before it.
  { kind: 'landline', re: /(?<=(?:电话|手机|联系方式|Tel|TEL|tel)[：:\s]*)\d{7,8}(?!\d)/g },
];

function mask(kind: RedactionKind, original: string): string {
  const d = digits(original);
  switch (kind) {
    case 'mobile':
      return `${d.slice(-11, -8)}****${d.slice(-4)}`;
    case 'id_card':
      return `${original.slice(0, 6)}********${original.slice(-4, -1)}*`;
    case 'email':
      return '［个人邮箱已隐去］';
    case 'landline':
      return '［电话已隐去］';
  }
}

/**
 * The text as the patterns read it: each character in its NFKC form (full-width digits, letters, hyphens
 * and spaces become ASCII) with format characters removed (zero-width space, soft hyphen, word joiner,
 * byte-order mark …), so 「１３９１２３４５６７８」 or a number with a zero-width space inside is still found.
 * `from[i]` / `to[i]` give the original range of the character that produced position i, so a match is
 * mapped back to the original text and redacts every character of it, the invisible ones included.
 */
export function normalizeForDetection(text: string): { text: string; from: number[]; to: number[] } {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const start = i;
    i += ch.length;
    if (FORMAT_CHAR.test(ch)) continue;
    const n = ch.normalize('NFKC');
    for (let k = 0; k < n.length; k++) {
      from.push(start);
      to.push(i);
    }
    out += n;
  }
  return { text: out, from, to };
}

const FORMAT_CHAR = /^[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0]$/u;

export function findPersonalData(text: string, opts: RedactOptions = {}): Redaction[] {
  const keep = new Set((opts.keepNumbers ?? []).map((k) => digits(k.normalize('NFKC'))).filter(Boolean));
  const officialDomains = (opts.officialEmailDomains ?? ['gov.cn']).map((d) => d.toLowerCase());
  const norm = normalizeForDetection(text);
  const found: Redaction[] = [];
  const overlaps = (s: number, e: number) => found.some((r) => s < r.end && e > r.start);
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (const m of norm.text.matchAll(p.re)) {
      const seen = m[0];
      if (p.accept && !p.accept(seen)) continue;
      if (p.kind === 'email' && officialDomains.some((d) => seen.toLowerCase().endsWith(`.${d}`) || seen.toLowerCase().endsWith(`@${d}`))) continue;
      if ((p.kind === 'mobile' || p.kind === 'landline') && isKept(digits(seen), keep)) continue;
      let start = norm.from[m.index!];
      let end = norm.to[m.index! + seen.length - 1];
      // Invisible characters glued to either end belong to the number too.
      while (start > 0 && FORMAT_CHAR.test(text[start - 1])) start--;
      while (end < text.length && FORMAT_CHAR.test(text[end])) end++;
      if (overlaps(start, end)) continue;
      found.push({ start, end, kind: p.kind, original: text.slice(start, end), replacement: mask(p.kind, seen) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** An official number may be written with or without its area code: 0356-5241566 keeps 5241566 too. */
function isKept(d: string, keep: Set<string>): boolean {
  for (const k of keep) if (d === k || d.endsWith(k) || k.endsWith(d)) return true;
  return false;
}

export function applyRedactions(text: string, redactions: Redaction[]): string {
  let out = '';
  let at = 0;
  for (const r of [...redactions].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    out += text.slice(at, r.start) + r.replacement;
    at = r.end;
  }
  return out + text.slice(at);
}

export function redact(text: string, opts: RedactOptions = {}): { text: string; redactions: Redaction[] } {
  const redactions = findPersonalData(text, opts);
  return { text: applyRedactions(text, redactions), redactions };
}
