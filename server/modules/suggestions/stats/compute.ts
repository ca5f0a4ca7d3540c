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

/** What one suggestion contributes to every row it falls in, worked out once. */
interface Facts {
  sessionId: string;
  leadUnitId: string;
  replied: boolean;
  onTime: boolean;
  overdueOpen: boolean;
  days: number | null;
  workdays: number | null;
  first: Satisfaction | null;
  final: Satisfaction | null;
  classCode: string | null;
}

/** The input indexed and each suggestion's facts computed once, so that a row per unit or session is a sum. */
export function prepare(input: StatsInput, cal: WorkCalendar) {
  const repliesBy = groupBy(input.replies, (r) => r.suggestion_id);
  const assignmentsBy = groupBy(input.assignments, (a) => a.suggestion_id);
  const ratingsBy = groupBy(input.ratings, (r) => r.reply_id);
  const extensionsBy = groupBy(input.extensions, (e) => e.assignment_id);
  const sessionOf = new Map(input.suggestions.map((s) => [s.id, s.session_id]));
  const workdayMemo = new Map<string, number | null>();
  const workdaysBetween = (from: string, to: string) => {
    const k = `${from}|${to}`;
    if (!workdayMemo.has(k)) {
      try { workdayMemo.set(k, workingDaysBetween(cal, from, to)); } catch { workdayMemo.set(k, null); /* calendar gap */ }
    }
    return workdayMemo.get(k)!;
  };
  const facts: Facts[] = [];
  for (const s of input.suggestions) {
    if (!s.assigned_on || !s.lead_unit_id) continue;
    const rs = (repliesBy.get(s.id) ?? []).filter((r) => r.state === 'submitted').sort((a, b) => a.round - b.round);
    const r1 = rs.find((r) => r.round === 1) ?? rs[0];
    const due = s.extended_due ?? s.reply_due;
    const f: Facts = {
      sessionId: s.session_id, leadUnitId: s.lead_unit_id, replied: false, onTime: false, overdueOpen: false, days: null, workdays: null,
      first: null, final: (s.final_satisfaction as Satisfaction | null) ?? null, classCode: rs[rs.length - 1]?.class_code ?? null,
    };
    if (r1?.submitted_at) {
      f.replied = true;
      const on = todayInShanghai(new Date(r1.submitted_at));
      const dueThen = r1.due_on ?? due;
      f.onTime = !dueThen || on <= dueThen;
      const lead = (assignmentsBy.get(s.id) ?? []).find((a) => a.role === 'lead' && a.unit_id === r1.unit_id && a.state !== 'returned');
      const from = lead?.assigned_on ?? s.assigned_on;
      f.days = daysBetween(from, on);
      f.workdays = workdaysBetween(from, on);
      const ratings = (ratingsBy.get(r1.id) ?? []).map((x) => x.satisfaction as Satisfaction);
      f.first = roundOutcome(ratings, input.expectedRaters.get(s.id) ?? ratings.length);
    } else if (HANDLING.has(s.state) && due && input.today > due) {
      f.overdueOpen = true;
    }
    facts.push(f);
  }
  // Each assignment's part in the figures, grouped by unit, so that a row reads only its unit's.
  const assignmentFacts = input.assignments.map((a) => {
    const ext = extensionsBy.get(a.id) ?? [];
    return {
      unitId: a.unit_id, sessionId: sessionOf.get(a.suggestion_id) ?? '', co: a.role === 'co' && a.state !== 'returned',
      returnRequested: !!a.return_requested_at, returnApproved: a.return_decision === 'approved',
      extensions: ext.length, extensionsApproved: ext.filter((e) => e.state === 'approved').length,
    };
  });
  return { facts, factsByUnit: groupBy(facts, (f) => f.leadUnitId), assignmentFacts, assignmentsByUnit: groupBy(assignmentFacts, (a) => a.unitId) };
}
export type PreparedStats = ReturnType<typeof prepare>;

/** The statistics of the suggestions led by one unit (all units when omitted), in one session or all. */
export function statsRow(p: PreparedStats, opts: { unitId?: string; sessionId?: string } = {}): StatsRow {
  const base = opts.unitId ? p.factsByUnit.get(opts.unitId) ?? [] : p.facts;
  const facts = opts.sessionId ? base.filter((f) => f.sessionId === opts.sessionId) : base;
  const classMix: Record<string, number> = {};
  let replied = 0;
  let onTime = 0;
  let overdueOpen = 0;
  const days: number[] = [];
  const workdays: number[] = [];
  for (const f of facts) {
    if (f.replied) {
      replied++;
      if (f.onTime) onTime++;
      if (f.days !== null) days.push(f.days);
      if (f.workdays !== null) workdays.push(f.workdays);
    }
    if (f.overdueOpen) overdueOpen++;
    if (f.classCode) classMix[f.classCode] = (classMix[f.classCode] ?? 0) + 1;
  }
  const aBase = opts.unitId ? p.assignmentsByUnit.get(opts.unitId) ?? [] : p.assignmentFacts;
  const as = opts.sessionId ? aBase.filter((a) => a.sessionId === opts.sessionId) : aBase;
  const count = (pred: (a: (typeof as)[number]) => boolean) => as.reduce((n, a) => n + (pred(a) ? 1 : 0), 0);
  const sum = (pick: (a: (typeof as)[number]) => number) => as.reduce((n, a) => n + pick(a), 0);
  const avg = (xs: number[]) => (xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
  return {
    assigned: facts.length,
    coAssigned: count((a) => a.co),
    replied,
    repliedOnTime: onTime,
    overdueOpen,
    replyRate: rate(replied, facts.length),
    onTimeRate: rate(onTime, replied),
    firstRound: tally(facts.filter((f) => f.replied).map((f) => f.first)),
    final: tally(facts.map((f) => f.final)),
    classMix,
    returnRequests: count((a) => a.returnRequested),
    returnsApproved: count((a) => a.returnApproved),
    extensionRequests: sum((a) => a.extensions),
    extensionsApproved: sum((a) => a.extensionsApproved),
    avgDaysToReply: avg(days),
    avgWorkdaysToReply: avg(workdays),
  };
}

/** Units that lead or co-handle any of the suggestions, for one row each. */
export function unitsInvolved(input: StatsInput): string[] {
  return [...new Set([...input.suggestions.map((s) => s.lead_unit_id).filter((x): x is string => !!x), ...input.assignments.map((a) => a.unit_id)])];
}
