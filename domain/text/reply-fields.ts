/**
 * Fields read from the header and the closing of a reply: document number, issuing organ, classification
 * mark, date and the subject of the suggestion.
 */
import type { Layout } from './reply-layout.js';
import { closeCjkSpaces } from './reply-normalize.js';
import {
  CLASS_MARK_LINE, LEADING_CLASS_MARK, findDates, findDocNumber, isOrganName, redHeaderOrgan, signatureDate,
} from './reply-patterns.js';

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

// ---------------------------------------------------------------- date and signature

export interface Signature {
  /** Index of the paragraph holding the signature date, -1 when none. */
  index: number;
  date: string | null;
  /** Organ written on the date line itself (高平市工业和信息化局　2024年8月22日). */
  organOnLine: string;
}

/** The date under the signature: the first line of the closing that is only a date (not a 印发 date). */
export function signatureOf(layout: Layout): Signature {
  const { paras } = layout;
  for (let i = layout.closingStart; i < paras.length; i++) {
    if (/印发|(发布|更新|生成)(时间|日期)/.test(paras[i].text)) continue;
    const sig = signatureDate(paras[i].text);
    if (sig) return { index: i, date: sig.iso, organOnLine: sig.before };
  }
  return { index: -1, date: null, organOnLine: '' };
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
 * Unlabelled marks count only in the header, where GB/T 9704 replies carry them.
 */
export function replyClassOf(layout: Layout): string | null {
  const lines = [...headerTexts(layout), ...layout.paras.slice(layout.closingStart).map((p) => p.text)];
  for (const line of lines) {
    const m = CLASS_LABEL.exec(line);
    if (m) return normalizeClass(m[1] ?? m[2]);
  }
  for (const line of headerTexts(layout)) {
    const residue = stripDocNumber(line);
    if (CLASS_MARK_LINE.test(residue)) return normalizeClass(residue);
  }
  const titleLine = layout.titleIndex >= 0 ? layout.paras[layout.titleIndex].text : '';
  const lead = LEADING_CLASS_MARK.exec(titleLine);
  return lead ? normalizeClass(lead[1]) : null;
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

const QUOTE = /“([^”]{2,120})”|「([^」]{2,120})」|『([^』]{2,120})』|《([^》]{2,120})》|"([^"]{2,120})"/g;
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
    const content = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim();
    const index = m.index ?? 0;
    const before = text.slice(Math.max(0, index - 6), index);
    const after = text.slice(index + m[0].length, index + m[0].length + 4);
    if (
      (/^关于/.test(content) && !POLICY_DOCUMENT.test(content)) ||
      /(建议|提案|议案)$/.test(content) ||
      /(提出|所提|提交)的?$/.test(before) ||
      /^的?(建议|提案|议案)/.test(after)
    ) {
      return tidySubject(content);
    }
  }
  return null;
}

function tidySubject(s: string): string | null {
  const t = closeCjkSpaces(s).replace(/[。；，,;：:]+$/, '');
  return t === '' ? null : t;
}
