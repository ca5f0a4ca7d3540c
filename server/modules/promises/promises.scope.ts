/**
 * Who may read which promises, declared once: `promisePolicy.read` gives its verdict from it and the ledger,
 * its counts and export, the reply's and the suggestion's promise lists filter with it.
 */
import { actorOrg, actorUser, col, defineRowScope, some, type ScopeRow } from '../../platform/policy/row-scope.js';
import type { PromiseAccess } from './promises.policy.js';

const ownedByMyOrg = col('owner_org_id').is(actorOrg);
const inMyOrgsReply = some('reply', col('unit_id').is(actorOrg));
const signer = some('signers', col('user_id').is(actorUser));

/**
 * Organizer and admin read every promise; a unit the promises it owns and those of the replies it wrote; the
 * zone its own and every confirmed one; a deputy the confirmed promises of their own suggestions.
 */
export const promiseScope = defineRowScope({
  table: 'promise',
  relations: {
    reply: { table: 'reply', on: ['id', 'reply_id'] },
    signers: {
      table: 'suggestion_signer', on: ['suggestion_id', 'suggestion_id'], where: [col('status').isNot('declined')],
      join: { table: 'deputy', on: ['id', 'deputy_id'], columns: ['user_id'] },
    },
  },
  roles: {
    admin: { any: [[]], reason: '无权查看承诺' },
    organizer: { any: [[]], reason: '无权查看承诺' },
    unit_staff: { any: [[ownedByMyOrg], [inMyOrgsReply]], reason: '该承诺不由本单位负责，也不是本单位答复中的承诺' },
    zone_staff: { any: [[ownedByMyOrg], [inMyOrgsReply], [col('confirmed').is(1)]], reason: '未确认的承诺仅承办单位和责任单位可见' },
    deputy: {
      any: [[signer, col('confirmed').is(1)]],
      because: [[signer, '只能查看本人领衔或附议建议的承诺']],
      reason: '该承诺尚未经承办单位确认',
    },
  },
  publicReason: '请先登录',
  otherReason: '无权查看承诺',
});

/** A loaded promise's access facts as the scope's verdict reads them. */
export const promiseRow = (p: PromiseAccess): ScopeRow => ({
  owner_org_id: p.ownerOrgId,
  confirmed: p.confirmed ? 1 : 0,
  reply: [{ unit_id: p.replyUnitId }],
  // The facts list the signers who have not declined.
  signers: p.signerUserIds.map((u) => ({ user_id: u, status: 'accepted' })),
});
