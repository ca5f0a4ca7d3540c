import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mustActor } from '../http/request-context.js';
import { authorize } from '../policy/policy.js';
import { adminPolicy } from '../../modules/admin/admin.policy.js';
import { parseCalendarLines } from './calendar.service.js';
import { assertDate } from '../../../domain/calendar/dates.js';
import { CalendarCoverageError } from '../../../domain/calendar/types.js';
import { badRequest } from '../errors.js';

const Year = z.coerce.number().int().min(2000, '年度须在 2000–2100 之间').max(2100, '年度须在 2000–2100 之间');

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const cal = () => app.ctx.calendar;

  app.get('/api/calendar/coverage', { schema: { tags: ['工作日历'], summary: '日历覆盖情况与未来 90 天预警' } }, async (req) => {
    mustActor(req.actor);
    return cal().coverage();
  });

  app.get('/api/calendar/years', { schema: { tags: ['工作日历'], summary: '已导入的年度' } }, async (req) => {
    mustActor(req.actor);
    return cal().listYears();
  });

  app.get('/api/calendar/years/:year', { schema: { tags: ['工作日历'], summary: '某年的节假日与调休', params: z.object({ year: Year }) } }, async (req) => {
    mustActor(req.actor);
    return cal().entriesOf(req.params.year);
  });

  app.put('/api/calendar/years/:year', {
    schema: {
      tags: ['工作日历'], summary: '导入或替换一个年度（每行“2027-01-01 休 元旦”或“2027-02-07 班 春节调休上班”）',
      params: z.object({ year: Year }),
      body: z.object({ text: z.string().min(1, '请粘贴节假日安排').max(20_000), source: z.string().trim().min(1, '请填写来源，如国务院办公厅通知文号').max(120) }),
    },
  }, async (req) => {
    const actor = mustActor(req.actor);
    authorize(adminPolicy, actor, 'manageCalendar', null);
    const entries = parseCalendarLines(req.body.text);
    await cal().importYear(actor, req.params.year, entries, req.body.source);
    return { ok: true, count: entries.length };
  });

  // A calculator anyone logged in can use: it shows how a deadline is computed.
  app.get('/api/calendar/compute', {
    schema: {
      tags: ['工作日历'], summary: '期限计算（含计算过程）',
      querystring: z.object({ start: z.string(), n: z.coerce.number().int().min(0).max(400), unit: z.enum(['workdays', 'months']) }),
    },
  }, async (req) => {
    mustActor(req.actor);
    let start: string;
    try { start = assertDate(req.query.start); } catch (e) { return badRequest(e instanceof Error ? e.message : '日期无效', 'invalid_date'); }
    // The same rule as every deadline of the application: a year not imported counts weekends only, and says so.
    const pc = await cal().provisional();
    try {
      const r = req.query.unit === 'workdays' ? pc.workdays(start, req.query.n) : pc.months(start, req.query.n);
      return { date: r.date, explanation: r.lines, provisional: r.provisional ?? false };
    } catch (e) {
      if (e instanceof CalendarCoverageError) return badRequest(e.message, 'calendar_not_covered');
      throw e;
    }
  });
};
