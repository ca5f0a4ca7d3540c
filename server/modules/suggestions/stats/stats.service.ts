/** Handling statistics per session and per unit, as JSON for the page and as an .xlsx workbook. */
import type { AppContext } from '../../../platform/context.js';
import type { Viewer } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/policy/policy.js';
import { notFound } from '../../../platform/errors.js';
import { classScheme, sessionName, type ClassItem } from '../tools.shared.js';
import { prepare, statsRow, unitsInvolved, type StatsInput, type StatsRow } from './compute.js';
import { statsPolicy } from './stats.policy.js';
import { suggestionScope } from '../suggestions.scope.js';

export interface StatsReport {
  today: string;
  sessionId: string | null;
  sessionName: string | null;
  sessions: Array<{ id: string; name: string }>;
  classScheme: ClassItem[];
  scope: 'all' | 'unit';
  total: StatsRow | null;
  units: Array<StatsRow & { unitId: string; unitName: string }>;
  bySession: Array<StatsRow & { sessionId: string; sessionName: string }>;
}

export class SuggestionStatsService {
  constructor(private readonly ctx: AppContext) {}

  /** The viewer's suggestions (the row scope) that have been assigned; a unit's own assignments count in its line. */
  private async input(actor: Viewer, sessionId: string | undefined): Promise<StatsInput> {
    const db = this.ctx.db;
    let sq = db.selectFrom('suggestion').select(['id', 'session_id', 'lead_unit_id', 'state', 'assigned_on', 'reply_due', 'extended_due', 'final_satisfaction'])
      .where('assigned_on', 'is not', null).where(suggestionScope.where(actor));
    if (sessionId) sq = sq.where('session_id', '=', sessionId);
    const suggestions = await sq.execute();
    // Sub-selects rather than long IN lists: a session may hold thousands of suggestions.
    const ofScope = <T extends { where: any }>(q: T, col: string): T => (sessionId
      ? q.where((eb: any) => eb.exists(eb.selectFrom('suggestion as sx').select('sx.id').whereRef('sx.id', '=', col).where('sx.session_id', '=', sessionId)))
      : q) as T;
    const [assignments, replies, ratings, signers, extensions] = await Promise.all([
      ofScope(db.selectFrom('assignment').select(['id', 'suggestion_id', 'unit_id', 'role', 'state', 'assigned_on', 'return_requested_at', 'return_decision']), 'assignment.suggestion_id').execute(),
      ofScope(db.selectFrom('reply').select(['id', 'suggestion_id', 'round', 'state', 'unit_id', 'submitted_at', 'due_on', 'class_code']), 'reply.suggestion_id').execute(),
      ofScope(db.selectFrom('rating').select(['reply_id', 'deputy_id', 'satisfaction', 'suggestion_id']), 'rating.suggestion_id').execute(),
      ofScope(db.selectFrom('suggestion_signer').select(['suggestion_id']).select((e) => e.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb('role', '=', 'lead'), eb('status', '=', 'accepted')])), 'suggestion_signer.suggestion_id').groupBy('suggestion_id').execute(),
      ofScope(db.selectFrom('extension_request').select(['assignment_id', 'state']), 'extension_request.suggestion_id').execute(),
    ]);
    return {
      today: this.ctx.clock.today(),
      suggestions, assignments, replies, ratings, extensions,
      expectedRaters: new Map(signers.map((s) => [s.suggestion_id, Number(s.n)])),
    };
  }

  async report(actor: Viewer, f: { sessionId?: string }): Promise<StatsReport> {
    authorize(statsPolicy, actor, 'read', null);
    const db = this.ctx.db;
    const sessions = await db.selectFrom('congress_session as cs').innerJoin('rule_set as rs', 'rs.id', 'cs.rule_set_id')
      .select(['cs.id', 'cs.body', 'cs.short_name', 'cs.starts_on', 'rs.class_scheme_json']).orderBy('cs.starts_on', 'desc').execute();
    const session = f.sessionId ? sessions.find((s) => s.id === f.sessionId) : undefined;
    if (f.sessionId && !session) notFound('届次不存在');
    const input = await this.input(actor, f.sessionId);
    const prepared = prepare(input, await this.ctx.calendar.get());
    const ownUnit = actor!.role === 'unit_staff' ? actor!.orgUnitId! : null;
    const unitIds = ownUnit ? [ownUnit] : unitsInvolved(input);
    const orgs = unitIds.length ? await db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', unitIds).execute() : [];
    const units = unitIds.map((id) => ({ unitId: id, unitName: orgs.find((o) => o.id === id)?.name ?? '（单位已删除）', ...statsRow(prepared, { unitId: id }) }))
      .sort((a, b) => b.assigned - a.assigned || b.coAssigned - a.coAssigned || a.unitName.localeCompare(b.unitName, 'zh-CN'));
    const sessionIds = [...new Set(input.suggestions.map((s) => s.session_id))];
    const bySession = sessions.filter((s) => sessionIds.includes(s.id)).map((s) => ({
      sessionId: s.id, sessionName: sessionName(s), ...statsRow(prepared, { sessionId: s.id, unitId: ownUnit ?? undefined }),
    }));
    // The scheme of the session, or every code used across sessions in first-seen order.
    const schemes = session ? [session] : sessions;
    const scheme: ClassItem[] = [];
    for (const s of schemes) for (const c of classScheme(s.class_scheme_json)) if (!scheme.some((x) => x.code === c.code)) scheme.push(c);
    return {
      today: input.today,
      sessionId: session?.id ?? null,
      sessionName: session ? sessionName(session) : null,
      sessions: sessions.map((s) => ({ id: s.id, name: sessionName(s) })),
      classScheme: scheme,
      scope: ownUnit ? 'unit' : 'all',
      total: ownUnit ? null : statsRow(prepared),
      units,
      bySession,
    };
  }
}
