import type { Actor } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/policy/policy.js';
import { HANDLING_STATES, STATE_LABELS, SUGGESTION_STATES, type SuggestionState } from '../../../domain/suggestion-states.js';
import type { SuggestionsCore } from './core.js';
import { presentAssignment, presentList } from './present.js';
import { dueSoonWorkdays } from './rule-set.js';
import { setupPolicy } from './suggestions.policy.js';
import { suggestionScope } from './suggestions.scope.js';
import type { SuggestionFilter } from './suggestions.repo.js';
import type { SuggestionService } from './suggestions.service.js';
import type { AssignmentTable, SuggestionTable } from './suggestions.tables.js';

const EXT_LABELS = { pending: '待审核', approved: '已批准', rejected: '未批准' } as const;

/** The organizer's dashboard and the unit's inbox: what needs doing, with the clocks. */
export class OverviewService {
  constructor(private readonly core: SuggestionsCore, private readonly suggestions: SuggestionService) {}

  private get repo() { return this.core.repo; }

  async dashboard(actor: Actor, sessionId?: string) {
    authorize(setupPolicy, actor, 'dashboard', null);
    const today = this.core.today();
    const base: SuggestionFilter = { scope: suggestionScope.where(actor), sessionId };
    const counts = await this.repo.countByState(base);
    const overdueF: SuggestionFilter = { ...base };
    await this.suggestions.applyClockFilter(overdueF, 'overdue');
    const soonF: SuggestionFilter = { ...base };
    await this.suggestions.applyClockFilter(soonF, 'due_soon');
    const [overdue, soon] = await Promise.all([this.repo.listSuggestions(overdueF, 1, 200), this.repo.listSuggestions(soonF, 1, 200)]);
    const byDue = (a: { dueDate: string | null }, b: { dueDate: string | null }) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '');

    const mc = await this.core.calendar();
    const rules = await this.core.ruleSetsBySession();
    const inSession = async <T extends { suggestion_id: string }>(rows: T[]) => {
      const ids = [...new Set(rows.map((r) => r.suggestion_id))];
      const ss = ids.length ? await this.core.ctx.db.selectFrom('suggestion').selectAll().where('id', 'in', ids).execute() : [];
      const map = new Map(ss.map((s) => [s.id, s]));
      return rows.filter((r) => map.has(r.suggestion_id) && (!sessionId || map.get(r.suggestion_id)!.session_id === sessionId)).map((r) => ({ row: r, s: map.get(r.suggestion_id)! }));
    };
    const returns = await inSession(await this.repo.pendingReturns());
    const extensions = await inSession(await this.repo.pendingExtensions());
    const orgs = new Map((await this.repo.orgs([...new Set(returns.map((r) => r.row.unit_id))])).map((o) => [o.id, o]));
    const extUnits = await this.repo.assignments([...new Set(extensions.map((e) => e.s.id))]);
    const extOrgs = new Map((await this.repo.orgs([...new Set(extUnits.map((a) => a.unit_id))])).map((o) => [o.id, o.name]));

    const all = counts.reduce((n, c) => n + c.n, 0);
    const keySupervision = await this.repo.countSuggestions({ ...base, keySupervision: true, states: [...HANDLING_STATES, 'awaiting_feedback', 'admitted'] });
    return {
      today,
      dueSoonWorkdays: sessionId && rules.get(sessionId) ? dueSoonWorkdays(rules.get(sessionId)!) : Math.max(10, ...[...rules.values()].map(dueSoonWorkdays)),
      countsByState: SUGGESTION_STATES.map((st) => ({ state: st, label: STATE_LABELS[st], count: counts.find((c) => c.state === st)?.n ?? 0 })),
      total: all,
      overdue: (await presentList(this.core, overdue.rows)).sort(byDue),
      dueSoon: (await presentList(this.core, soon.rows)).sort(byDue),
      awaitingAdmission: counts.find((c) => c.state === 'submitted')?.n ?? 0,
      pendingReturns: returns.map(({ row, s }) => ({
        assignment: presentAssignment(row as AssignmentTable, orgs.get(row.unit_id), { opinionVisible: true, opinionByName: null, suggestion: s, rs: rules.get(s.session_id)!, mc, today }),
        suggestion: { id: s.id, number: s.number, title: s.title },
      })),
      pendingExtensions: extensions.map(({ row: e, s }) => ({
        request: {
          id: e.id, assignmentId: e.assignment_id, unitName: extOrgs.get(extUnits.find((a) => a.id === e.assignment_id)?.unit_id ?? '') ?? '',
          requestedDue: e.requested_due, reason: e.reason, state: e.state as 'pending', stateLabel: EXT_LABELS.pending, decidedDue: e.decided_due,
          decisionNote: e.decision_note, requestedAt: e.requested_at, decidedAt: e.decided_at, version: e.version,
        },
        suggestion: { id: s.id, number: s.number, title: s.title, hardDue: s.hard_due },
      })),
      keySupervision,
      coOpinionsOverdue: await this.repo.coOpinionsOverdue(today),
    };
  }

  async inbox(actor: Actor, state: 'open' | 'all') {
    authorize(setupPolicy, actor, 'inbox', null);
    const unit = actor.orgUnitId ? await this.repo.org(actor.orgUnitId) : undefined;
    const today = this.core.today();
    if (!unit) return { unit: { id: actor.orgUnitId ?? '', name: actor.orgUnitName ?? '' }, today, items: [] };
    const assignments = await this.repo.unitAssignments(unit.id, state === 'open');
    const ids = [...new Set(assignments.map((a) => a.suggestion_id))];
    const rows: SuggestionTable[] = ids.length ? await this.core.ctx.db.selectFrom('suggestion').selectAll().where('id', 'in', ids).execute() : [];
    const items = await presentList(this.core, rows);
    const replies = await this.repo.replies(ids);
    const mc = await this.core.calendar();
    const rules = await this.core.ruleSetsBySession();
    const out = assignments.map((a) => {
      const s = rows.find((r) => r.id === a.suggestion_id)!;
      const reply = replies.find((r) => r.suggestion_id === s.id && r.round === s.round);
      return {
        assignment: presentAssignment(a, { id: unit.id, name: unit.name }, { opinionVisible: true, opinionByName: null, suggestion: s, rs: rules.get(s.session_id)!, mc, today }),
        suggestion: items.find((i) => i.id === s.id)!,
        replyState: a.role === 'lead' && reply ? (reply.state as 'draft' | 'submitted') : ('none' as const),
      };
    });
    // Most urgent first: overdue, then due soon, then by due date; finished ones last.
    const rank = (i: (typeof out)[number]) => {
      const c = i.assignment.clock;
      return c ? (c.status === 'overdue' ? 0 : c.status === 'due_soon' ? 1 : 2) : HANDLING_STATES.includes(i.suggestion.state as SuggestionState) ? 3 : 4;
    };
    out.sort((x, y) => rank(x) - rank(y) || (x.assignment.clock?.dueDate ?? '9').localeCompare(y.assignment.clock?.dueDate ?? '9'));
    return { unit: { id: unit.id, name: unit.name }, today, items: out };
  }
}
