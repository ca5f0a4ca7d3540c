/**
 * Renders a reply to a deputy's suggestion as a .docx laid out per GB/T 9704-2012 (党政机关公文格式).
 *
 * Every paragraph carries its own font, size and spacing, so the file reads the same in any word processor and a
 * reader of the XML (the format checker, the reply parser) needs no style resolution. One paragraph per line of
 * content, in reading order: class mark, issuing-organ mark, number, title, salutation, intro, points, closing,
 * signature, date, note (附注), footer block (版记).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  OverlapType,
  Packer,
  PageNumber,
  Paragraph,
  RelativeVerticalPosition,
  TabStopType,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { formatDocNumber, parseDocNumber } from '../../../domain/docnumber.js';
import { makeTemplate, packFromTemplate, TEMPLATE_META, type DocxTemplate } from './docx-template.js';

export interface ReplyPoint {
  ordinal: number;
  /** Empty or null when the point has no heading: its number then opens its first paragraph. */
  heading: string | null;
  text: string;
}

export interface ReplyDocument {
  issuingOrgan: string;
  docNumber: string | null;
  classMark: string | null;
  title: string;
  addressees: string[];
  addresseeSuffix?: string;
  intro: string | null;
  points: ReplyPoint[];
  closing: string;
  extraClosing?: string | null;
  signerOrgan: string;
  date: string;
  contactPerson: string | null;
  contactPhone: string | null;
  cc: string[];
  printedBy: string;
  printedOn: string;
}

export interface ReplyCopy {
  fileName: string;
  addressees: string[];
  data: Buffer;
}

export class ReplyRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplyRenderError';
  }
}

export const DEFAULT_CLOSING = '以上答复你们是否满意，如有意见，敬请反馈。';

/** The font names exactly as GB/T 9704 names them; fontconfig maps them to free fonts for PDF. */
export const FONTS = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);

/** Page geometry in twips: A4, margins 37/35/28/26 mm, 22 lines × 28 characters of 三号 (16 pt). */
export const LAYOUT = (() => {
  const page = { width: mm(210), height: mm(297) };
  const margin = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
  const textWidth = page.width - margin.left - margin.right;
  const textHeight = page.height - margin.top - margin.bottom;
  const bodyPt = 16;
  const linePitch = Math.floor(textHeight / 22);
  // charSpace is the difference between the grid pitch and the Normal font's size, in 1/4096 pt.
  const charPitchPt = textWidth / 20 / 28;
  const charSpace = Math.floor((charPitchPt - bodyPt) * 4096);
  return { page, margin, textWidth, textHeight, bodyPt, linePitch, charSpace, lines: 22, chars: 28 };
})();

const RED = 'FF0000';
const BODY_HALF_POINTS = 32; // 三号
const TITLE_HALF_POINTS = 44; // 二号
const FOOT_HALF_POINTS = 28; // 四号
const LINE = LAYOUT.linePitch;
const CHAR = 320; // one 三号 character (16 pt) in twips
const FOOT_CHAR = 280; // one 四号 character (14 pt) in twips

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

interface RunStyle {
  font?: string;
  halfPoints?: number;
  color?: string;
  /** A character style of the document, so the part keeps a name when edited in a word processor. */
  style?: string;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: font(style.font ?? FONTS.body),
    size: style.halfPoints ?? BODY_HALF_POINTS,
    ...(style.color ? { color: style.color } : {}),
    ...(style.style ? { style: style.style } : {}),
  });
}

/** Named styles for the parts of an official document; paragraphs also carry the formatting directly. */
const STYLE = { title: 'ReplyTitle', heading1: 'ReplyHeading1', heading2: 'ReplyHeading2' } as const;

/** A body line: exact line pitch of the grid, so 22 lines fill the text block in any word processor. */
function para(children: TextRun[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({
    ...options,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0, ...options.spacing },
    children,
  });
}

const indented = { indent: { firstLine: 2 * CHAR, firstLineChars: 200 } } as const;

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九. */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new ReplyRenderError(`答复要点序号应为1至99的整数：${n}`);
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

/** 'YYYY-MM-DD' → 2024年8月22日 (Arabic numerals, no padding, as GB/T 9704 §7.3.5 asks). */
export function formatChineseDate(iso: string, field = '日期'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const valid = m !== null && mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (!valid) throw new ReplyRenderError(`${field}格式不正确，应为YYYY-MM-DD：${iso}`);
  return `${y}年${mo}月${d}日`;
}

/**
 * Width of a line in character cells: CJK and full-width one, ASCII half, plus the quarter cell word
 * processors insert by default between Han characters and Latin letters or digits.
 */
function cells(text: string): number {
  let n = 0;
  let previous: 'han' | 'latin' | 'other' = 'other';
  for (const ch of text) {
    const kind = /[A-Za-z0-9]/.test(ch) ? 'latin' : /\p{Script=Han}/u.test(ch) ? 'han' : 'other';
    if ((kind === 'latin' && previous === 'han') || (kind === 'han' && previous === 'latin')) n += 0.25;
    n += /[\u0020-\u007e]/.test(ch) ? 0.5 : 1;
    previous = kind;
  }
  return n;
}

/**
 * A letter to one deputy speaks to one person: 你们 (and a plain 你) become 您, in the intro, the points and the
 * closing (以上答复您是否满意). A joint letter to several keeps the plural.
 */
export function addressedTo(text: string, addressees: number): string {
  return addressees === 1 ? text.replace(/你们|你/g, '您') : text;
}

function paragraphsOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const LEVEL2 = /^（[一二三四五六七八九十]+）/;
const LEVEL1_PREFIX = /^[一二三四五六七八九十]+、\s*/;

/** A body paragraph; a leading （一） heading (up to its first 。) is set in 楷体_GB2312. */
function bodyParagraph(line: string, keepNext = false): Paragraph {
  const options = { ...indented, alignment: AlignmentType.JUSTIFIED, keepNext };
  if (LEVEL2.test(line)) {
    const stop = line.indexOf('。');
    const head = stop >= 0 ? line.slice(0, stop + 1) : line;
    const rest = line.slice(head.length);
    const runs = [run(head, { font: FONTS.heading2, style: STYLE.heading2 })];
    if (rest) runs.push(run(rest));
    // A heading line without body text stays with the paragraph after it.
    return para(runs, { ...options, keepNext: keepNext || !rest });
  }
  return para([run(line)], options);
}

function checkDocument(doc: ReplyDocument): void {
  const missing: string[] = [];
  if (!doc.title?.trim()) missing.push('标题');
  if (!doc.signerOrgan?.trim()) missing.push('署名机关');
  if (!doc.printedBy?.trim()) missing.push('印发机关');
  if (missing.length) throw new ReplyRenderError(`答复缺少${missing.join('、')}`);
  if (!doc.addressees?.some((a) => a.trim())) throw new ReplyRenderError('答复至少需要一位主送代表');
}

function header(doc: ReplyDocument): Paragraph[] {
  const out: Paragraph[] = [];
  if (doc.classMark?.trim()) {
    const mark = doc.classMark.trim();
    const text = /^[「（(【\[]/.test(mark) ? mark : `「${mark}」`;
    out.push(para([run(text, { font: FONTS.heading1 })], { alignment: AlignmentType.LEFT }));
  }
  const organ = doc.issuingOrgan.trim();
  const number = doc.docNumber?.trim() ? canonicalNumber(doc.docNumber.trim()) : null;
  const redLine = { bottom: { style: BorderStyle.SINGLE, color: RED, size: 18, space: 11 } };
  if (organ) {
    const mark = organ.endsWith('文件') ? organ : `${organ}文件`;
    // As large as fits on one line of the text block with a little room, at most 小初 (36 pt).
    const pt = Math.min(36, Math.floor((LAYOUT.textWidth / 20 / cells(mark)) * 0.96));
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        // The mark's top edge sits 35 mm below the top of the text block (GB/T 9704 §7.2.3).
        spacing: {
          before: Math.max(0, mm(35) - (out.length ? LINE : 0)),
          after: 0,
          line: Math.round(pt * 20 * 1.25),
          lineRule: LineRuleType.EXACT,
        },
        children: [run(mark, { font: FONTS.title, halfPoints: pt * 2, color: RED })],
        ...(number ? {} : { border: redLine }),
      }),
    );
  }
  if (number) {
    // Two blank lines below the mark, centred; the red separator 4 mm below it (§7.2.4, §7.2.6).
    out.push(
      para([run(number)], {
        alignment: AlignmentType.CENTER,
        spacing: { before: organ ? 2 * LINE : 0 },
        border: redLine,
      }),
    );
  }
  return out;
}

function canonicalNumber(s: string): string {
  const n = parseDocNumber(s);
  return n ? formatDocNumber(n) : s;
}

function signature(doc: ReplyDocument): Paragraph[] {
  const date = formatChineseDate(doc.date, '成文日期');
  const organ = doc.signerOrgan.trim();
  // The date sits 4 characters from the right margin; the organ name is centred over it (§7.3.5.1).
  const organRight = Math.max(0, 4 + cells(date) / 2 - cells(organ) / 2);
  const out = [
    para([run(organ)], {
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(organRight * CHAR) },
      spacing: { before: 2 * LINE },
      keepNext: true,
    }),
    para([run(date)], { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, keepNext: true }),
  ];
  const contact: string[] = [];
  if (doc.contactPerson?.trim()) contact.push(`联系人：${doc.contactPerson.trim()}`);
  if (doc.contactPhone?.trim()) contact.push(`联系电话：${doc.contactPhone.trim()}`);
  if (contact.length) {
    out.push(para([run(`（${contact.join('，')}）`)], { ...indented, alignment: AlignmentType.LEFT }));
  }
  return out;
}

/**
 * 版记 (§7.4): a floating one-column table anchored to the bottom of the text block, so it sits at the foot of the
 * last page whatever the length of the reply; its top and bottom rules are thick, the rule between rows thin.
 * A table rather than framed paragraphs because LibreOffice drops the position (and the rules) of framed
 * paragraphs at the end of a document.
 */
function footBlock(doc: ReplyDocument): (Paragraph | Table)[] {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000' }; // ≈ 0.35 mm
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' }; // ≈ 0.25 mm
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const width = LAYOUT.textWidth;
  const footLine = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const style = { halfPoints: FOOT_HALF_POINTS };
  const printed = `${formatChineseDate(doc.printedOn, '印发日期')}印发`;
  const rows: Paragraph[] = [];
  const cc = doc.cc.map((c) => c.trim().replace(/[，,、。；;]+$/, '')).filter(Boolean);
  if (cc.length) {
    rows.push(
      new Paragraph({
        spacing: footLine,
        // One character in on each side; continuation lines align with the first name after 抄送：.
        indent: { left: 4 * FOOT_CHAR, hanging: 3 * FOOT_CHAR, right: FOOT_CHAR },
        children: [run(`抄送：${cc.join('，')}。`, style)],
      }),
    );
  }
  rows.push(
    new Paragraph({
      spacing: footLine,
      indent: { left: FOOT_CHAR, right: FOOT_CHAR },
      tabStops: [{ type: TabStopType.RIGHT, position: width - 2 * FOOT_CHAR }],
      children: [run(doc.printedBy.trim(), style), new TextRun({ text: '\t' }), run(printed, style)],
    }),
  );
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    float: {
      // Horizontally placed from the page edge at the left margin: LibreOffice keeps a full-width table that is
      // anchored to the margin in the text flow, but floats one anchored to the page.
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: LAYOUT.margin.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
    },
    borders: { top: thick, bottom: thick, insideHorizontal: thin, left: none, right: none, insideVertical: none },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map(
      (p) => new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: width, type: WidthType.DXA }, children: [p] })] }),
    ),
  });
  // The paragraph a floating table is anchored to; a hairline so it never adds a page.
  const anchor = new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] });
  return [table, anchor];
}

function pageFooter(side: 'odd' | 'even'): Footer {
  // — 1 — in 四号 宋体, one character in from the outside edge: odd pages right, even pages left (§7.5).
  const style = { font: FONTS.pageNumber, halfPoints: FOOT_HALF_POINTS };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: FOOT_CHAR } : { left: FOOT_CHAR },
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: [
          run('— ', style),
          new TextRun({ children: [PageNumber.CURRENT], font: font(FONTS.pageNumber), size: FOOT_HALF_POINTS }),
          run(' —', style),
        ],
      }),
    ],
  });
}

function body(doc: ReplyDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [...header(doc)];
  out.push(
    para([run(doc.title.trim(), { font: FONTS.title, halfPoints: TITLE_HALF_POINTS })], {
      style: STYLE.title,
      alignment: AlignmentType.CENTER,
      // Two blank lines below the red line (§7.3.1); lines of a long title keep the grid pitch.
      spacing: { before: out.length ? 2 * LINE : 0 },
    }),
  );
  const names = doc.addressees.map((a) => a.trim()).filter(Boolean);
  const suffix = doc.addresseeSuffix ?? '代表';
  const lines = (text: string | null | undefined) => paragraphsOf(text).map((line) => addressedTo(line, names.length));
  out.push(para([run(`尊敬的${names.join('、')}${suffix}：`)], { spacing: { before: LINE } }));
  for (const line of lines(doc.intro)) out.push(bodyParagraph(line));
  for (const point of doc.points) {
    const heading = addressedTo((point.heading ?? '').trim().replace(LEVEL1_PREFIX, ''), names.length);
    if (!heading) {
      const [first = '', ...rest] = lines(point.text);
      out.push(bodyParagraph(`${chineseOrdinal(point.ordinal)}、${first.replace(LEVEL1_PREFIX, '')}`));
      for (const line of rest) out.push(bodyParagraph(line));
      continue;
    }
    out.push(
      para([run(`${chineseOrdinal(point.ordinal)}、${heading}`, { font: FONTS.heading1 })], {
        style: STYLE.heading1,
        ...indented,
        alignment: AlignmentType.JUSTIFIED,
        keepNext: true,
      }),
    );
    for (const line of lines(point.text)) out.push(bodyParagraph(line));
  }
  // The closing lines stay on the page of the signature, so it never stands alone.
  for (const line of lines(doc.closing?.trim() ? doc.closing : DEFAULT_CLOSING)) out.push(bodyParagraph(line, true));
  for (const line of lines(doc.extraClosing)) out.push(bodyParagraph(line, true));
  out.push(...signature(doc));
  out.push(...footBlock(doc));
  return out;
}

/** Everything of the package but its body is the same for every reply: styles, page set-up, footers. */
function documentFor(meta: { title: string; creator: string }, children: (Paragraph | Table)[]): Document {
  return new Document({
    title: meta.title,
    creator: meta.creator,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: BODY_HALF_POINTS, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
      // The Normal style states the body size too: word processors size the character grid from it.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: font(FONTS.body), size: BODY_HALF_POINTS },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
        {
          id: STYLE.title,
          name: '公文标题',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: font(FONTS.title), size: TITLE_HALF_POINTS },
          paragraph: { alignment: AlignmentType.CENTER },
        },
        {
          id: STYLE.heading1,
          name: '一级标题',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: font(FONTS.heading1) },
          paragraph: { keepNext: true, indent: indented.indent },
        },
      ],
      characterStyles: [{ id: STYLE.heading2, name: '二级标题', quickFormat: true, run: { font: font(FONTS.heading2) } }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: LAYOUT.page.width, height: LAYOUT.page.height },
            margin: {
              ...LAYOUT.margin,
              header: mm(15),
              // The page number's dash lines sit about 7 mm below the text block (§7.5).
              footer: mm(24),
              gutter: 0,
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LAYOUT.linePitch, charSpace: LAYOUT.charSpace },
        },
        footers: { default: pageFooter('odd'), even: pageFooter('even') },
        children,
      },
    ],
  });
}

let template: Promise<DocxTemplate> | undefined;

/** The reply as a GB/T 9704 .docx. Throws ReplyRenderError (Chinese message) for missing or malformed fields. */
export async function renderReplyDocx(doc: ReplyDocument): Promise<Buffer> {
  checkDocument(doc);
  const children = body(doc);
  template ??= makeTemplate(documentFor(TEMPLATE_META, [new Paragraph({ children: [] })]));
  return packFromTemplate(await template, children, { title: doc.title, creator: doc.issuingOrgan }, new Date());
}

/** The same file packed by docx from scratch: slower, kept as the reference the fast path is checked against. */
export async function renderReplyDocxReference(doc: ReplyDocument): Promise<Buffer> {
  checkDocument(doc);
  return Packer.toBuffer(documentFor({ title: doc.title, creator: doc.issuingOrgan }, body(doc)));
}

const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** A name that downloads safely on Windows, macOS and Linux; keeps Chinese and the 〔〕 of the number. */
export function safeFileName(base: string, extension = '.docx'): string {
  let name = base.normalize('NFC').replace(UNSAFE_FILE_CHARS, '_').replace(/\s+/g, ' ').trim();
  name = name.replace(/^[.\s]+|[.\s]+$/g, '');
  if ([...name].length > 80) name = [...name].slice(0, 80).join('');
  if (!name || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name)) name = `答复_${name}`;
  return `${name}${extension}`;
}

/**
 * The files to send: one joint reply naming every deputy, or one reply per deputy (逐人答复) whose salutation
 * names only that deputy and whose text says 您 where the joint one says 你们. File names look like 高工信发〔2024〕37号-郜义鹏.docx.
 */
export async function renderReplyCopies(doc: ReplyDocument, mode: 'joint' | 'per_deputy'): Promise<ReplyCopy[]> {
  checkDocument(doc);
  const base = doc.docNumber?.trim() ? canonicalNumber(doc.docNumber.trim()) : doc.title.trim();
  const names = doc.addressees.map((a) => a.trim()).filter(Boolean);
  if (mode === 'joint') {
    return [{ fileName: safeFileName(base), addressees: names, data: await renderReplyDocx(doc) }];
  }
  const seen = new Map<string, number>();
  const copies: ReplyCopy[] = [];
  for (const name of names) {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    const fileName = safeFileName(count === 1 ? `${base}-${name}` : `${base}-${name}(${count})`);
    copies.push({ fileName, addressees: [name], data: await renderReplyDocx({ ...doc, addressees: [name] }) });
  }
  return copies;
}
