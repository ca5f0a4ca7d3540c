/**
 * Where the parts of a reply sit among its paragraphs: header (red header, document number, class mark),
 * title, salutation, intro, the numbered points, and the closing (以上答复…, thanks, signature, contact).
 */
import { STYLE_RANK, markerOf, type Marker } from './reply-markers.js';
import { closeCjkSpaces, paragraphs, type Para } from './reply-normalize.js';
import {
  CLASS_MARK_LINE, HARD_CLOSING, LEADING_CLASS_MARK, SOFT_CLOSING, findDocNumber, isOrganName, isSalutation,
  redHeaderOrgan, signatureDate,
} from './reply-patterns.js';

export interface PointSpan {
  marker: Marker;
  /** Index of the paragraph that opens the point. */
  start: number;
  /** Index one past its last paragraph. */
  end: number;
}

export interface Layout {
  paras: Para[];
  furniture: string[];
  /** Index of the title paragraph, -1 when there is none. */
  titleIndex: number;
  /** The title with a broken last line joined and scanning spaces removed. */
  title: string | null;
  /** Index of the salutation (尊敬的…代表：), -1 when there is none. */
  salutationIndex: number;
  /** First paragraph after the salutation (or title) — where intro and points begin. */
  bodyStart: number;
  /** First paragraph of the closing; paras.length when there is none. */
  closingStart: number;
  points: PointSpan[];
}

const HEAD_SCAN = 40;

export function layoutOf(text: string): Layout {
  const { paras, furniture } = paragraphs(text);
  const answerFrom = answerSection(paras);
  const salutationIndex = findSalutation(paras, answerFrom);
  const titleLimit = salutationIndex >= 0 ? salutationIndex : Math.max(answerFrom, Math.min(paras.length, 15));
  const { index: titleIndex, title } = findTitle(paras, titleLimit);
  const bodyStart = Math.max(
    answerFrom,
    salutationIndex >= 0 ? salutationIndex + 1 : titleIndex >= 0 ? titleIndex + 1 : headerEnd(paras),
  );
  const bodyEnd = findHardClosing(paras, bodyStart);
  const starts = findPointStarts(paras, bodyStart, bodyEnd);
  const closingStart = starts.length > 0 ? findSoftClosing(paras, starts[starts.length - 1].start + 1, bodyEnd) : bodyEnd;
  const points = starts.map((s, i) => ({
    ...s,
    end: i + 1 < starts.length ? starts[i + 1].start : closingStart,
  }));
  return { paras, furniture, titleIndex, title, salutationIndex, bodyStart, closingStart, points };
}

/** 答复内容： / 答复意见 / 答复： opening the reply part of a results page. */
const ANSWER_LABEL = /^[【[]?(?:(?:答复内容|答复意见|办理答复|答复正文|答复情况|回复内容)[】\]]?\s*(?:[：:]|$)|答复[】\]]?\s*[：:])/;

/**
 * Portals that publish 办理结果 print the suggestion first (建议内容：…, with its own numbering) and the
 * reply after a label (答复内容：). Returns the index where the reply starts (0 when unlabelled); the label
 * is cut from its paragraph.
 */
function answerSection(paras: Para[]): number {
  const at = paras.findIndex((p) => ANSWER_LABEL.test(p.text));
  if (at < 0) return 0;
  const rest = paras[at].text.replace(ANSWER_LABEL, '').trim();
  if (rest === '') return at + 1;
  paras[at] = { ...paras[at], text: rest };
  return at;
}

function findSalutation(paras: Para[], from: number): number {
  const limit = Math.min(paras.length, from + HEAD_SCAN);
  for (let i = from; i < limit; i++) {
    if (!paras[i].heading && isSalutation(paras[i].text)) return i;
  }
  return -1;
}

/** Without title or salutation, the header is the run of opening lines that are header-like. */
function headerEnd(paras: Para[]): number {
  let i = 0;
  while (
    i < paras.length &&
    (redHeaderOrgan(paras[i].text) !== null ||
      isOrganName(paras[i].text) ||
      CLASS_MARK_LINE.test(paras[i].text) ||
      (findDocNumber(paras[i].text) !== null && paras[i].text.length <= 40))
  ) {
    i++;
  }
  return i;
}

// ---------------------------------------------------------------- title

const REPLY_WORD = /答复|回复|复函|的函|办理情况/;

/** Portals label the page title: 标题：关于…的答复 */
const TITLE_LABEL = /^(标题|题名|文件标题|文章标题|名称)\s*[：:]\s*/;

/** Opens like a title: 关于… / 对… / XX局关于…, not a sentence of the intro. */
function isTitleStart(s: string): boolean {
  if (s.length < 2 || s.length > 120) return false;
  if (/[。：:；;]$/.test(s) || /收悉|现(将|就).*(答复|回复)如下/.test(s)) return false;
  // A labelled line (建议标题：…, 案由：…) names the suggestion, not the reply.
  if (/^[^：:]{1,8}[：:]/.test(s)) return false;
  return /(关于|^对|对.{0,30}(会议|代表|委员))/.test(s);
}

function isTitleCandidate(s: string): boolean {
  return s.length >= 6 && isTitleStart(s) && (/建议|提案|议案|意见/.test(s) || REPLY_WORD.test(s));
}

function titleText(p: Para | undefined): string {
  return p ? closeCjkSpaces(p.text.replace(TITLE_LABEL, '').replace(LEADING_CLASS_MARK, '')) : '';
}

/** The first title-like line that names a reply (答复, 复函 …); else the first title-like line at all. */
function findTitle(paras: Para[], limit: number): { index: number; title: string | null } {
  const found = firstTitle(paras, limit, true);
  return found.index >= 0 ? found : firstTitle(paras, limit, false);
}

function firstTitle(paras: Para[], limit: number, needReplyWord: boolean): { index: number; title: string | null } {
  for (let i = 0; i < limit; i++) {
    const title = titleText(paras[i]);
    if (!isTitleStart(title)) continue;
    // A title broken over two lines: 关于市人大七届六次会议 / 第187号建议的答复
    const next = titleText(paras[i + 1]);
    if (!REPLY_WORD.test(title) && i + 1 < paras.length && next.length <= 40 && REPLY_WORD.test(next) &&
        !/[。：:；;]$/.test(next) && !isSalutation(next) && !TITLE_LABEL.test(paras[i + 1].text)) {
      return { index: i + 1, title: title + next };
    }
    if (!isTitleCandidate(title) || (needReplyWord && !REPLY_WORD.test(title))) continue;
    return { index: i, title };
  }
  return { index: -1, title: null };
}

// ---------------------------------------------------------------- closing

function findHardClosing(paras: Para[], from: number): number {
  for (let i = from; i < paras.length; i++) {
    const s = paras[i].text;
    if (HARD_CLOSING.test(s) || signatureDate(s) !== null) return i;
    if (isOrganName(s) && paras[i + 1] && signatureDate(paras[i + 1].text) !== null) return i;
  }
  return paras.length;
}

function findSoftClosing(paras: Para[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    if (!paras[i].heading && markerOf(paras[i].text) === null && SOFT_CLOSING.test(paras[i].text)) return i;
  }
  return to;
}

// ---------------------------------------------------------------- points

/**
 * The openings of the top-level points: the highest-ranked numbering style that counts at least two items
 * from 1 upwards (one missing number is tolerated, e.g. a heading lost in scanning). Lower levels nested
 * inside (（一） under 一、, 一是 inside a paragraph) stay in the text of their point.
 */
function findPointStarts(paras: Para[], from: number, to: number): Array<Omit<PointSpan, 'end'>> {
  const markers: Array<Marker | null> = [];
  for (let i = from; i < to; i++) markers.push(markerOf(paras[i].text));
  for (const style of STYLE_RANK) {
    const starts: Array<Omit<PointSpan, 'end'>> = [];
    let last = 0;
    markers.forEach((m, k) => {
      if (!m || m.style !== style) return;
      const first = starts.length === 0;
      if ((first && m.value === 1) || (!first && m.value > last && m.value <= last + 2)) {
        starts.push({ marker: m, start: from + k });
        last = m.value;
      }
    });
    if (starts.length >= 2) return starts;
  }
  return [];
}
