import type { Viewer } from '../../platform/auth/roles.js';
import { definePolicy, roleIs } from '../../platform/policy/policy.js';
import type { AssignmentTable, SuggestionSignerTable, SuggestionTable } from './suggestions.tables.js';
import { suggestionRow, suggestionScope } from './suggestions.scope.js';

/** A suggestion with what decides who may touch it: its signers, its units, and the viewer's deputy record. */
export interface SuggestionAccess {
  s: SuggestionTable;
  signers: Array<SuggestionSignerTable & { name: string; user_id: string | null }>;
  assignments: AssignmentTable[];
  /** The deputy record linked to the viewer's account, if any. */
  viewerDeputyId: string | null;
}

const active = (a: AssignmentTable) => a.state !== 'returned';

/** The viewer's unit's active assignment on this suggestion, if the viewer is unit staff. */
export function unitAssignment(actor: Viewer, x: SuggestionAccess): AssignmentTable | null {
  if (!actor || actor.role !== 'unit_staff' || !actor.orgUnitId) return null;
  return x.assignments.find((a) => active(a) && a.unit_id === actor.orgUnitId) ?? null;
}

/** The viewer's signer row, unless they declined. */
export function viewerSigner(actor: Viewer, x: SuggestionAccess): SuggestionSignerTable | null {
  if (!actor || actor.role !== 'deputy' || !x.viewerDeputyId) return null;
  return x.signers.find((g) => g.deputy_id === x.viewerDeputyId && g.status !== 'declined') ?? null;
}

const isLeadUnit = (actor: Viewer, x: SuggestionAccess) => unitAssignment(actor, x)?.role === 'lead';
const isLeadDeputy = (actor: Viewer, x: SuggestionAccess) => actor?.role === 'deputy' && !!x.viewerDeputyId && x.s.lead_deputy_id === x.viewerDeputyId;
const organizer = roleIs('organizer');

/**
 * Who may do what to a suggestion. Organizer: everything of the workflow; admin: read; unit staff: the
 * suggestions assigned to their unit (a co-unit reads, only the lead unit replies); deputies: their own.
 */
export const suggestionPolicy = definePolicy<SuggestionAccess>({
  /** Row scope: declared once in suggestions.scope.ts (the list, search and exports use the same declaration). */
  read: (a, x) => suggestionScope.verdict(a, suggestionRow(x.s, x.signers, x.assignments)),
  /** Drafts of replies and co-units' opinions are internal: never for deputies or the public. */
  readInternal: (a, x) => (a && (a.role === 'admin' || a.role === 'organizer' || unitAssignment(a, x)) ? true : '无权查看内部办理信息'),
  edit: (a, x) => (isLeadDeputy(a, x) || (a?.role === 'organizer' && x.s.state !== 'draft') ? true : '只有领衔代表或交办方可以修改建议'),
  submit: (a, x) => (isLeadDeputy(a, x) ? true : '只有领衔代表可以提交建议'),
  invite: (a, x) => (isLeadDeputy(a, x) || (a?.role === 'organizer' && x.s.state !== 'draft') ? true : '只有领衔代表或交办方可以邀请附议代表'),
  sign: (a, x) => (viewerSigner(a, x)?.status === 'invited' ? true : '您没有待答复的附议邀请'),
  admit: organizer,
  assign: organizer,
  decide: organizer,
  supervise: organizer,
  accept: (a, x) => (unitAssignment(a, x) ? true : '只有承办单位可以签收'),
  requestExtension: (a, x) => (isLeadUnit(a, x) ? true : '只有主办单位可以申请延期'),
  reply: (a, x) => (isLeadUnit(a, x) ? true : '只有主办单位可以编辑和提交答复'),
  rate: (a, x) => {
    const g = viewerSigner(a, x);
    if (g && g.status === 'accepted') return true;
    return '只有领衔或附议本建议的代表可以评价答复';
  },
});

/** An assignment together with its suggestion. */
export interface AssignmentAccess extends SuggestionAccess {
  a: AssignmentTable;
}

const ownUnit = (actor: Viewer, x: AssignmentAccess) => actor?.role === 'unit_staff' && !!actor.orgUnitId && actor.orgUnitId === x.a.unit_id;

export const assignmentPolicy = definePolicy<AssignmentAccess>({
  /** Accept or request a return: the unit itself. */
  handle: (a, x) => (ownUnit(a, x) ? true : '只能处理交给本单位的办理任务'),
  opinion: (a, x) => (ownUnit(a, x) && x.a.role === 'co' ? true : '只有该协办单位可以提交协办意见'),
  /** A co-unit's opinion: the organizer, admin, the lead unit and the co-unit itself. */
  readOpinion: (a, x) => {
    if (!a) return '请先登录';
    if (a.role === 'admin' || a.role === 'organizer' || ownUnit(a, x)) return true;
    return isLeadUnit(a, x) ? true : '协办意见仅主办单位和交办方可见';
  },
  decide: organizer,
});

/** A deputy's personal phone: the organizer and the deputy themself. */
export const deputyPolicy = definePolicy<{ user_id: string | null }>({
  readPhone: (a, d) => (a?.role === 'organizer' || (a?.role === 'deputy' && d.user_id === a.userId) ? true : '代表个人联系方式仅交办方和本人可见'),
  list: (a) => (a && ['admin', 'organizer', 'deputy'].includes(a.role) ? true : '无权查看代表名录'),
  manage: organizer,
  self: roleIs('deputy'),
});

/** Rule sets, sessions and the overviews. */
export const setupPolicy = definePolicy<null>({
  readRuleSets: roleIs('admin', 'organizer'),
  manageRuleSets: roleIs('admin'),
  readSessions: roleIs('admin', 'organizer', 'unit_staff', 'deputy'),
  manageSessions: organizer,
  dashboard: roleIs('organizer', 'admin'),
  inbox: roleIs('unit_staff'),
  list: roleIs('admin', 'organizer', 'unit_staff', 'deputy'),
  create: roleIs('organizer', 'deputy'),
});
