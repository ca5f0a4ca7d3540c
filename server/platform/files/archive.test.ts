import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { lyingSizeBomb, manyEntries, nestedZip, overlappingEntries, zipBomb } from '../../testing/hostile-files.js';
import { listArchive, OFFICE_LIMITS, openArchive, verifyArchive } from './archive.js';
import { documentText } from './document-text.js';
import { MAX_XML_PART_BYTES } from './wordml.js';

const refusal = (fn: () => unknown): { status: number; code: string; message: string } => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('not refused');
};

async function realDocx() {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', `<w:document>${'<w:p><w:r><w:t>正文</w:t></w:r></w:p>'.repeat(2000)}</w:document>`);
  zip.file('word/media/image1.png', Buffer.alloc(5000, 7), { compression: 'STORE' });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('archive reader', () => {
  it('reads a real package, stored and deflated entries alike', async () => {
    const a = openArchive(await realDocx());
    expect(a.entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'word/', 'word/document.xml', 'word/media/', 'word/media/image1.png'].filter((n) => a.has(n)));
    expect(a.text('word/document.xml')).toContain('<w:t>正文</w:t>');
    expect(a.bytes('word/media/image1.png')).toEqual(Buffer.alloc(5000, 7));
    expect(a.text('missing.xml')).toBeUndefined();
  });

  it('refuses a bomb by its declared size before inflating anything', () => {
    const r = refusal(() => listArchive(zipBomb('docx')));
    expect(r).toMatchObject({ status: 413, code: 'archive_too_large' });
    expect(r.message).toContain('单个部件最多 20 MB');
  });

  it('stops inflating a part whose declared size lies, one byte past the claim', () => {
    const data = lyingSizeBomb('docx');
    expect(() => listArchive(data)).not.toThrow();
    const before = process.memoryUsage().arrayBuffers;
    const r = refusal(() => openArchive(data).bytes('word/document.xml'));
    expect(r).toMatchObject({ status: 413 });
    expect(r.message).toContain('实际大小与声明不符');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses too many entries, overlapping entries, and a ratio beyond the limit', () => {
    expect(refusal(() => listArchive(manyEntries('docx')))).toMatchObject({ status: 413 });
    expect(refusal(() => listArchive(overlappingEntries('docx')))).toMatchObject({ status: 415, message: expect.stringContaining('相互重叠') });
    expect(refusal(() => listArchive(zipBomb('docx'), { ...OFFICE_LIMITS, maxEntryBytes: 200 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024 })))
      .toMatchObject({ status: 413, message: expect.stringContaining('压缩比') });
  });

  it('refuses what is not a ZIP, a truncated one, and a ZIP stored as an XML part', async () => {
    expect(refusal(() => listArchive(Buffer.from('hello')))).toMatchObject({ status: 415 });
    const real = await realDocx();
    expect(refusal(() => listArchive(real.subarray(0, real.length - 30)))).toMatchObject({ status: 415 });
    expect(refusal(() => verifyArchive(nestedZip('docx', 1)))).toMatchObject({ status: 415, message: expect.stringContaining('不是 XML') });
    expect(verifyArchive(real).entries).toBeGreaterThan(2);
  });

  it('parses no XML part over the 4 MB limit (fast-xml-parser time grows with it)', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', `<w:document>${randomBytes(MAX_XML_PART_BYTES / 2).toString('hex')}</w:document>`);
    const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    await expect(documentText(data, 'a.docx')).rejects.toMatchObject({ status: 413, message: expect.stringContaining('最多 4 MB') });
  });
});
