/**
 * Any suggestion list as .xlsx: the same filters and row scope as the list endpoint (its own service does
 * the listing, page by page), Chinese headers, and the columns the import reads, so a file can go back in.
 */
import type { z } from 'zod';
import type { Queryable } from '../../../platform/db/database.js';
import { badRequest } from '../../../platform/errors.js';
import { STATE_LABELS } from '../../../../domain/suggestion-states.js';
import type { SuggestionListItemT, SuggestionListQuery } from '../suggestions.schemas.js';
import { addTable, newWorkbook, workbookBuffer, type Column } from '../tools.xlsx.js';

export type ListQuery = z.infer<typeof SuggestionListQuery>;
export type ListFn = (q: ListQuery) => Promise<{ total: number; items: SuggestionListItemT[] }>;

export const MAX_EXPORT_ROWS = 20_000;
const PAGE = 200;

type Row = SuggestionListItemT & { body: string };

const SATISFACTION: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' };

const COLUMNS: Column<Row>[] = [
  { header: '届次', width: 14, value: (r) => r.sessionShortName },
  { header: '编号', width: 8, value: (r) => r.number },
  { header: '标题', width: 40, value: (r) => r.title },
  { header: '领衔代表', width: 10, value: (r) => r.leadDeputy.name },
  { header: '附议代表', width: 28, value: (r) => r.signerNames.filter((n) => n !== r.leadDeputy.name).join('、') },
  { header: '类别', width: 10, value: (r) => r.category },
  { header: '类型', width: 8, value: (r) => r.kind },
  { header: '状态', width: 12, value: (r) => r.stateLabel },
  { header: '轮次', width: 6, value: (r) => r.round },
  { header: '主办单位', width: 24, value: (r) => r.leadUnit?.name ?? '' },
  { header: '交办日期', width: 12, value: (r) => r.assignedOn ?? '' },
  { header: '答复期限', width: 12, value: (r) => r.dueDate ?? '' },
  { header: '办理时限', width: 16, value: (r) => (r.clock ? `${r.clock.statusLabel}（${r.clock.text}）` : '') },
  { header: '重点督办', width: 8, value: (r) => (r.keySupervision ? '是' : '') },
  { header: '满意度', width: 10, value: (r) => (r.finalSatisfaction ? SATISFACTION[r.finalSatisfaction] : '') },
  { header: '内容', width: 80, format: 'text', value: (r) => r.body },
];

type Filters = Omit<ListQuery, 'page' | 'pageSize'>;
const CLOCKS: Record<string, string> = { overdue: '逾期', due_soon: '临期' };
/** The filters in words, for the line under the title. */
function describeFilters(q: Filters): string[] {
  const out: string[] = [];
  if (q.state !== undefined) out.push(`状态：${[q.state].flat().map((s) => STATE_LABELS[s] ?? s).join('、')}`);
  if (q.category) out.push(`类别：${q.category}`);
  if (q.keySupervision !== undefined) out.push(q.keySupervision === '1' ? '重点督办' : '非重点督办');
  if (q.clock) out.push(`时限：${CLOCKS[q.clock]}`);
  if (q.q) out.push(`关键词：${q.q}`);
  return out;
}

export async function exportSuggestions(db: Queryable, list: ListFn, query: Filters, today: string) {
  const items: SuggestionListItemT[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const res = await list({ ...query, page, pageSize: PAGE } as ListQuery);
    total = res.total;
    if (total > MAX_EXPORT_ROWS) badRequest(`符合条件的建议有 ${total} 件，超过一次导出的上限 ${MAX_EXPORT_ROWS} 件，请加筛选条件后再导出`, 'too_many_rows');
    items.push(...res.items);
    if (res.items.length < PAGE || items.length >= total) break;
  }
  const bodies = new Map<string, string>();
  for (let i = 0; i < items.length; i += 500) {
    const ids = items.slice(i, i + 500).map((x) => x.id);
    if (!ids.length) continue;
    for (const r of await db.selectFrom('suggestion').select(['id', 'body']).where('id', 'in', ids).execute()) bodies.set(r.id, r.body);
  }
  const rows: Row[] = items.map((x) => ({ ...x, body: bodies.get(x.id) ?? '' }));
  const filters = describeFilters(query);
  const wb = newWorkbook();
  addTable(wb, '建议', COLUMNS, rows, { title: `建议清单（共 ${rows.length} 件）`, note: `导出日期：${today}${filters.length ? `；筛选：${filters.join('；')}` : ''}` });
  return { buffer: await workbookBuffer(wb), count: rows.length, sessionName: rows.length && query.sessionId ? rows[0].sessionShortName : null };
}
