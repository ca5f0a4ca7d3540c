import { addDays, dayOfWeek, parseDate, weekdayName } from './dates.js';
import type { CalendarComputation, ExplanationStep } from './types.js';

/** Above this many separate weekends, a working-day count summarises them in one line. */
const MAX_LISTED_WEEKENDS = 2;

type DayStep = ExplanationStep & { kind: 'holiday' | 'weekend' | 'makeup' };

interface Group {
  kind: DayStep['kind'];
  name?: string;
  from: string;
  to: string;
  days: number;
}

/** Consecutive days of the same kind and name (one holiday, one weekend) become one group. */
function groupDays(steps: ExplanationStep[]): Group[] {
  const groups: Group[] = [];
  for (const s of steps) {
    if (s.kind !== 'holiday' && s.kind !== 'weekend' && s.kind !== 'makeup') continue;
    const g = groups[groups.length - 1];
    if (g && g.kind === s.kind && g.name === s.name && addDays(g.to, 1) === s.date) {
      g.to = s.date;
      g.days++;
    } else {
      groups.push({ kind: s.kind, name: s.name, from: s.date, to: s.date, days: 1 });
    }
  }
  return groups;
}

function span(g: Group): string {
  return g.days === 1 ? g.from : `${g.from} 至 ${g.to}`;
}

function groupLine(g: Group, verb: string): string {
  switch (g.kind) {
    case 'holiday':
      return `${span(g)} ${g.name}假期，${verb}`;
    case 'makeup':
      return g.days === 1
        ? `${g.from}（${weekdayName(g.from)}）${g.name}，计为工作日`
        : `${span(g)} ${g.name}，计为工作日`;
    case 'weekend': {
      const which = g.days === 1 ? (dayOfWeek(g.from) === 6 ? '周六' : '周日') : '周六、周日';
      return `${span(g)} ${which}，休息日，${verb}`;
    }
  }
}

function ruleLine(r: CalendarComputation): string {
  switch (r.operation) {
    case 'working-days':
      return `自 ${r.start} 次日起算 ${r.n} 个工作日`;
    case 'months':
      return `自 ${r.start} 次日起算 ${r.n} 个月`;
    case 'calendar-days':
      return `自 ${r.start} 次日起算 ${r.n} 日`;
    case 'next-working-day':
      return `${r.start} 当日或之后的首个工作日`;
  }
}

/**
 * Readable Chinese lines for a computation: the rule, the days that mattered (consecutive days of one holiday
 * grouped on one line), then the resulting date.
 */
export function explainText(result: CalendarComputation): string[] {
  const lines = [ruleLine(result)];
  const groups = groupDays(result.explanation);

  if (result.operation === 'working-days') {
    const weekends = groups.filter((g) => g.kind === 'weekend');
    const summarise = weekends.length > MAX_LISTED_WEEKENDS;
    for (const g of groups) {
      if (g.kind === 'weekend' && summarise) continue;
      lines.push(groupLine(g, '不计'));
    }
    if (summarise) {
      const days = weekends.reduce((sum, g) => sum + g.days, 0);
      lines.push(`其间 ${days} 天周六、周日休息日，不计`);
    }
  } else {
    const end = result.explanation.find((s) => s.kind === 'nominal-end' || s.kind === 'month-end');
    const rolled = end !== undefined && end.date !== result.date;
    if (end?.kind === 'month-end') {
      const { year, month } = parseDate(end.date);
      const startDay = parseDate(result.start).day;
      lines.push(`期间最后一日为 ${end.date}（${year}年${month}月没有${startDay}日，取该月最后一日）`);
    } else if (end && rolled) {
      lines.push(`期间最后一日为 ${end.date}（${end.note}）`);
    }
    for (const g of groups) lines.push(groupLine(g, '顺延'));
  }

  const label = result.operation === 'next-working-day' ? '首个工作日' : '截止日';
  lines.push(`${label}：${result.date}（${weekdayName(result.date)}）`);
  return lines;
}
