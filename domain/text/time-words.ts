/**
 * Time expressions in the text of a reply (年底, 有望8月份, 明年上半年, 三季度, 10个工作日内, 2025年3月 …)
 * and the due date each one means, relative to the reply's own date. Every date says how it was found.
 *
 * Conventions: a year means its 12-31, a month its last day, a quarter its last day, 上旬 the 10th,
 * 中旬 the 20th, 下旬 the month's end. A month or season written without a year that is already over
 * on the reply date means the next one. Without a reply date, relative words resolve to null.
 */
import { addWorkingDays, officialCalendar, provisionalCalendar, provisionalNote, type ProvisionalCalendar } from '../calendar/index.js';
import { addCalendarMonths as addMonths, addDays, joinDate as ymd, monthEnd, tryParseDate as parseYmd } from '../calendar/dates.js';

export type TimeKind = 'deadline' | 'weak' | 'background';

export interface TimeHit {
  /** Position in the text searched, and the words matched. */
  index: number;
  end: number;
  raw: string;
  /**
   * `deadline`: a date the promise is due by (年底, 8月份, 明年, 2025年3月, 30日内);
   * `weak`: the current year named as a period (今年, 全年, 本年度, the reply's own year): a due date only
   *   for a clause that is a promise for another reason;
   * `background`: a period that frames facts (今年以来, 截至6月底, 以2023年为例, 自2025年起).
   */
  kind: TimeKind;
  /** The due date read as a promise (a past month without a year moves to the next year); null when unknown. */
  due: string | null;
  /** The date as written, without moving to the next year (used for things already done). */
  asWritten: string | null;
  /** A year was named (2025年, 今年, 明年, 去年 …). */
  explicitYear: boolean;
  /** The period was over before the reply date although its year was named (去年, 2023年, 今年3月 in August). */
  past: boolean;
  /** A month or season without a year had passed and was taken to mean next year's. */
  rolled: boolean;
  /** Chinese explanation, e.g. "年底 → 2024-12-31（答复日期2024-08-22所在年度的最后一天）". */
  rule: string;
}

// ------------------------------------------------------------------ numerals

const SMALL_CN: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 8 → 8, 十二 → 12, 二十五 → 25, 一百 → 100, 两 → 2; null when not a small number. */
export function smallNumber(raw: string): number | null {
  if (/^\d+$/.test(raw)) return Number(raw);
  if (!/^[零〇○一二两三四五六七八九十百]+$/.test(raw)) return null;
  let total = 0;
  let pending = 0;
  let seen = false;
  for (const ch of raw) {
    if (ch === '十') {
      total += (seen ? pending : 1) * 10;
      pending = 0;
      seen = false;
    } else if (ch === '百') {
      total += (seen ? pending : 1) * 100;
      pending = 0;
      seen = false;
    } else {
      pending = SMALL_CN[ch];
      seen = true;
    }
  }
  return total + pending;
}

const N = '(\\d{1,2}|[一二三四五六七八九十两]{1,3})';
const NUM_ANY = '(\\d{1,4}|[一二三四五六七八九十两百]{1,4})';

// ------------------------------------------------------------------ patterns

const YEAR_RE = new RegExp(
  '(?:(\\d{4})\\s*年(?:度)?|(二[〇零○][一二三四五六七八九〇零○]{2})年(?:度)?|' +
    '(今年|本年度|本年|当年|明年|次年|下一年度|下一年|来年|下年度|后年|去年|上一年度|上年度|上一年|上年|前年))',
  'y',
);
const BEFORE = '(?:之前|以前|前)?';
const DATE_RE = new RegExp(`${N}月${N}[日号]${BEFORE}`, 'y');
const MONTH_RANGE_RE = new RegExp(`${N}(?:至|到|-|—|~|－|～)${N}月份?(?:底|末)?${BEFORE}`, 'y');
const MONTH_RE = new RegExp(`${N}月(份)?(上中旬|中下旬|上旬|中旬|下旬|初|底|末|中)?(之前|以前|前)?`, 'y');
const QUARTER_RE = new RegExp(`(前三季度|(?:第)?([一二三四1-4])季度)(?:末|底)?${BEFORE}`, 'y');
const HALF_RE = new RegExp(`(上半年|下半年|年底|年末|年内|年终)${BEFORE}`, 'y');
const YEAR_TAIL_RE = new RegExp(`(底|末|内|终)${BEFORE}`, 'y');
const SEASON_RE = /(?:([春夏秋冬])季(之前|以前|前)?|入([冬夏秋])(?:之前|以前|前))/y;
const FESTIVAL_RE = /(春节|国庆节?|元旦|五一|劳动节)(?:之前|以前|前)/y;
const WEAK_RE = /全年/y;
const DURATION_RE = new RegExp(`${NUM_ANY}(个)?(工作日|自然日|日历日|天|日|周|星期|月|年)(?:之内|以内|内)`, 'y');
const HALF_DURATION_RE = /半(个)?(月|年)(?:之内|以内|内)/y;
const REL_MONTH_RE = /(本月|当月|下月|下个月|次月|月)(上旬|中旬|下旬|底|末|内)(之前|以前|前)?|(本月|当月|下月|下个月|次月)/y;
const CUTOFF_BEFORE = /(截至|截止|截止到|截至到|截止至|自|从)\s*$/;
const PLAN_AFTER = /^[^，。；、,;]{0,14}?(计划|规划|预算|方案|要点|清单|项目库|目录)/;
const FRAME_AFTER = /^(以来|来|至今|为例|为止|以后|之后|后|开始|起)/;

/** Lunar new year (正月初一) of the years a reply may name; the eve before it is the deadline of 春节前. */
const SPRING_FESTIVAL: Record<number, string> = {
  2018: '2018-02-16', 2019: '2019-02-05', 2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01',
  2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06',
  2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03', 2031: '2031-01-23', 2032: '2032-02-11',
  2033: '2033-01-31', 2034: '2034-02-19', 2035: '2035-02-08', 2036: '2036-01-28', 2037: '2037-02-15',
  2038: '2038-02-04', 2039: '2039-01-24', 2040: '2040-02-12',
};

// ------------------------------------------------------------------ year prefix

interface YearRef {
  end: number;
  raw: string;
  /** Absolute year, or an offset from the reply's year. */
  abs: number | null;
  offset: number;
  /** 今年 / 本年度 / 当年: the present year named as such. */
  present: boolean;
}

function matchYear(s: string, i: number): YearRef | null {
  YEAR_RE.lastIndex = i;
  const m = YEAR_RE.exec(s);
  if (!m) return null;
  if (m[1] !== undefined || m[2] !== undefined) {
    // A number glued to more digits before it (a phone number, 12024年) is not a year.
    if (i > 0 && /\d/.test(s[i - 1])) return null;
    const y = m[1] !== undefined ? Number(m[1]) : digitByDigit(m[2]);
    if (y < 1949 || y > 2100) return null;
    return { end: i + m[0].length, raw: m[0], abs: y, offset: 0, present: false };
  }
  const w = m[3];
  const offset =
    w === '明年' || w === '次年' || w.startsWith('下') || w === '来年' ? 1 :
    w === '后年' ? 2 :
    w === '去年' || w.startsWith('上') ? -1 :
    w === '前年' ? -2 : 0;
  return { end: i + m[0].length, raw: w, abs: null, offset, present: offset === 0 };
}

function digitByDigit(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 10 + (SMALL_CN[ch] ?? 0);
  return n;
}

// ------------------------------------------------------------------ periods

/** A period read from the text: the last day it allows, built for a given year. */
interface Period {
  end: number;
  raw: string;
  at: (year: number) => string | null;
  /** Why this day, for the explanation. */
  why: string;
  /** 年底 / 年内 / 下半年 …: a period of the year as a whole (never over before the year ends). */
  yearEnd: boolean;
}

function matchPeriod(s: string, i: number, afterYear: boolean): Period | null {
  let m: RegExpExecArray | null;

  DATE_RE.lastIndex = i;
  if ((m = DATE_RE.exec(s))) {
    const mo = smallNumber(m[1]);
    const d = smallNumber(m[2]);
    if (mo !== null && d !== null && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
      return {
        end: i + m[0].length, raw: m[0], yearEnd: false, why: '写明的日期',
        at: (y) => (parseYmd(ymd(y, mo, d)) ? ymd(y, mo, d) : null),
      };
    }
  }

  MONTH_RANGE_RE.lastIndex = i;
  if ((m = MONTH_RANGE_RE.exec(s))) {
    const a = smallNumber(m[1]);
    const b = smallNumber(m[2]);
    if (a !== null && b !== null && a >= 1 && b <= 12 && a < b) {
      return { end: i + m[0].length, raw: m[0], yearEnd: false, why: `按${b}月的最后一天计`, at: (y) => monthEnd(y, b) };
    }
  }

  MONTH_RE.lastIndex = i;
  if ((m = MONTH_RE.exec(s))) {
    const mo = smallNumber(m[1]);
    const next = s[i + m[0].length] ?? '';
    if (mo !== null && mo >= 1 && mo <= 12 && next !== '度') {
      // "6月前" is read like "6月底前": a month means its last day.
      const part = m[3];
      const end = i + m[0].length;
      const raw = m[0];
      if (part === '中' && s.slice(end, end + 2) === '下旬') {
        // 月中下旬: the later of the two
        return { end: end + 2, raw: raw + '下旬', yearEnd: false, why: '中下旬按当月最后一天计', at: (y) => monthEnd(y, mo) };
      }
      const day = part === '上旬' || part === '初' ? 10 : part === '中旬' || part === '上中旬' ? 20 : part === '中' ? 15 : null;
      const why =
        day === 10 ? `${part}按当月10日计` : day === 20 ? `${part}按当月20日计` : day === 15 ? '月中按当月15日计' :
        '按当月最后一天计';
      return { end, raw, yearEnd: false, why, at: (y) => (day ? ymd(y, mo, day) : monthEnd(y, mo)) };
    }
  }

  QUARTER_RE.lastIndex = i;
  if ((m = QUARTER_RE.exec(s))) {
    const q = m[1] === '前三季度' ? 3 : smallNumber(m[2]) ?? Number(m[2]);
    if (q >= 1 && q <= 4) {
      return {
        end: i + m[0].length, raw: m[0], yearEnd: q === 4, why: `第${'一二三四'[q - 1]}季度末`,
        at: (y) => monthEnd(y, q * 3),
      };
    }
  }

  HALF_RE.lastIndex = i;
  if ((m = HALF_RE.exec(s))) {
    const w = m[1];
    const mid = w === '上半年';
    return {
      end: i + m[0].length, raw: m[0], yearEnd: !mid,
      why: mid ? `${w}按6月30日计` : `${w}按当年最后一天计`,
      at: (y) => (mid ? ymd(y, 6, 30) : ymd(y, 12, 31)),
    };
  }

  if (afterYear) {
    YEAR_TAIL_RE.lastIndex = i;
    if ((m = YEAR_TAIL_RE.exec(s))) {
      return { end: i + m[0].length, raw: m[0], yearEnd: true, why: `年${m[1]}按当年最后一天计`, at: (y) => ymd(y, 12, 31) };
    }
    // 今年年底, 2025年年内
    if (s[i] === '年') {
      const inner = matchPeriod(s, i, false);
      if (inner && inner.yearEnd) return inner;
    }
  }

  SEASON_RE.lastIndex = i;
  if ((m = SEASON_RE.exec(s))) {
    const season = m[1] ?? m[3];
    const before = m[2] !== undefined || m[3] !== undefined;
    // 春 3–5月, 夏 6–8月, 秋 9–11月, 冬 12月至次年2月; "冬季前" / "入冬前" is before the season begins.
    const first = season === '春' ? 3 : season === '夏' ? 6 : season === '秋' ? 9 : 12;
    if (before) {
      const prev = first - 1;
      return {
        end: i + m[0].length, raw: m[0], yearEnd: false, why: `${season}季开始之前，按${prev}月最后一天计`,
        at: (y) => monthEnd(y, prev),
      };
    }
    return {
      end: i + m[0].length, raw: m[0], yearEnd: false, why: `${season}季按${season === '冬' ? '次年2月' : `${first + 2}月`}最后一天计`,
      at: (y) => (season === '冬' ? monthEnd(y + 1, 2) : monthEnd(y, first + 2)),
    };
  }

  FESTIVAL_RE.lastIndex = i;
  if ((m = FESTIVAL_RE.exec(s))) {
    const f = m[1];
    if (f === '春节') {
      return {
        end: i + m[0].length, raw: m[0], yearEnd: false, why: '春节前，按除夕计',
        at: (y) => (SPRING_FESTIVAL[y] ? addDays(SPRING_FESTIVAL[y], -1) : null),
      };
    }
    const [mo, d, label] = f.startsWith('国庆') ? [9, 30, '国庆节前按9月30日计'] : f === '元旦' ? [12, 31, '元旦前按12月31日计'] : [4, 30, '五一前按4月30日计'];
    return { end: i + m[0].length, raw: m[0], yearEnd: false, why: label as string, at: (y) => ymd(y, mo as number, d as number) };
  }
  return null;
}

// ------------------------------------------------------------------ scanner

let calendarCache: ProvisionalCalendar | null | undefined;
/** The built-in calendar, with a year it does not hold counted with weekends only (the rule of every deadline). */
function calendar(): ProvisionalCalendar | null {
  if (calendarCache === undefined) {
    try {
      calendarCache = provisionalCalendar(officialCalendar());
    } catch {
      calendarCache = null;
    }
  }
  return calendarCache;
}

function fmt(raw: string, due: string | null, why: string): string {
  return due ? `${raw} → ${due}（${why}）` : `${raw} → 无法确定（${why}）`;
}

/** Full-width digits to ASCII, keeping every index in place. */
export function normalizeDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Every time expression in `text`, left to right, each resolved against the reply date
 * (null when the reply has none: relative words then give no date, never a guess).
 */
export function findTimeExpressions(text: string, replyDate: string | null): TimeHit[] {
  const s = normalizeDigits(String(text ?? ''));
  const reply = parseYmd(replyDate);
  const replyIso = reply ? ymd(reply.year, reply.month, reply.day) : null;
  const out: TimeHit[] = [];
  let i = 0;
  while (i < s.length) {
    const hit = matchAt(s, i, reply?.year ?? null, replyIso);
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else {
      i++;
    }
  }
  return out;
}

function matchAt(s: string, i: number, replyYear: number | null, replyIso: string | null): TimeHit | null {
  // Inside a longer number (5241566) or right after 第 (第十中学): not a time.
  if (i > 0 && /\d/.test(s[i - 1]) && /\d/.test(s[i])) return null;
  const yr = matchYear(s, i);
  if (yr && !(yr.raw === '当年' && s[i - 1] === '相')) {
    const period = matchPeriod(s, yr.end, true);
    const year = yr.abs ?? (replyYear !== null ? replyYear + yr.offset : null);
    const relWhy = yr.abs === null ? (replyYear === null ? '答复未注明日期，无法推算' : null) : null;
    if (period) {
      const raw = s.slice(i, period.end);
      const due = year === null ? null : period.at(year);
      const why = relWhy ?? `${yearWhy(yr, year)}，${period.why}`;
      return finish(s, i, period.end, raw, due, due, true, false, 'deadline', why, replyIso);
    }
    const raw = yr.raw;
    const due = year === null ? null : ymd(year, 12, 31);
    const weak = yr.present || (yr.abs !== null && yr.abs === replyYear);
    const why = relWhy ?? `${yearWhy(yr, year)}，按当年最后一天计`;
    return finish(s, i, yr.end, raw, due, due, true, false, weak ? 'weak' : 'deadline', why, replyIso);
  }
  if (i > 0 && s[i - 1] === '第' && !/季/.test(s.slice(i, i + 4))) return null;
  if (i > 0 && /[\d一二三四五六七八九十两]/.test(s[i - 1]) && /[\d一二三四五六七八九十两]/.test(s[i])) return null;

  const period = matchPeriod(s, i, false);
  if (period) {
    const raw = s.slice(i, period.end);
    if (replyYear === null || replyIso === null) {
      return finish(s, i, period.end, raw, null, null, false, false, 'deadline', '答复未注明日期，无法推算', replyIso);
    }
    const asWritten = period.at(replyYear);
    let due = asWritten;
    let rolled = false;
    let why = `按答复年份${replyYear}年，${period.why}`;
    if (due !== null && due < replyIso) {
      const next = period.at(replyYear + 1);
      if (next !== null) {
        due = next;
        rolled = true;
        why = `未写年份且答复日期${replyIso}时已过，按次年（${replyYear + 1}年）计，${period.why}`;
      }
    }
    return finish(s, i, period.end, raw, due, asWritten, false, rolled, 'deadline', why, replyIso);
  }

  WEAK_RE.lastIndex = i;
  let m = WEAK_RE.exec(s);
  if (m) {
    const due = replyYear === null ? null : ymd(replyYear, 12, 31);
    const why = replyYear === null ? '答复未注明日期，无法推算' : `全年指答复年份${replyYear}年，按当年最后一天计`;
    return finish(s, i, i + m[0].length, m[0], due, due, true, false, 'weak', why, replyIso);
  }

  DURATION_RE.lastIndex = i;
  m = DURATION_RE.exec(s);
  if (m) return duration(s, m[0], smallNumber(m[1]), m[3], i, replyIso);
  HALF_DURATION_RE.lastIndex = i;
  m = HALF_DURATION_RE.exec(s);
  if (m) return m[2] === '年' ? duration(s, m[0], 6, '月', i, replyIso) : duration(s, m[0], 15, '日', i, replyIso);

  REL_MONTH_RE.lastIndex = i;
  m = REL_MONTH_RE.exec(s);
  if (m && !(m[4] === undefined && m[1] === '月' && i > 0 && /[\u4e00-\u9fa5\d]/.test(s[i - 1]) && !/[，、。；：\s]/.test(s[i - 1]))) {
    return relativeMonth(s, i, m, replyIso);
  }
  return null;
}

function relativeMonth(s: string, i: number, m: RegExpExecArray, replyIso: string | null): TimeHit | null {
  const which = m[1] ?? m[4];
  const part = m[2];
  const raw = m[0];
  const end = i + raw.length;
  if (which === '月' && part === undefined) return null;
  if (replyIso === null) return finish(s, i, end, raw, null, null, false, false, 'deadline', '答复未注明日期，无法推算', replyIso);
  const base = parseYmd(which.startsWith('下') || which === '次月' ? addMonths(replyIso, 1) : replyIso)!;
  const day = part === '上旬' ? 10 : part === '中旬' ? 20 : null;
  const due = day ? ymd(base.year, base.month, day) : monthEnd(base.year, base.month);
  const why = `${which === '月' ? '本月' : which}指${base.year}年${base.month}月，${day ? `${part}按${day}日计` : '按当月最后一天计'}`;
  return finish(s, i, end, raw, due, due, true, false, 'deadline', why, replyIso);
}

function yearWhy(yr: YearRef, year: number | null): string {
  if (yr.abs !== null) return `${yr.abs}年`;
  return `${yr.raw}即${year}年`;
}

/** 收到申请后 / 自受理之日起 … N日内: the period runs from another event, not from the reply. */
const LIMIT_BEFORE = /(压缩|缩短|缩减|控制|减少|降低|提速|不超过|不多于|最多|平均)(到|至|在|为)?\s*$/;
const EVENT_START = /(后|起|之日|以后|之后)[^，。；]{0,3}$|(诉求|申请|投诉|举报|咨询|来电|工单|案件|材料|件)[^，。；、]{0,2}$/;

function duration(s: string, raw: string, n: number | null, unit: string, i: number, replyIso: string | null): TimeHit | null {
  if (n === null || n <= 0 || n > 3650) return null;
  const end = i + raw.length;
  const mk = (due: string | null, why: string): TimeHit => ({
    index: i, end, raw, kind: 'deadline', due, asWritten: due, explicitYear: false, past: false, rolled: false,
    rule: fmt(raw, due, why),
  });
  const lead = s.slice(Math.max(0, i - 12), i);
  // 压缩至3个工作日以内: a time limit to reach, not a deadline.
  if (LIMIT_BEFORE.test(lead)) return null;
  if (EVENT_START.test(lead)) return mk(null, '期限自其他事件起算，不是答复日期');
  if (replyIso === null) return mk(null, '答复未注明日期，无法推算');
  if (unit === '工作日') {
    const cal = calendar();
    if (!cal) return mk(null, '工作日历不可用，无法推算工作日');
    try {
      const r = addWorkingDays(cal.cal, replyIso, n);
      const skipped = r.explanation.filter((e) => e.kind === 'holiday' || e.kind === 'weekend').length;
      const years = cal.provisionalYears(replyIso, r.date);
      const note = years.length ? `；${provisionalNote(years)}` : '';
      return mk(r.date, `自答复日期${replyIso}次日起算${n}个工作日，跳过${skipped}个休息日和节假日${note}`);
    } catch {
      return mk(null, '日期超出工作日历可推算的范围，无法推算工作日');
    }
  }
  if (unit === '月') return mk(addMonths(replyIso, n), `自答复日期${replyIso}起${n}个月`);
  if (unit === '年') return mk(addMonths(replyIso, n * 12), `自答复日期${replyIso}起${n}年`);
  const days = unit === '周' || unit === '星期' ? n * 7 : n;
  return mk(addDays(replyIso, days), `自答复日期${replyIso}起${days}个自然日`);
}

function finish(
  s: string, index: number, end: number, raw: string, due: string | null, asWritten: string | null,
  explicitYear: boolean, rolled: boolean, kind: TimeKind, why: string, replyIso: string | null,
): TimeHit {
  const before = s.slice(Math.max(0, index - 4), index);
  const after = s.slice(end, end + 3);
  let k = kind;
  // 截至6月底 / 自2025年起: a frame for facts, not a deadline.
  if (CUTOFF_BEFORE.test(before)) k = 'background';
  if (FRAME_AFTER.test(after)) k = 'background';
  // 纳入2025年建设计划: the year names a plan, not a deadline of its own.
  if (k === 'deadline' && /年度?$/.test(raw) && PLAN_AFTER.test(s.slice(end, end + 12))) k = 'weak';
  const past = explicitYear && due !== null && replyIso !== null && due < replyIso;
  // 2000年以前建成的小区, 2015年建成的小区: a past year describing a thing, not the time of the clause.
  if (past && /年度?$/.test(raw) && (/^(以前|之前|前)/.test(after) || /^[^，。；、]{0,6}的/.test(s.slice(end, end + 7)))) {
    k = 'background';
  }
  return {
    index, end, raw, kind: k, due, asWritten, explicitYear, past, rolled,
    rule: k === 'background' ? `${raw}：表示时间背景，不是期限` : fmt(raw, due, why),
  };
}

// ------------------------------------------------------------------ open-ended words

/** Words that announce an intention without a date (下一步, 尽快, 持续 …). */
export const OPEN_ENDED_WORDS = ['下一步', '下步', '下阶段', '接下来', '近期', '尽快', '今后', '持续', '逐步', '适时', '长期', '将来', '未来'] as const;

export function openEndedWord(text: string): string | null {
  for (const w of OPEN_ENDED_WORDS) if (text.includes(w)) return w;
  return null;
}

/**
 * The due date a piece of text gives, for callers that want one answer: the first deadline (or, failing
 * that, the first current-year word). `openEnded` is true when the text names no time at all.
 */
export function resolveDue(text: string, replyDate: string | null): { due: string | null; rule: string | null; openEnded: boolean; hit: TimeHit | null } {
  const hits = findTimeExpressions(text, replyDate).filter((h) => h.kind !== 'background');
  const hit = hits.find((h) => h.kind === 'deadline') ?? hits[0] ?? null;
  if (!hit) {
    const w = openEndedWord(text);
    return { due: null, rule: w ? `${w}：未写明期限` : null, openEnded: true, hit: null };
  }
  return { due: hit.due, rule: hit.rule, openEnded: false, hit };
}
