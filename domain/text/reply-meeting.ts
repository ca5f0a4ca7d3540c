/**
 * Which congress, which session and which numbered suggestion the reply answers:
 * 市人大七届六次会议第187号建议 → 人大, 七届六次, 187.
 */
import { CN_NUMERAL_CHARS, parseCnInt, toCnNumeral } from './cn-numerals.js';

export type Congress = '人大' | '政协';

export interface MeetingRef {
  congress: Congress | null;
  /** Short form in Chinese numerals: 七届六次, 十五届五次. */
  session: string | null;
  suggestionNumber: number | null;
}

const NUM = `[${CN_NUMERAL_CHARS}\\d]{1,4}`;

/**
 * 七届六次 / 十七届人大三次 / 第十五届人民代表大会第五次 / 政协…第十一届委员会第三次. The middle part names
 * the body; 常委会 meetings are not plenary sessions and are skipped.
 */
const SESSION = new RegExp(
  `第?(${NUM})届([^，。；：、\\s第届次\\d]{0,14}?)(常务委员会|常委会)?第?(${NUM})次(?:全体)?(?:会议|全会|大会)?`,
  'gu',
);

const NPC_WORDS = /人大|人民代表大会|代表大会/;
const CPPCC_WORDS = /政协|政治协商/;

export interface SessionMatch {
  session: string;
  congress: Congress | null;
}

/** The first plenary session named in the text. */
export function findSession(text: string): SessionMatch | null {
  for (const m of text.matchAll(SESSION)) {
    if (m[3]) continue;
    const term = parseCnInt(m[1]);
    const sitting = parseCnInt(m[4]);
    if (term === null || sitting === null || term < 1 || term > 40 || sitting < 1 || sitting > 20) continue;
    const index = m.index ?? 0;
    const around = text.slice(Math.max(0, index - 16), index) + m[2];
    return { session: `${toCnNumeral(term)}届${toCnNumeral(sitting)}次`, congress: congressIn(around, m[2]) };
  }
  return null;
}

function congressIn(around: string, middle: string): Congress | null {
  const npc = around.search(NPC_WORDS);
  const cppcc = around.search(CPPCC_WORDS);
  if (npc >= 0 && (cppcc < 0 || npc > cppcc)) return '人大';
  if (cppcc >= 0) return '政协';
  // 政协XX市第十一届委员会第三次会议 writes 委员会 between 届 and 次.
  return /委员会$/.test(middle) ? '政协' : null;
}

const NUMBER_PATTERNS: readonly RegExp[] = [
  new RegExp(`(?<![〕\\]）)】］\\d])(?:第\\s*)?(\\d{1,5}|[${CN_NUMERAL_CHARS}]{1,6})\\s*号\\s*(?:代表|委员)?(?:建议|议案|提案)`, 'u'),
  /(?:建议|提案|议案)(?:编号|号|序号)\s*[：:]\s*第?\s*(\d{1,5})/,
  /(?:建议|提案|议案)\s*第\s*(\d{1,5})\s*号/,
  // 《关于…的建议》（第187号）
  /[》”」]\s*[（(]\s*第?\s*(\d{1,5})\s*号\s*[）)]/,
];

/** 第187号建议, 第0123号建议 (→ 123), 第3号议案, 第45号提案, 提案号：45. */
export function findSuggestionNumber(text: string): number | null {
  for (const re of NUMBER_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const n = parseCnInt(m[1]);
    if (n !== null && n > 0) return n;
  }
  return null;
}

/** The congress named in words anywhere in the text (the earlier mention wins). */
export function congressNamed(text: string): Congress | null {
  const npc = text.search(NPC_WORDS);
  const cppcc = text.search(CPPCC_WORDS);
  if (npc < 0 && cppcc < 0) return null;
  if (cppcc < 0 || (npc >= 0 && npc < cppcc)) return '人大';
  return '政协';
}

/**
 * Meeting reference from the places that state it, most reliable first (title, header, intro).
 * When no session or body is named, the kind of item still tells: 议案 and deputies (代表) belong to the
 * people's congress, 提案 and members (委员) to the CPPCC.
 */
export function meetingRef(sources: string[], addresseeRole: string | null, title: string | null): MeetingRef {
  let session: SessionMatch | null = null;
  let suggestionNumber: number | null = null;
  for (const s of sources) {
    session ??= findSession(s);
    suggestionNumber ??= findSuggestionNumber(s);
  }
  const congress =
    session?.congress ??
    congressNamed(sources.join('\n')) ??
    (addresseeRole === '代表' ? '人大' : addresseeRole === '委员' ? '政协' : null) ??
    kindOf(title);
  return { congress, session: session?.session ?? null, suggestionNumber };
}

function kindOf(title: string | null): Congress | null {
  if (!title) return null;
  if (/提案/.test(title)) return '政协';
  if (/议案/.test(title)) return '人大';
  return null;
}
