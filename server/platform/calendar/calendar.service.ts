import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { Actor } from '../auth/roles.js';
import { WorkCalendar, CalendarDataError, type CalendarEntry } from '../../../domain/calendar/types.js';
import { addDays } from '../../../domain/calendar/dates.js';
import { provisionalCalendar, provisionalNote, type ProvisionalCalendar } from '../../../domain/calendar/provisional.js';
import { recordAudit } from '../audit/audit.js';
import { badRequest } from '../errors.js';

const CACHE_MS = 30_000;

export interface CalendarCoverage {
  years: number[];
  today: string;
  horizon: string;
  coversHorizon: boolean;
  missingYears: number[];
  warning: string | null;
}

/**
 * The working-day calendar as the database holds it. Cached briefly: another instance's import shows here
 * within half a minute, and at once in the instance that made it.
 */
export class CalendarService {
  private cached: { at: number; cal: WorkCalendar } | null = null;

  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async get(): Promise<WorkCalendar> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.cal;
    const [years, entries] = await Promise.all([
      this.db.selectFrom('calendar_year').select('year').orderBy('year').execute(),
      this.db.selectFrom('work_calendar').select(['date', 'kind', 'name']).orderBy('date').execute(),
    ]);
    const cal = WorkCalendar.from(entries as CalendarEntry[], years.map((y) => Number(y.year)));
    this.cached = { at: now, cal };
    return cal;
  }

  invalidate() {
    this.cached = null;
  }

  /**
   * The calendar every deadline of the application is computed with: the imported years, and weekends only for a
   * year not imported yet, with the note that says so (domain/calendar/provisional.ts). Only the CLI refuses such
   * years instead.
   */
  async provisional(): Promise<ProvisionalCalendar> {
    return provisionalCalendar(await this.get());
  }

  /**
   * Warns when the calendar does not reach 90 days ahead. Deadlines past that point are computed with weekends
   * only; the warning says so in the words their explanations use.
   */
  async coverage(): Promise<CalendarCoverage> {
    const cal = await this.get();
    const today = this.clock.today();
    const horizon = addDays(today, 90);
    const missingYears = cal.missingYears(today, horizon);
    return {
      years: [...cal.years],
      today,
      horizon,
      coversHorizon: missingYears.length === 0,
      missingYears,
      warning: missingYears.length
        ? `工作日历未覆盖未来 90 天（至 ${horizon}）：${provisionalNote(missingYears)}。请系统管理员尽快导入该年度节假日安排。`
        : null,
    };
  }

  async listYears() {
    const rows = await this.db.selectFrom('calendar_year').selectAll().orderBy('year').execute();
    const counts = await this.db.selectFrom('work_calendar').select(['year', 'kind']).select((e) => e.fn.countAll<number>().as('n')).groupBy(['year', 'kind']).execute();
    return rows.map((r) => ({
      year: Number(r.year),
      source: r.source,
      importedAt: r.imported_at,
      holidays: Number(counts.find((c) => Number(c.year) === Number(r.year) && c.kind === 'holiday')?.n ?? 0),
      workdays: Number(counts.find((c) => Number(c.year) === Number(r.year) && c.kind === 'workday')?.n ?? 0),
    }));
  }

  async entriesOf(year: number) {
    return this.db.selectFrom('work_calendar').select(['date', 'kind', 'name']).where('year', '=', year).orderBy('date').execute();
  }

  /** Adds or replaces one year's arrangement as a whole; the old entries are in the audit log. */
  async importYear(actor: Actor, year: number, entries: CalendarEntry[], source: string) {
    for (const e of entries) if (!e.date.startsWith(`${year}-`)) badRequest(`条目 ${e.date} 不属于 ${year} 年`, 'calendar_invalid');
    try {
      WorkCalendar.from(entries, [year]);
    } catch (err) {
      if (err instanceof CalendarDataError) badRequest(err.message, 'calendar_invalid');
      throw err;
    }
    const now = this.clock.nowIso();
    await this.db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('work_calendar').select(['date', 'kind', 'name']).where('year', '=', year).orderBy('date').execute();
      await tx.deleteFrom('work_calendar').where('year', '=', year).execute();
      await tx.deleteFrom('calendar_year').where('year', '=', year).execute();
      await tx.insertInto('calendar_year').values({ year, source, imported_at: now, imported_by: actor.userId }).execute();
      for (const e of entries) {
        await tx.insertInto('work_calendar').values({ date: e.date, year, kind: e.kind, name: e.name, created_at: now }).execute();
      }
      await recordAudit(tx, this.clock, actor, {
        action: 'calendar.import_year', entityType: 'calendar_year', entityId: String(year),
        before: before.length ? before : null, after: { source, entries },
      });
    });
    this.invalidate();
  }
}

/**
 * Reads an arrangement typed or pasted by an admin, one day per line:
 * `2027-01-01 休 元旦` (day off) or `2027-02-07 班 春节调休上班` (make-up working day).
 * Ranges are allowed for days off: `2027-02-05~2027-02-11 休 春节`.
 */
export function parseCalendarLines(text: string): CalendarEntry[] {
  const out: CalendarEntry[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s*[~～至]\s*(\d{4}-\d{2}-\d{2}))?\s+(休|班|holiday|workday)\s+(.+)$/.exec(line);
    if (!m) badRequest(`第 ${i + 1} 行格式不正确：“${line}”，应为“2027-01-01 休 元旦”或“2027-02-07 班 春节调休上班”`, 'calendar_invalid');
    const [, from, to, kindWord, name] = m!;
    const kind = kindWord === '班' || kindWord === 'workday' ? 'workday' : 'holiday';
    if (to && kind === 'workday') badRequest(`第 ${i + 1} 行：调休上班日请逐日填写`, 'calendar_invalid');
    let d = from;
    const end = to ?? from;
    if (end < from) badRequest(`第 ${i + 1} 行：结束日期早于开始日期`, 'calendar_invalid');
    for (let guard = 0; d <= end && guard < 40; guard++, d = addDays(d, 1)) out.push({ date: d, kind, name: name.trim() });
  });
  return out;
}
