/**
 * WordprocessingML read with a real XML parser (fast-xml-parser), in one place: the element tree that the
 * format checker walks, and the plain text of a document body that the importer parses. A DOCTYPE (which Word
 * never writes, and which could declare expanding entities) is refused.
 */
import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../errors.js';
import type { Archive } from './archive.js';

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: (XNode | string)[];
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // Also decodes numeric character references (&#20013; &#x4e2d;), which XML has and the default leaves alone.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

/** Largest XML part that is parsed (a 100-page reply's document.xml is about 1–2 MB). */
export const MAX_XML_PART_BYTES = 4 * 1024 * 1024;

/** The text of an XML part of an opened package, refused with a 413 when over MAX_XML_PART_BYTES. */
export function xmlPart(archive: Archive, name: string): string | undefined {
  const e = archive.entries.find((x) => x.name === name);
  if (!e) return undefined;
  if (e.size > MAX_XML_PART_BYTES) {
    throw new AppError(413, 'archive_too_large', `文档内容过大（“${name.slice(0, 60)}”解压后 ${Math.round(e.size / 1024 / 1024)} MB，最多 ${MAX_XML_PART_BYTES / 1024 / 1024} MB），请拆分后再上传`);
  }
  return archive.text(name);
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toNode(name: string, items: Ordered[], attrs: Record<string, string> = {}): XNode {
  const node: XNode = { name, attrs, children: [] };
  for (const item of items) {
    for (const key of Object.keys(item)) {
      if (key === ':@') continue;
      const value = item[key];
      if (key === '#text') node.children.push(String(value));
      else node.children.push(toNode(key, (value as Ordered[]) ?? [], item[':@'] ?? {}));
    }
  }
  return node;
}

/** The document as a tree under a `#root` node; an XML text that is not well formed is a 415. */
export function parseXml(xml: string): XNode {
  if (!/^\uFEFF?\s*</.test(xml.slice(0, 256))) throw new AppError(415, 'invalid_archive', '文档内容不是有效的 XML，请用 Word 重新保存后上传');
  if (xml.includes('<!DOCTYPE')) throw new AppError(415, 'invalid_archive', '文档内容含有不允许的 DOCTYPE 声明，请用 Word 重新保存后上传');
  let parsed: Ordered[];
  try {
    parsed = parser.parse(xml) as Ordered[];
  } catch {
    throw new AppError(415, 'invalid_archive', '文档内容不是有效的 XML，请用 Word 重新保存后上传');
  }
  return toNode('#root', parsed);
}

export const kids = (n: XNode | undefined, name?: string): XNode[] =>
  (n?.children ?? []).filter((c): c is XNode => typeof c !== 'string' && (!name || c.name === name));
export const kid = (n: XNode | undefined, name: string): XNode | undefined => kids(n, name)[0];
export const textOf = (n: XNode): string => n.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

export function find(n: XNode | undefined, name: string): XNode | undefined {
  for (const c of kids(n)) {
    if (c.name === name) return c;
    const deeper = find(c, name);
    if (deeper) return deeper;
  }
  return undefined;
}

export function findAll(n: XNode | undefined, name: string, out: XNode[] = []): XNode[] {
  for (const c of kids(n)) {
    if (c.name === name) out.push(c);
    else findAll(c, name, out);
  }
  return out;
}

/**
 * Paragraphs of WordprocessingML become lines; tabs stay tabs, line and page breaks become newlines;
 * the cells of a table row are joined with tabs. Alternate content is read once (its fallback copy is
 * skipped) and deleted text (w:delText) is not text. Paragraphs nested in a paragraph (text boxes) come out
 * before the paragraph that holds them.
 */
export function wordXmlText(xml: string): string {
  const containers: string[][] = [[]];
  const rows: string[][] = [];
  const paragraphs: string[] = [];
  const append = (s: string) => {
    if (paragraphs.length > 0) paragraphs[paragraphs.length - 1] += s;
  };
  const walk = (n: XNode) => {
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      switch (c.name) {
        case 'mc:Fallback':
          break;
        case 'w:t':
          append(textOf(c));
          break;
        case 'w:p':
          paragraphs.push('');
          walk(c);
          containers[containers.length - 1].push(paragraphs.pop() ?? '');
          break;
        case 'w:tab':
        case 'w:ptab':
          append('\t');
          break;
        case 'w:br':
        case 'w:cr':
          append('\n');
          break;
        case 'w:noBreakHyphen':
          append('-');
          break;
        case 'w:tr':
          rows.push([]);
          walk(c);
          containers[containers.length - 1].push((rows.pop() ?? []).join('\t'));
          break;
        case 'w:tc':
          containers.push([]);
          walk(c);
          rows[rows.length - 1]?.push((containers.length > 1 ? containers.pop()! : []).join(' ').trim());
          break;
        default:
          walk(c);
      }
    }
  };
  walk(parseXml(xml));
  return containers[0].join('\n');
}
