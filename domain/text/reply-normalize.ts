/**
 * Turns the text of a reply — plain, Markdown, copied from a government web page, or converted from a
 * scanned page — into clean paragraphs: Markdown marks gone, web-page furniture gone, and sentences that a
 * page break cut in two joined again.
 */
import { markerOf } from './reply-markers.js';
import {
  CLASS_MARK_LINE, HARD_CLOSING, findDocNumber, isOrganName, isSalutation, redHeaderOrgan, signatureDate,
} from './reply-patterns.js';

export interface Para {
  /** Text without Markdown marks, spaces collapsed. */
  text: string;
  /** A Markdown heading or a paragraph wholly in bold. */
  heading: boolean;
  /** A bold run that opens the paragraph when the rest is not bold (**一、加强领导。**我局…). */
  boldLead: string | null;
}

/** Encoding debris, line ends, odd spaces, full-width digits and Latin letters. */
export function prepareText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\t\u00A0\u3000\u2002-\u200A\u202F\u205F]/g, ' ');
}

// ---------------------------------------------------------------- Markdown

/** One physical line without its Markdown; null for lines that carry nothing (rules, table borders). */
export function stripMarkdown(line: string): Para | null {
  let s = line.trim();
  if (s === '') return null;
  if (/^([-*_=]\s*){3,}$/.test(s)) return null;
  if (s.startsWith('|')) {
    if (/^\|?[\s:|-]+\|?$/.test(s)) return null;
    s = s.replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).filter(Boolean).join(' ');
  }
  s = s.replace(/^(>\s*)+/, '');
  let heading = false;
  const h = /^#{1,6}(?:\s+|(?=[^#\s]))/.exec(s);
  if (h) {
    heading = true;
    s = s.slice(h[0].length).replace(/\s+#+\s*$/, '');
  }
  s = s.replace(/^[-*+•●▪■◆◇]\s+/, '');
  s = s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1')
    .trim();
  let boldLead: string | null = null;
  const whole = /^(\*\*|__)(.+)\1$/.exec(s);
  if (whole && !whole[2].includes(whole[1])) {
    heading = true;
  } else {
    const lead = /^(\*\*|__)(.+?)\1(.+)$/.exec(s);
    if (lead) boldLead = clean(lead[2]);
  }
  s = clean(s.replace(/\*\*|__/g, '').replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?!\w)/g, '$1$2'));
  if (s === '') return null;
  return { text: s, heading, boldLead };
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------- web-page furniture

const FURNITURE_LABEL =
  /^[【[（(]?\s*(发布时间|发布日期|发布机构|更新时间|更新日期|生成日期|浏览次数|浏览量|阅读次数|阅读量|访问次数|访问量|点击数|点击量|点击次数|来源|信息来源|文章来源|作者|编辑|责任编辑|审核|字号|字体|分享到|分享|索引号|主题分类|公开方式|公开范围|公开时限|公开属性|信息类别|体裁分类|服务对象|有效性|所属机构|关键词|主题词|文号|发文字号|发文机关|成文日期|发文日期)(\s*[：:]|\s+\S)/;
const ACTIONS = /^([【[（(]?\s*(打印(本页|此页|文章)?|关闭(窗口|本页)?|返回(顶部|首页|列表|上一页)?|收藏(本页)?|加入收藏|设为首页|保存|分享|大|中|小|默认|纠错|我要纠错|字号|A\+|A-|TOP|top)\s*[】\]）)]?\s*[|｜/、·]?\s*)+$/;
const BREADCRUMB = /^(当前位置|您的位置|您现在的位置|所在位置|位置)\s*[：:]|^(网站)?(首页|主页)\s*([>＞»›→/]|&gt;)/;
const SIBLINGS = /^(上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|相关新闻|相关附件|附件下载|扫一扫|扫码|微信扫一扫|手机扫一扫|用手机扫描|在手机上打开|分享至)/;
const FILE_LINK = /^(附件\s*\d*\s*[：:]?\s*)?[^。]{0,80}\.(docx?|pdf|xlsx?|wps|zip|rar|ofd|jpe?g|png)\s*(\([^)]*\))?$/i;
/** Page numbers left by a conversion: — 2 —, -3-, 第2页, 第 2 页 共 5 页, 2/5. */
const PAGE_NUMBER = /^([—－-]+\s*\d{1,3}\s*[—－-]+|第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;
/** Lines that only a site footer has; from here on the page is no longer the document. */
const FOOTER = /网站标识码|ICP备|ICP证|公网安备|版权所有|Copyright|©|技术支持\s*[：:]/i;
/** Footer lines that may sit just above those (a reply may also name a 主办单位, so never alone). */
const SOFT_FOOTER = /^(主办单位|主办|承办单位|承办|协办单位|维护单位|网站地图|联系我们|网站声明|隐私声明|网站纠错|地址|通讯地址|邮编|邮政编码)\s*[：:|｜\s]/;

/** True for the navigation, metadata and action lines a government web page wraps around a document. */
export function isFurniture(s: string): boolean {
  if (FURNITURE_LABEL.test(s) || ACTIONS.test(s) || BREADCRUMB.test(s) || SIBLINGS.test(s)) return true;
  if (FILE_LINK.test(s) || PAGE_NUMBER.test(s)) return true;
  const separators = (s.match(/[|｜]/g) ?? []).length;
  if (separators >= 3 && !/[。；]/.test(s)) return true;
  const arrows = (s.match(/[>＞»›]/g) ?? []).length;
  return arrows >= 2 && s.length < 100 && !/[。；]/.test(s);
}

export function isFooter(s: string): boolean {
  return FOOTER.test(s);
}


export interface DocumentLines {
  /** The document's own lines. */
  lines: Para[];
  /** Furniture lines that were set aside (their metadata — 文号, 成文日期 — may still be useful). */
  furniture: string[];
}

/** Lines of the document without furniture; a site footer in the lower part of the page ends the document. */
export function documentLines(text: string): DocumentLines {
  const raw = prepareText(text).split('\n').map(stripMarkdown);
  const end = footerStart(raw);
  const lines: Para[] = [];
  const furniture: string[] = [];
  for (let i = 0; i < end; i++) {
    const line = raw[i];
    if (!line) continue;
    if (isFooter(line.text)) continue;
    if (isFurniture(line.text)) furniture.push(line.text);
    else lines.push(line);
  }
  return { lines, furniture };
}

/** Index of the first footer line in the lower part of the page (with the footer lines just above it). */
function footerStart(raw: Array<Para | null>): number {
  const first = raw.findIndex((l, i) => l !== null && i >= raw.length * 0.4 && isFooter(l.text));
  if (first < 0) return raw.length;
  let start = first;
  for (let i = first - 1; i >= 0 && first - i <= 6; i--) {
    const line = raw[i];
    if (line === null) continue;
    if (!SOFT_FOOTER.test(line.text)) break;
    start = i;
  }
  return start;
}

// ---------------------------------------------------------------- page-break joins

const SENTENCE_END = /([。！？；：!?;:…]|[。！？!?][”’」』）)】〕])$/;
const CLOSING_START =
  /^(以上(答复|意见|回复|办理|情况)|特此|此复|专此|领导签字|签发人|附件|抄送|感谢|再次感谢|衷心感谢|谢谢|联系人|联系电话|联\s*系)/;

/** Lines that stand alone by their nature and are never part of a broken sentence. */
function isStructural(s: string): boolean {
  if (HARD_CLOSING.test(s) || CLOSING_START.test(s)) return true;
  // Titles, salutations, signatures and header lines are short; long paragraphs are prose.
  if (s.length > 130) return false;
  return (
    signatureDate(s) !== null ||
    isOrganName(s) ||
    redHeaderOrgan(s) !== null ||
    CLASS_MARK_LINE.test(s) ||
    isSalutation(s) ||
    /^[\p{Script=Han}\s]{1,8}[：:]/u.test(s) ||
    /(答复|回复|复函|答复意见|的函)$/.test(s) ||
    (findDocNumber(s) !== null && s.length <= 40)
  );
}

/** A numbered line short enough to be a heading: 一、关于教育资源优势不明显的问题 */
function isNumberedHeading(s: string): boolean {
  return markerOf(s) !== null && s.length <= 50 && !/[。！？!?]/.test(s);
}

/**
 * Whether `next` continues the sentence of `prev` across a page break: prev does not end a sentence,
 * next does not open a numbered item, and neither is a heading or a line that stands alone.
 */
export function continues(prev: Para, next: Para): boolean {
  if (prev.heading || next.heading) return false;
  if (SENTENCE_END.test(prev.text)) return false;
  if (markerOf(next.text) !== null || isNumberedHeading(prev.text)) return false;
  if (prev.text.length < 15 && !/[，、,]/.test(prev.text)) return false;
  return !isStructural(prev.text) && !isStructural(next.text);
}

function joinText(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** Clean paragraphs of the document, with broken sentences joined, and the furniture set aside. */
export function paragraphs(text: string): { paras: Para[]; furniture: string[] } {
  const { lines, furniture } = documentLines(text);
  const paras: Para[] = [];
  for (const line of lines) {
    const prev = paras[paras.length - 1];
    if (prev && continues(prev, line)) prev.text = joinText(prev.text, line.text);
    else paras.push({ ...line });
  }
  return { paras, furniture };
}

/** Spaces between Chinese characters are scanning debris: 第187号建议的 答复 → 第187号建议的答复. */
export function closeCjkSpaces(s: string): string {
  return s.replace(CJK_GAP, '').replace(CJK_DIGIT_GAP, '').trim();
}

const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’《》';
const CJK_GAP = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');
/** 第 38 号 → 第38号: a space between a Chinese character and a digit is debris too. */
const CJK_DIGIT_GAP = new RegExp(`(?<=[${CJK}])\\s+(?=\\d)|(?<=\\d)\\s+(?=[${CJK}])`, 'gu');
