import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { seed187 } from './fixtures/seed-187.js';
import { PDF_FAILED_MESSAGE, PDF_UNAVAILABLE_MESSAGE, PdfConversionError, adaptForLibreOffice, docxToPdf, libreOfficeAvailable } from './pdf.js';
import { renderReplyDocx } from './reply-docx.js';

const run = promisify(execFile);
const hasPoppler = await run('pdfinfo', ['-v']).then(
  () => true,
  () => false,
);
const available = (await libreOfficeAvailable()) && hasPoppler;
const inCi = !!process.env.CI;

if (!available && !inCi) {
  console.warn(
    'pdf.test.ts: LibreOffice (soffice) or poppler-utils is not installed — skipped the .docx → PDF conversion ' +
      'tests (title, 5241566, — 1 —, page count, fonts). Install libreoffice-writer-nogui, poppler-utils and ' +
      'fonts-noto-cjk to run them.',
  );
}

describe('LibreOffice in CI', () => {
  it.runIf(inCi)('is installed, so PDF conversion is tested', () => {
    expect(available, 'CI must have LibreOffice (libreoffice-writer-nogui) and poppler-utils to test PDF output').toBe(true);
  });
});

const dir = await mkdtemp(join(tmpdir(), 'qunei-pdf-test-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function poppler(tool: string, pdf: Buffer, ...args: string[]): Promise<string> {
  const file = join(dir, `${tool}-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { maxBuffer: 16 << 20 });
  return stdout;
}

const compact = (s: string) => s.replace(/\s+/g, '');

/** The text of each paragraph of a .docx's document.xml, in order (tabs dropped). */
async function docxParagraphs(docx: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)]
    .map((m) => [...m[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .map((t) => t.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
    .map(compact)
    .filter(Boolean);
}

const MARKS = [...'，。、；：？！“”‘’（）《》〔〕…'];
const countMarks = (s: string) => Object.fromEntries(MARKS.map((m) => [m, [...s].filter((c) => c === m).length]));

describe.skipIf(!available)('docxToPdf with LibreOffice', async () => {
  const docx = await renderReplyDocx(seed187);
  const pdf = available ? await docxToPdf(docx) : Buffer.alloc(0);

  it('makes a PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('carries the title, the phone number and the page number — 1 —', async () => {
    const text = await poppler('pdftotext', pdf, '-enc', 'UTF-8');
    // pdftotext may split the text at the spacing between Han characters and digits; compare without spaces.
    expect(compact(text)).toContain('关于市人大七届六次会议第187号建议的答复');
    expect(text).toContain('5241566');
    expect(compact(text)).toContain('—1—');
    expect(compact(text)).toContain('—2—');
    expect(compact(text)).toContain('高工信发〔2024〕37号');
    expect(compact(text)).toContain('抄送：市人大常委会人事代表工作委员会，市政府办公室。');
  });

  it('keeps every punctuation mark of the source, also those at the end of a full line', async () => {
    const source = await docxParagraphs(docx);
    // The page numbers (— 3 —) are the PDF's own; everything else is the .docx's text in reading order.
    const text = compact(await poppler('pdftotext', pdf, '-enc', 'UTF-8')).replace(/—\d+—/g, '');
    expect(countMarks(text)).toEqual(countMarks(source.join('')));
    // The marks that LibreOffice used to drop where a line of 28 characters ended (page 3).
    for (const words of ['凝聚执行联动工作合力，', '早谋划、', '升级改造后，', '还是大路旁，']) expect(text).toContain(words);
    let from = 0;
    for (const paragraph of source) {
      const at = text.indexOf(paragraph, from);
      expect(at, `paragraph missing or out of order in the PDF: ${paragraph}`).toBeGreaterThanOrEqual(0);
      from = at + paragraph.length;
    }
  });

  it('has more than one page, all A4', async () => {
    const info = await poppler('pdfinfo', pdf);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('sets 28 characters a line, as the grid asks', async () => {
    const text = await poppler('pdftotext', pdf, '-enc', 'UTF-8', '-f', '3', '-l', '3');
    const lines = text.split('\n').map(compact).filter((l) => l && !/^—\d+—$/.test(l));
    const han = (l: string) => [...l].filter((c) => /[\p{Script=Han}，。、；：“”（）]/u.test(c)).length;
    // Full lines of Han text hold 28 characters (a few fewer where digits share the line).
    expect(Math.max(...lines.map(han))).toBe(28);
    expect(lines.length).toBe(22);
  });

  it('embeds real fonts: none missing, none Type 3; 仿宋 and 宋体 in AR PL UMing CN', async () => {
    const fonts = (await poppler('pdffonts', pdf)).split('\n').slice(2).filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).not.toMatch(/Type 3/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, with a Unicode map
    }
    // The body (仿宋_GB2312) and the page numbers (宋体): the CN face of AR PL UMing, simplified-Chinese forms.
    expect(fonts.some((l) => /\+UMingCN\b/.test(l))).toBe(true);
    // LibreOffice takes the first face of a Noto CJK collection, the Japanese one: not for the body.
    expect(fonts.some((l) => /NotoSerifCJKjp-Regular/.test(l))).toBe(false);
    expect(fonts.some((l) => /NotoSerifCJK\w*-Bold/.test(l))).toBe(true); // 方正小标宋简体: title and organ mark
    expect(fonts.some((l) => /NotoSansCJK/.test(l))).toBe(true); // 黑体 headings
  });

  it('runs conversions side by side, each with its own profile; 楷体 headings in AR PL UKai CN; U+FFFF is dropped', async () => {
    const withLevel2 = {
      ...seed187,
      points: seed187.points.map((p, i) => (i === 0 ? { ...p, text: `（一）在建学校。\uFFFF第十\uFFFE中学。${p.text}` } : p)),
    };
    const [a, b] = await Promise.all([docxToPdf(await renderReplyDocx(seed187)), docxToPdf(await renderReplyDocx(withLevel2))]);
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(b.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await poppler('pdffonts', b)).toMatch(/\+UKaiCN\b/);
    expect(compact(await poppler('pdftotext', b, '-enc', 'UTF-8'))).toContain('（一）在建学校。第十中学。');
  }, 150_000);

  it('reports a failed conversion in Chinese, with LibreOffice\'s output kept apart for the log', async () => {
    const broken = new JSZip();
    broken.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">');
    broken.file('word/document.xml', '<w:document><w:body><w:p>');
    const error = await docxToPdf(await broken.generateAsync({ type: 'nodebuffer' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfConversionError);
    expect(error).toMatchObject({ code: 'failed', message: PDF_FAILED_MESSAGE });
    expect((error as PdfConversionError).detail).toMatch(/退出码|exit|Error|error|no PDF/);
    expect(PDF_FAILED_MESSAGE).toBe('PDF 生成失败，请下载 .docx');
  }, 60_000);

  it('stops at the time limit with a Chinese message', async () => {
    await expect(docxToPdf(await renderReplyDocx(seed187), { timeoutMs: 50 })).rejects.toMatchObject({
      code: 'timeout',
      message: expect.stringContaining('PDF 生成超时'),
    });
  }, 60_000);
});

describe('docxToPdf without LibreOffice', () => {
  it('says in Chinese to download the .docx', async () => {
    const saved = process.env.QUNEI_SOFFICE;
    process.env.QUNEI_SOFFICE = join(dir, 'no-such-soffice');
    try {
      vi.resetModules();
      const fresh = await import('./pdf.js');
      expect(await fresh.libreOfficeAvailable()).toBe(false);
      await expect(fresh.docxToPdf(Buffer.from('x'))).rejects.toMatchObject({
        code: 'unavailable',
        message: PDF_UNAVAILABLE_MESSAGE,
      });
      expect(PDF_UNAVAILABLE_MESSAGE).toBe('未安装 LibreOffice，无法生成 PDF，请下载 .docx');
    } finally {
      if (saved === undefined) delete process.env.QUNEI_SOFFICE;
      else process.env.QUNEI_SOFFICE = saved;
      vi.resetModules();
    }
  });
});

describe('adaptForLibreOffice', () => {
  it('turns the 28-character grid into a line grid plus the same narrowing as character spacing', async () => {
    const adapted = await JSZip.loadAsync(await adaptForLibreOffice(await renderReplyDocx(seed187)));
    const document = await adapted.file('word/document.xml')!.async('string');
    const styles = await adapted.file('word/styles.xml')!.async('string');
    expect(document).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts[^>]*\/><w:spacing w:val="-5"\/><w:sz w:val="32"\/>/);
  });

  it('tells LibreOffice not to hang punctuation in the margin (its reading of w:overflowPunct)', async () => {
    const adapted = await JSZip.loadAsync(await adaptForLibreOffice(await renderReplyDocx(seed187)));
    const styles = await adapted.file('word/styles.xml')!.async('string');
    expect(styles).toContain('<w:pPrDefault><w:pPr><w:overflowPunct w:val="1"/><w:spacing ');
    const user = await JSZip.loadAsync(await renderReplyDocx(seed187));
    expect(await user.file('word/styles.xml')!.async('string')).not.toContain('overflowPunct');
  });

  it('leaves documents without a narrowing grid alone', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document><w:body><w:sectPr><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr></w:body></w:document>');
    const data = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await adaptForLibreOffice(data)).toBe(data);
  });
});
