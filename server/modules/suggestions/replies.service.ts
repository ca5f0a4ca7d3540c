import type { z } from 'zod';
import { indexSuggestion } from './search/search.indexer.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/policy/policy.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { badRequest, conflict, notFound, staleWrite } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Queryable } from '../../platform/db/database.js';
import { roundOutcome, SATISFACTION_LABELS, type Satisfaction } from '../../../domain/suggestion-states.js';
import { label, type SuggestionsCore } from './core.js';
import { rereplyDue } from './deadlines.js';
import { effectiveDue } from './present.js';
import { classLabel } from './rule-set.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { suggestionPolicy, viewerSigner, type SuggestionAccess } from './suggestions.policy.js';
import type { PointOrderBody, RatingCreate, ReplyPointCreate, ReplyPointUpdate, ReplyUpdate } from './suggestions.schemas.js';
import type { ReplyTable, SuggestionTable } from './suggestions.tables.js';
import type { SuggestionService } from './suggestions.service.js';
import { onReplySubmitted } from '../promises/promises.service.js';

export const DEFAULT_CLOSING = '以上答复你们是否满意，如有意见，敬请反馈。';

/** The lead unit drafts the reply point by point and submits it; the deputies rate it, each on their own. */
export class ReplyService {
  constructor(private readonly core: SuggestionsCore, private readonly suggestions: SuggestionService) {}

  private get ctx() { return this.core.ctx; }
  private get repo() { return this.core.repo; }

  /**
   * The draft of a round: empty for round 1 (with the customary opening and closing, and the unit's official
   * line as contact phone), a copy of the previous round's reply for the rounds after a 不满意.
   */
  async createDraft(tx: Queryable, s: SuggestionTable, unitId: string, round: number, previous: ReplyTable | null): Promise<string> {
    const repo = this.repo.with(tx);
    const existing = await repo.replyOfRound(s.id, round);
    if (existing) return existing.id;
    const now = this.ctx.clock.nowIso();
    const signers = (await repo.signers([s.id])).filter((g) => g.status === 'accepted');
    const you = signers.length > 1 ? '你们' : '你';
    const unit = await repo.org(unitId);
    const id = newId();
    await repo.insertReply({
      id, suggestion_id: s.id, round, state: 'draft', unit_id: unitId, doc_number: null,
      class_code: previous?.class_code ?? null, signer: previous?.signer ?? null, contact_person: previous?.contact_person ?? null,
      contact_phone: previous?.contact_phone ?? unit?.official_phone ?? null,
      intro: previous?.intro ?? `关于${you}提出的“${s.title}”已收悉。经过我们认真研究后，现答复如下：`,
      closing: previous?.closing ?? (signers.length > 1 ? DEFAULT_CLOSING : DEFAULT_CLOSING.replace('你们', '您')),
      reply_date: null, due_on: null, submitted_at: null, submitted_by: null, publication_state: 'draft', published_json: null,
      redactions_json: null, published_at: null, is_demo: s.is_demo, version: 1, created_at: now, updated_at: now,
    });
    if (previous) {
      for (const p of await repo.points([previous.id])) {
        await repo.insertPoint({ ...p, id: newId(), reply_id: id, version: 1, created_at: now, updated_at: now });
      }
    }
    await indexSuggestion(tx, s.id);
    return id;
  }

  private async loadReply(actor: Actor, replyId: string) {
    const r = (await this.repo.reply(replyId)) ?? notFound('答复不存在');
    const x = await this.core.access(actor, r!.suggestion_id);
    return { r: r!, x };
  }

  /** The lead unit may edit the current round's draft while the suggestion is being handled. */
  private async editable(actor: Actor, replyId: string) {
    const { r, x } = await this.loadReply(actor, replyId);
    authorize(suggestionPolicy, actor, 'reply', x);
    if (r.state !== 'draft') conflict('该答复已提交，不能再修改', 'invalid_transition');
    if (r.round !== x.s.round) conflict('这不是本轮的答复稿', 'invalid_transition');
    this.core.move(x.s.state, 'submit_reply');
    return { r, x };
  }

  async update(actor: Actor, replyId: string, b: z.infer<typeof ReplyUpdate>) {
    const { r, x } = await this.editable(actor, replyId);
    if (b.classCode) {
      const rs = await this.core.ruleSetOfSession(x.s.session_id);
      if (!classLabel(rs, b.classCode)) badRequest(`办理结果分类“${b.classCode}”不在${rs.name}的分类方案中（${rs.classScheme.map((c) => c.code).join('、')}）`, 'validation_failed');
    }
    const pick = <K extends keyof typeof b, V>(k: K, cur: V): V => (b[k] === undefined ? cur : (b[k] as V));
    const patch = {
      doc_number: pick('docNumber', r.doc_number), class_code: pick('classCode', r.class_code), signer: pick('signer', r.signer),
      contact_person: pick('contactPerson', r.contact_person), contact_phone: pick('contactPhone', r.contact_phone),
      intro: pick('intro', r.intro), closing: pick('closing', r.closing), reply_date: pick('replyDate', r.reply_date),
      updated_at: this.ctx.clock.nowIso(),
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).updateVersioned('reply', r.id, b.version, patch, '该答复稿');
      await indexSuggestion(tx, x.s.id);
      await recordAudit(tx, this.ctx.clock, actor, { action: 'reply.update', entityType: 'reply', entityId: r.id, before: { classCode: r.class_code, signer: r.signer, contactPerson: r.contact_person, replyDate: r.reply_date }, after: { classCode: patch.class_code, signer: patch.signer, contactPerson: patch.contact_person, replyDate: patch.reply_date } });
    });
    return this.suggestions.detail(actor, x.s.id);
  }

  private async assertOrg(id: string | null | undefined) {
    if (id && !(await this.repo.org(id))) badRequest('所选责任单位不存在', 'org_missing');
  }

  async addPoint(actor: Actor, replyId: string, b: z.infer<typeof ReplyPointCreate>) {
    const { r, x } = await this.editable(actor, replyId);
    await this.assertOrg(b.responsibleOrgId);
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      const id = newId();
      await repo.insertPoint({ id, reply_id: r.id, ordinal: (await repo.maxOrdinal(r.id)) + 1, heading: b.heading ?? null, text: b.text, responsible_org_id: b.responsibleOrgId ?? null, is_demo: 0, version: 1, created_at: now, updated_at: now });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'reply.point_add', entityType: 'reply_point', entityId: id, after: { replyId: r.id, heading: b.heading ?? null } });
      await indexSuggestion(tx, x.s.id);
    });
    return this.suggestions.detail(actor, x.s.id);
  }

  async updatePoint(actor: Actor, pointId: string, b: z.infer<typeof ReplyPointUpdate>) {
    const p = (await this.repo.point(pointId)) ?? notFound('答复要点不存在');
    const { x } = await this.editable(actor, p!.reply_id);
    if (b.responsibleOrgId !== undefined) await this.assertOrg(b.responsibleOrgId);
    const patch = {
      heading: b.heading === undefined ? p!.heading : b.heading, text: b.text ?? p!.text,
      responsible_org_id: b.responsibleOrgId === undefined ? p!.responsible_org_id : b.responsibleOrgId, updated_at: this.ctx.clock.nowIso(),
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).updateVersioned('reply_point', p!.id, b.version, patch, '该答复要点');
      await indexSuggestion(tx, x.s.id);
      await recordAudit(tx, this.ctx.clock, actor, { action: 'reply.point_update', entityType: 'reply_point', entityId: p!.id, before: { heading: p!.heading, text: p!.text, responsibleOrgId: p!.responsible_org_id }, after: { heading: patch.heading, text: patch.text, responsibleOrgId: patch.responsible_org_id } });
    });
    return this.suggestions.detail(actor, x.s.id);
  }

  async deletePoint(actor: Actor, pointId: string, version: number) {
    const p = (await this.repo.point(pointId)) ?? notFound('答复要点不存在');
    const { r, x } = await this.editable(actor, p!.reply_id);
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      const del = await repo.deletePoint(p!.id, version);
      if (Number(del.numDeletedRows) !== 1) staleWrite('该答复要点');
      // Close the gap so ordinals stay 1..n.
      const rest = await repo.points([r.id]);
      for (const [i, q] of rest.entries()) if (q.ordinal !== i + 1) await repo.setOrdinal(q.id, i + 1, now);
      await recordAudit(tx, this.ctx.clock, actor, { action: 'reply.point_delete', entityType: 'reply_point', entityId: p!.id, before: { heading: p!.heading, text: p!.text } });
      await indexSuggestion(tx, x.s.id);
    });
    return this.suggestions.detail(actor, x.s.id);
  }

  /** Reorders the points; the list must be exactly the points there are now (else someone added or removed one). */
  async reorderPoints(actor: Actor, replyId: string, b: z.infer<typeof PointOrderBody>) {
    const { r, x } = await this.editable(actor, replyId);
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      const current = await repo.points([r.id]);
      const same = current.length === b.pointIds.length && new Set(b.pointIds).size === b.pointIds.length && current.every((p) => b.pointIds.includes(p.id));
      if (!same) staleWrite('答复要点');
      for (const [i, id] of b.pointIds.entries()) {
        const p = current.find((q) => q.id === id)!;
        if (p.ordinal !== i + 1) await repo.setOrdinal(id, i + 1, now);
      }
      await recordAudit(tx, this.ctx.clock, actor, { action: 'reply.point_order', entityType: 'reply', entityId: r.id, before: current.map((p) => p.id), after: b.pointIds });
    });
    return this.suggestions.detail(actor, x.s.id);
  }

  async submit(actor: Actor, replyId: string, version: number) {
    const { r, x } = await this.editable(actor, replyId);
    const next = this.core.move(x.s.state, 'submit_reply');
    const rs = await this.core.ruleSetOfSession(x.s.session_id);
    const points = await this.repo.points([r.id]);
    const today = this.core.today();
    const replyDate = r.reply_date ?? today;
    const missing: string[] = [];
    if (!points.length) missing.push('答复至少需要一个要点');
    if (!r.class_code) missing.push('请选择办理结果分类');
    else if (!classLabel(rs, r.class_code)) missing.push(`办理结果分类“${r.class_code}”不在分类方案中`);
    if (!r.signer) missing.push('请填写签发人');
    if (!r.contact_person) missing.push('请填写联系人');
    if (!r.contact_phone) missing.push('请填写联系电话');
    if (replyDate > today) missing.push(`答复日期不能晚于今天（${today}）`);
    if (x.s.assigned_on && replyDate < x.s.assigned_on) missing.push(`答复日期不能早于交办日期（${x.s.assigned_on}）`);
    if (missing.length) badRequest(`答复还不能提交：${missing.join('；')}`, 'reply_incomplete', missing);
    const due = effectiveDue(x.s);
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      await repo.updateVersioned('reply', r.id, version, { state: 'submitted', reply_date: replyDate, due_on: due, submitted_at: now, submitted_by: actor.userId, updated_at: now }, '该答复稿');
      await repo.updateVersioned('suggestion', x.s.id, x.s.version, { state: next, updated_at: now }, '该建议');
      await indexSuggestion(tx, x.s.id);
      const onTime = !due || replyDate <= due;
      await this.core.event(tx, x.s, 'reply_submitted', actor, {
        summary: `提交第 ${r.round} 轮答复${r.doc_number ? `（${r.doc_number}）` : ''}，分类 ${r.class_code}${onTime ? '' : `，超过期限 ${due}`}`,
        round: r.round, docNumber: r.doc_number, classCode: r.class_code, replyDate, onTime,
      }, 'deputy');
      await this.core.notify(tx, this.core.signerUserIds(x), {
        kind: 'suggestion.replied', title: `${label(x.s)}已答复，请评价`, suggestionId: x.s.id,
        body: `承办单位已对“${x.s.title}”作出${r.round > 1 ? `第 ${r.round} 轮` : ''}答复，请阅读后评价（满意、基本满意或不满意）。`, key: `reply:${r.id}:submitted`,
      });
      await this.core.notify(tx, await repo.organizers(), { kind: 'suggestion.replied', title: `${label(x.s)}已答复`, suggestionId: x.s.id, body: `“${x.s.title}”已提交第 ${r.round} 轮答复。`, key: `reply:${r.id}:submitted:organizer` });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'reply.submit', entityType: 'reply', entityId: r.id, before: { state: 'draft' }, after: { state: 'submitted', round: r.round, replyDate, dueOn: due, classCode: r.class_code } });
    });
    await onReplySubmitted(this.ctx, r.id, actor); // proposes the reply's promises for the unit to confirm
    return this.suggestions.detail(actor, x.s.id);
  }

  // ---------- ratings ----------

  async rate(actor: Actor, replyId: string, b: z.infer<typeof RatingCreate>) {
    const { r, x } = await this.loadReply(actor, replyId);
    authorize(suggestionPolicy, actor, 'rate', x);
    if (r.state !== 'submitted') conflict('该答复尚未提交，不能评价', 'invalid_transition');
    if (x.s.state !== 'awaiting_feedback' || r.round !== x.s.round) conflict('该答复不在评价阶段', 'invalid_transition');
    const deputyId = viewerSigner(actor, x)!.deputy_id;
    const rs = await this.core.ruleSetOfSession(x.s.session_id);
    const mc = await this.core.calendar();
    const today = this.core.today();
    const now = this.ctx.clock.nowIso();
    const ratingId = newId();
    let outcome: Satisfaction | null = null;
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      // Lock the suggestion first: concurrent ratings then see each other, and exactly one of them completes the round.
      const locked = await tx.updateTable('suggestion').set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', x.s.id).where('state', '=', 'awaiting_feedback').where('round', '=', r.round).returning('version').executeTakeFirst();
      if (!locked) conflict('该答复不在评价阶段', 'invalid_transition');
      try {
        await repo.insertRating({ id: ratingId, reply_id: r.id, suggestion_id: x.s.id, deputy_id: deputyId, satisfaction: b.satisfaction, met_in_person: b.metInPerson ? 1 : 0, comment: b.comment ?? null, rated_at: now, is_demo: 0 });
      } catch (err) {
        if (isUniqueViolation(err)) conflict('您已对本轮答复作出评价，不能重复评价', 'already_rated');
        throw err;
      }
      const signer = x.signers.find((g) => g.deputy_id === deputyId)!;
      await this.core.event(tx, x.s, 'rated', actor, { summary: `${signer.name}已评价`, deputyName: signer.name, round: r.round }, 'deputy');
      await recordAudit(tx, this.ctx.clock, actor, { action: 'reply.rate', entityType: 'rating', entityId: ratingId, after: { replyId: r.id, deputyId, satisfaction: b.satisfaction, metInPerson: b.metInPerson } });
      const leadStaff = x.s.lead_unit_id ? await repo.unitStaff([r.unit_id]) : [];
      await this.core.notify(tx, leadStaff, {
        kind: 'suggestion.rated', title: `代表评价：${label(x.s)}`, suggestionId: x.s.id,
        body: `${signer.name}代表对第 ${r.round} 轮答复的评价：${SATISFACTION_LABELS[b.satisfaction]}${b.metInPerson ? '（已见面沟通）' : ''}。`, key: `rating:${ratingId}`,
      });

      const all = (await repo.ratings([r.id])).map((v) => v.satisfaction as Satisfaction);
      const expected = x.signers.filter((g) => g.status === 'accepted').length;
      outcome = roundOutcome(all, expected);
      if (!outcome) return;
      await this.completeRound(tx, actor, x, r, outcome, locked!.version, { rs, mc, today, now, leadStaff });
    });
    return { rating: await this.ratingView(ratingId), suggestion: await this.suggestions.detail(actor, x.s.id) };
  }

  /** Every signer has rated: close it, or start the next round when anyone was 不满意. */
  private async completeRound(tx: Queryable, actor: Actor, x: SuggestionAccess, r: ReplyTable, outcome: Satisfaction, version: number, c: { rs: Awaited<ReturnType<SuggestionsCore['ruleSetOfSession']>>; mc: Awaited<ReturnType<SuggestionsCore['calendar']>>; today: string; now: string; leadStaff: string[] }) {
    const repo = this.repo.with(tx);
    const organizers = await repo.organizers();
    if (outcome !== 'dissatisfied') {
      const state = this.core.move(x.s.state, 'close');
      await repo.updateVersioned('suggestion', x.s.id, version, { state, final_satisfaction: outcome, closed_at: c.now, updated_at: c.now }, '该建议');
      await this.core.event(tx, x.s, 'closed', { system: '系统' }, { summary: `全体代表已评价（${SATISFACTION_LABELS[outcome]}），建议办结`, outcome, round: r.round }, 'deputy');
      await this.core.notify(tx, [...c.leadStaff, ...organizers], { kind: 'suggestion.closed', title: `${label(x.s)}已办结`, suggestionId: x.s.id, body: `全体代表已评价，结果：${SATISFACTION_LABELS[outcome]}。`, key: `suggestion:${x.s.id}:closed` });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'suggestion.close', entityType: 'suggestion', entityId: x.s.id, before: { state: x.s.state }, after: { state, outcome } });
      return;
    }
    const state = this.core.move(x.s.state, 'rehandle');
    const round = x.s.round + 1;
    const due = rereplyDue(c.mc, c.rs, c.today, round);
    const explain = { ...JSON.parse(x.s.due_explain_json ?? '{}'), replyDue: due };
    delete explain.extendedDue;
    await repo.updateVersioned('suggestion', x.s.id, version, {
      state, round, final_satisfaction: 'dissatisfied', reply_due: due.date, extended_due: null, due_explain_json: JSON.stringify(explain), updated_at: c.now,
    }, '该建议');
    await this.createDraft(tx, { ...x.s, state, round }, r.unit_id, round, r);
    await this.core.event(tx, x.s, 'rehandling', { system: '系统' }, { summary: `有代表评价不满意，转入第 ${round} 轮办理，期限 ${due.date}`, round, replyDue: due.date }, 'deputy');
    await this.core.notify(tx, [...c.leadStaff, ...organizers], {
      kind: 'suggestion.rehandling', title: `${label(x.s)}需重新办理`, suggestionId: x.s.id,
      body: `有代表对答复不满意，“${x.s.title}”转入第 ${round} 轮办理，请在 ${due.date} 前重新答复。`, key: `suggestion:${x.s.id}:rehandling:${round}`,
    });
    await this.core.notify(tx, this.core.signerUserIds(x), { kind: 'suggestion.rehandling', title: `${label(x.s)}将重新办理`, suggestionId: x.s.id, body: `根据代表意见，承办单位将在 ${due.date} 前重新答复。`, key: `suggestion:${x.s.id}:rehandling-deputy:${round}` });
    await recordAudit(tx, this.ctx.clock, actor, { action: 'suggestion.rehandle', entityType: 'suggestion', entityId: x.s.id, before: { state: x.s.state, round: x.s.round }, after: { state, round, replyDue: due.date } });
  }

  private async ratingView(id: string) {
    const row = await this.ctx.db.selectFrom('rating').innerJoin('deputy', 'deputy.id', 'rating.deputy_id').selectAll('rating').select('deputy.name as deputy_name').where('rating.id', '=', id).executeTakeFirstOrThrow();
    return {
      id: row.id, deputyId: row.deputy_id, deputyName: row.deputy_name, satisfaction: row.satisfaction as Satisfaction,
      satisfactionLabel: SATISFACTION_LABELS[row.satisfaction as Satisfaction], metInPerson: row.met_in_person === 1, comment: row.comment, ratedAt: row.rated_at,
    };
  }
}
