/** Writing .xlsx workbooks with Chinese headers (exceljs), and sending them as downloads. */
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export interface Column<T> {
  header: string;
  width?: number;
  /** 'percent': a 0..1 fraction shown as 12.3%; 'date': YYYY-MM-DD text kept as text. */
  format?: 'percent' | 'number' | 'text';
  value: (row: T) => string | number | null | undefined;
}

/** A sheet with an optional title line, a bold frozen header row, filters and sensible widths. */
export function addTable<T>(wb: ExcelJS.Workbook, name: string, columns: Column<T>[], rows: T[], opts: { title?: string; note?: string } = {}) {
  const ws = wb.addWorksheet(name);
  let at = 1;
  if (opts.title) {
    ws.getCell(at, 1).value = opts.title;
    ws.getCell(at, 1).font = { bold: true, size: 14 };
    ws.mergeCells(at, 1, at, Math.max(1, columns.length));
    at++;
    if (opts.note) {
      ws.getCell(at, 1).value = opts.note;
      ws.getCell(at, 1).font = { color: { argb: 'FF666666' } };
      ws.mergeCells(at, 1, at, Math.max(1, columns.length));
      at++;
    }
  }
  const headerRow = at;
  columns.forEach((c, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.alignment = { vertical: 'middle', wrapText: true };
    ws.getColumn(i + 1).width = c.width ?? Math.max(8, Math.min(40, c.header.length * 2 + 2));
  });
  rows.forEach((r, k) => {
    columns.forEach((c, i) => {
      const v = c.value(r);
      const cell = ws.getCell(headerRow + 1 + k, i + 1);
      cell.value = v === undefined ? null : v;
      if (c.format === 'percent' && typeof v === 'number') cell.numFmt = '0.0%';
      if (c.format === 'text' || typeof v === 'string') cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  if (rows.length) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + rows.length, column: columns.length } };
  return ws;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = '区内办';
  wb.created = new Date(0); // fixed: the same data makes the same file
  return wb;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as a download with its Chinese file name (RFC 6266 / 5987). */
export function sendXlsx(reply: FastifyReply, buf: Buffer, fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply.type(XLSX_MIME)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(buf);
}
