import { describe, expect, it } from 'vitest';
import {
  PROMISE_NEXT, PROMISE_STATUSES, PromiseTransitionError, daysBetween, deliveryRateable, deliveryVerdict, promiseClock, promiseTransition,
  targetMet, targetText, transitionNeeds, type PromiseStatus,
} from './promise-states.js';

describe('promise status transitions', () => {
  it('allows exactly the listed moves', () => {
    for (const from of PROMISE_STATUSES) {
      for (const to of PROMISE_STATUSES) {
        const ok = PROMISE_NEXT[from].includes(to);
        if (ok) expect(promiseTransition(from, to)).toBe(to);
        else expect(() => promiseTransition(from, to)).toThrow(PromiseTransitionError);
      }
    }
  });

  it('explains refusals in Chinese', () => {
    expect(() => promiseTransition('dropped', 'done')).toThrow('该承诺已终止，不能再更改状态');
    expect(() => promiseTransition('done', 'done')).toThrow('该承诺已是“已完成”状态');
    expect(() => promiseTransition('in_progress', 'planned')).toThrow('不能从“推进中”改为“计划中”');
  });

  it('a slip needs a reason and a new date; a drop a reason; reopening a done promise a reason', () => {
    expect(transitionNeeds('slipped', 'planned')).toEqual({ reason: true, newDue: true, doneOn: false });
    expect(transitionNeeds('dropped', 'in_progress')).toEqual({ reason: true, newDue: false, doneOn: false });
    expect(transitionNeeds('in_progress', 'done')).toEqual({ reason: true, newDue: false, doneOn: false });
    expect(transitionNeeds('in_progress', 'planned')).toEqual({ reason: false, newDue: false, doneOn: false });
    expect(transitionNeeds('done', 'in_progress')).toEqual({ reason: false, newDue: false, doneOn: true });
  });
});

describe('the clock of a promise is derived from its date', () => {
  const p = (status: PromiseStatus, due: string | null, confirmed = true) => ({ status, due, confirmed });
  it('overdue only when confirmed, open and past its date', () => {
    expect(promiseClock(p('planned', '2024-08-31'), '2024-09-01')).toBe('overdue');
    expect(promiseClock(p('in_progress', '2024-08-31'), '2024-08-31')).toBe('due_today');
    expect(promiseClock(p('slipped', '2024-09-30'), '2024-09-01')).toBe('due_soon');
    expect(promiseClock(p('planned', '2024-12-31'), '2024-09-01')).toBe('on_track');
    expect(promiseClock(p('done', '2024-08-31'), '2024-09-01')).toBe('closed');
    expect(promiseClock(p('dropped', '2024-08-31'), '2024-09-01')).toBe('closed');
    expect(promiseClock(p('planned', null), '2024-09-01')).toBe('open_ended');
    expect(promiseClock(p('planned', '2024-08-31', false), '2024-09-01')).toBe('unconfirmed');
  });

  it('"due soon" means within 30 days, counted in calendar days', () => {
    expect(promiseClock(p('planned', '2024-10-01'), '2024-09-01')).toBe('due_soon');
    expect(promiseClock(p('planned', '2024-10-02'), '2024-09-01')).toBe('on_track');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-12-31', '2024-12-01')).toBe(-30);
  });

  it('deputies may rate once due, done, dropped or slipped — never a proposal', () => {
    expect(deliveryRateable(p('planned', '2024-12-31'), '2024-12-30')).toBe(false);
    expect(deliveryRateable(p('planned', '2024-12-31'), '2024-12-31')).toBe(true);
    expect(deliveryRateable(p('done', null), '2024-01-01')).toBe(true);
    expect(deliveryRateable(p('slipped', '2025-04-30'), '2025-01-01')).toBe(true);
    expect(deliveryRateable(p('done', null, false), '2025-01-01')).toBe(false);
    expect(deliveryRateable(p('in_progress', null), '2030-01-01')).toBe(false);
  });
});

describe('targets and verdicts', () => {
  it('reads a target as the reply would say it', () => {
    expect(targetText({ value: 35000, unit: 'm²', comparator: '>=' })).toBe('不少于 35,000 m²');
    expect(targetText({ value: 163, unit: '亩', comparator: '=' })).toBe('163 亩');
    expect(targetText({ value: null, unit: null, comparator: null })).toBeNull();
  });

  it('compares the achieved value with the target', () => {
    expect(targetMet({ value: 35000, comparator: '>=' }, 36100)).toBe(true);
    expect(targetMet({ value: 35000, comparator: '>=' }, 31200)).toBe(false);
    expect(targetMet({ value: 10, comparator: '<=' }, 9)).toBe(true);
    expect(targetMet({ value: 35000, comparator: '>=' }, null)).toBeNull();
  });

  it('the verdict of the latest ratings', () => {
    expect(deliveryVerdict([])).toBeNull();
    expect(deliveryVerdict(['kept', 'kept'])).toBe('kept');
    expect(deliveryVerdict(['not_kept'])).toBe('not_kept');
    expect(deliveryVerdict(['kept', 'not_kept'])).toBe('partly');
    expect(deliveryVerdict(['partly'])).toBe('partly');
  });
});
