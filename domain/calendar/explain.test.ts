import { describe, expect, it } from 'vitest';
import { explainText } from './explain.js';
import { addCalendarDays, addMonths } from './months.js';
import { officialCalendar } from './official.js';
import { addWorkingDays, nextWorkingDayOnOrAfter } from './workdays.js';

const cal = officialCalendar();

describe('explainText', () => {
  it('explains a working-day count across National Day 2026', () => {
    expect(explainText(addWorkingDays(cal, '2026-09-28', 10))).toEqual([
      '自 2026-09-28 次日起算 10 个工作日',
      '2026-10-01 至 2026-10-07 国庆节假期，不计',
      '2026-10-10（星期六）国庆节调休上班，计为工作日',
      '2026-10-11 周日，休息日，不计',
      '截止日：2026-10-16（星期五）',
    ]);
  });

  it('groups an ordinary weekend on one line', () => {
    expect(explainText(addWorkingDays(cal, '2024-08-23', 1))).toEqual([
      '自 2024-08-23 次日起算 1 个工作日',
      '2024-08-24 至 2024-08-25 周六、周日，休息日，不计',
      '截止日：2024-08-26（星期一）',
    ]);
  });

  it('summarises many weekends in one line but lists every holiday and make-up day', () => {
    expect(explainText(addWorkingDays(cal, '2026-02-10', 20))).toEqual([
      '自 2026-02-10 次日起算 20 个工作日',
      '2026-02-14（星期六）春节调休上班，计为工作日',
      '2026-02-15 至 2026-02-23 春节假期，不计',
      '2026-02-28（星期六）春节调休上班，计为工作日',
      '其间 5 天周六、周日休息日，不计',
      '截止日：2026-03-16（星期一）',
    ]);
  });

  it('explains n = 0', () => {
    expect(explainText(addWorkingDays(cal, '2024-08-22', 0))).toEqual([
      '自 2024-08-22 次日起算 0 个工作日',
      '截止日：2024-08-22（星期四）',
    ]);
  });

  it('explains a period in months rolled over a holiday', () => {
    expect(explainText(addMonths(cal, '2025-07-01', 3))).toEqual([
      '自 2025-07-01 次日起算 3 个月',
      '期间最后一日为 2025-10-01（第 3 个月的对应日）',
      '2025-10-01 至 2025-10-08 国庆节、中秋节假期，顺延',
      '截止日：2025-10-09（星期四）',
    ]);
  });

  it('explains the month-end rule', () => {
    expect(explainText(addMonths(cal, '2024-01-31', 1))).toEqual([
      '自 2024-01-31 次日起算 1 个月',
      '期间最后一日为 2024-02-29（2024年2月没有31日，取该月最后一日）',
      '截止日：2024-02-29（星期四）',
    ]);
  });

  it('keeps a period that needs no roll short', () => {
    expect(explainText(addMonths(cal, '2024-04-15', 1))).toEqual([
      '自 2024-04-15 次日起算 1 个月',
      '截止日：2024-05-15（星期三）',
    ]);
  });

  it('says why a Saturday can be the last day', () => {
    expect(explainText(addMonths(cal, '2026-07-10', 3))).toEqual([
      '自 2026-07-10 次日起算 3 个月',
      '2026-10-10（星期六）国庆节调休上班，计为工作日',
      '截止日：2026-10-10（星期六）',
    ]);
  });

  it('explains calendar days rolled over a weekend and a holiday', () => {
    expect(explainText(addCalendarDays(cal, '2024-06-01', 7))).toEqual([
      '自 2024-06-01 次日起算 7 日',
      '期间最后一日为 2024-06-08（第 7 日）',
      '2024-06-08 至 2024-06-09 周六、周日，休息日，顺延',
      '2024-06-10 端午节假期，顺延',
      '截止日：2024-06-11（星期二）',
    ]);
  });

  it('explains the next working day', () => {
    expect(explainText(nextWorkingDayOnOrAfter(cal, '2026-10-01'))).toEqual([
      '2026-10-01 当日或之后的首个工作日',
      '2026-10-01 至 2026-10-07 国庆节假期，顺延',
      '首个工作日：2026-10-08（星期四）',
    ]);
  });
});
