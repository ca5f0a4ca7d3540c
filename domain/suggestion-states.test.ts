import { describe, expect, it } from 'vitest';
import {
  ACTION_LABELS, NEXT_STATES, STATE_LABELS, SUGGESTION_ACTIONS, SUGGESTION_STATES, TRANSITIONS, TransitionError,
  can, refusal, roundOutcome, transition,
} from './suggestion-states.js';
import { officialCalendar } from './calendar/official.js';
import { deadlineClock } from './deadline-clock.js';

describe('suggestion state machine', () => {
  it('walks No. 187 from draft to closed', () => {
    let s = transition('draft', 'submit');
    s = transition(s, 'admit');
    s = transition(s, 'assign');
    s = transition(s, 'accept');
    s = transition(s, 'submit_reply');
    expect(s).toBe('awaiting_feedback');
    expect(transition(s, 'close')).toBe('closed');
  });

  it('goes round again after a 不满意 rating', () => {
    let s = transition('awaiting_feedback', 'rehandle');
    expect(s).toBe('rehandling');
    s = transition(s, 'submit_reply');
    expect(s).toBe('awaiting_feedback');
  });

  it('sends a return request back to assigned whichever way it is decided', () => {
    expect(transition(transition('assigned', 'request_return'), 'approve_return')).toBe('assigned');
    expect(transition('return_requested', 'reject_return')).toBe('assigned');
  });

  it('refuses every transition not listed, with a Chinese reason', () => {
    for (const state of SUGGESTION_STATES) {
      for (const action of SUGGESTION_ACTIONS) {
        const allowed = TRANSITIONS[action].from.includes(state);
        expect(can(state, action)).toBe(allowed);
        if (allowed) {
          expect(refusal(state, action)).toBeNull();
          expect(transition(state, action)).toBe(TRANSITIONS[action].to);
        } else {
          const why = refusal(state, action)!;
          expect(why).toMatch(/[\u4e00-\u9fff]/);
          expect(() => transition(state, action)).toThrow(TransitionError);
          expect(() => transition(state, action)).toThrow(why);
        }
      }
    }
  });

  it('says why a reply cannot be submitted before assignment', () => {
    expect(refusal('admitted', 'submit_reply')).toBe('该建议尚未交办，不能答复');
    expect(refusal('assigned', 'submit_reply')).toContain('签收');
    expect(refusal('closed', 'assign')).toContain('已办结');
    expect(refusal('draft', 'close')).toBe(`该建议当前状态为“${STATE_LABELS.draft}”，不能${ACTION_LABELS.close}`);
  });

  it('has no dead ends except the final states, and every state is reachable from draft', () => {
    const reach = new Set<string>(['draft']);
    const queue = ['draft'] as (typeof SUGGESTION_STATES)[number][];
    while (queue.length) {
      for (const n of NEXT_STATES[queue.shift()!]) if (!reach.has(n)) { reach.add(n); queue.push(n); }
    }
    expect([...reach].sort()).toEqual([...SUGGESTION_STATES].sort());
    const deadEnds = SUGGESTION_STATES.filter((s) => NEXT_STATES[s].length === 0);
    expect(deadEnds.sort()).toEqual(['closed', 'not_admitted']);
  });
});

describe('round outcome', () => {
  it('waits for every signer', () => {
    expect(roundOutcome(['satisfied'], 5)).toBeNull();
    expect(roundOutcome([], 0)).toBeNull();
  });
  it('any 不满意 sends it back; otherwise 基本满意 beats 满意', () => {
    expect(roundOutcome(['satisfied', 'dissatisfied', 'satisfied'], 3)).toBe('dissatisfied');
    expect(roundOutcome(['satisfied', 'basically_satisfied'], 2)).toBe('basically_satisfied');
    expect(roundOutcome(['satisfied', 'satisfied'], 2)).toBe('satisfied');
  });
});

describe('deadline clock', () => {
  const cal = officialCalendar();
  it('counts working days left and flags 临期 and 逾期', () => {
    // 2024-08-22 is a Thursday; 2024-09-13 (Fri) is 16 working days after it.
    expect(deadlineClock(cal, '2024-08-22', '2024-09-13', 10)).toMatchObject({ status: 'normal', workdaysLeft: 16, text: '剩余 16 个工作日' });
    expect(deadlineClock(cal, '2024-09-05', '2024-09-13', 10)).toMatchObject({ status: 'due_soon', statusLabel: '临期', workdaysLeft: 6 });
    expect(deadlineClock(cal, '2024-09-13', '2024-09-13', 10)).toMatchObject({ status: 'due_soon', text: '今日到期', workdaysLeft: 0 });
    // 中秋节 2024-09-15..17 and the make-up Saturday 2024-09-14 (a working day).
    expect(deadlineClock(cal, '2024-09-18', '2024-09-13', 10)).toMatchObject({ status: 'overdue', statusLabel: '逾期', workdaysLeft: -2, text: '逾期 2 个工作日' });
  });
  it('a weekend right after the due date is overdue but not yet a working day late', () => {
    expect(deadlineClock(cal, '2024-08-24', '2024-08-23', 10)).toMatchObject({ status: 'overdue', workdaysLeft: 0, text: '已逾期' });
  });
});
