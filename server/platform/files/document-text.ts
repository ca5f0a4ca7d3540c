/**
 * Plain text of an uploaded document: .txt and .md (UTF-8 with or without BOM, UTF-16 with BOM, or
 * GB18030/GBK as older Windows tools save it) and .docx (the body of word/document.xml; page headers and
 * footers live in other parts of the package and are not read).
 */
import path from 'node:path';
import { AppError } from '../errors.js';
import { isZip, OFFICE_LIMITS, openArchive } from './archive.js';
import { runInWorker } from './parse-pool.js';
import { wordXmlText, xmlPart } from './wordml.js';

const TEXT_EXTENSIONS = new Set(['.txt', '.md']);

/** `documentText` in a parse worker, so a large .docx does not hold up other requests. */
export function documentTextInWorker(data: Buffer, fileName: string): Promise<string> {
  return runInWorker<string>(new URL('./document-text.ts', import.meta.url).href, 'documentText', [data, fileName]);
}

export async function documentText(data: Buffer, fileName: string): Promise<string> {
  const ext = assertSupportedDocument(fileName);
  return ext === '.docx' ? docxText(data) : decodeText(data);
}

/** The file's extension when it is one we read; otherwise a 415 with a Chinese message. */
export function assertSupportedDocument(fileName: string): string {
  const ext = path.extname(fileName).toLowerCase();
  if (TEXT_EXTENSIONS.has(ext) || ext === '.docx') return ext;
  throw new AppError(415, 'unsupported_type', `不支持的文件类型：${ext || '（无扩展名）'}，请上传 .txt、.md 或 .docx`);
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

/** The body text of a .docx, its package read within the archive limits (413/415 for a hostile one). */
function docxText(data: Buffer): string {
  if (!isZip(data)) throw new AppError(415, 'unreadable_file', '无法读取 .docx 文件：文件已损坏或不是 Word 文档');
  const xml = xmlPart(openArchive(data, OFFICE_LIMITS), 'word/document.xml');
  if (xml === undefined) throw new AppError(415, 'unreadable_file', '无法读取 .docx 文件：缺少正文（word/document.xml）');
  return wordXmlText(xml);
}

export { wordXmlText };
