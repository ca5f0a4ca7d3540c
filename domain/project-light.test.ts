import { describe, expect, it } from 'vitest';
import { addCalendarMonths, computeLight, DEFAULT_LIGHT_RULES, describeLightRules, linearExpected, monthEnd, normalizeLightRules, planExpected, type LightInput } from './project-light.js';

// A project over 100 days: 2024-01-01 → 2024-04-10. Day n after the start is n% of the time.
const base: LightInput = {
  today: '2024-02-20', status: 'under_construction', plannedStart: '2024-01-01', plannedFinish: '2024-04-10',
  startedOn: '2024-01-01', progress: 50, milestones: [],
};
const at = (daysAfterStart: number) => {
  const d = new Date(Date.UTC(2024, 0, 1 + daysAfterStart));
  return d.toISOString().slice(0, 10);
};
const light = (over: Partial<LightInput>, rules: Parameters<typeof computeLight>[1] = null) => computeLight({ ...base, ...over }, rules);

describe('progress gap against the time-proportional target (序时进度)', () => {
  it('computes the linear target from elapsed days', () => {
    expect(linearExpected(at(50), '2024-01-01', '2024-04-10')).toBe(50);
    expect(linearExpected('2023-12-01', '2024-01-01', '2024-04-10')).toBe(0);
    expect(linearExpected('2024-05-01', '2024-01-01', '2024-04-10')).toBe(100);
  });

  it('green when behind by less than 10 points, and says by how much', () => {
    const r = light({ today: at(50), progress: 40.1 });
    expect(r.light).toBe('green');
    expect(r.gap).toBe(9.9);
    expect(r.reasons[0].text).toContain('落后 9.9 个百分点，在 10 个百分点以内');
  });

  it('yellow at exactly 10 points behind (the lower boundary)', () => {
    const r = light({ today: at(50), progress: 40 });
    expect(r.light).toBe('yellow');
    expect(r.reasons.find((x) => x.rule === 'progress_gap')!.text).toBe('序时进度应完成 50%，实际完成 40%，落后 10 个百分点（落后 10–30 个百分点亮黄灯）');
  });

  it('yellow at exactly 30 points behind (the upper boundary)', () => {
    expect(light({ today: at(50), progress: 20 }).light).toBe('yellow');
  });

  it('red at more than 30 points behind', () => {
    const r = light({ today: at(50), progress: 19.9 });
    expect(r.light).toBe('red');
    expect(r.gap).toBe(30.1);
    expect(r.reasons[0].text).toContain('落后超过 30 个百分点亮红灯');
  });

  it('ahead of the target is green and says 超前', () => {
    const r = light({ today: at(50), progress: 62 });
    expect(r.light).toBe('green');
    expect(r.gap).toBe(-12);
    expect(r.reasons[0].text).toContain('超前 12 个百分点');
  });

  it('thresholds are configurable', () => {
    expect(light({ today: at(50), progress: 44 }, { gapYellow: 5, gapRed: 15 }).light).toBe('yellow');
    expect(light({ today: at(50), progress: 34 }, { gapYellow: 5, gapRed: 15 }).light).toBe('red');
  });

  it('after the planned finish the target is 100%', () => {
    const r = light({ today: '2024-06-01', progress: 95 });
    expect(r.expected).toBe(100);
    expect(r.light).toBe('green');
  });
});

describe('the monthly plan as the target', () => {
  const plan = [
    { month: '2024-01', progress: 10 },
    { month: '2024-02', progress: 40 },
    { month: '2024-03', progress: 80 },
  ];
  it('interpolates between month ends, from 0 at the planned start', () => {
    expect(planExpected('2024-01-31', '2024-01-01', plan)!.value).toBe(10);
    expect(planExpected('2024-01-16', '2024-01-01', plan)!.value).toBe(5);
    // 2024-02-15: 15 of 29 days from Jan 31 (10%) to Feb 29 (40%)
    expect(planExpected('2024-02-15', '2024-01-01', plan)!.value).toBeCloseTo(10 + (30 * 15) / 29, 6);
    expect(planExpected('2024-05-01', '2024-01-01', plan)!.value).toBe(80);
  });

  it('uses the plan when there is one, and says so', () => {
    const r = light({ today: '2024-02-29', progress: 35, plan });
    expect(r.expected).toBe(40);
    expect(r.expectedBasis).toContain('月度计划');
    expect(r.light).toBe('green');
  });

  it('falls back to the linear target without a plan, and says so', () => {
    const r = light({ today: at(50), progress: 45, plan: [] });
    expect(r.expectedBasis).toContain('均匀推算（未填月度计划）');
  });

  it('“linear” ignores the plan', () => {
    const r = light({ today: at(50), progress: 45, plan }, { targetBasis: 'linear' });
    expect(r.expected).toBe(50);
  });

  it('plan months without a value are skipped', () => {
    expect(planExpected('2024-02-29', '2024-01-01', [{ month: '2024-02', progress: null }])).toBeNull();
  });
});

describe('not started', () => {
  const notStarted = { startedOn: null, progress: 0 };
  it('green before the planned start, with the days left', () => {
    const r = light({ ...notStarted, today: '2023-12-22' });
    expect(r.light).toBe('green');
    expect(r.reasons[0].text).toBe('未到计划开工日期（2024年1月1日），还有 10 天');
  });

  it('not yellow on the planned start day itself', () => {
    expect(light({ ...notStarted, today: '2024-01-01' }).light).toBe('green');
  });

  it('yellow the day after the planned start', () => {
    const r = light({ ...notStarted, today: '2024-01-02' });
    expect(r.light).toBe('yellow');
    expect(r.reasons[0].text).toContain('已过计划开工日期（2024年1月1日）1 天仍未开工');
  });

  it('yellow the day before three months have passed, red on that day', () => {
    expect(light({ ...notStarted, today: '2024-03-31' }).light).toBe('yellow');
    const r = light({ ...notStarted, today: '2024-04-01' });
    expect(r.light).toBe('red');
    expect(r.reasons[0].text).toBe('计划于2024年1月1日开工，至今已超过 3 个月（91 天）仍未开工');
  });

  it('the months are configurable and the yellow step can be turned off', () => {
    expect(light({ ...notStarted, today: '2024-02-01' }, { notStartedRedMonths: 1 }).light).toBe('red');
    expect(light({ ...notStarted, today: '2024-02-01' }, { notStartedYellow: false }).light).toBe('green');
  });

  it('a start recorded in the future does not count as started', () => {
    expect(light({ startedOn: '2024-05-01', progress: 0, today: '2024-04-02' }).reasons[0].rule).toBe('not_started');
  });

  it('three months from 31 January ends on the last day of April', () => {
    expect(addCalendarMonths('2024-01-31', 3)).toBe('2024-04-30');
    expect(addCalendarMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-12-15', 1)).toBe('2025-01-15');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
  });
});

describe('milestones', () => {
  const topping = { name: '主体封顶', targetDate: '2024-12-31', achievedOn: null };
  it('red the day after the target date when not achieved', () => {
    const r = computeLight({ ...base, today: '2025-01-01', plannedFinish: '2025-08-31', progress: 60, milestones: [topping] });
    expect(r.light).toBe('red');
    expect(r.reasons.find((x) => x.rule === 'milestone_overdue')!.text).toBe('里程碑“主体封顶”计划于2024年12月31日完成，已逾期 1 天仍未完成');
  });

  it('not red on the target date itself; mentioned as due today', () => {
    const r = computeLight({ ...base, today: '2024-12-31', plannedFinish: '2025-08-31', progress: 60, milestones: [topping] });
    expect(r.reasons.some((x) => x.rule === 'milestone_overdue')).toBe(false);
    expect(r.reasons.find((x) => x.rule === 'milestone_due')!.text).toBe('里程碑“主体封顶”今日到期');
  });

  it('an achieved milestone never lights red', () => {
    const r = computeLight({ ...base, today: '2025-02-01', plannedFinish: '2025-08-31', progress: 60, milestones: [{ ...topping, achievedOn: '2024-12-28' }] });
    expect(r.reasons.some((x) => x.rule.startsWith('milestone'))).toBe(false);
  });

  it('a coming milestone is information only', () => {
    const r = computeLight({ ...base, today: '2024-12-11', plannedFinish: '2025-08-31', progress: 52, milestones: [topping] });
    const due = r.reasons.find((x) => x.rule === 'milestone_due')!;
    expect(due.level).toBe('info');
    expect(due.text).toContain('将于 20 天后');
  });

  it('overdue milestones can be excluded from the light', () => {
    const r = computeLight({ ...base, today: '2025-01-05', plannedFinish: '2025-08-31', progress: 60, milestones: [topping] }, { milestoneOverdueRed: false });
    expect(r.light).not.toBe('red');
  });
});

describe('status and combination', () => {
  it('a completed project is green whatever else', () => {
    const r = light({ status: 'completed', progress: 10, milestones: [{ name: '主体封顶', targetDate: '2020-01-01', achievedOn: null }] });
    expect(r).toMatchObject({ light: 'green', reasons: [{ rule: 'completed', text: '项目已竣工' }] });
  });

  it('a suspended project is at least yellow', () => {
    const r = light({ status: 'suspended', today: at(50), progress: 49 });
    expect(r.light).toBe('yellow');
    expect(r.reasons[0].text).toBe('项目处于停工状态');
    expect(light({ status: 'suspended', today: at(50), progress: 49 }, { suspendedYellow: false }).light).toBe('green');
  });

  it('the worst rule decides and every reason is listed', () => {
    const r = computeLight({ ...base, today: '2024-03-01', progress: 40, milestones: [{ name: '基础完成', targetDate: '2024-02-15', achievedOn: null }] });
    expect(r.light).toBe('red');
    expect(r.reasons.map((x) => `${x.rule}:${x.level}`)).toEqual(['progress_gap:yellow', 'milestone_overdue:red']);
  });

  it('without planned dates there is no target, and it says so', () => {
    const r = light({ plannedStart: null, plannedFinish: null });
    expect(r.expected).toBeNull();
    expect(r.reasons.map((x) => x.text)).toContain('未填写计划开工或竣工日期，无法按序时进度判断');
    expect(r.light).toBe('green');
  });
});

describe('rules', () => {
  it('fills defaults and rejects nonsense in Chinese', () => {
    expect(normalizeLightRules({ gapYellow: 5 })).toEqual({ ...DEFAULT_LIGHT_RULES, gapYellow: 5 });
    expect(() => normalizeLightRules({ gapYellow: 40, gapRed: 30 })).toThrow('黄灯阈值不能大于红灯阈值');
    expect(() => normalizeLightRules({ notStartedRedMonths: 0 })).toThrow('未开工亮红灯的月数须为 1–24 的整数');
    expect(() => normalizeLightRules({ gapRed: 120 })).toThrow('红灯阈值须在 0–100 个百分点之间');
  });

  it('describes themselves in sentences', () => {
    const lines = describeLightRules(DEFAULT_LIGHT_RULES);
    expect(lines[0]).toBe('落后序时进度 10–30 个百分点亮黄灯，超过 30 个百分点亮红灯');
    expect(lines).toContain('计划开工满 3 个月仍未开工亮红灯');
  });
});
