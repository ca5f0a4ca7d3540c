import type { Viewer } from '../../platform/auth/roles.js';
import { allowed } from '../../platform/policy/policy.js';
import {
  ASSIGNMENT_ROLE_LABELS, ASSIGNMENT_STATE_LABELS, HANDLING_STATES, SATISFACTION_LABELS, STATE_LABELS,
  type AssignmentState, type Satisfaction, type SuggestionState,
} from '../../../domain/suggestion-states.js';
import { deadlineClock, type DeadlineClock } from '../../../domain/deadline-clock.js';
import { SUPERVISION_KIND_LABELS, type AssignmentViewT, type ReplyViewT, type SuggestionDetailT, type SuggestionListItemT } from './suggestions.schemas.js';
import type { SuggestionsCore } from './core.js';
import type { ModuleCalendar, Explained } from './deadlines.js';
import { classLabel, dueSoonWorkdays, type RuleSet } from './rule-set.js';
import { assignmentPolicy, suggestionPolicy, unitAssignment, viewerSigner, type SuggestionAccess } from './suggestions.policy.js';
import type { ListNames, SuggestionListRow } from './suggestions.repo.js';
import type { AssignmentTable, RatingTable, ReplyPointTable, ReplyTable, SuggestionTable } from './suggestions.tables.js';

type Org = { id: string; name: string };
const SIGNER_STATUS_LABELS = { invited: '待确认', accepted: '已附议', declined: '已谢绝' } as const;
const EXT_STATE_LABELS = { pending: '待审核', approved: '已批准', rejected: '未批准' } as const;

export const effectiveDue = (s: Pick<SuggestionTable, 'extended_due' | 'reply_due'>) => s.extended_due ?? s.reply_due;

function parseExplain(json: string | null): Record<string, Explained> {
  return json ? JSON.parse(json) : {};
}

export function suggestionClock(s: Pick<SuggestionTable, 'extended_due' | 'reply_due' | 'state'>, rs: RuleSet | undefined, mc: ModuleCalendar, today: string): DeadlineClock | null {
  const due = effectiveDue(s);
  if (!due || !rs || !HANDLING_STATES.includes(s.state as SuggestionState)) return null;
  return deadlineClock(mc.cal, today, due, dueSoonWorkdays(rs));
}

/** List rows, loaded in a few batched queries (none for the session and unit names when the rows carry them). */
export async function presentList(core: SuggestionsCore, rows: Array<SuggestionListRow & Partial<ListNames>>): Promise<SuggestionListItemT[]> {
  if (!rows.length) return [];
  const repo = core.repo;
  const ids = rows.map((r) => r.id);
  const named = rows.every((r) => r.session_short_name !== undefined && r.lead_unit_name !== undefined);
  const [signers, sessions, orgs, rules, mc] = await Promise.all([
    repo.signers(ids),
    named ? [] : core.ctx.db.selectFrom('congress_session').select(['id', 'short_name']).where('id', 'in', [...new Set(rows.map((r) => r.session_id))]).execute(),
    named ? [] : repo.orgs([...new Set(rows.map((r) => r.lead_unit_id).filter((x): x is string => !!x))]),
    core.ruleSetsBySession(),
    core.calendar(),
  ]);
  const today = core.today();
  return rows.map((s) => {
    const mine = signers.filter((g) => g.suggestion_id === s.id);
    const lead = mine.find((g) => g.role === 'lead');
    const unitName = s.lead_unit_name !== undefined ? s.lead_unit_name : orgs.find((o) => o.id === s.lead_unit_id)?.name ?? null;
    return {
      id: s.id,
      sessionId: s.session_id,
      sessionShortName: s.session_short_name ?? sessions.find((x) => x.id === s.session_id)?.short_name ?? '',
      number: s.number,
      title: s.title,
      category: s.category,
      kind: s.kind,
      state: s.state as SuggestionState,
      stateLabel: STATE_LABELS[s.state as SuggestionState] ?? s.state,
      round: s.round,
      leadDeputy: { id: s.lead_deputy_id, name: lead?.name ?? '' },
      signerNames: mine.filter((g) => g.status === 'accepted').map((g) => g.name),
      leadUnit: s.lead_unit_id && unitName !== null ? { id: s.lead_unit_id, name: unitName } : null,
      assignedOn: s.assigned_on,
      dueDate: effectiveDue(s),
      clock: suggestionClock(s, rules.get(s.session_id), mc, today),
      keySupervision: s.key_supervision === 1,
      finalSatisfaction: (s.final_satisfaction as Satisfaction | null) ?? null,
      isDemo: s.is_demo === 1,
      updatedAt: s.updated_at,
    };
  });
}

export function presentAssignment(a: AssignmentTable, org: Org | undefined, opts: { opinionVisible: boolean; opinionByName: string | null; suggestion: SuggestionTable; rs: RuleSet; mc: ModuleCalendar; today: string }): AssignmentViewT {
  const ex = parseExplain(a.due_explain_json);
  const s = opts.suggestion;
  let clock: DeadlineClock | null = null;
  if (a.state !== 'returned' && HANDLING_STATES.includes(s.state as SuggestionState)) {
    const soon = dueSoonWorkdays(opts.rs);
    if (a.role === 'lead' && effectiveDue(s)) clock = deadlineClock(opts.mc.cal, opts.today, effectiveDue(s)!, soon);
    if (a.role === 'co' && !a.opinion_at && a.opinion_due) clock = deadlineClock(opts.mc.cal, opts.today, a.opinion_due, soon);
  }
  return {
    id: a.id,
    suggestionId: a.suggestion_id,
    unit: { id: a.unit_id, name: org?.name ?? '' },
    role: a.role as 'lead' | 'co',
    roleLabel: ASSIGNMENT_ROLE_LABELS[a.role as 'lead' | 'co'],
    state: a.state as AssignmentState,
    stateLabel: ASSIGNMENT_STATE_LABELS[a.state as AssignmentState],
    assignedOn: a.assigned_on,
    acceptedAt: a.accepted_at,
    returnDue: ex.returnDue ?? { date: a.return_due, lines: [] },
    returnReason: a.return_reason,
    returnRequestedAt: a.return_requested_at,
    returnDecision: a.return_decision as 'approved' | 'rejected' | null,
    returnDecisionNote: a.return_decision_note,
    returnDecidedAt: a.return_decided_at,
    opinionDue: a.opinion_due ? ex.opinionDue ?? { date: a.opinion_due, lines: [] } : null,
    opinion: opts.opinionVisible && a.opinion_text && a.opinion_at ? { text: a.opinion_text, at: a.opinion_at, byName: opts.opinionByName } : null,
    opinionVisible: opts.opinionVisible,
    clock,
    version: a.version,
  };
}

export function presentReply(r: ReplyTable, points: ReplyPointTable[], ratings: Array<RatingTable & { deputy_name: string }>, opts: { orgs: Map<string, Org>; rs: RuleSet; expected: number; allRatings: boolean; viewerDeputyId: string | null }): ReplyViewT {
  const mine = ratings.filter((x) => x.reply_id === r.id);
  const visible = opts.allRatings ? mine : mine.filter((x) => x.deputy_id === opts.viewerDeputyId);
  return {
    id: r.id,
    suggestionId: r.suggestion_id,
    round: r.round,
    state: r.state as 'draft' | 'submitted',
    unit: opts.orgs.get(r.unit_id) ?? { id: r.unit_id, name: '' },
    docNumber: r.doc_number,
    classCode: r.class_code,
    classLabel: classLabel(opts.rs, r.class_code),
    signer: r.signer,
    contactPerson: r.contact_person,
    contactPhone: r.contact_phone,
    intro: r.intro,
    closing: r.closing,
    replyDate: r.reply_date,
    dueOn: r.due_on,
    submittedAt: r.submitted_at,
    publicationState: r.publication_state as 'draft' | 'reviewed' | 'published',
    publishedAt: r.published_at,
    points: points.filter((p) => p.reply_id === r.id).sort((a, b) => a.ordinal - b.ordinal).map((p) => ({
      id: p.id, ordinal: p.ordinal, heading: p.heading, text: p.text,
      responsibleOrg: p.responsible_org_id ? opts.orgs.get(p.responsible_org_id) ?? { id: p.responsible_org_id, name: '' } : null,
      version: p.version,
    })),
    ratings: visible.map((x) => ({
      id: x.id, deputyId: x.deputy_id, deputyName: x.deputy_name, satisfaction: x.satisfaction as Satisfaction,
      satisfactionLabel: SATISFACTION_LABELS[x.satisfaction as Satisfaction], metInPerson: x.met_in_person === 1, comment: x.comment, ratedAt: x.rated_at,
    })),
    ratingsExpected: opts.expected,
    ratingsReceived: mine.length,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** Everything about one suggestion that this viewer may see, and what they may do with it now. */
export async function presentDetail(core: SuggestionsCore, actor: Viewer, x: SuggestionAccess): Promise<SuggestionDetailT> {
  const s = x.s;
  const repo = core.repo;
  const internal = allowed(suggestionPolicy, actor, 'readInternal', x);
  const [[item], rs, mc, extensions, supervision, replies] = await Promise.all([
    presentList(core, [s]),
    core.ruleSetOfSession(s.session_id),
    core.calendar(),
    internal ? repo.extensionRequests(s.id) : Promise.resolve([]),
    internal ? repo.supervisionActions(s.id) : Promise.resolve([]),
    repo.replies([s.id]),
  ]);
  const today = core.today();
  const visibleReplies = internal ? replies : replies.filter((r) => r.state === 'submitted');
  const replyIds = visibleReplies.map((r) => r.id);
  const [points, ratings] = await Promise.all([repo.points(replyIds), repo.ratings(replyIds)]);
  const orgIds = new Set<string>([...x.assignments.map((a) => a.unit_id), ...replies.map((r) => r.unit_id), ...points.map((p) => p.responsible_org_id).filter((v): v is string => !!v)]);
  const orgs = new Map((await repo.orgs([...orgIds])).map((o) => [o.id, { id: o.id, name: o.name }]));
  const opinionAuthors = new Map((await repo.userNames(x.assignments.map((a) => a.opinion_by).filter((v): v is string => !!v))).map((u) => [u.id, u.display_name]));
  const expected = x.signers.filter((g) => g.status === 'accepted').length;
  const ex = parseExplain(s.due_explain_json);

  const assignments = x.assignments
    .filter((a) => internal || a.state !== 'returned')
    .map((a) => presentAssignment(a, orgs.get(a.unit_id), {
      opinionVisible: allowed(assignmentPolicy, actor, 'readOpinion', { ...x, a }),
      opinionByName: a.opinion_by ? opinionAuthors.get(a.opinion_by) ?? null : null,
      suggestion: s, rs, mc, today,
    }));
  const unitNames = new Map(x.assignments.map((a) => [a.id, orgs.get(a.unit_id)?.name ?? '']));

  return {
    ...item,
    body: s.body,
    notAdmittedReason: s.not_admitted_reason,
    submittedAt: s.submitted_at,
    admittedAt: s.admitted_at,
    closedAt: s.closed_at,
    deadlines: {
      replyDue: s.reply_due ? ex.replyDue ?? { date: s.reply_due, lines: [] } : null,
      hardDue: s.hard_due ? ex.hardDue ?? { date: s.hard_due, lines: [] } : null,
      extendedDue: s.extended_due ? ex.extendedDue ?? { date: s.extended_due, lines: [] } : null,
    },
    ruleSet: { id: rs.id, name: rs.name, classScheme: rs.classScheme, returnWindowCount: rs.returnWindowCount, returnWindowUnit: rs.returnWindowUnit },
    signers: x.signers.map((g) => ({
      deputyId: g.deputy_id, name: g.name, role: g.role as 'lead' | 'co', status: g.status as 'invited' | 'accepted' | 'declined',
      statusLabel: SIGNER_STATUS_LABELS[g.status as keyof typeof SIGNER_STATUS_LABELS], respondedAt: g.responded_at,
    })),
    assignments: actor?.role === 'deputy' ? assignments.map((a) => ({ ...a, returnReason: null, returnDecisionNote: null })) : assignments,
    extensionRequests: extensions.map((e) => ({
      id: e.id, assignmentId: e.assignment_id, unitName: unitNames.get(e.assignment_id) ?? '', requestedDue: e.requested_due, reason: e.reason,
      state: e.state as 'pending' | 'approved' | 'rejected', stateLabel: EXT_STATE_LABELS[e.state as keyof typeof EXT_STATE_LABELS],
      decidedDue: e.decided_due, decisionNote: e.decision_note, requestedAt: e.requested_at, decidedAt: e.decided_at, version: e.version,
    })),
    supervisionActions: supervision.map((a) => ({
      id: a.id, kind: a.kind as keyof typeof SUPERVISION_KIND_LABELS, kindLabel: SUPERVISION_KIND_LABELS[a.kind as keyof typeof SUPERVISION_KIND_LABELS],
      happenedOn: a.happened_on, note: a.note, actorName: a.actor_name, createdAt: a.created_at,
    })),
    replies: visibleReplies.map((r) => presentReply(r, points, ratings, { orgs, rs, expected, allRatings: internal, viewerDeputyId: x.viewerDeputyId })),
    actions: availableActions(actor, x, { replies, ratings, extensions, today }),
    version: s.version,
  };
}

type ViewAction = SuggestionDetailT['actions'][number];

function availableActions(actor: Viewer, x: SuggestionAccess, d: { replies: ReplyTable[]; ratings: RatingTable[]; extensions: Array<{ state: string }>; today: string }): ViewAction[] {
  const s = x.s;
  const st = s.state as SuggestionState;
  const out: ViewAction[] = [];
  const may = (a: Parameters<typeof allowed<SuggestionAccess, keyof typeof suggestionPolicy>>[2]) => allowed(suggestionPolicy, actor, a, x);
  const organizer = actor?.role === 'organizer';
  const leadDeputy = actor?.role === 'deputy' && x.viewerDeputyId === s.lead_deputy_id;
  const handling = HANDLING_STATES.includes(st);
  if ((leadDeputy && st === 'draft') || (organizer && (st === 'submitted' || st === 'admitted'))) out.push('edit');
  if (may('submit') && st === 'draft') out.push('submit');
  if ((leadDeputy && st === 'draft') || (organizer && ['submitted', 'admitted'].includes(st))) out.push('invite');
  if (may('sign') && st === 'draft') out.push('sign');
  if (organizer && st === 'submitted') out.push('admit', 'not_admit');
  if (organizer && st === 'admitted') out.push('assign');
  const mine = unitAssignment(actor, x);
  if (mine && handling && mine.state === 'assigned' && (mine.role === 'co' || st === 'assigned')) out.push('accept');
  if (mine && handling && mine.state === 'assigned' && !mine.return_decision && d.today <= mine.return_due) out.push('request_return');
  if (organizer && x.assignments.some((a) => a.state === 'return_requested')) out.push('decide_return');
  const pendingExt = d.extensions.some((e) => e.state === 'pending');
  if (mine?.role === 'lead' && (st === 'in_progress' || st === 'rehandling') && !pendingExt) out.push('request_extension');
  if (organizer && pendingExt) out.push('decide_extension');
  if (mine?.role === 'co' && handling && (mine.state === 'assigned' || mine.state === 'accepted')) out.push('submit_opinion');
  const current = d.replies.find((r) => r.round === s.round);
  if (mine?.role === 'lead' && (st === 'in_progress' || st === 'rehandling') && current?.state === 'draft') out.push('edit_reply', 'submit_reply');
  const signer = viewerSigner(actor, x);
  if (signer?.status === 'accepted' && st === 'awaiting_feedback' && current && !d.ratings.some((r) => r.reply_id === current.id && r.deputy_id === signer.deputy_id)) out.push('rate');
  if (organizer && !['draft', 'submitted', 'not_admitted'].includes(st)) out.push('key_supervision', 'supervise');
  return out;
}
