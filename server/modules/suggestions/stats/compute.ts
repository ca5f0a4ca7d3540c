/**
 * Handling statistics per unit and per session, pure: 交办件数, 办复 and 按时办复, 办复率, 满意率 (first round and
 * final), the classification mix, returns and extensions, and the average time to reply in calendar and
 * working days. Every rate is null when there is nothing to divide by.
 */
import { daysBetween, todayInShanghai, type WorkCalendar } from '../../../../domain/calendar/index.js';
import { workingDaysBetween } from '../../../../domain/calendar/workdays.js';
import { roundOutcome, type Satisfaction } from '../../../../domain/suggestion-states.js';

export interface StatsInput {
  today: string;
  suggestions: Array<{ id: string; session_id: string; lead_unit_id: string | null; state: string; assigned_on: string | null; reply_due: string | null; extended_due: string | null; final_satisfaction: string | null }>;
  /** Every assignment of those suggestions (lead and co, active or returned). */
  assignments: Array<{ id: string; suggestion_id: string; unit_id: string; role: string; state: string; assigned_on: string; return_requested_at: string | null; return_decision: string | null }>;
  replies: Array<{ id: string; suggestion_id: string; round: number; state: string; unit_id: string; submitted_at: string | null; due_on: string | null; class_code: string | null }>;
  ratings: Array<{ reply_id: string; deputy_id: string; satisfaction: string }>;
  /** Signers expected to rate each suggestion (lead + accepted co-signers). */
  expectedRaters: Map<string, number>;
  extensions: Array<{ assignment_id: string; state: string }>;
}

export interface SatisfactionTally { rated: number; satisfied: number; basically: number; dissatisfied: number; rate: number | null }

export interface StatsRow {
  assigned: number;
  coAssigned: number;
  replied: number;
  repliedOnTime: number;
  /** Not replied yet and past the due date in force (derived today). */
  overdueOpen: number;
  /** 办复率: replied / assigned. */
  replyRate: number | null;
  /** 按时办复率: replied on time / replied. */
  onTimeRate: number | null;
  firstRound: SatisfactionTally;
  final: SatisfactionTally;
  classMix: Record<string, number>;
  returnRequests: number;
  returnsApproved: number;
  extensionRequests: number;
  extensionsApproved: number;
  avgDaysToReply: number | null;
  avgWorkdaysToReply: number | null;
}

const HANDLING = new Set(['assigned', 'return_requested', 'in_progress', 'rehandling']);
const rate = (n: number, d: number) => (d > 0 ? n / d : null);
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

function tally(outcomes: Array<Satisfaction | null>): SatisfactionTally {
  const known = outcomes.filter((o): o is Satisfaction => !!o);
  const satisfied = known.filter((o) => o === 'satisfied').length;
  const basically = known.filter((o) => o === 'basically_satisfied').length;
  return { rated: known.length, satisfied, basically, dissatisfied: known.length - satisfied - basically, rate: rate(satisfied + basically, known.length) };
}

const groupBy = <T, K>(xs: T[], key: (x: T) => K) => {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
};

/** The input indexed once, so that a row per unit stays cheap on large sessions. */
export function prepare(input: StatsInput) {
  return {
    input,
    sessionOf: new Map(input.suggestions.map((s) => [s.id, s.session_id])),
    repliesBy: groupBy(input.replies, (r) => r.suggestion_id),
    assignmentsBy: groupBy(input.assignments, (a) => a.suggestion_id),
    ratingsBy: groupBy(input.ratings, (r) => r.reply_id),
    extensionsBy: groupBy(input.extensions, (e) => e.assignment_id),
  };
}
export type PreparedStats = ReturnType<typeof prepare>;

/** The statistics of the suggestions led by one unit (all units when omitted), in one session or all. */
export function statsRow(p: PreparedStats, cal: WorkCalendar, opts: { unitId?: string; sessionId?: string } = {}): StatsRow {
  const input = p.input;
  const sugg = input.suggestions.filter((s) => s.assigned_on && s.lead_unit_id && (!opts.unitId || s.lead_unit_id === opts.unitId) && (!opts.sessionId || s.session_id === opts.sessionId));
  const inSession = (sid: string) => !opts.sessionId || p.sessionOf.get(sid) === opts.sessionId;
  const repliesBy = p.repliesBy;

  let replied = 0;
  let onTime = 0;
  let overdueOpen = 0;
  const days: number[] = [];
  const workdays: number[] = [];
  const first: Array<Satisfaction | null> = [];
  const final: Array<Satisfaction | null> = [];
  const classMix: Record<string, number> = {};
  for (const s of sugg) {
    const rs = (repliesBy.get(s.id) ?? []).filter((r) => r.state === 'submitted').sort((a, b) => a.round - b.round);
    const r1 = rs.find((r) => r.round === 1) ?? rs[0];
    const due = s.extended_due ?? s.reply_due;
    if (r1?.submitted_at) {
      replied++;
      const on = todayInShanghai(new Date(r1.submitted_at));
      const dueThen = r1.due_on ?? due;
      if (!dueThen || on <= dueThen) onTime++;
      const lead = (p.assignmentsBy.get(s.id) ?? []).find((a) => a.role === 'lead' && a.unit_id === r1.unit_id && a.state !== 'returned');
      const from = lead?.assigned_on ?? s.assigned_on!;
      days.push(daysBetween(from, on));
      try { workdays.push(workingDaysBetween(cal, from, on)); } catch { /* calendar gap: left out of the working-day average */ }
      const ratings = (p.ratingsBy.get(r1.id) ?? []).map((x) => x.satisfaction as Satisfaction);
      first.push(roundOutcome(ratings, input.expectedRaters.get(s.id) ?? ratings.length));
    } else if (HANDLING.has(s.state) && due && input.today > due) {
      overdueOpen++;
    }
    final.push((s.final_satisfaction as Satisfaction | null) ?? null);
    const last = rs[rs.length - 1];
    if (last?.class_code) classMix[last.class_code] = (classMix[last.class_code] ?? 0) + 1;
  }
  const unitAssignments = input.assignments.filter((a) => (!opts.unitId || a.unit_id === opts.unitId) && inSession(a.suggestion_id));
  const ext = unitAssignments.flatMap((a) => p.extensionsBy.get(a.id) ?? []);
  const avg = (xs: number[]) => (xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
  return {
    assigned: sugg.length,
    coAssigned: unitAssignments.filter((a) => a.role === 'co' && a.state !== 'returned').length,
    replied,
    repliedOnTime: onTime,
    overdueOpen,
    replyRate: rate(replied, sugg.length),
    onTimeRate: rate(onTime, replied),
    firstRound: tally(first),
    final: tally(final),
    classMix,
    returnRequests: unitAssignments.filter((a) => a.return_requested_at).length,
    returnsApproved: unitAssignments.filter((a) => a.return_decision === 'approved').length,
    extensionRequests: ext.length,
    extensionsApproved: ext.filter((e) => e.state === 'approved').length,
    avgDaysToReply: avg(days),
    avgWorkdaysToReply: avg(workdays),
  };
}

/** Units that lead or co-handle any of the suggestions, for one row each. */
export function unitsInvolved(input: StatsInput): string[] {
  return [...new Set([...input.suggestions.map((s) => s.lead_unit_id).filter((x): x is string => !!x), ...input.assignments.map((a) => a.unit_id)])];
}
