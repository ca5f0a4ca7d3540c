/** The promise ledger as an .xlsx workbook with Chinese headers: one row per promise, as the ledger shows it. */
import ExcelJS from 'exceljs';
import type { PromiseView } from './promises.present.js';

export const LEDGER_HEADERS = [
  '序号', '建议', '届次', '主办单位', '答复文号', '答复日期', '要点', '承诺内容', '责任单位', '完成时限', '原定时限', '时限依据',
  '目标', '完成数值', '状态', '进度（%）', '完成日期', '时限情况', '剩余天数', '关联项目', '答复满意', '落实评价', '兑现', '部分兑现', '未兑现', '备注',
] as const;

const WIDTHS = [6, 28, 12, 18, 20, 12, 8, 50, 18, 12, 12, 28, 16, 10, 10, 9, 12, 12, 9, 24, 10, 10, 6, 8, 7, 20];

export async function ledgerWorkbook(views: PromiseView[], meta: { today: string; filters: string; by: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '区内办';
  wb.created = new Date(`${meta.today}T00:00:00+08:00`);
  const ws = wb.addWorksheet('承诺台账', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.mergeCells(1, 1, 1, LEDGER_HEADERS.length);
  ws.getCell(1, 1).value = '答复承诺落实台账';
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, LEDGER_HEADERS.length);
  ws.getCell(2, 1).value = `截至 ${meta.today}　筛选：${meta.filters}　共 ${views.length} 项　导出人：${meta.by}`;
  ws.getCell(2, 1).font = { size: 10, color: { argb: 'FF666666' } };
  const header = ws.getRow(3);
  LEDGER_HEADERS.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    c.border = { bottom: { style: 'thin' } };
  });
  WIDTHS.forEach((w, i) => { ws.getColumn(i + 1).width = w; });

  views.forEach((v, i) => {
    const row = ws.addRow([
      i + 1,
      `${v.suggestion.label} ${v.suggestion.title}`,
      v.suggestion.sessionName,
      v.reply.unitName,
      v.reply.docNumber ?? '',
      v.reply.replyDate ?? '',
      v.point ? `第${v.point.ordinal}条` : '',
      v.text,
      v.owner.name,
      v.due ?? '无明确时限',
      v.originalDue && v.originalDue !== v.due ? v.originalDue : '',
      v.dueRule ?? '',
      v.target?.text ?? '',
      v.achievedValue ?? '',
      v.statusLabel,
      v.progress,
      v.doneOn ?? '',
      v.clockLabel,
      v.daysLeft ?? '',
      v.project?.name ?? '',
      v.suggestion.replySatisfactionLabel ?? '',
      v.delivery.verdictLabel ?? '',
      v.delivery.kept,
      v.delivery.partly,
      v.delivery.notKept,
      [v.source ? v.source.note : '', v.statusReason ? `原因：${v.statusReason}` : '', v.isDemo ? '演示数据' : ''].filter(Boolean).join('；'),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    if (v.clock === 'overdue') row.getCell(18).font = { color: { argb: 'FFCF1322' }, bold: true };
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + views.length, column: LEDGER_HEADERS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
