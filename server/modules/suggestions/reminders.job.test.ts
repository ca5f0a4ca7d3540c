import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, TEST_DIALECT, type TestEnv } from '../../testing/harness.js';
import { JobRunner } from '../../platform/jobs/job-runner.js';
import { officialCalendar } from '../../../domain/calendar/official.js';
import { DEFAULT_REMINDERS } from './rule-set.js';
import { reminderDue, sendDueReminders, suggestionReminderJob, REMINDER_JOB } from './reminders.job.js';
import { demoIds, notificationsOf, ok } from './suggestions.test-helpers.js';

const cal = officialCalendar();

describe('which reminder fires when', () => {
  // Due Monday 2024-12-30; rules: 10 working days before, on the day, every 5 working days overdue.
  const due = '2024-12-30';
  const fire = (today: string) => reminderDue(cal, today, due, DEFAULT_REMINDERS)?.kind ?? null;
  it('10 working days before, on the day, and on the 1st, 6th, 11th working day late', () => {
    expect(fire('2024-12-13')).toBeNull();
    expect(fire('2024-12-16')).toBe('before10');
    expect(fire('2024-12-17')).toBeNull();
    expect(fire('2024-12-30')).toBe('on_day');
    expect(fire('2024-12-31')).toBe('overdue1');
    expect(fire('2025-01-02')).toBeNull();
    // 12-31, 01-02, 03, 06, 07, 08: the 6th working day late (New Year's Day does not count).
    expect(fire('2025-01-08')).toBe('overdue6');
    expect(fire('2025-01-15')).toBe('overdue11');
  });
});

describe('the reminder job', () => {
  let env: TestEnv;
  let id: string;
  const at8 = (date: string) => `${date}T00:00:30.000Z`; // 08:00:30 in Beijing

  beforeAll(async () => {
    env = await createTestEnv({ now: at8('2024-09-30') });
    const ids = await demoIds(env);
    const organizer = await env.as('organizer');
    let s = ok(await organizer.post('/api/suggestions', { sessionId: ids.session('七届六次'), title: '关于提醒测试的建议', body: '用于测试到期提醒的建议内容。', category: '其他', leadDeputyId: ids.deputy('李科') }));
    s = ok(await organizer.post(`/api/suggestions/${s.id}/admit`, { version: s.version }));
    s = ok(await organizer.post(`/api/suggestions/${s.id}/assign`, { version: s.version, leadUnitId: ids.org('工信局'), coUnitIds: [ids.org('恒通集团')] }));
    expect(s.dueDate).toBe('2024-12-30');
    id = s.id;
  });
  afterAll(async () => { await env.close(); });

  const kinds = async (user: string) => (await notificationsOf(env, user, id)).filter((n) => n.kind !== 'suggestion.assigned').map((n) => n.title);

  it('reminds the co-unit of its opinion on the day it is due, once', async () => {
    env.clock.set(at8('2024-10-30'));
    await sendDueReminders(env.ctx);
    await sendDueReminders(env.ctx);
    expect(await kinds('hengtong')).toEqual(['协办意见提醒：第' + (await number()) + '号建议今天到期']);
    expect(await kinds('gongxin')).toEqual([]);
  });

  it('reminds the lead unit 10 working days before, once however often it runs', async () => {
    env.clock.set(at8('2024-12-16'));
    for (let i = 0; i < 3; i++) await sendDueReminders(env.ctx);
    expect(await kinds('gongxin')).toEqual([`到期提醒：第${await number()}号建议还剩 10 个工作日`]);
  });

  it('on the day, then overdue to the unit and the organizer; nothing on a holiday', async () => {
    env.clock.set(at8('2024-12-30'));
    await sendDueReminders(env.ctx);
    env.clock.set(at8('2024-12-31'));
    await sendDueReminders(env.ctx);
    env.clock.set(at8('2025-01-01'));
    expect(await sendDueReminders(env.ctx)).toEqual({ checked: 0, sent: 0 });
    const titles = await kinds('gongxin');
    expect(titles.slice(-2)).toEqual([`到期提醒：第${await number()}号建议今天到期`, `逾期提醒：第${await number()}号建议已逾期 1 个工作日`]);
    expect(await kinds('organizer')).toEqual([`逾期提醒：第${await number()}号建议已逾期 1 个工作日`]);
  });

  it('the scheduled job sends the day\'s reminders; two instances on one PostgreSQL database send each once', async () => {
    env.clock.set(at8('2025-01-08'));
    const runners = [new JobRunner(env.ctx.db, env.clock, 'A')];
    runners[0].register(suggestionReminderJob(env.ctx));
    if (TEST_DIALECT === 'postgres') {
      const second = await env.secondInstance();
      const b = new JobRunner(second.ctx.db, env.clock, 'B');
      b.register(suggestionReminderJob(second.ctx));
      runners.push(b);
      // And the bare function, raced on both instances: the dedupe keys keep it to one notice per person.
      await Promise.all([sendDueReminders(env.ctx), sendDueReminders(second.ctx), sendDueReminders(env.ctx), sendDueReminders(second.ctx)]);
    }
    const ran = (await Promise.all(runners.flatMap((r) => [r.tick(), r.tick()]))).flat();
    expect(ran.filter((j) => j.startsWith(`${REMINDER_JOB}@`))).toEqual([`${REMINDER_JOB}@2025-01-08T00:00:00.000Z`]);
    const overdue6 = (await kinds('gongxin')).filter((t) => t.includes('已逾期 6 个工作日'));
    expect(overdue6).toHaveLength(1);
    expect((await kinds('organizer')).filter((t) => t.includes('已逾期 6 个工作日'))).toHaveLength(1);
  });

  it('stops once the reply is in', async () => {
    const gongxin = await env.as('gongxin');
    const d = ok(await gongxin.get(`/api/suggestions/${id}`));
    const lead = d.assignments.find((a: any) => a.role === 'lead');
    ok(await gongxin.post(`/api/assignments/${lead.id}/accept`, { version: lead.version }));
    let r = ok(await gongxin.get(`/api/suggestions/${id}`)).replies[0];
    r = ok(await gongxin.post(`/api/replies/${r.id}/points`, { heading: '答复要点', text: '已落实。' })).replies[0];
    r = ok(await gongxin.patch(`/api/replies/${r.id}`, { version: r.version, classCode: 'A', signer: '王建军', contactPerson: '李晓东' })).replies[0];
    ok(await gongxin.post(`/api/replies/${r.id}/submit`, { version: r.version }));
    const before = (await kinds('gongxin')).length;
    env.clock.set(at8('2025-01-15'));
    await sendDueReminders(env.ctx);
    expect((await kinds('gongxin')).length).toBe(before);
  });

  async function number() {
    return (await env.ctx.db.selectFrom('suggestion').select('number').where('id', '=', id).executeTakeFirstOrThrow()).number;
  }
});
