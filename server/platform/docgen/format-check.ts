/**
 * Checks a reply .docx against GB/T 9704-2012 as far as the file itself shows it: page and margins, the
 * 22 × 28 grid, the fonts and sizes of title, body and headings, the forms of document number, date and page
 * number, and the presence of title, closing sentence and 附注. Reports each departure in Chinese with where it is.
 */
import { AppError } from '../errors.js';
import { isZip, OFFICE_LIMITS, openArchive, type Archive } from '../files/archive.js';
import { runInWorker } from '../files/parse-pool.js';
import { find, findAll, kid, kids, parseXml, textOf, xmlPart, type XNode } from '../files/wordml.js';
import { findDocNumber, formatDocNumber, isCanonicalDocNumber } from '../../../domain/docnumber.js';

export type FormatIssueCode =
  | 'NOT_DOCX'
  | 'PAGE_SIZE'
  | 'MARGIN_TOP'
  | 'MARGIN_BOTTOM'
  | 'MARGIN_LEFT'
  | 'MARGIN_RIGHT'
  | 'GRID_MISSING'
  | 'GRID_LINES'
  | 'GRID_CHARS'
  | 'TITLE_MISSING'
  | 'TITLE_FONT'
  | 'TITLE_SIZE'
  | 'TITLE_ALIGN'
  | 'BODY_FONT'
  | 'BODY_SIZE'
  | 'HEADING1_FONT'
  | 'HEADING2_FONT'
  | 'DOC_NUMBER_FORM'
  | 'DATE_MISSING'
  | 'DATE_FORM'
  | 'PRINT_DATE_FORM'
  | 'CLOSING_MISSING'
  | 'NOTE_MISSING'
  | 'NOTE_FORM'
  | 'PAGE_NUMBER_MISSING'
  | 'PAGE_NUMBER_FORM'
  | 'PAGE_NUMBER_POSITION'
  | 'PAGE_NUMBER_FONT';

export interface FormatIssue {
  code: FormatIssueCode;
  /** What is wrong and what the standard asks, in Chinese. */
  message: string;
  /** Where, in Chinese: 页面设置, 第3段「关于市人大…」, 页脚（偶数页）… */
  where: string;
}

export interface FormatCheckOptions {
  /** Any of these in the body counts as the closing sentence. */
  closingPhrases?: string[];
}

export const DEFAULT_CLOSING_PHRASES = ['如有意见', '是否满意'];

const FONT = { body: '仿宋_GB2312', title: '方正小标宋简体', heading1: '黑体', heading2: '楷体_GB2312', page: '宋体' };
/** The GBK build of the title face is the same design and common in offices. */
const TITLE_FONTS = new Set([FONT.title, '方正小标宋_GBK']);
/** Arabic numerals and Latin letters may also be set in Times New Roman. */
const LATIN_ALSO = 'Times New Roman';
const TWIPS_PER_MM = 1440 / 25.4;

// ——— styles ———

interface RunProps {
  eastAsia?: string;
  ascii?: string;
  /** Points. */
  size?: number;
}

interface StyleDef {
  basedOn?: string;
  rPr?: XNode;
  pPr?: XNode;
}

interface Styles {
  byId: Map<string, StyleDef>;
  defaultParagraph?: string;
  defaultRPr?: XNode;
  defaultPPr?: XNode;
}

function readStyles(xml: XNode | undefined): Styles {
  const styles: Styles = { byId: new Map() };
  const root = kid(xml, 'w:styles');
  const defaults = kid(root, 'w:docDefaults');
  styles.defaultRPr = kid(kid(defaults, 'w:rPrDefault'), 'w:rPr');
  styles.defaultPPr = kid(kid(defaults, 'w:pPrDefault'), 'w:pPr');
  for (const s of kids(root, 'w:style')) {
    const id = s.attrs['w:styleId'];
    if (!id) continue;
    styles.byId.set(id, { basedOn: kid(s, 'w:basedOn')?.attrs['w:val'], rPr: kid(s, 'w:rPr'), pPr: kid(s, 'w:pPr') });
    const isDefault = s.attrs['w:default'] === '1' || s.attrs['w:default'] === 'true';
    if (isDefault && s.attrs['w:type'] === 'paragraph') styles.defaultParagraph = id;
  }
  return styles;
}

function chain(styles: Styles, id: string | undefined): StyleDef[] {
  const out: StyleDef[] = [];
  const seen = new Set<string>();
  for (let cur = id; cur && !seen.has(cur) && styles.byId.has(cur); ) {
    seen.add(cur);
    const def = styles.byId.get(cur)!;
    out.push(def);
    cur = def.basedOn;
  }
  return out;
}

function runPropsOf(rPr: XNode | undefined): RunProps {
  const fonts = kid(rPr, 'w:rFonts');
  const sz = kid(rPr, 'w:sz')?.attrs['w:val'];
  const theme = (t: string | undefined) => (t ? `主题字体（${t}）` : undefined);
  return {
    eastAsia: fonts?.attrs['w:eastAsia'] ?? theme(fonts?.attrs['w:eastAsiaTheme']),
    ascii: fonts?.attrs['w:ascii'] ?? theme(fonts?.attrs['w:asciiTheme']),
    size: sz !== undefined ? Number(sz) / 2 : undefined,
  };
}

function resolveRun(styles: Styles, rPr: XNode | undefined, paraStyle: string | undefined): RunProps {
  const layers = [
    rPr,
    ...chain(styles, kid(rPr, 'w:rStyle')?.attrs['w:val']).map((s) => s.rPr),
    ...chain(styles, paraStyle ?? styles.defaultParagraph).map((s) => s.rPr),
    styles.defaultRPr,
  ].map(runPropsOf);
  const pick = <K extends keyof RunProps>(k: K) => layers.find((l) => l[k] !== undefined)?.[k];
  // A run without any size is 10 pt in Word.
  return { eastAsia: pick('eastAsia'), ascii: pick('ascii'), size: pick('size') ?? 10 };
}

function resolveAlignment(styles: Styles, pPr: XNode | undefined): string {
  const paraStyle = kid(pPr, 'w:pStyle')?.attrs['w:val'] ?? styles.defaultParagraph;
  const layers = [pPr, ...chain(styles, paraStyle).map((s) => s.pPr), styles.defaultPPr];
  for (const l of layers) {
    const jc = kid(l, 'w:jc')?.attrs['w:val'];
    if (jc) return jc;
  }
  return 'left';
}

// ——— paragraphs ———

interface Run extends RunProps {
  text: string;
}

interface Para {
  /** 1-based position among all paragraphs of the body, as a reader counts them. */
  n: number;
  text: string;
  runs: Run[];
  alignment: string;
}

const SKIP = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delText', 'w:pPr', 'w:rPr']);

function collectRuns(node: XNode, styles: Styles, paraStyle: string | undefined, out: Run[]): void {
  for (const c of kids(node)) {
    if (SKIP.has(c.name)) continue;
    if (c.name !== 'w:r') {
      collectRuns(c, styles, paraStyle, out);
      continue;
    }
    let text = '';
    for (const part of kids(c)) {
      if (part.name === 'w:t') text += textOf(part);
      else if (part.name === 'w:tab') text += '\t';
      else if (part.name === 'w:br' || part.name === 'w:cr') text += '\n';
    }
    if (text) out.push({ text, ...resolveRun(styles, kid(c, 'w:rPr'), paraStyle) });
  }
}

function readParagraphs(body: XNode | undefined, styles: Styles): Para[] {
  return findAll(body, 'w:p').map((p, i) => {
    const pPr = kid(p, 'w:pPr');
    const runs: Run[] = [];
    collectRuns(p, styles, kid(pPr, 'w:pStyle')?.attrs['w:val'], runs);
    return { n: i + 1, text: runs.map((r) => r.text).join(''), runs, alignment: resolveAlignment(styles, pPr) };
  });
}

const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');

function where(p: Para): string {
  const t = compact(p.text);
  const excerpt = [...t].length > 12 ? `${[...t].slice(0, 12).join('')}…` : t;
  return `第${p.n}段「${excerpt}」`;
}

// ——— checks ———

const mm = (twips: number) => twips / TWIPS_PER_MM;
const fmtMm = (twips: number) => `${Math.round(mm(twips) * 10) / 10}毫米`;

function checkPage(sectPr: XNode, styles: Styles, label: string, issues: FormatIssue[]): void {
  const size = kid(sectPr, 'w:pgSz');
  const w = Number(size?.attrs['w:w'] ?? 12240);
  const h = Number(size?.attrs['w:h'] ?? 15840);
  if (Math.abs(mm(w) - 210) > 1 || Math.abs(mm(h) - 297) > 1) {
    issues.push({
      code: 'PAGE_SIZE',
      message: `纸张应为A4纵向（210×297毫米），实际为${fmtMm(w)}×${fmtMm(h)}`,
      where: label,
    });
  }
  const margin = kid(sectPr, 'w:pgMar');
  const sides = [
    ['MARGIN_TOP', 'w:top', '上', 37],
    ['MARGIN_BOTTOM', 'w:bottom', '下', 35],
    ['MARGIN_LEFT', 'w:left', '左', 28],
    ['MARGIN_RIGHT', 'w:right', '右', 26],
  ] as const;
  const value: Record<string, number> = {};
  for (const [code, attr, side, want] of sides) {
    const twips = Math.abs(Number(margin?.attrs[attr] ?? 1440));
    value[attr] = twips;
    if (Math.abs(mm(twips) - want) > 1) {
      issues.push({ code, message: `${side}边距应为${want}毫米（±1毫米），实际为${fmtMm(twips)}`, where: label });
    }
  }
  const grid = kid(sectPr, 'w:docGrid');
  const type = grid?.attrs['w:type'];
  const linePitch = Number(grid?.attrs['w:linePitch'] ?? 0);
  if (!grid || !type || type === 'default' || !(linePitch > 0)) {
    issues.push({ code: 'GRID_MISSING', message: '未设置文档网格，应为每页22行、每行28字', where: label });
    return;
  }
  const textHeight = h - value['w:top'] - value['w:bottom'];
  const lines = Math.floor(textHeight / linePitch + 1e-6);
  if (lines !== 22) {
    issues.push({ code: 'GRID_LINES', message: `文档网格应为每页22行，实际为每页${lines}行`, where: label });
  }
  if (type !== 'linesAndChars' && type !== 'snapToChars') {
    issues.push({ code: 'GRID_CHARS', message: '文档网格未指定每行字数，应为每行28字', where: label });
    return;
  }
  // Word's character pitch: the Normal style's font size plus charSpace/4096 pt.
  const base = resolveRun(styles, undefined, styles.defaultParagraph).size ?? 10;
  const pitch = base + Number(grid.attrs['w:charSpace'] ?? 0) / 4096;
  const textWidth = (w - value['w:left'] - value['w:right']) / 20;
  const chars = pitch > 0 ? Math.floor(textWidth / pitch + 1e-6) : 0;
  if (chars !== 28) {
    issues.push({ code: 'GRID_CHARS', message: `文档网格应为每行28字，实际为每行${chars}字`, where: label });
  }
}

const HAN = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019]/;
const LATIN = /[A-Za-z0-9]/;
const LEVEL1 = /^[一二三四五六七八九十]+、/;
const LEVEL2 = /^（[一二三四五六七八九十]+）/;

type Part = 'body' | 'heading1' | 'heading2';

/** Which part of a paragraph each character is in: a 一、 / （一） heading runs to its first 。 or the end. */
function headingEnd(text: string): { kind: Part; end: number } {
  const lead = text.length - text.trimStart().length;
  const t = text.slice(lead);
  const kind: Part = LEVEL1.test(t) ? 'heading1' : LEVEL2.test(t) ? 'heading2' : 'body';
  if (kind === 'body') return { kind, end: 0 };
  const stop = t.indexOf('。');
  return { kind, end: lead + (stop >= 0 ? stop + 1 : t.length) };
}

const expectedFont: Record<Part, string> = { body: FONT.body, heading1: FONT.heading1, heading2: FONT.heading2 };
const fontCode: Record<Part, FormatIssueCode> = { body: 'BODY_FONT', heading1: 'HEADING1_FONT', heading2: 'HEADING2_FONT' };
const partName: Record<Part, string> = { body: '正文', heading1: '一级标题（一、）', heading2: '二级标题（（一））' };

function checkBodyParagraph(p: Para, issues: FormatIssue[]): void {
  const { kind, end } = headingEnd(p.text);
  const wrongFonts = new Map<Part, Set<string>>();
  const wrongSizes = new Set<number>();
  let offset = 0;
  for (const r of p.runs) {
    for (let i = 0; i < r.text.length; i++) {
      const ch = r.text[i];
      const part: Part = offset + i < end ? kind : 'body';
      const want = expectedFont[part];
      if (HAN.test(ch) && r.eastAsia !== want) wrongFonts.set(part, (wrongFonts.get(part) ?? new Set()).add(r.eastAsia ?? '未指定'));
      if (LATIN.test(ch) && r.ascii !== want && r.ascii !== LATIN_ALSO) {
        wrongFonts.set(part, (wrongFonts.get(part) ?? new Set()).add(r.ascii ?? '未指定'));
      }
      if (!/\s/.test(ch) && r.size !== 16) wrongSizes.add(r.size ?? 10);
    }
    offset += r.text.length;
  }
  for (const [part, fonts] of wrongFonts) {
    issues.push({
      code: fontCode[part],
      message: `${partName[part]}应使用${expectedFont[part]}，实际为${[...fonts].join('、')}`,
      where: where(p),
    });
  }
  if (wrongSizes.size) {
    issues.push({
      code: 'BODY_SIZE',
      message: `正文应为三号（16磅），实际为${[...wrongSizes].map((s) => `${s}磅`).join('、')}`,
      where: where(p),
    });
  }
}

function checkTitle(p: Para, issues: FormatIssue[]): void {
  const visible = p.runs.filter((r) => compact(r.text));
  const wrongFonts = new Set<string>();
  for (const r of visible) {
    if (HAN.test(r.text) && !TITLE_FONTS.has(r.eastAsia ?? '')) wrongFonts.add(r.eastAsia ?? '未指定');
    if (LATIN.test(r.text) && !TITLE_FONTS.has(r.ascii ?? '') && r.ascii !== LATIN_ALSO) wrongFonts.add(r.ascii ?? '未指定');
  }
  if (wrongFonts.size) {
    issues.push({ code: 'TITLE_FONT', message: `标题应使用${FONT.title}，实际为${[...wrongFonts].join('、')}`, where: where(p) });
  }
  const sizes = new Set(visible.map((r) => r.size ?? 10));
  if ([...sizes].some((s) => s !== 22)) {
    issues.push({
      code: 'TITLE_SIZE',
      message: `标题应为二号（22磅），实际为${[...sizes].map((s) => `${s}磅`).join('、')}`,
      where: where(p),
    });
  }
  if (p.alignment !== 'center') {
    issues.push({ code: 'TITLE_ALIGN', message: '标题应居中排布', where: where(p) });
  }
}

const CN_DATE = /^([0-9]{4}|[〇○零Ｏ0一二三四五六七八九]{4})年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})日$/;
const ISO_DATE = /^[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}$/;
const toAscii = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));

function isDate(text: string): boolean {
  const t = toAscii(compact(text));
  return CN_DATE.test(t) || ISO_DATE.test(t);
}

function isCanonicalDate(text: string): boolean {
  const m = /^([1-9][0-9]{3})年([1-9][0-9]?)月([1-9][0-9]?)日$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo <= 12 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const PRINTED = /([0-9０-９〇○零一二三四五六七八九]{4}年[^年]*?月[^月]*?日|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2})印发$/;

const DATE_RULE = '应使用阿拉伯数字，年份写全，月、日不编虚位，如2024年8月22日';

// ——— page numbers ———

/** Footer text with each PAGE field written as #. */
function footerText(ftr: XNode): { text: string; hasPage: boolean; paragraphs: XNode[] } {
  let hasPage = false;
  const paragraphs = findAll(ftr, 'w:p');
  const texts = paragraphs.map((p) => {
    let out = '';
    let depth = 0;
    let instr = '';
    let inResult = false;
    const walk = (n: XNode) => {
      for (const c of kids(n)) {
        if (c.name === 'w:fldSimple') {
          if (/\bPAGE\b/.test(c.attrs['w:instr'] ?? '')) {
            hasPage = true;
            out += '#';
          } else walk(c);
        } else if (c.name === 'w:fldChar') {
          const type = c.attrs['w:fldCharType'];
          if (type === 'begin') {
            depth++;
            instr = '';
          } else if (type === 'separate') {
            inResult = true;
            if (/^\s*PAGE\b/.test(instr)) {
              hasPage = true;
              out += '#';
            }
          } else if (type === 'end') {
            if (!inResult && /^\s*PAGE\b/.test(instr)) {
              hasPage = true;
              out += '#';
            }
            depth = Math.max(0, depth - 1);
            inResult = false;
          }
        } else if (c.name === 'w:instrText') instr += textOf(c);
        else if (c.name === 'w:t') {
          if (!(depth > 0 && inResult && /^\s*PAGE\b/.test(instr))) out += textOf(c);
        } else if (c.name === 'w:tab') out += '\t';
        else if (!SKIP.has(c.name)) walk(c);
      }
    };
    walk(p);
    return out;
  });
  return { text: texts.filter((t) => t.trim()).join('\n'), hasPage, paragraphs };
}

async function checkFooters(
  zip: Archive,
  sectPr: XNode,
  rels: Map<string, string>,
  styles: Styles,
  evenAndOdd: boolean,
  issues: FormatIssue[],
): Promise<void> {
  const refs = kids(sectPr, 'w:footerReference');
  const found: { type: string; label: string; text: string; alignment: string; runs: Run[] }[] = [];
  for (const ref of refs) {
    const type = ref.attrs['w:type'] ?? 'default';
    if (type === 'even' && !evenAndOdd) continue;
    const target = rels.get(ref.attrs['r:id'] ?? '');
    const xml = target ? xmlPart(zip, `word/${target.replace(/^\/?word\//, '')}`) : undefined;
    if (xml === undefined) continue;
    const ftr = parseXml(xml);
    const { text, hasPage, paragraphs } = footerText(ftr);
    if (!hasPage) continue;
    const label = type === 'even' ? '页脚（偶数页）' : type === 'first' ? '页脚（首页）' : evenAndOdd ? '页脚（奇数页）' : '页脚';
    const pagePara = paragraphs.find((p) => footerText({ name: 'w:ftr', attrs: {}, children: [p] }).hasPage);
    const pPr = kid(pagePara, 'w:pPr');
    const runs: Run[] = [];
    if (pagePara) collectRuns(pagePara, styles, kid(pPr, 'w:pStyle')?.attrs['w:val'], runs);
    found.push({ type, label, text, alignment: resolveAlignment(styles, pPr), runs: runs.concat(fieldRuns(pagePara, styles)) });
  }
  if (!found.length) {
    issues.push({ code: 'PAGE_NUMBER_MISSING', message: '未设置页码，应在页脚以“— 1 —”形式编排页码', where: '页脚' });
    return;
  }
  for (const f of found) {
    if (!/^—\s?#\s?—$/.test(f.text.trim())) {
      issues.push({
        code: 'PAGE_NUMBER_FORM',
        message: `页码应为“— 1 —”形式（数码左右各放一条一字线），实际为「${f.text.trim().replace(/#/g, '1')}」`,
        where: f.label,
      });
    }
    const sizes = new Set(f.runs.filter((r) => compact(r.text)).map((r) => r.size));
    const fonts = new Set(f.runs.filter((r) => LATIN.test(r.text)).map((r) => r.ascii ?? '未指定'));
    if ([...sizes].some((s) => s !== 14) || [...fonts].some((x) => x !== FONT.page)) {
      issues.push({ code: 'PAGE_NUMBER_FONT', message: '页码应使用四号（14磅）宋体', where: f.label });
    }
  }
  if (!evenAndOdd) {
    issues.push({
      code: 'PAGE_NUMBER_POSITION',
      message: '未设置奇偶页不同的页脚，页码应单页居右、双页居左',
      where: '页脚',
    });
    return;
  }
  const odd = found.find((f) => f.type === 'default');
  const even = found.find((f) => f.type === 'even');
  if (odd && !['right', 'end'].includes(odd.alignment)) {
    issues.push({ code: 'PAGE_NUMBER_POSITION', message: '单页页码应居右', where: odd.label });
  }
  if (!even) {
    issues.push({ code: 'PAGE_NUMBER_POSITION', message: '缺少偶数页页码，双页页码应居左', where: '页脚（偶数页）' });
  } else if (!['left', 'start'].includes(even.alignment)) {
    issues.push({ code: 'PAGE_NUMBER_POSITION', message: '双页页码应居左', where: even.label });
  }
}

/** The runs that carry a field's instruction, so an empty PAGE field still tells its font and size. */
function fieldRuns(p: XNode | undefined, styles: Styles): Run[] {
  return findAll(p, 'w:r')
    .filter((r) => kid(r, 'w:instrText'))
    .map((r) => ({ text: '1', ...resolveRun(styles, kid(r, 'w:rPr'), undefined) }));
}

// ——— the document ———

function findSalutation(paras: Para[], from: number): number {
  return paras.findIndex((p, i) => {
    const t = compact(p.text);
    return i >= from && /[：:]$/.test(t) && !t.includes('。') && [...t].length <= 100;
  });
}

/** `checkReplyDocx` in a parse worker, so a large .docx does not hold up other requests. */
export function checkReplyDocxInWorker(data: Buffer, options: FormatCheckOptions = {}): Promise<FormatIssue[]> {
  return runInWorker<FormatIssue[]>(new URL('./format-check.ts', import.meta.url).href, 'checkReplyDocx', [data, options]);
}

/** Every departure from GB/T 9704 that can be read from the .docx; empty when there is none. */
export async function checkReplyDocx(data: Buffer, options: FormatCheckOptions = {}): Promise<FormatIssue[]> {
  const issues: FormatIssue[] = [];
  if (!isZip(data)) return [{ code: 'NOT_DOCX', message: '文件不是有效的 .docx 文档', where: '文件' }];
  // A hostile package (too many parts, too large inflated, lying sizes) is a 413/415 AppError, not an issue.
  let zip: Archive;
  try {
    zip = openArchive(data, OFFICE_LIMITS);
  } catch (e) {
    if (e instanceof AppError && e.status === 415) return [{ code: 'NOT_DOCX', message: '文件不是有效的 .docx 文档', where: '文件' }];
    throw e;
  }
  const read = async (path: string) => {
    const xml = xmlPart(zip, path);
    return xml === undefined ? undefined : parseXml(xml);
  };
  const document = await read('word/document.xml');
  if (!document) return [{ code: 'NOT_DOCX', message: '文件不是有效的 .docx 文档（缺少正文）', where: '文件' }];
  const styles = readStyles(await read('word/styles.xml'));
  const settings = await read('word/settings.xml');
  const evenAndOddNode = find(settings, 'w:evenAndOddHeaders');
  const evenAndOdd = !!evenAndOddNode && !['0', 'false', 'off'].includes(evenAndOddNode.attrs['w:val'] ?? 'true');
  const rels = new Map<string, string>();
  for (const r of findAll(await read('word/_rels/document.xml.rels'), 'Relationship')) {
    rels.set(r.attrs.Id, r.attrs.Target);
  }

  // Page setup and footers, per section.
  const body = kid(kid(document, 'w:document'), 'w:body');
  const sections = findAll(body, 'w:sectPr');
  const sectionLabel = (i: number) => (sections.length > 1 ? `第${i + 1}节页面设置` : '页面设置');
  sections.forEach((s, i) => checkPage(s, styles, sectionLabel(i), issues));
  if (!sections.length) checkPage({ name: 'w:sectPr', attrs: {}, children: [] }, styles, '页面设置', issues);
  const lastSection = sections[sections.length - 1] ?? { name: 'w:sectPr', attrs: {}, children: [] };
  await checkFooters(zip, lastSection, rels, styles, evenAndOdd, issues);

  // Roles of paragraphs, in reading order.
  const paras = readParagraphs(body, styles).filter((p) => compact(p.text));
  let numberIdx = -1;
  const firstSalutation = findSalutation(paras, 0);
  const headerEnd = firstSalutation >= 0 ? firstSalutation : Math.min(paras.length, 8);
  for (let i = 0; i < headerEnd; i++) {
    if (findDocNumber(paras[i].text)) {
      numberIdx = i;
      break;
    }
  }
  if (numberIdx >= 0) {
    const found = findDocNumber(paras[numberIdx].text)!;
    if (!isCanonicalDocNumber(found.raw)) {
      issues.push({
        code: 'DOC_NUMBER_FORM',
        message: `发文字号应写作「${formatDocNumber(found.number)}」（六角括号〔〕，年份写全，序号不编虚位、不加“第”），实际为「${found.raw}」`,
        where: where(paras[numberIdx]),
      });
    }
  }
  const salutation = findSalutation(paras, numberIdx + 1);
  const isHeaderLine = (p: Para) => {
    const t = compact(p.text);
    return /文件$/.test(t) || /^签发人/.test(t) || [...t].length <= 6;
  };
  let title: Para[] = [];
  if (salutation >= 0) {
    title = paras.slice(numberIdx + 1, salutation).filter((p) => !isHeaderLine(p));
  } else {
    const guess = paras.slice(numberIdx + 1).find((p) => /^关于|答复$/.test(compact(p.text)));
    if (guess) title = [guess];
  }
  if (!title.length) {
    issues.push({ code: 'TITLE_MISSING', message: '未找到标题（应在主送机关之上，二号方正小标宋简体居中）', where: '版头之下' });
  }
  for (const p of title) checkTitle(p, issues);

  const start = salutation >= 0 ? salutation : title.length ? paras.indexOf(title[title.length - 1]) + 1 : numberIdx + 1;
  let dateIdx = -1;
  for (let i = paras.length - 1; i >= start; i--) {
    if (isDate(paras[i].text)) {
      dateIdx = i;
      break;
    }
  }
  if (dateIdx < 0) {
    issues.push({ code: 'DATE_MISSING', message: `未找到成文日期（${DATE_RULE}）`, where: '署名之下' });
  } else {
    const text = compact(paras[dateIdx].text);
    if (!isCanonicalDate(text)) {
      issues.push({ code: 'DATE_FORM', message: `成文日期${DATE_RULE}，实际为「${text}」`, where: where(paras[dateIdx]) });
    }
  }
  for (const p of paras.slice(start)) {
    const date = PRINTED.exec(compact(p.text));
    if (date && !isCanonicalDate(date[1])) {
      issues.push({ code: 'PRINT_DATE_FORM', message: `印发日期${DATE_RULE}，实际为「${date[1]}」`, where: where(p) });
    }
  }

  // The body: salutation to the signature (the line above the date), before any 版记.
  const footStart = paras.findIndex((p, i) => i > start && /^抄送|印发$/.test(compact(p.text)));
  const bodyEnd = dateIdx >= 0 ? dateIdx + 1 : footStart >= 0 ? footStart : paras.length;
  const bodyParas = paras.slice(Math.max(0, start), bodyEnd);
  for (const p of bodyParas) checkBodyParagraph(p, issues);

  const phrases = options.closingPhrases?.length ? options.closingPhrases : DEFAULT_CLOSING_PHRASES;
  if (!bodyParas.some((p) => phrases.some((phrase) => compact(p.text).includes(compact(phrase))))) {
    issues.push({
      code: 'CLOSING_MISSING',
      message: '未找到结束语，如“以上答复你们是否满意，如有意见，敬请反馈。”',
      where: '正文末尾',
    });
  }

  const afterBody = paras.slice(Math.max(0, start));
  const note = afterBody.find((p) => /^[（(].*联系(人|电话).*[）)]$/.test(compact(p.text)));
  if (!note) {
    const loose = afterBody.find((p) => /联系(人|电话)/.test(p.text));
    if (loose) {
      issues.push({
        code: 'NOTE_FORM',
        message: '附注应加圆括号，居左空二字编排在成文日期下一行，如（联系人：张三，联系电话：1234567）',
        where: where(loose),
      });
    } else {
      issues.push({
        code: 'NOTE_MISSING',
        message: '未找到附注中的联系人或联系电话，应在成文日期下一行加圆括号注明，如（联系人：张三，联系电话：1234567）',
        where: '成文日期之下',
      });
    }
  }
  return issues;
}
