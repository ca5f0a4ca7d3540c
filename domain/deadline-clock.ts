import type { WorkCalendar } from './calendar/types.js';
import { workingDaysBetween } from './calendar/workdays.js';

/** 正常 / 临期 / 逾期 of one due date, seen from `today`. */
export type ClockStatus = 'normal' | 'due_soon' | 'overdue';
export const CLOCK_LABELS: Record<ClockStatus, string> = { normal: '正常', due_soon: '临期', overdue: '逾期' };

export interface DeadlineClock {
  dueDate: string;
  status: ClockStatus;
  statusLabel: string;
  /** Working days after today up to the due date; 0 on the day; negative once overdue. */
  workdaysLeft: number;
  /** 剩余 N 个工作日 / 今日到期 / 逾期 N 个工作日 */
  text: string;
}

/**
 * The clock of a due date: overdue once today is after it, due soon within `dueSoonWorkdays` working days
 * (the day itself included), otherwise normal.
 */
export function deadlineClock(cal: WorkCalendar, today: string, dueDate: string, dueSoonWorkdays: number): DeadlineClock {
  const left = workingDaysBetween(cal, today, dueDate) || 0; // no -0
  const overdue = today > dueDate;
  const status: ClockStatus = overdue ? 'overdue' : left <= dueSoonWorkdays ? 'due_soon' : 'normal';
  let text: string;
  if (overdue) text = left < 0 ? `逾期 ${-left} 个工作日` : '已逾期';
  else if (today === dueDate) text = '今日到期';
  else text = `剩余 ${left} 个工作日`;
  return { dueDate, status, statusLabel: CLOCK_LABELS[status], workdaysLeft: left, text };
}
