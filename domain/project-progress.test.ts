import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, componentProgress, projectProgress, stageListProblems, stagePercents, weightedPercent, type ProgressReport } from './project-progress.js';

const r = (componentId: string, stageKey: string, percent: number, asOf: string, completesPrevious = false, recordedAt = `${asOf}T01:00:00Z`): ProgressReport =>
  ({ componentId, stageKey, percent, asOf, recordedAt, completesPrevious });

describe('stage per cents', () => {
  it('a stage reported “完成” with completesPrevious finishes every earlier stage', () => {
    const st = stagePercents(DEFAULT_STAGES, [r('gym', 'backfill', 100, '2024-08-22', true)], 'gym');
    expect(st.map((s) => s.percent)).toEqual([100, 100, 100, 100, 100, 0, 0, 0, 0]);
    expect(st[0].asOf).toBe('2024-08-22');
    expect(st[5].asOf).toBeNull();
  });

  it('the latest report of a stage wins, by date and then by the time it was recorded', () => {
    const reports = [
      r('a', 'earthwork', 80, '2024-07-01'),
      r('a', 'earthwork', 60, '2024-06-01'),
      r('a', 'bedding', 30, '2024-07-02', false, '2024-07-02T01:00:00Z'),
      r('a', 'bedding', 20, '2024-07-02', false, '2024-07-02T03:00:00Z'),
    ];
    const st = stagePercents(DEFAULT_STAGES, reports, 'a');
    expect(st[0].percent).toBe(80);
    expect(st[1].percent).toBe(20);
  });

  it('reports recorded in the same instant are ordered by their time-ordered ids', () => {
    const t = '2024-07-02T01:00:00Z';
    const reports = [
      { ...r('a', 'bedding', 100, '2024-07-02', true, t), id: '0190-b' },
      { ...r('a', 'earthwork', 80, '2024-07-02', false, t), id: '0190-a' },
    ];
    expect(stagePercents(DEFAULT_STAGES, reports, 'a').map((s) => s.percent).slice(0, 2)).toEqual([100, 100]);
    expect(stagePercents(DEFAULT_STAGES, reports.map((x, i) => ({ ...x, id: i ? '0190-z' : '0190-a' })), 'a')[0].percent).toBe(80);
  });

  it('ignores other components, unknown stages and reports after the as-of date', () => {
    const reports = [r('a', 'earthwork', 50, '2024-05-01'), r('b', 'earthwork', 90, '2024-05-01'), r('a', 'no_such_stage', 100, '2024-05-01'), r('a', 'earthwork', 100, '2024-06-15')];
    expect(stagePercents(DEFAULT_STAGES, reports, 'a', '2024-05-31')[0].percent).toBe(50);
    expect(stagePercents(DEFAULT_STAGES, reports, 'a')[0].percent).toBe(100);
  });

  it('clamps out-of-range per cents', () => {
    expect(stagePercents(DEFAULT_STAGES, [r('a', 'earthwork', 140, '2024-05-01')], 'a')[0].percent).toBe(100);
    expect(stagePercents(DEFAULT_STAGES, [r('a', 'earthwork', -3, '2024-05-01')], 'a')[0].percent).toBe(0);
  });
});

describe('component progress: the school of the seed on 2024-08-22', () => {
  const school: ProgressReport[] = [
    r('playground', 'backfill', 100, '2024-08-22', true),
    r('dorm', 'foundation_rebar', 100, '2024-08-22', true),
    r('dorm', 'beam_formwork', 40, '2024-08-22'),
    r('teaching', 'bedding', 100, '2024-08-22', true),
    r('teaching', 'foundation_rebar', 10, '2024-08-22'),
    r('complex', 'earthwork', 60, '2024-08-22'),
  ];
  it('风雨操场 基础回填土完成 → 30%', () => expect(componentProgress(DEFAULT_STAGES, school, 'playground').percent).toBe(30));
  it('宿舍楼 钢筋完成、拉梁模板 40% → 22%', () => {
    const c = componentProgress(DEFAULT_STAGES, school, 'dorm');
    expect(c.percent).toBe(22);
    expect(c.currentStage).toEqual({ key: 'beam_formwork', name: '拉梁模板', percent: 40 });
  });
  it('教学楼 垫层完成、基础钢筋 10% → 11%', () => expect(componentProgress(DEFAULT_STAGES, school, 'teaching').percent).toBe(11));
  it('综合楼 土方开挖 60% → 3%', () => expect(componentProgress(DEFAULT_STAGES, school, 'complex').percent).toBe(3));
  it('a component without reports is at 0% with no current stage', () => {
    const c = componentProgress(DEFAULT_STAGES, school, 'nothing');
    expect(c).toMatchObject({ percent: 0, currentStage: null, lastReportOn: null });
  });
});

describe('project progress', () => {
  const comps = [
    { name: '风雨操场', areaM2: 2000, percent: 30 },
    { name: '宿舍楼', areaM2: 6000, percent: 22 },
    { name: '教学楼', areaM2: 2000, percent: 11 },
  ];
  it('equal weighting is the plain mean', () => {
    expect(projectProgress(comps, 'equal')).toMatchObject({ percent: 21, weighting: 'equal' });
  });
  it('area weighting weights by floor area', () => {
    // (2000·30 + 6000·22 + 2000·11) / 10000 = 21.4
    expect(projectProgress(comps, 'area')).toMatchObject({ percent: 21.4, weighting: 'area' });
  });
  it('area weighting falls back to equal and says which component lacks an area', () => {
    const p = projectProgress([...comps, { name: '综合楼', areaM2: null, percent: 3 }], 'area');
    expect(p.weighting).toBe('equal');
    expect(p.percent).toBe(16.5);
    expect(p.explanation).toContain('综合楼未填建筑面积');
  });
  it('no components → 0%', () => expect(projectProgress([], 'equal').percent).toBe(0));
  it('weights of zero carry nothing', () => expect(weightedPercent([{ weight: 0, percent: 50 }])).toBe(0));
});

describe('stage lists', () => {
  it('the default list is valid and sums to 100', () => {
    expect(stageListProblems(DEFAULT_STAGES)).toEqual([]);
    expect(DEFAULT_STAGES.reduce((s, x) => s + x.weight, 0)).toBe(100);
  });
  it('reports duplicates, bad keys and non-positive weights in Chinese', () => {
    const p = stageListProblems([
      { key: 'a', name: '甲', weight: 1 },
      { key: 'a', name: '乙', weight: 0 },
      { key: 'Bad Key', name: '甲', weight: 1 },
    ]);
    expect(p.join('；')).toContain('工序编码“a”重复');
    expect(p.join('；')).toContain('权重须大于 0');
    expect(p.join('；')).toContain('“Bad Key”无效');
    expect(p.join('；')).toContain('工序名称“甲”重复');
    expect(stageListProblems([])).toEqual(['至少需要一道工序']);
  });
});
