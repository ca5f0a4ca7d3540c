/** The statistics as a workbook: one sheet per unit, one per session, and what each figure means. */
import { addTable, newWorkbook, workbookBuffer, type Column } from '../tools.xlsx.js';
import type { StatsRow } from './compute.js';
import type { StatsReport } from './stats.service.js';

function columns<T extends StatsRow>(first: Column<T>, report: StatsReport): Column<T>[] {
  return [
    first,
    { header: '主办件数', value: (r) => r.assigned },
    { header: '协办件数', value: (r) => r.coAssigned },
    { header: '已办复', value: (r) => r.replied },
    { header: '按时办复', value: (r) => r.repliedOnTime },
    { header: '逾期未办复', value: (r) => r.overdueOpen },
    { header: '办复率', format: 'percent', value: (r) => r.replyRate },
    { header: '按时办复率', format: 'percent', value: (r) => r.onTimeRate },
    { header: '首轮评价件数', value: (r) => r.firstRound.rated },
    { header: '首轮满意', value: (r) => r.firstRound.satisfied },
    { header: '首轮基本满意', value: (r) => r.firstRound.basically },
    { header: '首轮不满意', value: (r) => r.firstRound.dissatisfied },
    { header: '首轮满意率', format: 'percent', value: (r) => r.firstRound.rate },
    { header: '最终评价件数', value: (r) => r.final.rated },
    { header: '最终满意', value: (r) => r.final.satisfied },
    { header: '最终基本满意', value: (r) => r.final.basically },
    { header: '最终不满意', value: (r) => r.final.dissatisfied },
    { header: '最终满意率', format: 'percent', value: (r) => r.final.rate },
    ...report.classScheme.map((c) => ({ header: `${c.code}类（${c.label}）`, width: 16, value: (r: T) => r.classMix[c.code] ?? 0 })),
    { header: '申请退办', value: (r) => r.returnRequests },
    { header: '同意退办', value: (r) => r.returnsApproved },
    { header: '申请延期', value: (r) => r.extensionRequests },
    { header: '批准延期', value: (r) => r.extensionsApproved },
    { header: '平均办复用时（自然日）', width: 14, value: (r) => r.avgDaysToReply },
    { header: '平均办复用时（工作日）', width: 14, value: (r) => r.avgWorkdaysToReply },
  ];
}

export const STATS_NOTES: Array<[string, string]> = [
  ['主办件数', '已交办、由该单位主办的建议件数（按当前主办单位）'],
  ['协办件数', '该单位作为协办单位且未退办的件数'],
  ['已办复', '第一轮答复已提交的件数'],
  ['按时办复', '第一轮答复的提交日期不晚于当时有效的答复期限（含批准的延期）'],
  ['逾期未办复', '尚未答复且已过答复期限的件数（按统计日期计算）'],
  ['办复率', '已办复 ÷ 主办件数'],
  ['按时办复率', '按时办复 ÷ 已办复'],
  ['首轮满意率', '第一轮答复中评价为满意或基本满意的件数 ÷ 全部领衔和附议代表均已评价的件数；任何一位代表不满意即计为不满意'],
  ['最终满意率', '最后一轮评价结果为满意或基本满意的件数 ÷ 已有评价结果的件数'],
  ['分类构成', '按最后一轮答复所标的答复分类计数'],
  ['平均办复用时', '从交办日至第一轮答复提交日；工作日按工作日历扣除周末、法定节假日并计入调休上班日'],
];

export async function statsWorkbook(report: StatsReport): Promise<Buffer> {
  const wb = newWorkbook();
  const scope = report.sessionName ?? '全部届次';
  const note = `统计日期：${report.today}${report.scope === 'unit' ? '（仅本单位）' : ''}`;
  const unitRows = report.total ? [...report.units, { unitId: '', unitName: '合计', ...report.total }] : report.units;
  addTable(wb, '按单位', columns({ header: '承办单位', width: 28, value: (r: (typeof unitRows)[number]) => r.unitName }, report), unitRows, { title: `建议办理统计（${scope}）· 按单位`, note });
  addTable(wb, '按届次', columns({ header: '届次', width: 16, value: (r: StatsReport['bySession'][number]) => r.sessionName }, report), report.bySession, { title: `建议办理统计（${scope}）· 按届次`, note });
  addTable(wb, '指标说明', [{ header: '指标', width: 16, value: (r: [string, string]) => r[0] }, { header: '计算方法', width: 90, value: (r: [string, string]) => r[1] }], STATS_NOTES);
  return workbookBuffer(wb);
}
