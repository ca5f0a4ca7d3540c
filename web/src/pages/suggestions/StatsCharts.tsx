import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { StatsReport } from './toolsTypes';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

function useChart(option: echarts.EChartsCoreOption, deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option);
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(ref.current);
    return () => { ro.disconnect(); chart.dispose(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const shortName = (n: string) => n.replace(/^高平市/, '').replace(/^高平经济技术开发区/, '开发区');

/** 办复率, 按时办复率 and 满意率 per unit, as grouped bars (per cent). */
export function UnitRatesChart({ report }: { report: StatsReport }) {
  const units = report.units.filter((u) => u.assigned > 0);
  const ref = useChart({
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 64 },
    xAxis: { type: 'category', data: units.map((u) => shortName(u.unitName)), axisLabel: { interval: 0, rotate: units.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '办复率', type: 'bar', barMaxWidth: 18, itemStyle: { color: '#1677ff' }, data: units.map((u) => pct(u.replyRate)) },
      { name: '按时办复率', type: 'bar', barMaxWidth: 18, itemStyle: { color: '#13c2c2' }, data: units.map((u) => pct(u.onTimeRate)) },
      { name: '首轮满意率', type: 'bar', barMaxWidth: 18, itemStyle: { color: '#faad14' }, data: units.map((u) => pct(u.firstRound.rate)) },
      { name: '最终满意率', type: 'bar', barMaxWidth: 18, itemStyle: { color: '#52c41a' }, data: units.map((u) => pct(u.final.rate)) },
    ],
  }, [report]);
  return <div ref={ref} style={{ width: '100%', height: 320 }} data-testid="chart-unit-rates" />;
}

/** 主办件数 per unit, split into replied on time, replied late, overdue and still within the deadline. */
export function UnitWorkloadChart({ report }: { report: StatsReport }) {
  const units = report.units.filter((u) => u.assigned > 0);
  const ref = useChart({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 64 },
    xAxis: { type: 'category', data: units.map((u) => shortName(u.unitName)), axisLabel: { interval: 0, rotate: units.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, name: '件' },
    series: [
      { name: '按时办复', type: 'bar', stack: 'n', itemStyle: { color: '#52c41a' }, data: units.map((u) => u.repliedOnTime) },
      { name: '超期办复', type: 'bar', stack: 'n', itemStyle: { color: '#faad14' }, data: units.map((u) => u.replied - u.repliedOnTime) },
      { name: '逾期未办复', type: 'bar', stack: 'n', itemStyle: { color: '#ff4d4f' }, data: units.map((u) => u.overdueOpen) },
      { name: '办理中', type: 'bar', stack: 'n', itemStyle: { color: '#d9d9d9' }, data: units.map((u) => u.assigned - u.replied - u.overdueOpen) },
    ],
  }, [report]);
  return <div ref={ref} style={{ width: '100%', height: 320 }} data-testid="chart-unit-workload" />;
}

/** The classification mix of the answers (A/B/C/D …) as a ring. */
export function ClassMixChart({ report, mix }: { report: StatsReport; mix: Record<string, number> }) {
  const data = report.classScheme.map((c) => ({ name: `${c.code}类`, value: mix[c.code] ?? 0, label: c.label })).filter((d) => d.value > 0);
  const ref = useChart({
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number; data: { label: string } }) => `${p.name}：${p.value} 件（${p.percent}%）<br/>${p.data.label}` },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['36%', '60%'], center: ['50%', '45%'], data, label: { formatter: '{b}\n{c} 件', overflow: 'none' } }],
  }, [report, mix]);
  return data.length ? <div ref={ref} style={{ width: '100%', height: 300 }} data-testid="chart-class-mix" /> : <div style={{ height: 300, display: 'grid', placeItems: 'center', color: '#999' }}>尚无已分类的答复</div>;
}
