/**
 * Uploads: the longest event-loop block while the largest file the limits allow is parsed — a .docx whose
 * document.xml is at the 4 MB limit for a parsed XML part (to text, and through the format check) and an .xlsx import sheet
 * at the 2,000-row limit — measured with perf_hooks.monitorEventLoopDelay, once in the main thread and once
 * through the parse workers the server uses.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { checkReplyDocx, checkReplyDocxInWorker } from '../server/platform/docgen/format-check.js';
import { MAX_XML_PART_BYTES } from '../server/platform/files/wordml.js';
import { documentText, documentTextInWorker } from '../server/platform/files/document-text.js';
import { closeParseWorkers } from '../server/platform/files/parse-pool.js';
import { readImportFile, readImportFileInWorker } from '../server/modules/suggestions/xlsx/import.read.js';

async function largestDocx(): Promise<Buffer> {
  const para = (i: number) => `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>第${i}段：关于开发区公共配套服务的答复正文，逐项说明办理情况。</w:t></w:r></w:p>`;
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const tail = '<w:sectPr/></w:body></w:document>';
  const parts: string[] = [];
  let bytes = Buffer.byteLength(head + tail);
  for (let i = 0; ; i++) {
    const p = para(i);
    const n = Buffer.byteLength(p);
    if (bytes + n > MAX_XML_PART_BYTES) break;
    parts.push(p);
    bytes += n;
  }
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', head + parts.join('') + tail);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function largestXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('建议');
  ws.addRow(['编号', '标题', '领衔代表', '附议代表', '类别', '内容']);
  for (let i = 1; i <= 2000; i++) ws.addRow([i, `关于第${i}项事项的建议`, '郜义鹏', '李科、杜小林', '城建', '建议内容：'.repeat(60)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function measure(label: string, fn: () => Promise<unknown>) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  // A timer keeps the loop turning, so a block shows as delay.
  const tick = setInterval(() => {}, 5);
  h.enable();
  // The histogram measures between its own ticks: let it take a few before the work starts.
  await new Promise((r) => setTimeout(r, 100));
  const t = performance.now();
  await fn().catch((e) => console.log(`  （${label}：${(e as Error).message}）`));
  const ms = performance.now() - t;
  // Let the loop turn once more, so a block that just ended is recorded.
  await new Promise((r) => setTimeout(r, 20));
  h.disable();
  clearInterval(tick);
  console.log(`  ${label.padEnd(34)} 用时 ${ms.toFixed(0).padStart(6)} ms   事件循环最长阻塞 ${(h.max / 1e6).toFixed(0).padStart(6)} ms`);
  return h.max / 1e6;
}

export async function benchUploads() {
  const docx = await largestDocx();
  const xlsx = await largestXlsx();
  console.log(`\n■ 上传解析：允许的最大文件（.docx ${(docx.length / 1024 / 1024).toFixed(1)} MB，正文解压 ${MAX_XML_PART_BYTES / 1024 / 1024} MB；.xlsx ${(xlsx.length / 1024).toFixed(0)} KB，2000 行）`);
  await documentTextInWorker(Buffer.from('x'), 'warm.txt'); // start a worker before timing
  await measure('.docx 转文字（主线程）', () => documentText(docx, 'a.docx'));
  await measure('.docx 转文字（解析线程）', () => documentTextInWorker(docx, 'a.docx'));
  await measure('.docx 格式检查（主线程）', () => checkReplyDocx(docx));
  await measure('.docx 格式检查（解析线程）', () => checkReplyDocxInWorker(docx));
  await measure('.xlsx 导入读取（主线程）', () => readImportFile(xlsx));
  await measure('.xlsx 导入读取（解析线程）', () => readImportFileInWorker(xlsx));
  await closeParseWorkers();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchUploads().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
