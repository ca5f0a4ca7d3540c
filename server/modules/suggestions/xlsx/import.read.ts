/**
 * Reads a session's suggestions from an .xlsx: finds the header row (any order, extra columns ignored, the
 * usual synonyms accepted), then the cells of every non-empty row under it as text. No validation here.
 */
import ExcelJS from 'exceljs';
import { AppError, badRequest } from '../../../platform/errors.js';
import { isZip, OFFICE_LIMITS, openArchive } from '../../../platform/files/archive.js';
import { runInWorker } from '../../../platform/files/parse-pool.js';

export type ImportField = 'number' | 'title' | 'lead' | 'co' | 'category' | 'kind' | 'body';

export const FIELD_LABELS: Record<ImportField, string> = {
  number: '编号', title: '标题', lead: '领衔代表', co: '附议代表', category: '类别', kind: '类型', body: '内容',
};

/** Header texts accepted for each field, after normalisation (no spaces, brackets or required-marks). */
const SYNONYMS: Record<ImportField, string[]> = {
  number: ['编号', '建议编号', '建议号', '提案编号', '提案号', '案号', '议案号'],
  title: ['标题', '建议标题', '提案标题', '题目', '案由', '建议名称'],
  lead: ['领衔代表', '领衔人', '领衔', '领衔委员', '提出人', '第一提出人', '提案人', '代表'],
  co: ['附议代表', '附议人', '附议', '联名代表', '联名人', '附议委员', '联名'],
  category: ['类别', '分类', '建议类别', '提案类别', '所属类别', '专业类别', '类别名称'],
  kind: ['类型', '建议类型', '性质'],
  body: ['内容', '建议内容', '提案内容', '正文', '建议正文', '具体内容', '内容摘要'],
};
/** 序号 is usually a running count, used as the number only when there is no real number column. */
const FALLBACK_NUMBER = ['序号'];

export const REQUIRED_FIELDS: ImportField[] = ['title', 'lead', 'body'];

export const normalizeHeader = (s: string) => s.normalize('NFKC').replace(/[（(【\[].*?[）)】\]]/g, '').replace(/[\s*＊:：]/g, '');

export function fieldOf(header: string): ImportField | null {
  const h = normalizeHeader(header);
  for (const [field, names] of Object.entries(SYNONYMS) as Array<[ImportField, string[]]>) if (names.includes(h)) return field;
  return null;
}

/** The text of a cell whatever exceljs made of it: rich text, formula results, hyperlinks, dates, numbers. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText((v as { result: ExcelJS.CellValue }).result);
    if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return '';
  }
  return String(v);
}

export interface SheetRow {
  /** The row number as Excel shows it. */
  row: number;
  values: Partial<Record<ImportField, string>>;
}

export interface ReadResult {
  sheetName: string;
  headerRow: number;
  columns: Array<{ column: number; header: string; field: ImportField | null }>;
  rows: SheetRow[];
}

export const MAX_IMPORT_ROWS = 2000;

const notXlsx = (message: string): never => {
  throw new AppError(415, 'not_xlsx', message);
};

/**
 * Opens the workbook; anything that is not an .xlsx is a 415 that says what to do. The whole package is first
 * inflated within the archive limits (platform/files/archive.ts: entry count, sizes, ratio, lying sizes), so
 * exceljs only ever reads a file proven small.
 */
export async function openWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  if (buf.length === 0) badRequest('上传的文件是空的', 'file_empty');
  if (buf.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) notXlsx('这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 格式后再导入');
  if (!isZip(buf)) notXlsx('文件不是有效的 Excel（.xlsx）文件，请检查后重新上传');
  const archive = openArchive(buf, OFFICE_LIMITS, { inflateAll: true });
  if (!archive.has('xl/workbook.xml')) notXlsx('无法读取该 Excel 文件：文件已损坏或不是 .xlsx 格式');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    notXlsx('无法读取该 Excel 文件：文件已损坏或不是 .xlsx 格式');
  }
  if (!wb.worksheets.length) badRequest('Excel 文件中没有工作表', 'no_sheet');
  return wb;
}

/** The header row is the first of the first 20 rows naming the title and at least one other known column. */
function findHeader(ws: ExcelJS.Worksheet): ReadResult['columns'] & { row?: number } | null {
  const last = Math.min(ws.rowCount, 20);
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    const cols: ReadResult['columns'] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const header = cellText(cell.value).trim();
      if (header) cols.push({ column: col, header, field: fieldOf(header) });
    });
    const fields = cols.map((c) => c.field).filter(Boolean);
    if (fields.includes('title') && fields.length >= 2) {
      if (!fields.includes('number')) {
        const seq = cols.find((c) => FALLBACK_NUMBER.includes(normalizeHeader(c.header)));
        if (seq) seq.field = 'number';
      }
      // A field named twice: the first column wins, the others are ignored.
      const seen = new Set<ImportField>();
      for (const c of cols) {
        if (!c.field) continue;
        if (seen.has(c.field)) c.field = null;
        else seen.add(c.field);
      }
      return Object.assign(cols, { row: r });
    }
  }
  return null;
}

export function readRows(wb: ExcelJS.Workbook): ReadResult {
  for (const ws of wb.worksheets) {
    const header = findHeader(ws);
    if (!header) continue;
    const headerRow = header.row!;
    const columns = [...header];
    const missing = REQUIRED_FIELDS.filter((f) => !columns.some((c) => c.field === f));
    if (missing.length) badRequest(`工作表“${ws.name}”缺少必需的列：${missing.map((f) => FIELD_LABELS[f]).join('、')}（表头在第 ${headerRow} 行）`, 'columns_missing');
    const rows: SheetRow[] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const values: SheetRow['values'] = {};
      let any = false;
      for (const c of columns) {
        if (!c.field) continue;
        const t = cellText(row.getCell(c.column).value).trim();
        if (t) { values[c.field] = t; any = true; }
      }
      if (!any) continue;
      rows.push({ row: r, values });
      if (rows.length > MAX_IMPORT_ROWS) badRequest(`一次最多导入 ${MAX_IMPORT_ROWS} 条建议，请分批导入`, 'too_many_rows');
    }
    if (!rows.length) badRequest(`工作表“${ws.name}”在表头（第 ${headerRow} 行）下没有数据`, 'no_rows');
    return { sheetName: ws.name, headerRow, columns, rows };
  }
  badRequest('没有找到表头：请在前 20 行内放置包含“标题”“领衔代表”“内容”等列名的表头行', 'header_missing');
  throw new Error('unreachable');
}

/** The rows of an uploaded import file (open + read), as plain data. */
export async function readImportFile(buf: Buffer): Promise<ReadResult> {
  return readRows(await openWorkbook(buf));
}

/** `readImportFile` in a parse worker: exceljs on a large sheet does not hold up other requests. */
export function readImportFileInWorker(buf: Buffer): Promise<ReadResult> {
  return runInWorker<ReadResult>(new URL('./import.read.ts', import.meta.url).href, 'readImportFile', [buf]);
}
