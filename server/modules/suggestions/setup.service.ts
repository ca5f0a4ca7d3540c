import type { z } from 'zod';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize, allowed } from '../../platform/policy/policy.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { badRequest, conflict, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { SuggestionsCore } from './core.js';
import { parseRuleSet } from './rule-set.js';
import { deputyPolicy, setupPolicy } from './suggestions.policy.js';
import type { DeputyCreate, DeputyListQuery, DeputyUpdate, RuleSetCreate, RuleSetUpdate, SessionCreate, SessionUpdate } from './suggestions.schemas.js';
import type { CongressSessionTable, DeputyTable, RuleSetTable } from './suggestions.tables.js';

const presentRuleSet = (r: RuleSetTable) => {
  const p = parseRuleSet(r);
  return {
    id: p.id, name: p.name, jurisdiction: p.jurisdiction, replyMonths: p.replyMonths, hardMonths: p.hardMonths,
    coOpinionMonths: p.coOpinionMonths, returnWindowCount: p.returnWindowCount, returnWindowUnit: p.returnWindowUnit,
    rereplyMonths: p.rereplyMonths, publishWorkdays: p.publishWorkdays, classScheme: p.classScheme, classMarkOnDoc: p.classMarkOnDoc,
    replyMode: p.replyMode, reminders: p.reminders, isDemo: p.isDemo, version: p.version, updatedAt: p.updatedAt,
  };
};

/** Rule sets (admin), congress sessions (organizer) and the deputies' register (organizer). */
export class SetupService {
  constructor(private readonly core: SuggestionsCore) {}

  private get ctx() { return this.core.ctx; }
  private get repo() { return this.core.repo; }

  // ---------- rule sets ----------

  async listRuleSets(actor: Actor) {
    authorize(setupPolicy, actor, 'readRuleSets', null);
    return (await this.repo.listRuleSets()).map(presentRuleSet);
  }

  async createRuleSet(actor: Actor, b: z.infer<typeof RuleSetCreate>) {
    authorize(setupPolicy, actor, 'manageRuleSets', null);
    if (await this.repo.ruleSetByName(b.jurisdiction, b.name)) conflict(`${b.jurisdiction}已有名为“${b.name}”的办理规则`, 'duplicate');
    const now = this.ctx.clock.nowIso();
    const row: RuleSetTable = {
      id: newId(), name: b.name, jurisdiction: b.jurisdiction, reply_months: b.replyMonths, hard_months: b.hardMonths,
      co_opinion_months: b.coOpinionMonths, return_window_count: b.returnWindowCount, return_window_unit: b.returnWindowUnit,
      rereply_months: b.rereplyMonths, publish_workdays: b.publishWorkdays, class_scheme_json: JSON.stringify(b.classScheme),
      class_mark_on_doc: b.classMarkOnDoc ? 1 : 0, reply_mode: b.replyMode, reminders_json: JSON.stringify(b.reminders),
      is_demo: 0, version: 1, created_at: now, updated_at: now,
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).insertRuleSet(row);
      await recordAudit(tx, this.ctx.clock, actor, { action: 'rule_set.create', entityType: 'rule_set', entityId: row.id, after: presentRuleSet(row) });
    });
    return presentRuleSet(row);
  }

  async updateRuleSet(actor: Actor, id: string, b: z.infer<typeof RuleSetUpdate>) {
    authorize(setupPolicy, actor, 'manageRuleSets', null);
    const cur = (await this.repo.ruleSet(id)) ?? notFound('办理规则不存在');
    const before = presentRuleSet(cur!);
    const next: RuleSetTable = {
      ...cur!,
      name: b.name ?? cur!.name,
      jurisdiction: b.jurisdiction ?? cur!.jurisdiction,
      reply_months: b.replyMonths ?? cur!.reply_months,
      hard_months: b.hardMonths ?? cur!.hard_months,
      co_opinion_months: b.coOpinionMonths ?? cur!.co_opinion_months,
      return_window_count: b.returnWindowCount ?? cur!.return_window_count,
      return_window_unit: b.returnWindowUnit ?? cur!.return_window_unit,
      rereply_months: b.rereplyMonths ?? cur!.rereply_months,
      publish_workdays: b.publishWorkdays ?? cur!.publish_workdays,
      class_scheme_json: b.classScheme ? JSON.stringify(b.classScheme) : cur!.class_scheme_json,
      class_mark_on_doc: b.classMarkOnDoc === undefined ? cur!.class_mark_on_doc : b.classMarkOnDoc ? 1 : 0,
      reply_mode: b.replyMode ?? cur!.reply_mode,
      reminders_json: b.reminders ? JSON.stringify(b.reminders) : cur!.reminders_json,
      updated_at: this.ctx.clock.nowIso(),
    };
    if (next.hard_months < next.reply_months) badRequest('最长期限不能短于答复期限', 'rule_set_invalid');
    if ((next.name !== cur!.name || next.jurisdiction !== cur!.jurisdiction)) {
      const dup = await this.repo.ruleSetByName(next.jurisdiction, next.name);
      if (dup && dup.id !== id) conflict(`${next.jurisdiction}已有名为“${next.name}”的办理规则`, 'duplicate');
    }
    await this.ctx.db.transaction().execute(async (tx) => {
      const { id: _id, version: _version, ...patch } = next;
      next.version = await this.repo.with(tx).updateVersioned('rule_set', id, b.version, patch, '该办理规则');
      await recordAudit(tx, this.ctx.clock, actor, { action: 'rule_set.update', entityType: 'rule_set', entityId: id, before, after: presentRuleSet(next) });
    });
    return presentRuleSet(next);
  }

  // ---------- congress sessions ----------

  async listSessions(actor: Actor) {
    authorize(setupPolicy, actor, 'readSessions', null);
    return this.sessionViews();
  }

  private async sessionViews() {
    return (await this.repo.listSessions()).map((r) => ({
      id: r.id, body: r.body, term: r.term, meeting: r.meeting, shortName: r.short_name, fullName: r.full_name,
      startsOn: r.starts_on, endsOn: r.ends_on, ruleSetId: r.rule_set_id, ruleSetName: r.rule_set_name,
      suggestionCount: r.suggestion_count, isDemo: r.is_demo === 1, version: r.version,
    }));
  }

  private async sessionView(id: string) {
    return (await this.sessionViews()).find((s) => s.id === id)!;
  }

  async createSession(actor: Actor, b: z.infer<typeof SessionCreate>) {
    authorize(setupPolicy, actor, 'manageSessions', null);
    if (!(await this.repo.ruleSet(b.ruleSetId))) badRequest('所选办理规则不存在', 'rule_set_missing');
    if (await this.repo.sessionByFullName(b.fullName)) conflict(`已有名为“${b.fullName}”的会议`, 'duplicate');
    const now = this.ctx.clock.nowIso();
    const row: CongressSessionTable = {
      id: newId(), body: b.body, term: b.term, meeting: b.meeting, short_name: b.shortName ?? `${b.term}届${b.meeting}次`,
      full_name: b.fullName, starts_on: b.startsOn, ends_on: b.endsOn, rule_set_id: b.ruleSetId, is_demo: 0, version: 1, created_at: now, updated_at: now,
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).insertSession(row);
      await recordAudit(tx, this.ctx.clock, actor, { action: 'congress_session.create', entityType: 'congress_session', entityId: row.id, after: row });
    });
    return this.sessionView(row.id);
  }

  async updateSession(actor: Actor, id: string, b: z.infer<typeof SessionUpdate>) {
    authorize(setupPolicy, actor, 'manageSessions', null);
    const cur = (await this.repo.session(id)) ?? notFound('会议不存在');
    if (b.ruleSetId && !(await this.repo.ruleSet(b.ruleSetId))) badRequest('所选办理规则不存在', 'rule_set_missing');
    const next = {
      body: b.body ?? cur!.body, term: b.term ?? cur!.term, meeting: b.meeting ?? cur!.meeting,
      short_name: b.shortName ?? (b.term || b.meeting ? `${b.term ?? cur!.term}届${b.meeting ?? cur!.meeting}次` : cur!.short_name),
      full_name: b.fullName ?? cur!.full_name, starts_on: b.startsOn ?? cur!.starts_on, ends_on: b.endsOn ?? cur!.ends_on,
      rule_set_id: b.ruleSetId ?? cur!.rule_set_id, updated_at: this.ctx.clock.nowIso(),
    };
    if (next.ends_on < next.starts_on) badRequest('闭幕日期不能早于开幕日期', 'validation_failed');
    if (next.full_name !== cur!.full_name && (await this.repo.sessionByFullName(next.full_name))) conflict(`已有名为“${next.full_name}”的会议`, 'duplicate');
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).updateVersioned('congress_session', id, b.version, next, '该会议');
      await recordAudit(tx, this.ctx.clock, actor, { action: 'congress_session.update', entityType: 'congress_session', entityId: id, before: cur, after: next });
    });
    return this.sessionView(id);
  }

  // ---------- deputies ----------

  private presentDeputy(actor: Actor, d: DeputyTable & { username: string | null }) {
    const phoneVisible = allowed(deputyPolicy, actor, 'readPhone', d);
    return {
      id: d.id, name: d.name, body: d.body, delegation: d.delegation, userId: d.user_id, username: d.username,
      phone: phoneVisible ? this.core.fieldCrypto().decryptNullable(d.phone_enc) : null, phoneVisible,
      isDemo: d.is_demo === 1, version: d.version,
    };
  }

  async listDeputies(actor: Actor, q: z.infer<typeof DeputyListQuery>) {
    authorize(deputyPolicy, actor, 'list', { user_id: null });
    return (await this.repo.listDeputies(q)).map((d) => this.presentDeputy(actor, d));
  }

  async me(actor: Actor) {
    authorize(deputyPolicy, actor, 'self', { user_id: actor.userId });
    const d = (await this.repo.deputyByUser(actor.userId)) ?? notFound('您的账号未关联代表信息，请联系交办方');
    return this.presentDeputy(actor, (await this.repo.deputy(d!.id))!);
  }

  private async assertLinkable(userId: string | null | undefined, exceptDeputyId?: string) {
    if (!userId) return;
    const u = await this.repo.user(userId);
    if (!u) badRequest('所选账号不存在', 'user_missing');
    if (u!.role !== 'deputy') badRequest('只能关联角色为“代表”的账号', 'user_not_deputy');
    const linked = await this.repo.deputyByUser(userId);
    if (linked && linked.id !== exceptDeputyId) conflict(`该账号已关联代表“${linked.name}”`, 'duplicate');
  }

  async createDeputy(actor: Actor, b: z.infer<typeof DeputyCreate>) {
    authorize(deputyPolicy, actor, 'manage', { user_id: null });
    await this.assertLinkable(b.userId);
    const now = this.ctx.clock.nowIso();
    const row: DeputyTable = {
      id: newId(), name: b.name, user_id: b.userId ?? null, body: b.body, delegation: b.delegation ?? null,
      phone_enc: this.core.fieldCrypto().encryptNullable(b.phone), is_demo: 0, version: 1, created_at: now, updated_at: now,
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).insertDeputy(row);
      // The phone itself never goes into the audit log: only that one was recorded.
      await recordAudit(tx, this.ctx.clock, actor, { action: 'deputy.create', entityType: 'deputy', entityId: row.id, after: { name: row.name, body: row.body, delegation: row.delegation, userId: row.user_id, phoneSet: !!row.phone_enc } });
    });
    return this.presentDeputy(actor, (await this.repo.deputy(row.id))!);
  }

  async updateDeputy(actor: Actor, id: string, b: z.infer<typeof DeputyUpdate>) {
    authorize(deputyPolicy, actor, 'manage', { user_id: null });
    const cur = (await this.repo.deputy(id)) ?? notFound('代表不存在');
    if (b.userId !== undefined) await this.assertLinkable(b.userId, id);
    const patch = {
      name: b.name ?? cur!.name,
      delegation: b.delegation === undefined ? cur!.delegation : b.delegation,
      user_id: b.userId === undefined ? cur!.user_id : b.userId,
      phone_enc: b.phone === undefined ? cur!.phone_enc : this.core.fieldCrypto().encryptNullable(b.phone),
      updated_at: this.ctx.clock.nowIso(),
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).updateVersioned('deputy', id, b.version, patch, '该代表信息');
      await recordAudit(tx, this.ctx.clock, actor, {
        action: 'deputy.update', entityType: 'deputy', entityId: id,
        before: { name: cur!.name, delegation: cur!.delegation, userId: cur!.user_id },
        after: { name: patch.name, delegation: patch.delegation, userId: patch.user_id, phoneChanged: b.phone !== undefined },
      });
    });
    return this.presentDeputy(actor, (await this.repo.deputy(id))!);
  }
}
