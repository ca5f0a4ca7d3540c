/**
 * The red/yellow/green light of a key project (重点项目“红黄绿灯”), computed from dates and progress when read.
 *
 * The rules follow common practice in project scheduling (e.g. 银川): progress behind the time-proportional
 * target (序时进度) by 10–30 points is yellow and by more is red; a project not started three months after its
 * planned start is red; a milestone past its target date and not achieved is red. Every rule is configurable
 * and every verdict says, in Chinese, why.
 */
import { daysBetween, daysInMonth, formatChinese, parseDate } from './calendar/dates.js';
import { round1 } from './project-progress.js';

export type Light = 'green' | 'yellow' | 'red';
export type ReasonLevel = Light | 'info';

export interface LightRules {
  /** Behind the target by at least this many points: yellow. */
  gapYellow: number;
  /** Behind the target by more than this many points: red. */
  gapRed: number;
  /** 'plan': the monthly plan when there is one, else time-proportional; 'linear': always time-proportional. */
  targetBasis: 'plan' | 'linear';
  /** Past the planned start and not started: yellow. */
  notStartedYellow: boolean;
  /** Not started this many months after the planned start: red. */
  notStartedRedMonths: number;
  /** A milestone past its target date and not achieved: red. */
  milestoneOverdueRed: boolean;
  /** Milestones due within this many days are mentioned (no effect on the light); 0 turns it off. */
  milestoneWarnDays: number;
  /** A suspended project (停工) is at least yellow. */
  suspendedYellow: boolean;
}

export const DEFAULT_LIGHT_RULES: Readonly<LightRules> = Object.freeze({
  gapYellow: 10,
  gapRed: 30,
  targetBasis: 'plan',
  notStartedYellow: true,
  notStartedRedMonths: 3,
  milestoneOverdueRed: true,
  milestoneWarnDays: 30,
  suspendedYellow: true,
});

export type ProjectStatus = 'preparing' | 'under_construction' | 'suspended' | 'completed';

export interface LightInput {
  today: string;
  status: ProjectStatus;
  plannedStart: string | null;
  plannedFinish: string | null;
  /** The day work began (actual start, or the first progress report); null when not started. */
  startedOn: string | null;
  /** Current derived progress, 0–100. */
  progress: number;
  milestones: readonly { name: string; targetDate: string; achievedOn: string | null }[];
  /** Monthly plan: cumulative progress planned at the end of each month (YYYY-MM). */
  plan?: readonly { month: string; progress: number | null }[];
}

export type RuleId = 'completed' | 'suspended' | 'not_yet_due' | 'not_started' | 'progress_gap' | 'milestone_overdue' | 'milestone_due' | 'no_dates';

export interface LightReason {
  rule: RuleId;
  level: ReasonLevel;
  text: string;
}

export interface LightResult {
  light: Light;
  reasons: LightReason[];
  /** The progress expected today (序时进度), or null when it cannot be computed. */
  expected: number | null;
  /** How `expected` was computed, in Chinese. */
  expectedBasis: string | null;
  /** Points behind the expected progress (negative when ahead); null when not computed. */
  gap: number | null;
}

const RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

/** Checks a rules object and fills missing fields from the defaults; throws an Error with a Chinese message. */
export function normalizeLightRules(input: Partial<LightRules> | null | undefined, base: LightRules = DEFAULT_LIGHT_RULES): LightRules {
  const r: LightRules = { ...base, ...(input ?? {}) };
  const problems = lightRuleProblems(r);
  if (problems.length) throw new Error(`亮灯规则无效：${problems.join('；')}`);
  return r;
}

export function lightRuleProblems(r: LightRules): string[] {
  const p: string[] = [];
  const pct = (v: number) => Number.isFinite(v) && v >= 0 && v <= 100;
  if (!pct(r.gapYellow)) p.push('黄灯阈值须在 0–100 个百分点之间');
  if (!pct(r.gapRed)) p.push('红灯阈值须在 0–100 个百分点之间');
  if (pct(r.gapYellow) && pct(r.gapRed) && r.gapYellow > r.gapRed) p.push('黄灯阈值不能大于红灯阈值');
  if (r.targetBasis !== 'plan' && r.targetBasis !== 'linear') p.push('序时进度依据只能是“月度计划”或“按时间均匀推算”');
  if (!Number.isInteger(r.notStartedRedMonths) || r.notStartedRedMonths < 1 || r.notStartedRedMonths > 24) p.push('未开工亮红灯的月数须为 1–24 的整数');
  if (!Number.isInteger(r.milestoneWarnDays) || r.milestoneWarnDays < 0 || r.milestoneWarnDays > 365) p.push('里程碑提醒天数须为 0–365 的整数');
  for (const k of ['notStartedYellow', 'milestoneOverdueRed', 'suspendedYellow'] as const) {
    if (typeof r[k] !== 'boolean') p.push(`${k} 须为是/否`);
  }
  return p;
}

/** `date` plus `n` calendar months; the day is clamped to the last day of the target month. */
export function addCalendarMonths(date: string, n: number): string {
  const { year, month, day } = parseDate(date);
  const total = year * 12 + (month - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Last day of a month given as YYYY-MM. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

const fmt = (n: number) => `${round1(n)}%`;
const pts = (n: number) => `${round1(n)} 个百分点`;

/** Progress expected on `today` by elapsed time between the planned start and finish (序时进度). */
export function linearExpected(today: string, start: string, finish: string): number {
  if (today <= start) return 0;
  if (today >= finish) return 100;
  const total = daysBetween(start, finish);
  return total <= 0 ? 100 : (daysBetween(start, today) / total) * 100;
}

/**
 * Progress expected on `today` by the monthly plan: straight lines between the planned cumulative values at
 * each month end (and 0 at the planned start). Null when the plan has no values.
 */
export function planExpected(today: string, plannedStart: string | null, plan: LightInput['plan']): { value: number; text: string } | null {
  const points = (plan ?? [])
    .filter((p) => p.progress !== null && p.progress !== undefined)
    .map((p) => ({ date: monthEnd(p.month), value: p.progress as number, month: p.month }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  if (points.length === 0) return null;
  const label = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月末`;
  const firstStart = plannedStart && plannedStart < points[0].date ? plannedStart : null;
  if (today >= points[points.length - 1].date) {
    const last = points[points.length - 1];
    return { value: last.value, text: `月度计划：${label(last.month)}计划累计完成 ${fmt(last.value)}` };
  }
  let prev: { date: string; value: number; label: string } | null = firstStart ? { date: firstStart, value: 0, label: `计划开工日 ${firstStart}` } : null;
  for (const p of points) {
    if (today <= p.date) {
      if (!prev) {
        return { value: 0, text: `月度计划：首个计划节点为${label(p.month)}（${fmt(p.value)}），此前按 0% 计` };
      }
      const span = daysBetween(prev.date, p.date);
      const v = span <= 0 ? p.value : prev.value + ((p.value - prev.value) * daysBetween(prev.date, today)) / span;
      return {
        value: v,
        text: `月度计划：${prev.label}计划 ${fmt(prev.value)}、${label(p.month)}计划 ${fmt(p.value)}，按日推算至今日应完成 ${fmt(v)}`,
      };
    }
    prev = { date: p.date, value: p.value, label: label(p.month) };
  }
  return null; // unreachable: today after the last point is handled above
}

/** The light and its reasons. Pure: the same input always gives the same verdict. */
export function computeLight(input: LightInput, rulesIn: Partial<LightRules> | null = null): LightResult {
  const rules = normalizeLightRules(rulesIn);
  const reasons: LightReason[] = [];
  const { today } = input;
  let expected: number | null = null;
  let expectedBasis: string | null = null;
  let gap: number | null = null;

  if (input.status === 'completed') {
    return { light: 'green', reasons: [{ rule: 'completed', level: 'green', text: '项目已竣工' }], expected: 100, expectedBasis: null, gap: null };
  }
  if (input.status === 'suspended' && rules.suspendedYellow) {
    reasons.push({ rule: 'suspended', level: 'yellow', text: '项目处于停工状态' });
  }

  const started = input.startedOn !== null && input.startedOn <= today;
  if (!input.plannedStart || !input.plannedFinish) {
    reasons.push({ rule: 'no_dates', level: 'info', text: '未填写计划开工或竣工日期，无法按序时进度判断' });
  }
  if (!started && input.plannedStart) {
    if (today < input.plannedStart) {
      reasons.push({ rule: 'not_yet_due', level: 'green', text: `未到计划开工日期（${formatChinese(input.plannedStart)}），还有 ${daysBetween(today, input.plannedStart)} 天` });
    } else {
      const redFrom = addCalendarMonths(input.plannedStart, rules.notStartedRedMonths);
      const late = daysBetween(input.plannedStart, today);
      if (today >= redFrom) {
        reasons.push({ rule: 'not_started', level: 'red', text: `计划于${formatChinese(input.plannedStart)}开工，至今已超过 ${rules.notStartedRedMonths} 个月（${late} 天）仍未开工` });
      } else if (today > input.plannedStart && rules.notStartedYellow) {
        reasons.push({ rule: 'not_started', level: 'yellow', text: `已过计划开工日期（${formatChinese(input.plannedStart)}）${late} 天仍未开工；满 ${rules.notStartedRedMonths} 个月（${formatChinese(redFrom)}起）未开工亮红灯` });
      }
    }
  }

  if (started && input.plannedStart && input.plannedFinish) {
    const byPlan = rules.targetBasis === 'plan' ? planExpected(today, input.plannedStart, input.plan) : null;
    if (byPlan) {
      expected = byPlan.value;
      expectedBasis = byPlan.text;
    } else {
      expected = linearExpected(today, input.plannedStart, input.plannedFinish);
      expectedBasis = `按计划工期（${input.plannedStart} 至 ${input.plannedFinish}）均匀推算${rules.targetBasis === 'plan' ? '（未填月度计划）' : ''}`;
    }
    gap = round1(expected - input.progress);
    const head = `序时进度应完成 ${fmt(expected)}，实际完成 ${fmt(input.progress)}`;
    if (gap > rules.gapRed) {
      reasons.push({ rule: 'progress_gap', level: 'red', text: `${head}，落后 ${pts(gap)}（落后超过 ${rules.gapRed} 个百分点亮红灯）` });
    } else if (gap >= rules.gapYellow) {
      reasons.push({ rule: 'progress_gap', level: 'yellow', text: `${head}，落后 ${pts(gap)}（落后 ${rules.gapYellow}–${rules.gapRed} 个百分点亮黄灯）` });
    } else if (gap > 0) {
      reasons.push({ rule: 'progress_gap', level: 'green', text: `${head}，落后 ${pts(gap)}，在 ${rules.gapYellow} 个百分点以内` });
    } else {
      reasons.push({ rule: 'progress_gap', level: 'green', text: `${head}，${gap === 0 ? '与序时进度持平' : `超前 ${pts(-gap)}`}` });
    }
  }

  for (const m of input.milestones) {
    if (m.achievedOn) continue;
    if (m.targetDate < today) {
      if (rules.milestoneOverdueRed) {
        reasons.push({ rule: 'milestone_overdue', level: 'red', text: `里程碑“${m.name}”计划于${formatChinese(m.targetDate)}完成，已逾期 ${daysBetween(m.targetDate, today)} 天仍未完成` });
      }
    } else if (rules.milestoneWarnDays > 0 && daysBetween(today, m.targetDate) <= rules.milestoneWarnDays) {
      const left = daysBetween(today, m.targetDate);
      reasons.push({ rule: 'milestone_due', level: 'info', text: `里程碑“${m.name}”${left === 0 ? '今日到期' : `将于 ${left} 天后（${formatChinese(m.targetDate)}）到期`}` });
    }
  }

  let light: Light = 'green';
  for (const r of reasons) if (r.level !== 'info' && RANK[r.level] > RANK[light]) light = r.level;
  if (!reasons.some((r) => r.level !== 'info')) {
    reasons.unshift({ rule: started ? 'progress_gap' : 'not_yet_due', level: 'green', text: started ? '进度正常' : '尚未开工，未触发任何亮灯规则' });
  }
  return { light, reasons, expected: expected === null ? null : round1(expected), expectedBasis, gap };
}

export const LIGHT_LABELS: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

/** The rules as sentences, for the screen that shows why a light is what it is. */
export function describeLightRules(r: LightRules): string[] {
  return [
    `落后序时进度 ${r.gapYellow}–${r.gapRed} 个百分点亮黄灯，超过 ${r.gapRed} 个百分点亮红灯`,
    `序时进度依据：${r.targetBasis === 'plan' ? '月度计划（未填时按计划工期均匀推算）' : '按计划工期均匀推算'}`,
    r.notStartedYellow ? '过计划开工日期仍未开工亮黄灯' : '过计划开工日期未开工不单独亮黄灯',
    `计划开工满 ${r.notStartedRedMonths} 个月仍未开工亮红灯`,
    r.milestoneOverdueRed ? '里程碑过目标日期未完成亮红灯' : '里程碑逾期不影响亮灯',
    r.suspendedYellow ? '停工项目至少亮黄灯' : '停工不单独影响亮灯',
    r.milestoneWarnDays > 0 ? `里程碑到期前 ${r.milestoneWarnDays} 天提示` : '不提示即将到期的里程碑',
  ];
}
