import { ProvisionalCalendar, provisionalCalendar, type Explained } from '../../../domain/calendar/provisional.js';
import type { RuleSet } from './rule-set.js';

/**
 * The module computes every due date on the provisional calendar (domain/calendar/provisional.ts): the imported
 * calendar, and weekends only for a year not imported yet, said so in the explanation.
 */
export { ProvisionalCalendar as ModuleCalendar, provisionalCalendar as moduleCalendar, type Explained };

export interface AssignmentDates {
  replyDue: Explained;
  hardDue: Explained;
  returnDue: Explained;
  opinionDue: Explained;
}

/** Every due date an assignment on `assignedOn` starts, by the rule set. */
export function assignmentDates(mc: ProvisionalCalendar, rs: RuleSet, assignedOn: string): AssignmentDates {
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
export function rereplyDue(mc: ProvisionalCalendar, rs: RuleSet, ratedOn: string, round: number): Explained {
  const due = mc.months(ratedOn, rs.rereplyMonths);
  due.lines.unshift(`第 ${round} 轮办理期限：代表评价不满意（${ratedOn}）后 ${rs.rereplyMonths} 个月内重新答复`);
  return due;
}

/** The due date of a reply-rate cycle after the publication rule (20 working days after the reply). */
export function publishDue(mc: ProvisionalCalendar, rs: RuleSet, repliedOn: string): Explained {
  const due = mc.workdays(repliedOn, rs.publishWorkdays);
  due.lines.unshift(`公开期限：答复之日起 ${rs.publishWorkdays} 个工作日内公开`);
  return due;
}
