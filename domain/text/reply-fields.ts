/**
 * Fields read from the header and the closing of a reply: document number, issuing organ, classification
 * mark, date and the subject of the suggestion.
 */
import type { Layout } from './reply-layout.js';
import { closeCjkSpaces } from './reply-normalize.js';
import {
  CLASS_MARK_LINE, LEADING_CLASS_MARK, damagedSignatureDate, findDates, findDocNumber, isOrganName, redHeaderOrgan,
  signatureDate, type DamagedDate,
} from './reply-patterns.js';

/** How sure the parser is of one field: read as written, a guess to check, or not found. */
export interface FieldRead<T> {
  value: T;
  level: 'sure' | 'unsure' | 'missing';
  /** Why it is unsure or missing, in Chinese, for the person importing; null when sure. */
  reason: string | null;
}

export function sure<T>(value: T): FieldRead<T> {
  return { value, level: 'sure', reason: null };
}

/** Paragraph texts of the header: everything before the body except the title. */
export function headerTexts(layout: Layout): string[] {
  const out: string[] = [];
  const end = Math.min(layout.bodyStart, layout.paras.length);
  for (let i = 0; i < end; i++) if (i !== layout.titleIndex && i !== layout.salutationIndex) out.push(layout.paras[i].text);
  return out;
}

// ---------------------------------------------------------------- document number

/**
 * The 发文字号 from a header line that is (mostly) the number — not a number cited in the body — or from
 * the end of the title (…的答复（高工信发〔2024〕37号）), or from the page's 文号 metadata.
 * Brackets are normalised to 〔〕 (see findDocNumber).
 */
export function docNumberOf(layout: Layout): string | null {
  for (const raw of headerTexts(layout)) {
    const line = closeCjkSpaces(raw);
    const found = findDocNumber(line);
    if (found && line.length - (found.end - found.start) <= 30) return found.value;
  }
  const inTitle = /[（(]([^（()）]+)[）)]$/.exec(layout.title ?? '')?.[1] ?? '';
  const fromTitle = findDocNumber(inTitle);
  if (fromTitle && fromTitle.start === 0 && fromTitle.end === inTitle.length) return fromTitle.value;
  for (const line of layout.furniture) {
    if (/文号|发文字号/.test(line)) {
      const found = findDocNumber(line.slice(line.search(/文号|发文字号/)));
      if (found) return found.value;
    }
  }
  return null;
}

const LABELLED_NUMBER = /([\p{Script=Han}]{0,12}字)\s*[：:]\s*([〔\[（［【(﹝〖〈《]\s*(?:19|20)\d{2}\s*[〕\]）］】)﹞〗〉》]\s*第?\s*\d{1,5}\s*号)/u;

/** The number as docNumberOf reads it, else one written after its label (建议字：〔2023〕8号), to be checked. */
export function docNumberRead(layout: Layout): FieldRead<string | null> {
  const plain = docNumberOf(layout);
  if (plain) return sure(plain);
  for (const raw of headerTexts(layout)) {
    const line = closeCjkSpaces(raw);
    const m = LABELLED_NUMBER.exec(line);
    const found = m ? findDocNumber(`${m[1]}${m[2]}`) : null;
    if (m && found) {
      return { value: found.value, level: 'unsure', reason: `发文字号写作“${m[0]}”，按${found.value}读取，请核对` };
    }
  }
  return { value: null, level: 'missing', reason: '未找到发文字号；如原件有文号请补填' };
}

// ---------------------------------------------------------------- date and signature

export interface Signature {
  /** Index of the paragraph holding the signature date, -1 when none. */
  index: number;
  date: string | null;
  /** Organ written on the date line itself (高平市工业和信息化局　2024年8月22日). */
  organOnLine: string;
  /** The signature date as damaged in publication (年, 月 or 日 lost), null when written whole. */
  damaged: DamagedDate | null;
}

/** The date under the signature: the first line of the closing that is only a date (not a 印发 date). */
export function signatureOf(layout: Layout): Signature {
  const { paras } = layout;
  for (let i = layout.closingStart; i < paras.length; i++) {
    if (/印发|(发布|更新|生成)(时间|日期)/.test(paras[i].text)) continue;
    const sig = signatureDate(paras[i].text);
    if (sig) return { index: i, date: sig.iso, organOnLine: sig.before, damaged: null };
  }
  for (let i = layout.closingStart; i < paras.length; i++) {
    if (/印发|(发布|更新|生成)(时间|日期)|电话|手机|联系/.test(paras[i].text)) continue;
    const damaged = damagedSignatureDate(paras[i].text);
    if (damaged) return { index: i, date: damaged.iso, organOnLine: damaged.before, damaged };
  }
  return { index: -1, date: null, organOnLine: '', damaged: null };
}

const PUBLISHED = /(发布时间|发布日期|更新时间|更新日期)\s*[：:]\s*/;

/**
 * The date with how it was read: a damaged signature date repaired is unsure; a page's publication date is
 * never the reply's date, and is named in the reason when it is all there is.
 */
export function dateRead(layout: Layout, signature: Signature): FieldRead<string | null> {
  const value = dateOf(layout, signature);
  if (signature.damaged) return { value, level: value ? 'unsure' : 'missing', reason: signature.damaged.reason };
  if (value) return sure(value);
  for (const line of layout.furniture) {
    const label = PUBLISHED.exec(line);
    const [first] = label ? findDates(line.slice((label.index ?? 0) + label[0].length)) : [];
    if (first) return { value: null, level: 'missing', reason: `页面发布日期（${first.iso}）不是答复日期，未采用；未找到落款日期，请填写` };
  }
  return { value: null, level: 'missing', reason: '未找到落款日期，请填写' };
}

const DATE_LABEL = /(答复日期|回复日期|办复日期|办结日期|签发日期|落款日期|成文日期|发文日期|答复时间|办复时间|回复时间|日期)\s*[：:]\s*/g;

/** Signature date, else a labelled date (答复日期：…, 成文日期：…). Publication dates are never used. */
export function dateOf(layout: Layout, signature: Signature): string | null {
  if (signature.date) return signature.date;
  const lines = [...layout.paras.slice(layout.closingStart).map((p) => p.text), ...headerTexts(layout), ...layout.furniture];
  for (const line of lines) {
    for (const label of line.matchAll(DATE_LABEL)) {
      const at = label.index ?? 0;
      if (/发布|更新|生成|印发|打印/.test(line.slice(Math.max(0, at - 2), at))) continue;
      const [first] = findDates(line.slice(at + label[0].length));
      if (first && first.start === 0) return first.iso;
    }
  }
  return null;
}

// ---------------------------------------------------------------- issuing organ

/**
 * The organ that signed: the organ line(s) just above the signature date (joint replies joined with 、),
 * else the red header (…文件), an organ name heading the page, the title's prefix (XX局关于…), or the
 * page's 发文机关 metadata.
 */
export function issuingOrganOf(layout: Layout, signature: Signature): string | null {
  if (signature.organOnLine) return tidyOrgan(signature.organOnLine);
  if (signature.index > 0) {
    const organs: string[] = [];
    for (let i = signature.index - 1; i >= 0 && organs.length < 3; i--) {
      const t = layout.paras[i].text.replace(/[（(]\s*(印章|盖章|公章|章)\s*[）)]/g, '').trim();
      if (t === '') continue;
      if (!isOrganName(t)) break;
      organs.unshift(tidyOrgan(t));
    }
    if (organs.length > 0) return organs.join('、');
  }
  const labelled = labelledOrgan([...layout.paras.slice(layout.closingStart).map((p) => p.text), ...headerTexts(layout)]);
  if (labelled) return labelled;
  for (const line of headerTexts(layout)) {
    const organ = redHeaderOrgan(line);
    if (organ) return organ;
  }
  const beforeTitle = layout.titleIndex >= 0 ? layout.paras.slice(0, layout.titleIndex) : [];
  for (const p of beforeTitle) if (isOrganName(p.text)) return tidyOrgan(p.text);
  const prefix = layout.title ? /^(.+?)(关于|对)/.exec(layout.title) : null;
  if (prefix && isOrganName(prefix[1])) return prefix[1];
  for (const line of layout.furniture) {
    const m = /发文机关\s*[：:]\s*([^\s：:]+)/.exec(line);
    if (m && isOrganName(m[1])) return m[1];
  }
  return null;
}

const SOURCE = /(?:^|\s)(?:来源|信息来源|文章来源|发布机构|所属机构)\s*[：:]\s*([^\s：:]+)/;
const WE = /我(局|委|办|站|中心|院|所|厅|部|处|队|馆|公司|单位)/;

/**
 * The organ as issuingOrganOf reads it; else the page's 来源 line (a guess to check); else missing, saying so
 * when the text only speaks of itself as 我局/我站.
 */
export function issuingOrganRead(layout: Layout, signature: Signature): FieldRead<string | null> {
  const organ = issuingOrganOf(layout, signature);
  if (organ) return sure(organ);
  for (const line of layout.furniture) {
    const m = SOURCE.exec(line);
    if (m && isOrganName(m[1])) {
      return { value: tidyOrgan(m[1]), level: 'unsure', reason: `落款中未找到发文机关，按页面来源“${m[1]}”推定，请核对` };
    }
  }
  const source = layout.furniture.map((l) => SOURCE.exec(l)?.[1]).find(Boolean);
  const we = layout.paras.map((p) => WE.exec(p.text)?.[0]).find(Boolean);
  const reasons = ['未找到发文机关'];
  if (source) reasons.push(`页面来源为“${source}”，不是机关全称`);
  if (we) reasons.push(`正文只称“${we}”`);
  return { value: null, level: 'missing', reason: `${reasons.join('；')}，请填写或选择承办单位` };
}

const ORGAN_LABEL = /^(答复单位|办理单位|承办单位|答复机关|发文单位)\s*[：:]\s*([^\s，,；;]+)/;

/** 答复单位：晋城市城市管理局 */
function labelledOrgan(lines: string[]): string | null {
  for (const line of lines) {
    const m = ORGAN_LABEL.exec(line);
    if (m && isOrganName(m[2])) return tidyOrgan(m[2]);
  }
  return null;
}

function tidyOrgan(s: string): string {
  return s.replace(/[（(]\s*(印章|盖章|公章|章)\s*[）)]/g, '').replace(/\s+/g, '');
}

// ---------------------------------------------------------------- classification

const CLASS_LABEL =
  /(?:^|[\s，,；;（(【[])(?:(?:办理结果|办理|答复|办复|办结|结果)?(?:类别|类型)\s*[：:]\s*([^\s，,；;）)】\]]{1,30}(?:[）)][^\s，,；;]*)?)|(?:办理结果|答复结果)\s*[：:]\s*((?:[A-Da-d]|[甲乙丙丁])类?)(?![\p{Script=Han}A-Za-z]))/u;

/**
 * The reply's classification, one rule for every way it is written:
 * a Latin class (A, （A）, A类, 【B】, 办理类别：B类) is returned as the capital letter alone — "A";
 * a Chinese class (甲类, （乙）, 答复类别：丙类) as the character with 类 — "甲类";
 * a labelled value in words (办理类别：正在解决) as written.
 * Unlabelled marks count when they stand alone on a line of the header or the closing ((A类) under the signature).
 */
export function replyClassOf(layout: Layout): string | null {
  return replyClassRead(layout).value;
}

const CLASS_LABELS = new RegExp(CLASS_LABEL.source, 'gu');
/** What a 类别 label may name besides the reply's class: the kind of document. */
const KIND_WORD = /^(提案|建议|议案|意见|批评|批评建议|批评、建议和意见|建议、批评和意见|人大建议|政协提案|代表建议|委员提案)$/;

/** The class with how it was read; a 类别 naming the kind of document (类别：提案) is never taken for one. */
export function replyClassRead(layout: Layout): FieldRead<string | null> {
  const closing = layout.paras.slice(layout.closingStart).map((p) => p.text);
  const lines = [...headerTexts(layout), ...closing];
  let kind: string | null = null;
  for (const line of lines) {
    for (const m of line.matchAll(CLASS_LABELS)) {
      const value = normalizeClass(m[1] ?? m[2]);
      if (value && KIND_WORD.test(value)) {
        kind ??= value;
        continue;
      }
      if (value) return sure(value);
    }
  }
  for (const line of [...headerTexts(layout), ...closing]) {
    const residue = stripDocNumber(line);
    if (CLASS_MARK_LINE.test(residue)) return sure(normalizeClass(residue));
  }
  const titleLine = layout.titleIndex >= 0 ? layout.paras[layout.titleIndex].text : '';
  const lead = LEADING_CLASS_MARK.exec(titleLine);
  if (lead) return sure(normalizeClass(lead[1]));
  const reason = kind ? `“类别：${kind}”是文种，不是答复类别；未找到答复类别` : '未找到答复类别（如 A类、B类）';
  return { value: null, level: 'missing', reason };
}

function stripDocNumber(line: string): string {
  const found = findDocNumber(line);
  const s = found ? line.slice(0, found.start) + ' ' + line.slice(found.end) : line;
  return s.replace(/签发人\s*[：:]\s*\S*/, '').trim();
}

export function normalizeClass(raw: string): string | null {
  const v = raw.trim().replace(/[。；，,;]+$/, '');
  if (v === '') return null;
  const latin = /^[（(【[［]?\s*([A-Da-d])(?![A-Za-z])/.exec(v) ?? /[（(【[［]\s*([A-Da-d])\s*类?\s*[）)】\]］]/.exec(v) ?? /(?<![A-Za-z])([A-Da-d])\s*类/.exec(v);
  if (latin) return latin[1].toUpperCase();
  const cn = /^[（(【[［]?\s*([甲乙丙丁])(?:类|[）)】\]］]|$)/.exec(v) ?? /([甲乙丙丁])类/.exec(v);
  if (cn) return `${cn[1]}类`;
  return v;
}

// ---------------------------------------------------------------- subject

const QUOTE = /“([^”]{2,120})”|「([^」]{2,120})」|『([^』]{2,120})』|《([^》]{2,120})》|"([^"]{2,120})"|‘([^’]{2,120})’|〝([^〞]{2,120})〞|〈([^〉]{2,120})〉/g;
const SUBJECT_LABEL = /(案由|建议题目|提案题目|议案题目|建议名称|提案名称|建议标题|提案标题|题目)\s*[：:]\s*(.{4,120})$/;

/**
 * The title of the suggestion itself: a labelled 案由/题目, else the first quotation in the intro that
 * names a suggestion (“关于…的建议”, or any quotation right after 提出的/所提), else an unquoted
 * 提出的关于…的建议, else what the title says (关于XX的建议的答复, or a quotation in it).
 */
export function subjectOf(intro: string, header: string[], title: string | null): string | null {
  for (const line of [...header, ...intro.split('\n')]) {
    const m = SUBJECT_LABEL.exec(line);
    if (m) return tidySubject(m[2]);
  }
  const quoted = quotedSubject(intro);
  if (quoted) return quoted;
  const unquoted = /(?:提出|所提|领衔提出|联名提出|提交)的\s*(关于[^。；]{2,80}?的(?:建议|提案|议案))/.exec(intro);
  if (unquoted) return tidySubject(unquoted[1]);
  if (!title) return null;
  const inTitle = quotedSubject(title);
  if (inTitle) return inTitle;
  const m = /关于(.{2,100}?的(?:建议|提案|议案))的(?:答复|回复|复函|办理)/.exec(title);
  if (m && !/第\s*\d+\s*号|会议|届/.test(m[1])) return tidySubject(`关于${m[1]}`);
  return null;
}

/** 《关于印发…的通知》 cited in the intro is a policy, not the suggestion. */
const POLICY_DOCUMENT = /(通知|意见|办法|规定|方案|规划|决定|条例|纲要|细则|批复|函)$/;

function quotedSubject(text: string): string | null {
  for (const m of text.matchAll(QUOTE)) {
    const content = (m.slice(1).find((g) => g !== undefined) ?? '').trim();
    const index = m.index ?? 0;
    const before = text.slice(Math.max(0, index - 6), index);
    const after = text.slice(index + m[0].length, index + m[0].length + 4);
    if (
      (/^关于/.test(content) && !POLICY_DOCUMENT.test(content)) ||
      /(建议|提案|议案)$/.test(content) ||
      /(提出|所提|提交)的?$/.test(before) ||
      /^的?(建议|提案|议案)/.test(after)
    ) {
      // “关于…”的建议: the closing words written outside the quotation belong to the title.
      const closing = /^的(建议|提案|议案)/.exec(after);
      if (closing && /^关于/.test(content) && !/(建议|提案|议案)$/.test(content)) return tidySubject(content + closing[0]);
      return tidySubject(content);
    }
  }
  return null;
}

function tidySubject(s: string): string | null {
  const t = closeCjkSpaces(s).replace(/[。；，,;：:]+$/, '');
  return t === '' ? null : t;
}
