import { describe, expect, it } from 'vitest';
import { officialCalendar } from './official.js';
import { ProvisionalCalendar, provisionalCalendar, provisionalNote } from './provisional.js';
import { addWorkingDays } from './workdays.js';
import { findTimeExpressions } from '../text/time-words.js';

describe('the provisional-year rule', () => {
  const pc = provisionalCalendar(officialCalendar());

  it('counts a year not imported with weekends only, and says so in the one wording', () => {
    // 2026-12-15 + 20 working days: 2027-01-01 counts as a working day until the year is imported.
    const due = pc.workdays('2026-12-15', 20);
    expect(due.date).toBe('2027-01-12');
    expect(due.provisional).toBe(true);
    expect(due.lines.at(-1)).toBe(`注意：${provisionalNote([2027])}`);
    expect(provisionalNote([2027, 2028])).toBe('2027、2028年的节假日尚未导入，该年度的期限暂按周六、周日休息推算，导入后请核对');
  });

  it('leaves imported years alone: the same dates and lines as the calendar itself', () => {
    const due = pc.workdays('2024-09-29', 7);
    expect(due.date).toBe(addWorkingDays(officialCalendar(), '2024-09-29', 7).date);
    expect(due.provisional).toBeUndefined();
    expect(due.lines.join('\n')).not.toContain('尚未导入');
  });

  it('promises read from a reply count the same way: 20个工作日内 from 2026-12-15 is 2027-01-12, with the note', () => {
    const hit = findTimeExpressions('我们将在20个工作日内完成整改。', '2026-12-15').find((h) => h.kind === 'deadline');
    expect(hit?.due).toBe('2027-01-12');
    expect(hit?.rule).toContain(provisionalNote([2027]));
  });

  it('is made once per calendar', () => {
    const cal = officialCalendar();
    expect(provisionalCalendar(cal)).toBe(provisionalCalendar(cal));
    expect(new ProvisionalCalendar(cal).missing.has(2027)).toBe(true);
  });
});
