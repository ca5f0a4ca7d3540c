import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../../domain/calendar/official.js';
import { ModuleCalendar, assignmentDates, rereplyDue } from './deadlines.js';
import { DEFAULT_REMINDERS, NPC_CLASS_SCHEME, type RuleSet } from './rule-set.js';

const rs: RuleSet = {
  id: 'r', name: '高平市人大代表建议办理规则', jurisdiction: '高平市', replyMonths: 3, hardMonths: 6, coOpinionMonths: 1, returnWindowCount: 7,
  returnWindowUnit: 'workdays', rereplyMonths: 1, publishWorkdays: 20, classScheme: NPC_CLASS_SCHEME, classMarkOnDoc: true, replyMode: 'per_deputy',
  reminders: DEFAULT_REMINDERS, isDemo: true, version: 1, updatedAt: '',
};

describe('due dates of an assignment', () => {
  const mc = new ModuleCalendar(officialCalendar());

  it('No. 187, assigned 2024-05-23: reply by 08-23, at most by 11-25, opinions by 06-24, returns by 06-03', () => {
    const d = assignmentDates(mc, rs, '2024-05-23');
    expect(d.replyDue.date).toBe('2024-08-23');
    expect(d.hardDue.date).toBe('2024-11-25');
    expect(d.opinionDue.date).toBe('2024-06-24');
    expect(d.returnDue.date).toBe('2024-06-03');
    expect(d.hardDue.lines).toEqual([
      '最长办理期限：交办之日起 6 个月，经交办方批准延期不得超过此日',
      '自 2024-05-23 次日起算 6 个月',
      '期间最后一日为 2024-11-23（第 6 个月的对应日）',
      '2024-11-23 至 2024-11-24 周六、周日，休息日，顺延',
      '截止日：2024-11-25（星期一）',
    ]);
    expect(d.replyDue.provisional).toBeUndefined();
  });

  it('a re-reply after a 不满意 runs one month from the rating', () => {
    expect(rereplyDue(mc, rs, '2024-12-31', 2).date).toBe('2025-02-05'); // 01-31 is in the Spring Festival break (01-28..02-04)
  });

  it('a year the calendar does not hold yet is computed with weekends only, and says so', () => {
    const d = assignmentDates(mc, rs, '2026-11-27');
    expect(d.replyDue.date).toBe('2027-03-01'); // 2027-02-27 is a Saturday
    expect(d.replyDue.provisional).toBe(true);
    expect(d.replyDue.lines.at(-1)).toBe('注意：2027年的节假日尚未导入，该年度的期限暂按周六、周日休息推算，导入后请核对');
    expect(d.returnDue.provisional).toBeUndefined();
  });
});
