import { WorkCalendar } from '../../../domain/calendar/types.js';
import { addMonths, addCalendarDays } from '../../../domain/calendar/months.js';
import { addWorkingDays } from '../../../domain/calendar/workdays.js';
import { explainText } from '../../../domain/calendar/explain.js';
import type { CalendarComputation } from '../../../domain/calendar/types.js';
import type { RuleSet } from './rule-set.js';

export interface Explained {
  date: string;
  lines: string[];
  /** True when a year the calendar does not hold yet was counted with weekends only. */
  provisional?: boolean;
}

/**
 * The calendar the module computes with: the admin's calendar, plus — for years it does not hold yet — a
 * provisional year with weekends only. The holiday arrangement of next year is usually announced in
 * November or December, while a suggestion assigned in the autumn is due next year: refusing to compute
 * would stop all assignments for weeks. Every date that touched such a year says so in its explanation.
 */
export class ModuleCalendar {
  readonly cal: WorkCalendar;
  readonly missing: ReadonlySet<number>;

  constructor(readonly base: WorkCalendar) {
    const known = [...base.years];
    const lo = Math.min(...known, 2000);
    const hi = Math.max(...known, 2000) + 5;
    const all: number[] = [];
    for (let y = lo; y <= hi; y++) all.push(y);
    this.missing = new Set(all.filter((y) => !base.coversYear(y)));
    this.cal = this.missing.size ? WorkCalendar.from(base.entries, all) : base;
  }

  private explain(c: CalendarComputation): Explained {
    const lines = explainText(c);
    const years = new Set<number>();
    for (let y = Number(c.start.slice(0, 4)); y <= Number(c.date.slice(0, 4)); y++) if (this.missing.has(y)) years.add(y);
    if (!years.size) return { date: c.date, lines };
    lines.push(`注意：工作日历尚未包含 ${[...years].join('、')} 年的节假日安排，该年度暂按周六、周日休息推算；系统管理员导入该年度安排后请核对本期限`);
    return { date: c.date, lines, provisional: true };
  }

  months(start: string, n: number): Explained {
    return this.explain(addMonths(this.cal, start, n));
  }

  workdays(start: string, n: number): Explained {
    return this.explain(addWorkingDays(this.cal, start, n));
  }

  days(start: string, n: number): Explained {
    return this.explain(addCalendarDays(this.cal, start, n));
  }
}

let cached: { base: WorkCalendar; mc: ModuleCalendar } | null = null;
export function moduleCalendar(base: WorkCalendar): ModuleCalendar {
  if (cached?.base !== base) cached = { base, mc: new ModuleCalendar(base) };
  return cached.mc;
}

export interface AssignmentDates {
  replyDue: Explained;
  hardDue: Explained;
  returnDue: Explained;
  opinionDue: Explained;
}

/** Every due date an assignment on `assignedOn` starts, by the rule set. */
export function assignmentDates(mc: ModuleCalendar, rs: RuleSet, assignedOn: string): AssignmentDates {
  const replyDue = mc.months(assignedOn, rs.replyMonths);
  replyDue.lines.unshift(`答复期限：交办之日（${assignedOn}）起 ${rs.replyMonths} 个月（${rs.name}）`);
  const hardDue = mc.months(assignedOn, rs.hardMonths);
  hardDue.lines.unshift(`最长办理期限：交办之日起 ${rs.hardMonths} 个月，经交办方批准延期不得超过此日`);
  const returnDue = rs.returnWindowUnit === 'workdays' ? mc.workdays(assignedOn, rs.returnWindowCount) : mc.days(assignedOn, rs.returnWindowCount);
  returnDue.lines.unshift(`退办期限：交办之日起 ${rs.returnWindowCount} 个${rs.returnWindowUnit === 'workdays' ? '工作日' : '自然日'}内可申请退办`);
  const opinionDue = mc.months(assignedOn, rs.coOpinionMonths);
  opinionDue.lines.unshift(`协办意见期限：交办之日起 ${rs.coOpinionMonths} 个月内向主办单位提出`);
  return { replyDue, hardDue, returnDue, opinionDue };
}

/** The due date of the next round after a 不满意 rating completed on `ratedOn`. */
export function rereplyDue(mc: ModuleCalendar, rs: RuleSet, ratedOn: string, round: number): Explained {
  const due = mc.months(ratedOn, rs.rereplyMonths);
  due.lines.unshift(`第 ${round} 轮办理期限：代表评价不满意（${ratedOn}）后 ${rs.rereplyMonths} 个月内重新答复`);
  return due;
}

/** The due date of a reply-rate cycle after the publication rule (20 working days after the reply). */
export function publishDue(mc: ModuleCalendar, rs: RuleSet, repliedOn: string): Explained {
  const due = mc.workdays(repliedOn, rs.publishWorkdays);
  due.lines.unshift(`公开期限：答复之日起 ${rs.publishWorkdays} 个工作日内公开`);
  return due;
}
