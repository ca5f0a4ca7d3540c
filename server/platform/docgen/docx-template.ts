/**
 * Fast packing of .docx files whose every part but the body is the same from one file to the next.
 *
 * docx builds and serialises the whole package on every call — default styles, theme, numbering, settings,
 * footers — and that constant part costs far more than a reply's body. Here the package is built once by docx
 * (a template), and each file then only serialises its body paragraphs (docx's own components, through their
 * `prepForXml`) into the template's document.xml, and fills title, author and dates of the core properties;
 * jszip writes the package, reusing the template's compressed constant parts.
 * The result is the same XML docx writes, byte for byte (checked by reply-docx.test.ts against Packer).
 */
import JSZip from 'jszip';
import { Packer, type Document, type IContext, type XmlComponent } from 'docx';

const TITLE_MARK = '\uE000';
const CREATOR_MARK = '\uE001';
const WHEN_RE = /(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:\2>)/g;

export interface DocxTemplate {
  /** docx's package of the template: jszip reuses its compressed constant parts in every file. */
  packed: Buffer;
  documentHead: string;
  documentTail: string;
  core: string;
  context: IContext;
}

/** Marks that stand in for the title and the author in the template's core properties. */
export const TEMPLATE_META = { title: TITLE_MARK, creator: CREATOR_MARK } as const;

/** Packs `file` once with docx and keeps its parts. Its body is replaced in every file made from it. */
export async function makeTemplate(file: Document): Promise<DocxTemplate> {
  const packed = await Packer.toBuffer(file);
  const zip = await JSZip.loadAsync(packed);
  const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const open = documentXml.indexOf('<w:body>') + '<w:body>'.length;
  const close = documentXml.lastIndexOf('<w:sectPr');
  if (open < '<w:body>'.length || close < open || !core.includes(TITLE_MARK)) throw new Error('docx template: unexpected package layout');
  return {
    packed,
    documentHead: documentXml.slice(0, open),
    documentTail: documentXml.slice(close),
    core,
    context: { file: file as unknown as IContext['file'], viewWrapper: file.Document as unknown as IContext['viewWrapper'], stack: [] },
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/**
 * Escapes as docx does, the five entities, and drops every character XML 1.0 cannot hold: control characters
 * other than tab, line feed and carriage return, surrogates without their pair, U+FFFE and U+FFFF. One of these in
 * a reply point would make document.xml malformed (and LibreOffice fail on it).
 */
export const escapeXml = (s: string) =>
  s.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/gu, (c) => ESCAPES[c] ?? '');
const escapeValue = (v: unknown) => (typeof v === 'string' ? escapeXml(v) : String(v));

type Xmlable = Record<string, unknown>;

/**
 * Writes one of docx's xmlable objects (`{ 'w:p': [ { _attr: {…} }, child, … ] }`) without indentation, by the
 * rules of docx's own serialiser: an element with attributes only closes itself; one given as a list always gets
 * an end tag; a string in a list takes the place of the item before it; text is escaped.
 */
export function xmlOf(node: Xmlable): string {
  const name = Object.keys(node)[0];
  const value = node[name];
  let attrs = '';
  const addAttrs = (a: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(a)) attrs += ` ${k}="${escapeValue(v)}"`;
  };
  if (typeof value !== 'object') return `<${name}>${value === undefined ? '' : escapeValue(value)}</${name}>`;
  if (value === null) return `<${name}/>`;
  const { _attr } = value as { _attr?: Record<string, unknown> };
  if (_attr) addAttrs(_attr);
  if (!Array.isArray(value)) return `<${name}${attrs}/>`;
  const content: string[] = [''];
  for (const item of value) {
    if (typeof item === 'object' && item !== null) {
      if (Object.keys(item)[0] === '_attr') addAttrs((item as { _attr: Record<string, unknown> })._attr);
      else content.push(xmlOf(item as Xmlable));
    } else {
      content.pop();
      content.push(escapeValue(item));
    }
  }
  return `<${name}${attrs}>${content.join('')}</${name}>`;
}

/** A package from the template with these body children, title and author, stamped with `now`. */
export async function packFromTemplate(t: DocxTemplate, children: XmlComponent[], meta: { title: string; creator: string }, now: Date): Promise<Buffer> {
  let body = '';
  for (const child of children) {
    const x = child.prepForXml({ ...t.context, stack: [] });
    if (x) body += xmlOf(x as Xmlable);
  }
  const when = now.toISOString();
  const core = t.core
    .replace(TITLE_MARK, escapeXml(meta.title))
    .replace(CREATOR_MARK, escapeXml(meta.creator))
    .replace(WHEN_RE, (_m, open: string, _k: string, close: string) => `${open}${when}${close}`);
  // Parts left as loaded keep their compressed bytes (jszip copies them when the method matches); only the
  // body and the core properties are compressed per file.
  const zip = await JSZip.loadAsync(t.packed);
  zip.file('word/document.xml', t.documentHead + body + t.documentTail, { date: now });
  zip.file('docProps/core.xml', core, { date: now });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
