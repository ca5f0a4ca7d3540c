import type { AppContext } from '../../platform/context.js';
import type { Viewer } from '../../platform/auth/roles.js';
import type { Queryable } from '../../platform/db/database.js';
import { conflict, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { notifyUsers } from '../../platform/notifications/notifications.js';
import { fieldCryptoFor, type FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { transition, TransitionError, type SuggestionAction, type SuggestionState } from '../../../domain/suggestion-states.js';
import { SuggestionRepo } from './suggestions.repo.js';
import { parseRuleSet, type RuleSet } from './rule-set.js';
import type { ModuleCalendar } from './deadlines.js';
import type { SuggestionAccess } from './suggestions.policy.js';
import type { SuggestionTable } from './suggestions.tables.js';

export type Visibility = 'internal' | 'deputy' | 'public';

/** Timeline labels, one per event kind. */
export const EVENT_LABELS: Record<string, string> = {
  created: '起草建议',
  registered: '登记建议',
  edited: '修改建议',
  submitted: '提交建议',
  signer_invited: '邀请附议',
  signer_added: '增加附议代表',
  signer_removed: '移除附议代表',
  signer_accepted: '同意附议',
  signer_declined: '谢绝附议',
  admitted: '立案',
  not_admitted: '不予立案',
  assigned: '交办',
  accepted: '签收',
  return_requested: '申请退办',
  return_approved: '同意退办',
  return_rejected: '驳回退办',
  reassigned: '改交办',
  opinion_submitted: '提交协办意见',
  extension_requested: '申请延期',
  extension_approved: '批准延期',
  extension_rejected: '不批准延期',
  key_supervision_on: '列为重点督办',
  key_supervision_off: '取消重点督办',
  supervision_action: '督办',
  reply_submitted: '提交答复',
  rated: '代表评价',
  closed: '办结',
  rehandling: '重新办理',
  reply_reviewed: '答复公开审核',
  reply_published: '答复公开',
  reply_unpublished: '撤回公开答复',
};

/** What every service of the module shares: the repo, the calendar, rule sets, access, timeline, notices. */
export class SuggestionsCore {
  readonly repo: SuggestionRepo;
  private crypto: FieldCrypto | null = null;

  constructor(readonly ctx: AppContext) {
    this.repo = new SuggestionRepo(ctx.db);
  }

  fieldCrypto(): FieldCrypto {
    this.crypto ??= fieldCryptoFor(this.ctx.config);
    return this.crypto;
  }

  async calendar(): Promise<ModuleCalendar> {
    return this.ctx.calendar.provisional();
  }

  today(): string {
    return this.ctx.clock.today();
  }

  async ruleSetOfSession(sessionId: string, db: Queryable = this.ctx.db): Promise<RuleSet> {
    const row = await db.selectFrom('rule_set').innerJoin('congress_session', 'congress_session.rule_set_id', 'rule_set.id')
      .selectAll('rule_set').where('congress_session.id', '=', sessionId).executeTakeFirst();
    if (!row) notFound('届次或其办理规则不存在');
    return parseRuleSet(row!);
  }

  async ruleSetsBySession(): Promise<Map<string, RuleSet>> {
    const rows = await this.ctx.db.selectFrom('rule_set').innerJoin('congress_session', 'congress_session.rule_set_id', 'rule_set.id')
      .selectAll('rule_set').select('congress_session.id as session_id').execute();
    return new Map(rows.map((r) => [r.session_id, parseRuleSet(r)]));
  }

  async viewerDeputyId(actor: Viewer, db: Queryable = this.ctx.db): Promise<string | null> {
    if (!actor || actor.role !== 'deputy') return null;
    const d = await this.repo.with(db).deputyByUser(actor.userId);
    return d?.id ?? null;
  }

  /** The suggestion with its signers and units, as the policy needs it; 404 when it does not exist. */
  async access(actor: Viewer, id: string, db: Queryable = this.ctx.db): Promise<SuggestionAccess> {
    const repo = this.repo.with(db);
    const s = (await repo.suggestion(id)) ?? notFound('建议不存在');
    const [signers, assignments, viewerDeputyId] = await Promise.all([repo.signers([id]), repo.assignments([id]), this.viewerDeputyId(actor, db)]);
    return { s: s!, signers, assignments, viewerDeputyId };
  }

  /** The state machine's verdict as an HTTP 409 with its Chinese reason. */
  move(state: string, action: SuggestionAction): SuggestionState {
    try {
      return transition(state as SuggestionState, action);
    } catch (err) {
      if (err instanceof TransitionError) conflict(err.message, 'invalid_transition');
      throw err;
    }
  }

  /** One entry on the suggestion's timeline. */
  async event(db: Queryable, s: Pick<SuggestionTable, 'id' | 'is_demo'>, kind: string, actor: Viewer | { system: string }, detail: Record<string, unknown> | null, visibility: Visibility, at = this.ctx.clock.nowIso()) {
    const id = newId();
    await this.repo.with(db).insertEvent({
      id, suggestion_id: s.id, kind, at, detail_json: detail ? JSON.stringify(detail) : null, visibility, is_demo: s.is_demo,
      actor_id: actor && 'userId' in actor ? actor.userId : null,
      actor_name: actor === null ? '公众' : 'system' in actor ? actor.system : actor.displayName,
    });
    return id;
  }

  async notify(db: Queryable, userIds: string[], n: { kind: string; title: string; body: string; suggestionId: string; key: string }) {
    if (!userIds.length) return 0;
    return notifyUsers(db, this.ctx.clock, userIds, { kind: n.kind, title: n.title, body: n.body, link: `/suggestions/${n.suggestionId}`, dedupeKey: n.key });
  }

  /** User accounts of the signers (lead + accepted co-signers) who have one. */
  signerUserIds(x: SuggestionAccess): string[] {
    return x.signers.filter((g) => g.status === 'accepted' && g.user_id).map((g) => g.user_id!);
  }
}

/** "第187号建议" or, before a number is given, the title. */
export function label(s: Pick<SuggestionTable, 'number' | 'title'>): string {
  return s.number !== null ? `第${s.number}号建议` : `建议“${s.title}”`;
}
