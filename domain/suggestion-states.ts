/**
 * The life of a deputy's suggestion as a state machine, pure and shared by server and web.
 *
 * draft → submitted → admitted | not_admitted
 * admitted → assigned (lead + co units; due dates from the rule set)
 * assigned → return_requested → assigned (another unit, or the same one when the return is refused)
 * assigned → in_progress (the lead unit signs for it) → awaiting_feedback (reply submitted)
 * awaiting_feedback → closed (every signer rated 满意/基本满意) | rehandling (someone rated 不满意, round + 1)
 * rehandling → awaiting_feedback (the next round's reply)
 *
 * "Replied" is folded into awaiting_feedback: a submitted reply always waits for the deputies' ratings.
 * The outcome of the ratings (满意/基本满意/不满意) is kept beside the state, not as a state of its own.
 * Overdue is never a state: it is derived from the due dates and the calendar.
 */

export const SUGGESTION_STATES = [
  'draft', 'submitted', 'admitted', 'not_admitted', 'assigned', 'return_requested', 'in_progress',
  'awaiting_feedback', 'rehandling', 'closed',
] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

export const STATE_LABELS: Record<SuggestionState, string> = {
  draft: '草稿',
  submitted: '待立案',
  admitted: '已立案待交办',
  not_admitted: '不予立案',
  assigned: '已交办待签收',
  return_requested: '申请退办',
  in_progress: '办理中',
  awaiting_feedback: '已答复待评价',
  rehandling: '重新办理',
  closed: '已办结',
};

export const SUGGESTION_ACTIONS = [
  'submit', 'admit', 'not_admit', 'assign', 'request_return', 'approve_return', 'reject_return', 'accept',
  'submit_reply', 'close', 'rehandle',
] as const;
export type SuggestionAction = (typeof SUGGESTION_ACTIONS)[number];

export const ACTION_LABELS: Record<SuggestionAction, string> = {
  submit: '提交',
  admit: '立案',
  not_admit: '不予立案',
  assign: '交办',
  request_return: '申请退办',
  approve_return: '同意退办',
  reject_return: '驳回退办',
  accept: '签收',
  submit_reply: '提交答复',
  close: '办结',
  rehandle: '重新办理',
};

/** From which states each action may be taken, and where it leads. */
export const TRANSITIONS: Record<SuggestionAction, { from: readonly SuggestionState[]; to: SuggestionState }> = {
  submit: { from: ['draft'], to: 'submitted' },
  admit: { from: ['submitted'], to: 'admitted' },
  not_admit: { from: ['submitted'], to: 'not_admitted' },
  assign: { from: ['admitted'], to: 'assigned' },
  request_return: { from: ['assigned'], to: 'return_requested' },
  approve_return: { from: ['return_requested'], to: 'assigned' },
  reject_return: { from: ['return_requested'], to: 'assigned' },
  accept: { from: ['assigned'], to: 'in_progress' },
  submit_reply: { from: ['in_progress', 'rehandling'], to: 'awaiting_feedback' },
  close: { from: ['awaiting_feedback'], to: 'closed' },
  rehandle: { from: ['awaiting_feedback'], to: 'rehandling' },
};

/** The states each state may move to (derived from TRANSITIONS). */
export const NEXT_STATES: Record<SuggestionState, SuggestionState[]> = Object.fromEntries(
  SUGGESTION_STATES.map((s) => [
    s,
    [...new Set(SUGGESTION_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(s)).map((a) => TRANSITIONS[a].to))],
  ]),
) as Record<SuggestionState, SuggestionState[]>;

/** States in which a unit is handling the suggestion and a due date runs (overdue can apply). */
export const HANDLING_STATES: readonly SuggestionState[] = ['assigned', 'return_requested', 'in_progress', 'rehandling'];
/** States that are over: nothing more happens. */
export const FINAL_STATES: readonly SuggestionState[] = ['not_admitted', 'closed'];

export const isSuggestionState = (v: string): v is SuggestionState => (SUGGESTION_STATES as readonly string[]).includes(v);

export function can(state: SuggestionState, action: SuggestionAction): boolean {
  return TRANSITIONS[action].from.includes(state);
}

/** Specific reasons for the refusals people meet most; the rest use a general sentence. */
const REASONS: Partial<Record<SuggestionAction, Partial<Record<SuggestionState, string>>>> = {
  submit_reply: {
    draft: '该建议尚未提交，不能答复',
    submitted: '该建议尚未立案交办，不能答复',
    admitted: '该建议尚未交办，不能答复',
    not_admitted: '该建议不予立案，不能答复',
    assigned: '主办单位尚未签收该建议，请先签收再答复',
    return_requested: '该建议正在申请退办，退办决定作出前不能答复',
    awaiting_feedback: '本轮答复已提交，正在等待代表评价，不能再次提交',
    closed: '该建议已办结，不能再答复',
  },
  assign: {
    draft: '该建议尚未提交，不能交办',
    submitted: '该建议尚未立案，请先立案再交办',
    not_admitted: '该建议不予立案，不能交办',
    closed: '该建议已办结，不能交办',
  },
  accept: {
    return_requested: '该建议正在申请退办，请等待交办方决定',
    in_progress: '该建议已签收，无需重复签收',
  },
  request_return: {
    return_requested: '已提交退办申请，请等待交办方决定',
    in_progress: '该建议已签收办理，不能再申请退办',
  },
  admit: { admitted: '该建议已立案', not_admitted: '该建议已决定不予立案' },
  not_admit: { admitted: '该建议已立案，不能再改为不予立案', not_admitted: '该建议已决定不予立案' },
  submit: { submitted: '该建议已提交，无需重复提交' },
  close: { closed: '该建议已办结' },
};

/** The Chinese reason why `action` is not allowed from `state`, or null when it is. */
export function refusal(state: SuggestionState, action: SuggestionAction): string | null {
  if (can(state, action)) return null;
  return REASONS[action]?.[state] ?? `该建议当前状态为“${STATE_LABELS[state]}”，不能${ACTION_LABELS[action]}`;
}

export class TransitionError extends Error {
  constructor(readonly state: SuggestionState, readonly action: SuggestionAction, message: string) {
    super(message);
    this.name = 'TransitionError';
  }
}

/** The state `action` leads to from `state`; throws a TransitionError with the Chinese reason when not allowed. */
export function transition(state: SuggestionState, action: SuggestionAction): SuggestionState {
  const why = refusal(state, action);
  if (why) throw new TransitionError(state, action, why);
  return TRANSITIONS[action].to;
}

// ---- assignments (one per unit: lead or co) ----

export const ASSIGNMENT_STATES = ['assigned', 'accepted', 'return_requested', 'returned'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];
export const ASSIGNMENT_STATE_LABELS: Record<AssignmentState, string> = {
  assigned: '待签收',
  accepted: '已签收',
  return_requested: '申请退办',
  returned: '已退办',
};
export const ASSIGNMENT_ROLE_LABELS = { lead: '主办', co: '协办' } as const;

// ---- ratings ----

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/**
 * The outcome of a round once every signer has rated: any 不满意 sends it back; otherwise 基本满意 if anyone
 * said so, else 满意. Null while ratings are missing.
 */
export function roundOutcome(ratings: readonly Satisfaction[], expected: number): Satisfaction | null {
  if (expected <= 0 || ratings.length < expected) return null;
  if (ratings.includes('dissatisfied')) return 'dissatisfied';
  if (ratings.includes('basically_satisfied')) return 'basically_satisfied';
  return 'satisfied';
}
