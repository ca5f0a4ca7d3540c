import type { AppContext } from '../../platform/context.js';
import type { JobDefinition } from '../../platform/jobs/job-runner.js';
import { notifyUsers } from '../../platform/notifications/notifications.js';
import { workingDaysBetween } from '../../../domain/calendar/workdays.js';
import type { WorkCalendar } from '../../../domain/calendar/types.js';
import { SuggestionRepo } from './suggestions.repo.js';
import { parseRuleSet, type ReminderRule } from './rule-set.js';

export const REMINDER_JOB = 'suggestions.reminders';

/** Which reminder of the rule set fires today for a due date, if any (only on working days). */
export function reminderDue(cal: WorkCalendar, today: string, due: string, rules: ReminderRule[]): { kind: string; text: string; overdue: boolean } | null {
  const left = workingDaysBetween(cal, today, due);
  for (const r of rules) {
    if (r.kind === 'before' && today < due && left === r.workdays) return { kind: `before${r.workdays}`, text: `还剩 ${left} 个工作日`, overdue: false };
    if (r.kind === 'on_day' && today === due) return { kind: 'on_day', text: '今天到期', overdue: false };
    if (r.kind === 'overdue_every' && today > due) {
      const late = -left;
      if (late >= 1 && (late - 1) % r.workdays === 0) return { kind: `overdue${late}`, text: `已逾期 ${late} 个工作日`, overdue: true };
    }
  }
  return null;
}

/**
 * Sends today's deadline reminders: for each lead unit, its reply due date (extension included); for each
 * co-unit that has not given its opinion, the opinion due date; the organizer also hears of overdue replies.
 * Each notification carries a key of assignment, kind, due date and day, so it reaches each person once
 * however many instances run the job.
 */
export async function sendDueReminders(ctx: AppContext): Promise<{ checked: number; sent: number }> {
  const today = ctx.clock.today();
  const mc = await ctx.calendar.provisional();
  if (!mc.cal.isWorkingDay(today)) return { checked: 0, sent: 0 };
  const repo = new SuggestionRepo(ctx.db);
  const rules = new Map((await ctx.db.selectFrom('rule_set').innerJoin('congress_session', 'congress_session.rule_set_id', 'rule_set.id')
    .selectAll('rule_set').select('congress_session.id as session_id').execute()).map((r) => [r.session_id, parseRuleSet(r).reminders]));
  const rows = await repo.handlingAssignments();
  const staff = new Map<string, string[]>();
  const staffOf = async (unitId: string) => {
    if (!staff.has(unitId)) staff.set(unitId, await repo.unitStaff([unitId]));
    return staff.get(unitId)!;
  };
  const organizers = await repo.organizers();
  let sent = 0;
  for (const a of rows) {
    if (a.state === 'return_requested') continue;
    const reminders = rules.get(a.s_session_id) ?? [];
    const name = a.s_number !== null ? `第${a.s_number}号建议` : `建议“${a.s_title}”`;
    if (a.role === 'lead') {
      const due = a.s_extended_due ?? a.s_reply_due;
      if (!due) continue;
      const hit = reminderDue(mc.cal, today, due, reminders);
      if (!hit) continue;
      const to = [...(await staffOf(a.unit_id)), ...(hit.overdue ? organizers : [])];
      sent += await notifyUsers(ctx.db, ctx.clock, to, {
        kind: hit.overdue ? 'suggestion.overdue' : 'suggestion.due_reminder',
        title: `${hit.overdue ? '逾期提醒' : '到期提醒'}：${name}${hit.text}`,
        body: `“${a.s_title}”的答复期限为 ${due}，${hit.text}${hit.overdue ? '，请尽快答复' : '，请按时答复'}。`,
        link: `/suggestions/${a.suggestion_id}`,
        dedupeKey: `reminder:${a.id}:${hit.kind}:${due}:${today}`,
      });
    } else if (!a.opinion_at && a.opinion_due) {
      const hit = reminderDue(mc.cal, today, a.opinion_due, reminders);
      if (!hit) continue;
      sent += await notifyUsers(ctx.db, ctx.clock, await staffOf(a.unit_id), {
        kind: 'suggestion.opinion_reminder',
        title: `协办意见提醒：${name}${hit.text}`,
        body: `本单位协办的“${a.s_title}”应于 ${a.opinion_due} 前向主办单位提出协办意见，${hit.text}。`,
        link: `/suggestions/${a.suggestion_id}`,
        dedupeKey: `reminder:${a.id}:opinion_${hit.kind}:${a.opinion_due}:${today}`,
      });
    }
  }
  return { checked: rows.length, sent };
}

/** Every day at 08:00 Beijing time. */
export function suggestionReminderJob(ctx: AppContext): JobDefinition {
  return { name: REMINDER_JOB, schedule: '0 8 * * *', handler: async () => { await sendDueReminders(ctx); } };
}
