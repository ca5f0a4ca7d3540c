/**
 * Who may read which suggestions and replies, declared once. The policy's `read` verdict, the list's filter,
 * the search, similar suggestions, the export, the statistics, the dashboard's counts and the promise
 * endpoints all take it from here.
 */
import { actorOrg, actorUser, col, defineRowScope, some, type ScopeRow } from '../../platform/policy/row-scope.js';
import type { AssignmentTable, ReplyTable, SuggestionSignerTable, SuggestionTable } from './suggestions.tables.js';

/** A deputy who leads or co-signs (invited or accepted; not declined). */
const signer = some('signers', col('user_id').is(actorUser));
/** The viewer's unit has an active assignment (lead or co-unit). */
const assignedToMyUnit = some('assignments', col('unit_id').is(actorOrg));

/**
 * Organizer and admin read every suggestion once it is submitted (a deputy's draft is theirs, and their
 * invited colleagues', until then); unit staff those assigned to their unit; deputies their own.
 */
export const suggestionScope = defineRowScope({
  table: 'suggestion',
  relations: {
    signers: {
      table: 'suggestion_signer', on: ['suggestion_id', 'id'], where: [col('status').isNot('declined')],
      join: { table: 'deputy', on: ['id', 'deputy_id'], columns: ['user_id'] },
    },
    assignments: { table: 'assignment', on: ['suggestion_id', 'id'], where: [col('state').isNot('returned')] },
  },
  roles: {
    admin: { any: [[col('state').isNot('draft')]], reason: '该建议尚未提交，交办方暂不可见', wide: true },
    organizer: { any: [[col('state').isNot('draft')]], reason: '该建议尚未提交，交办方暂不可见', wide: true },
    unit_staff: { any: [[assignedToMyUnit]], reason: '该建议未交由本单位办理，无权查看' },
    deputy: { any: [[signer]], reason: '只能查看本人领衔或附议的建议' },
  },
  publicReason: '请先登录',
  otherReason: '无权查看建议办理信息',
});

/**
 * Replies (and what hangs on them: points, promises): readable with their suggestion; drafts are internal
 * working papers of the organizer, admin and the assigned units, never for deputies.
 */
export const replyScope = defineRowScope({
  table: 'reply',
  relations: {
    // The suggestion's own scope, restated over the reply's suggestion.
    suggestion: { table: 'suggestion', on: ['id', 'suggestion_id'] },
    signers: {
      table: 'suggestion_signer', on: ['suggestion_id', 'suggestion_id'], where: [col('status').isNot('declined')],
      join: { table: 'deputy', on: ['id', 'deputy_id'], columns: ['user_id'] },
    },
    assignments: { table: 'assignment', on: ['suggestion_id', 'suggestion_id'], where: [col('state').isNot('returned')] },
  },
  roles: {
    admin: { any: [[some('suggestion', col('state').isNot('draft'))]], reason: '该建议尚未提交，交办方暂不可见' },
    organizer: { any: [[some('suggestion', col('state').isNot('draft'))]], reason: '该建议尚未提交，交办方暂不可见' },
    unit_staff: { any: [[assignedToMyUnit]], reason: '该建议未交由本单位办理，无权查看' },
    deputy: {
      any: [[signer, col('state').is('submitted')]],
      because: [[signer, '只能查看本人领衔或附议的建议']],
      reason: '答复尚未提交，暂不可见',
    },
  },
  publicReason: '请先登录',
  otherReason: '无权查看建议办理信息',
});

type Signer = Pick<SuggestionSignerTable, 'status'> & { user_id: string | null };

/** A loaded suggestion as its scope's verdict reads it. */
export const suggestionRow = (s: SuggestionTable, signers: Signer[], assignments: Array<Pick<AssignmentTable, 'unit_id' | 'state'>>): ScopeRow =>
  ({ ...s, signers, assignments });

/** A loaded reply, with its suggestion's facts. */
export const replyRow = (r: Pick<ReplyTable, 'state' | 'suggestion_id'>, s: Pick<SuggestionTable, 'state'>, signers: Signer[], assignments: Array<Pick<AssignmentTable, 'unit_id' | 'state'>>): ScopeRow =>
  ({ ...r, suggestion: [s], signers, assignments });
