/**
 * The daily promise job: proposes the promises of replies submitted without them, reminds the owner's staff
 * before and on the due date, and asks the deputies to rate each promise that has fallen due. Every
 * notification carries a dedupe key, so however many instances run the job, each person hears once.
 */
import type { PromiseTable } from './promises.tables.js';
import type { AppContext } from '../../platform/context.js';
import { addDays } from '../../../domain/calendar/dates.js';
import { daysBetween } from '../../../domain/promise-states.js';
import { PromisesCore } from './promises.core.js';
import { ProposalsService } from './proposals.service.js';

/** Days before the due date on which the owner is reminded. */
export const REMIND_DAYS_BEFORE = 7;
export const DAILY_JOB = 'promises.daily';

export interface DailyResult {
  proposedReplies: number;
  reminders: number;
  dueNotices: number;
  rateNotices: number;
}

export async function runDailyPromiseJob(ctx: AppContext): Promise<DailyResult> {
  const core = new PromisesCore(ctx);
  const proposals = new ProposalsService(core);
  const today = core.today();
  const system = { system: '承诺提醒' };
  const result: DailyResult = { proposedReplies: 0, reminders: 0, dueNotices: 0, rateNotices: 0 };

  for (const r of await core.repo.repliesWithoutExtraction()) {
    try {
      await proposals.proposeForReply(r.id, system, 'job');
      result.proposedReplies++;
    } catch (err) {
      // A reply that cannot be read now is tried again tomorrow; the others go on.
      ctx.logger.warn({ err, replyId: r.id }, 'daily promise proposal failed for a reply; retried tomorrow');
    }
  }

  const until = addDays(today, REMIND_DAYS_BEFORE);
  // Linked promises as read (status and a milestone's date from the source), then the same conditions as the SQL.
  const derive = async <T extends { source_kind: string | null; source_id: string | null }>(rows: T[]) =>
    (await core.derive(rows as unknown as PromiseTable[])) as unknown as Array<T & { status: string; due: string | null }>;
  const dueRows = (await derive(await core.repo.dueBy(until))).filter((p) => p.status !== 'done' && p.status !== 'dropped' && p.due !== null && p.due <= until);
  for (const p of dueRows) {
    const label = p.suggestion_number !== null ? `第${p.suggestion_number}号建议` : `建议“${p.suggestion_title}”`;
    const short = p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text;
    const staff = await core.ownerStaff(ctx.db, p.owner_org_id);
    if (p.due! > today) {
      result.reminders += await core.notify(ctx.db, staff, {
        kind: 'promise.due_soon', title: `承诺 ${daysBetween(today, p.due!)} 天后到期：${label}`, link: `/promises/${p.id}`,
        body: `“${short}”的完成时限是 ${p.due}，请及时更新进度；确实无法按期完成的，请办理延期并说明原因。`, key: `promise:${p.id}:due-soon:${p.due}`,
      });
    } else {
      result.dueNotices += await core.notify(ctx.db, staff, {
        kind: 'promise.due', title: `${p.due === today ? '承诺今日到期' : '承诺已到期'}：${label}`, link: `/promises/${p.id}`,
        body: `“${short}”的完成时限是 ${p.due}${p.due === today ? '（今天）' : '，现已逾期'}。请登记完成情况和佐证材料，或办理延期。代表将对落实情况作出评价。`,
        key: `promise:${p.id}:due:${p.due}`,
      });
    }
  }

  const fallen = (await derive(await core.repo.fallenDue(today))).filter((p) => p.status === 'done' || p.status === 'dropped' || (p.due !== null && p.due <= today));
  for (const p of fallen) {
    // Things the reply itself reported as done are rated from the list, without a notice.
    if (p.status === 'done' && p.extracted_status === 'done') continue;
    const reason = p.status === 'done' ? 'done' : p.status === 'dropped' ? 'dropped' : { due: p.due! };
    result.rateNotices += await core.notifyDeputiesToRate(ctx.db, p, reason);
  }
  return result;
}

export function registerPromiseJobs(ctx: AppContext) {
  ctx.jobs.register({
    name: DAILY_JOB,
    schedule: '5 8 * * *',
    handler: async () => {
      await runDailyPromiseJob(ctx);
    },
  });
}
