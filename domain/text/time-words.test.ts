import { describe, expect, it } from 'vitest';
import { findTimeExpressions, resolveDue, smallNumber } from './time-words.js';

const AUG22 = '2024-08-22';

/** The first deadline (or current-year word) of a text, as a promise reads it. */
function due(text: string, replyDate: string | null = AUG22): string | null {
  return resolveDue(text, replyDate).due;
}

describe('time words relative to the reply date', () => {
  const cases: [name: string, text: string, replyDate: string | null, expected: string | null][] = [
    ['年底 is the reply year-end', '预计年底主体封顶', AUG22, '2024-12-31'],
    ['年末', '力争年末前完成全部管网铺设', AUG22, '2024-12-31'],
    ['年内', '年内投入运营', AUG22, '2024-12-31'],
    ['今年 (a current-year word)', '今年完成老旧管网改造', AUG22, '2024-12-31'],
    ['本年度', '本年度内完成两轮督查', AUG22, '2024-12-31'],
    ['全年', '全年不少于3.5万平米', AUG22, '2024-12-31'],
    ['上半年 of a reply written in spring', '上半年完成项目立项', '2024-03-15', '2024-06-30'],
    ['下半年', '下半年启动二期招商', AUG22, '2024-12-31'],
    ['明年', '明年全面建成', AUG22, '2025-12-31'],
    ['次年', '次年交付使用', AUG22, '2025-12-31'],
    ['下一年', '下一年完成剩余路段', AUG22, '2025-12-31'],
    ['明年上半年', '明年上半年建成投运', AUG22, '2025-06-30'],
    ['明年3月', '明年3月开工', AUG22, '2025-03-31'],
    ['8月份 in a reply of 22 August is still this August', '有望8月份顺利出让', AUG22, '2024-08-31'],
    ['3月份 already past moves to next year', '3月份开工', '2024-11-10', '2025-03-31'],
    ['X月底', '10月底前完成验收', AUG22, '2024-10-31'],
    ['X月末', '11月末完成清表', AUG22, '2024-11-30'],
    ['X月 written in Chinese numerals', '十二月底前全部完工', AUG22, '2024-12-31'],
    ['X月X日前 is that date', '12月31日前完成整改', AUG22, '2024-12-31'],
    ['X月X号', '9月15号前完成报名', AUG22, '2024-09-15'],
    ['中旬 is the 20th', '9月中旬挂牌出让', AUG22, '2024-09-20'],
    ['上旬 is the 10th', '10月上旬召开推进会', AUG22, '2024-10-10'],
    ['下旬 is the month end', '11月下旬完工', AUG22, '2024-11-30'],
    ['第三季度', '第三季度完成设备安装', AUG22, '2024-09-30'],
    ['一季度 already past moves to next year', '一季度启动招标', AUG22, '2025-03-31'],
    ['四季度', '四季度实现通水', AUG22, '2024-12-31'],
    ['2025年3月', '计划于2025年3月开工', AUG22, '2025-03-31'],
    ['2025年 alone', '2025年实现全覆盖', AUG22, '2025-12-31'],
    ['2025年底', '预计2025年底竣工', AUG22, '2025-12-31'],
    ['2025年上半年', '2025年上半年投入使用', AUG22, '2025-06-30'],
    ['year in Chinese numerals', '二〇二五年六月底前交付', AUG22, '2025-06-30'],
    ['N天内 counts calendar days', '30天内完成清运', AUG22, '2024-09-21'],
    ['N日内', '15日内书面答复', AUG22, '2024-09-06'],
    ['N个月内', '3个月内完成整改', '2024-11-30', '2025-02-28'],
    ['半年内', '半年内完成改造', AUG22, '2025-02-22'],
    ['本月底前', '本月底前完成施工图设计', AUG22, '2024-08-31'],
    ['春节前 is the eve of the next Spring Festival', '春节前完成工资清欠', '2024-11-20', '2025-01-28'],
    ['入冬前', '入冬前完成供热管网改造', AUG22, '2024-11-30'],
    ['明年春季', '明年春季开工', AUG22, '2025-05-31'],
  ];
  for (const [name, text, replyDate, expected] of cases) {
    it(name, () => expect(due(text, replyDate)).toBe(expected));
  }
});

describe('working days use the official calendar', () => {
  it('5个工作日内 skips the National Day holiday and counts the make-up Sunday', () => {
    // 2024-09-29 (Sunday) is a make-up working day; 10-01..10-07 are holidays.
    expect(due('5个工作日内办结', '2024-09-27')).toBe('2024-10-10');
  });

  it('3个工作日内 in an ordinary week', () => {
    expect(due('3个工作日内办结', '2024-09-02')).toBe('2024-09-05');
  });

  it('counts a year the calendar does not hold with weekends only, and says so', () => {
    const r = resolveDue('10个工作日内办结', '2030-12-20');
    expect(r.due).toBe('2031-01-03');
    expect(r.rule).toContain('2030、2031年的节假日尚未导入，该年度的期限暂按周六、周日休息推算，导入后请核对');
    const far = resolveDue('10个工作日内办结', '2090-12-20');
    expect(far.due).toBeNull();
    expect(far.rule).toContain('工作日历');
  });

  it('a period counted from another event is not counted from the reply', () => {
    const r = resolveDue('收到企业申请后10个工作日内完成审核', AUG22);
    expect(r.due).toBeNull();
    expect(r.rule).toContain('其他事件');
  });
});

describe('without a reply date relative words give null, never a guess', () => {
  for (const text of ['预计年底主体封顶', '有望8月份顺利出让', '明年上半年建成', '今年完成', '30天内完成', '10个工作日内办结']) {
    it(text, () => {
      const r = resolveDue(text, null);
      expect(r.due).toBeNull();
      expect(r.openEnded).toBe(false);
      expect(r.rule).toContain('无法');
    });
  }

  it('absolute dates still resolve', () => {
    expect(due('计划于2025年3月开工', null)).toBe('2025-03-31');
    expect(due('2025年底建成', null)).toBe('2025-12-31');
  });
});

describe('background frames and past periods', () => {
  it('今年以来 is a frame, not a deadline', () => {
    const [hit] = findTimeExpressions('今年以来，累计接待咨询1200余人次', AUG22);
    expect(hit.kind).toBe('background');
  });

  it('截至6月底 is a frame', () => {
    expect(findTimeExpressions('截至6月底，已办理审批事项326件', AUG22)[0].kind).toBe('background');
  });

  it('以2023年为例 is a frame', () => {
    expect(findTimeExpressions('以2023年为例，兑现奖补资金3660万元', AUG22)[0].kind).toBe('background');
  });

  it('自2025年1月1日起 is a start, not a deadline', () => {
    expect(findTimeExpressions('自2025年1月1日起施行', AUG22)[0].kind).toBe('background');
  });

  it('2023年 in a 2024 reply is past', () => {
    const [hit] = findTimeExpressions('2023年将专项费用由120万元增加到300万元', AUG22);
    expect(hit.past).toBe(true);
  });

  it('今年3月 in August is past and keeps its own date', () => {
    const [hit] = findTimeExpressions('今年3月已完成招标', AUG22);
    expect(hit.past).toBe(true);
    expect(hit.asWritten).toBe('2024-03-31');
  });

  it('去年底', () => {
    const [hit] = findTimeExpressions('已于去年底建成投用', AUG22);
    expect(hit.past).toBe(true);
    expect(hit.due).toBe('2023-12-31');
  });

  it('a year naming a plan is not a deadline of its own', () => {
    expect(findTimeExpressions('纳入2025年城建计划', AUG22)[0].kind).toBe('weak');
  });

  it('no time words in bus timetables, phone numbers or school names', () => {
    expect(findTimeExpressions('5路公交车早上六点半发车，间隔10至15分钟', AUG22)).toEqual([]);
    expect(findTimeExpressions('联系电话：5241566', AUG22)).toEqual([]);
    expect(findTimeExpressions('高平市第十中学校项目', AUG22)).toEqual([]);
    expect(findTimeExpressions('3个月的试运行期', AUG22)).toEqual([]);
  });
});

describe('explanations', () => {
  it('年底 says which year it took', () => {
    expect(resolveDue('年底', AUG22).rule).toMatch(/^年底 → 2024-12-31（.*2024年.*）$/);
  });

  it('a rolled month says it moved to the next year', () => {
    expect(resolveDue('3月份开工', '2024-11-10').rule).toContain('次年');
  });

  it('open-ended words are named', () => {
    const r = resolveDue('下一步将持续跟踪', AUG22);
    expect(r).toMatchObject({ due: null, openEnded: true });
    expect(r.rule).toContain('下一步');
  });
});

describe('small numbers', () => {
  it.each([['8', 8], ['十', 10], ['十二', 12], ['二十五', 25], ['三十一', 31], ['两', 2], ['一百', 100]])('%s → %d', (raw, n) => {
    expect(smallNumber(raw)).toBe(n);
  });
});

describe('never crashes', () => {
  it('odd input', () => {
    for (const s of ['', '月', '年', '13月', '0月', '2月30日前', '第', '年年年年底底', '9'.repeat(500), '\u0000月份']) {
      expect(() => findTimeExpressions(s, AUG22)).not.toThrow();
      expect(() => findTimeExpressions(s, 'not a date')).not.toThrow();
    }
  });

  it('2月30日 is not a date', () => {
    expect(due('2月30日前完成', AUG22)).toBeNull();
  });
});
