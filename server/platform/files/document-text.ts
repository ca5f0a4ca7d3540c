/**
 * Plain text of an uploaded document: .txt and .md (UTF-8 with or without BOM, UTF-16 with BOM, or
 * GB18030/GBK as older Windows tools save it) and .docx (the body of word/document.xml; page headers and
 * footers live in other parts of the package and are not read).
 */
import path from 'node:path';
import JSZip from 'jszip';

const TEXT_EXTENSIONS = new Set(['.txt', '.md']);

export async function documentText(data: Buffer, fileName: string): Promise<string> {
  const ext = assertSupportedDocument(fileName);
  return ext === '.docx' ? docxText(data) : decodeText(data);
}

/** The file's extension when it is one we read; otherwise an Error with a Chinese message. */
export function assertSupportedDocument(fileName: string): string {
  const ext = path.extname(fileName).toLowerCase();
  if (TEXT_EXTENSIONS.has(ext) || ext === '.docx') return ext;
  throw new Error(`不支持的文件类型：${ext || '（无扩展名）'}，请上传 .txt、.md 或 .docx`);
}

// ---------------------------------------------------------------- text files

export function decodeText(data: Uint8Array): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return new TextDecoder('utf-8').decode(data.subarray(3));
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

// ---------------------------------------------------------------- .docx

async function docxText(data: Buffer): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new Error('无法读取 .docx 文件：文件已损坏或不是 Word 文档');
  }
  const part = zip.file('word/document.xml');
  if (!part) throw new Error('无法读取 .docx 文件：缺少正文（word/document.xml）');
  return wordXmlText(await part.async('string'));
}

const TOKEN = /<(\/?)([A-Za-z_][\w:.-]*)([^>]*)>|<[^>]*>|([^<]+)/g;

/**
 * Paragraphs of WordprocessingML become lines; tabs stay tabs, line and page breaks become newlines;
 * the cells of a table row are joined with tabs. Alternate content is read once (its fallback copy is
 * skipped) and deleted text (w:delText) is not text.
 */
export function wordXmlText(xml: string): string {
  const containers: string[][] = [[]];
  const rows: string[][] = [];
  const paragraphs: string[] = [];
  let inText = false;
  let skipDepth = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const [, closing, name, attrs, text] = m;
    if (text !== undefined) {
      if (inText && skipDepth === 0 && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += decodeEntities(text);
      continue;
    }
    if (!name) continue;
    const selfClosing = attrs.trimEnd().endsWith('/');
    if (name === 'mc:Fallback') {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (skipDepth > 0) continue;
    if (closing) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:p') containers[containers.length - 1].push(paragraphs.pop() ?? '');
      else if (name === 'w:tc') rows[rows.length - 1]?.push((containers.length > 1 ? containers.pop()! : []).join(' ').trim());
      else if (name === 'w:tr') containers[containers.length - 1].push((rows.pop() ?? []).join('\t'));
      continue;
    }
    if (name === 'w:t' && !selfClosing) inText = true;
    else if (name === 'w:p') selfClosing ? containers[containers.length - 1].push('') : paragraphs.push('');
    else if (name === 'w:tab' || name === 'w:ptab') appendToParagraph(paragraphs, '\t');
    else if (name === 'w:br' || name === 'w:cr') appendToParagraph(paragraphs, '\n');
    else if (name === 'w:noBreakHyphen') appendToParagraph(paragraphs, '-');
    else if (name === 'w:tr' && !selfClosing) rows.push([]);
    else if (name === 'w:tc' && !selfClosing) containers.push([]);
  }
  return containers[0].join('\n');
}

function appendToParagraph(paragraphs: string[], s: string) {
  if (paragraphs.length > 0) paragraphs[paragraphs.length - 1] += s;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}
