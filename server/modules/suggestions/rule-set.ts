import type { RuleSetTable } from './suggestions.tables.js';

export interface ClassItem { code: string; label: string }
export type ReminderRule = { kind: 'before'; workdays: number } | { kind: 'on_day' } | { kind: 'overdue_every'; workdays: number };

/** A rule set with its JSON parsed: what the services compute with. */
export interface RuleSet {
  id: string;
  name: string;
  jurisdiction: string;
  replyMonths: number;
  hardMonths: number;
  coOpinionMonths: number;
  returnWindowCount: number;
  returnWindowUnit: 'workdays' | 'days';
  rereplyMonths: number;
  publishWorkdays: number;
  classScheme: ClassItem[];
  classMarkOnDoc: boolean;
  replyMode: 'joint' | 'per_deputy';
  reminders: ReminderRule[];
  isDemo: boolean;
  version: number;
  updatedAt: string;
}

export function parseRuleSet(r: RuleSetTable): RuleSet {
  return {
    id: r.id, name: r.name, jurisdiction: r.jurisdiction, replyMonths: r.reply_months, hardMonths: r.hard_months,
    coOpinionMonths: r.co_opinion_months, returnWindowCount: r.return_window_count,
    returnWindowUnit: r.return_window_unit === 'days' ? 'days' : 'workdays', rereplyMonths: r.rereply_months,
    publishWorkdays: r.publish_workdays, classScheme: JSON.parse(r.class_scheme_json), classMarkOnDoc: r.class_mark_on_doc === 1,
    replyMode: r.reply_mode === 'per_deputy' ? 'per_deputy' : 'joint', reminders: JSON.parse(r.reminders_json),
    isDemo: r.is_demo === 1, version: r.version, updatedAt: r.updated_at,
  };
}

/** Working days before a due date that count as 临期: the earliest "before" reminder, 10 when none is set. */
export function dueSoonWorkdays(rs: Pick<RuleSet, 'reminders'>): number {
  const before = rs.reminders.filter((r): r is { kind: 'before'; workdays: number } => r.kind === 'before').map((r) => r.workdays);
  return before.length ? Math.max(...before) : 10;
}

export function classLabel(rs: Pick<RuleSet, 'classScheme'>, code: string | null): string | null {
  if (!code) return null;
  return rs.classScheme.find((c) => c.code === code)?.label ?? null;
}

/** The NPC's four classes (A–D), as Gaoping uses them. */
export const NPC_CLASS_SCHEME: ClassItem[] = [
  { code: 'A', label: '所提问题已经解决或基本解决' },
  { code: 'B', label: '所提问题列入计划拟解决' },
  { code: 'C', label: '所提问题因条件限制暂时难以解决' },
  { code: 'D', label: '所提问题留作参考' },
];

export const DEFAULT_REMINDERS: ReminderRule[] = [
  { kind: 'before', workdays: 10 },
  { kind: 'on_day' },
  { kind: 'overdue_every', workdays: 5 },
];
