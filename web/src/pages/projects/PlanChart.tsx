import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { MonthRow } from './types';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Monthly investment (bars, 万元) and cumulative progress (lines, %), planned against actual. */
export default function PlanChart({ rows }: { rows: MonthRow[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: ['计划投资', '完成投资', '计划累计进度', '实际累计进度'] },
      grid: { left: 56, right: 48, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: rows.map((r) => r.month) },
      yAxis: [
        { type: 'value', name: '万元', splitLine: { lineStyle: { type: 'dashed' } } },
        { type: 'value', name: '%', min: 0, max: 100 },
      ],
      series: [
        { name: '计划投资', type: 'bar', data: rows.map((r) => r.planInvestmentWan), itemStyle: { color: '#bfbfbf' }, barMaxWidth: 18 },
        { name: '完成投资', type: 'bar', data: rows.map((r) => r.actualInvestmentWan), itemStyle: { color: '#1677ff' }, barMaxWidth: 18 },
        { name: '计划累计进度', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.planProgress), lineStyle: { type: 'dashed' }, itemStyle: { color: '#8c8c8c' }, connectNulls: true },
        { name: '实际累计进度', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.actualProgress), itemStyle: { color: '#b4232a' }, connectNulls: false },
      ],
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(ref.current);
    return () => { ro.disconnect(); chart.dispose(); };
  }, [rows]);
  return <div ref={ref} style={{ width: '100%', height: 300 }} data-testid="plan-chart" />;
}
