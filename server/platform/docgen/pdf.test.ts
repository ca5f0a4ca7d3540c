import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { seed187 } from './fixtures/seed-187.js';
import { PDF_UNAVAILABLE_MESSAGE, adaptGridForLibreOffice, docxToPdf, libreOfficeAvailable } from './pdf.js';
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

describe.skipIf(!available)('docxToPdf with LibreOffice', async () => {
  const pdf = available ? await docxToPdf(await renderReplyDocx(seed187)) : Buffer.alloc(0);

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

  it('embeds real fonts: none missing, none Type 3', async () => {
    const fonts = (await poppler('pdffonts', pdf)).split('\n').slice(2).filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).not.toMatch(/Type 3/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, with a Unicode map
    }
    expect(fonts.some((l) => /NotoSerifCJK/.test(l))).toBe(true);
    expect(fonts.some((l) => /NotoSansCJK/.test(l))).toBe(true); // 黑体 headings
  });

  it('runs conversions side by side, each with its own profile', async () => {
    const [a, b] = await Promise.all([docxToPdf(await renderReplyDocx(seed187)), docxToPdf(await renderReplyDocx(seed187))]);
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(b.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 150_000);

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

describe('adaptGridForLibreOffice', () => {
  it('turns the 28-character grid into a line grid plus the same narrowing as character spacing', async () => {
    const adapted = await JSZip.loadAsync(await adaptGridForLibreOffice(await renderReplyDocx(seed187)));
    const document = await adapted.file('word/document.xml')!.async('string');
    const styles = await adapted.file('word/styles.xml')!.async('string');
    expect(document).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts[^>]*\/><w:spacing w:val="-5"\/><w:sz w:val="32"\/>/);
  });

  it('leaves documents without a narrowing grid alone', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document><w:body><w:sectPr><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr></w:body></w:document>');
    const data = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await adaptGridForLibreOffice(data)).toBe(data);
  });
});
