/**
 * Construction progress of key projects, derived from dated progress reports and never stored.
 *
 * A component (a building) goes through weighted stages; each report sets one stage's per cent on a date
 * and may say that every earlier stage is finished (如“基础回填土完成” implies the excavation, bedding and
 * foundation before it). The latest report for a stage wins. A component's progress is the weighted mean
 * of its stages; a project's is the mean of its components, equal or weighted by floor area.
 */

export interface StageDef {
  key: string;
  name: string;
  /** Relative weight; the weights of a component need not add up to 100. */
  weight: number;
}

export interface ProgressReport {
  componentId: string;
  stageKey: string;
  percent: number;
  /** YYYY-MM-DD the progress was observed. */
  asOf: string;
  /** Tie-breaker for reports of the same day: the later one recorded wins. */
  recordedAt: string;
  /** Last tie-breaker: time-ordered ids (UUIDv7) of reports recorded in the same millisecond. */
  id?: string;
  /** Every stage before this one is finished (100%). */
  completesPrevious: boolean;
}

export interface StageProgress {
  key: string;
  name: string;
  weight: number;
  percent: number;
  /** Date of the report that set this value; null when never reported. */
  asOf: string | null;
}

export interface ComponentProgress {
  percent: number;
  stages: StageProgress[];
  /** The furthest stage begun, e.g. “拉梁模板 40%”; null before any work. */
  currentStage: { key: string; name: string; percent: number } | null;
  lastReportOn: string | null;
}

export const DEFAULT_STAGES: readonly StageDef[] = Object.freeze([
  { key: 'earthwork', name: '土方开挖', weight: 5 },
  { key: 'bedding', name: '基础垫层', weight: 5 },
  { key: 'foundation_rebar', name: '基础钢筋', weight: 10 },
  { key: 'beam_formwork', name: '拉梁模板', weight: 5 },
  { key: 'backfill', name: '回填土', weight: 5 },
  { key: 'main_structure', name: '主体结构', weight: 35 },
  { key: 'topping_out', name: '主体封顶', weight: 5 },
  { key: 'finishing', name: '装饰装修', weight: 20 },
  { key: 'acceptance', name: '竣工验收', weight: 10 },
]);

/** Rounds a percentage to one decimal place, the precision every screen shows. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const byTime = (a: ProgressReport, b: ProgressReport) => cmp(a.asOf, b.asOf) || cmp(a.recordedAt, b.recordedAt) || cmp(a.id ?? '', b.id ?? '');

/** Per-stage per cent of one component from its reports (reports of other components are ignored). */
export function stagePercents(stages: readonly StageDef[], reports: readonly ProgressReport[], componentId: string, asOf?: string): StageProgress[] {
  const state = stages.map((s) => ({ key: s.key, name: s.name, weight: s.weight, percent: 0, asOf: null as string | null }));
  const index = new Map(stages.map((s, i) => [s.key, i]));
  const mine = reports.filter((r) => r.componentId === componentId && (!asOf || r.asOf <= asOf)).sort(byTime);
  for (const r of mine) {
    const i = index.get(r.stageKey);
    if (i === undefined) continue; // a stage removed from the component's list no longer counts
    state[i].percent = clampPercent(r.percent);
    state[i].asOf = r.asOf;
    if (r.completesPrevious) {
      for (let j = 0; j < i; j++) {
        state[j].percent = 100;
        state[j].asOf = r.asOf;
      }
    }
  }
  return state;
}

/** Weighted mean of stage per cents; 0 when the stages carry no weight. */
export function weightedPercent(stages: readonly { weight: number; percent: number }[]): number {
  const total = stages.reduce((s, x) => s + Math.max(0, x.weight), 0);
  if (total <= 0) return 0;
  return stages.reduce((s, x) => s + Math.max(0, x.weight) * x.percent, 0) / total;
}

export function componentProgress(stages: readonly StageDef[], reports: readonly ProgressReport[], componentId: string, asOf?: string): ComponentProgress {
  const st = stagePercents(stages, reports, componentId, asOf);
  let current: ComponentProgress['currentStage'] = null;
  for (const s of st) if (s.percent > 0) current = { key: s.key, name: s.name, percent: s.percent };
  const dates = st.map((s) => s.asOf).filter((d): d is string => !!d).sort();
  return { percent: round1(weightedPercent(st)), stages: st, currentStage: current, lastReportOn: dates.at(-1) ?? null };
}

export type Weighting = 'equal' | 'area';

export interface ProjectProgress {
  percent: number;
  /** The weighting actually used: 'area' falls back to 'equal' when a component has no floor area. */
  weighting: Weighting;
  explanation: string;
}

/** Project progress from its components' progress; components are equal or weighted by floor area (m²). */
export function projectProgress(components: readonly { name: string; areaM2: number | null; percent: number }[], weighting: Weighting): ProjectProgress {
  if (components.length === 0) return { percent: 0, weighting, explanation: '尚未登记单体工程，进度按 0% 计' };
  if (weighting === 'area') {
    const missing = components.filter((c) => !c.areaM2 || c.areaM2 <= 0);
    if (missing.length === 0) {
      const pct = weightedPercent(components.map((c) => ({ weight: c.areaM2!, percent: c.percent })));
      return { percent: round1(pct), weighting: 'area', explanation: `按各单体建筑面积加权（共 ${components.length} 个单体）` };
    }
    const pct = weightedPercent(components.map((c) => ({ weight: 1, percent: c.percent })));
    return {
      percent: round1(pct), weighting: 'equal',
      explanation: `${missing.map((c) => c.name).join('、')}未填建筑面积，暂按各单体等权平均（共 ${components.length} 个单体）`,
    };
  }
  const pct = weightedPercent(components.map((c) => ({ weight: 1, percent: c.percent })));
  return { percent: round1(pct), weighting: 'equal', explanation: `按各单体等权平均（共 ${components.length} 个单体）` };
}

function clampPercent(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(100, Math.max(0, n));
}

/** Checks a stage list: keys unique and simple, names present, weights positive. Returns Chinese problems. */
export function stageListProblems(stages: readonly StageDef[]): string[] {
  const problems: string[] = [];
  if (stages.length === 0) problems.push('至少需要一道工序');
  const keys = new Set<string>();
  const names = new Set<string>();
  for (const s of stages) {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(s.key)) problems.push(`工序编码“${s.key}”无效：须为小写字母开头的字母、数字或下划线`);
    if (keys.has(s.key)) problems.push(`工序编码“${s.key}”重复`);
    keys.add(s.key);
    if (!s.name.trim()) problems.push('工序名称不能为空');
    if (names.has(s.name)) problems.push(`工序名称“${s.name}”重复`);
    names.add(s.name);
    if (!(s.weight > 0)) problems.push(`工序“${s.name}”的权重须大于 0`);
  }
  return problems;
}
