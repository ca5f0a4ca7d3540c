import type { z } from 'zod';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/policy/policy.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { badRequest, conflict, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Queryable } from '../../platform/db/database.js';
import { HANDLING_STATES, type SuggestionState } from '../../../domain/suggestion-states.js';
import { label, type SuggestionsCore } from './core.js';
import { assignmentDates } from './deadlines.js';
import { effectiveDue } from './present.js';
import { assignmentPolicy, suggestionPolicy, type AssignmentAccess } from './suggestions.policy.js';
import type { ExtensionDecisionBody, ExtensionRequestCreate, OpinionBody, ReturnDecisionBody, ReturnRequestBody } from './suggestions.schemas.js';
import type { SuggestionService } from './suggestions.service.js';
import type { ReplyService } from './replies.service.js';

/** What units do with an assignment (sign for it, ask to return it, give their opinion, ask for more time) and the organizer's decisions. */
export class AssignmentService {
  constructor(private readonly core: SuggestionsCore, private readonly suggestions: SuggestionService, private readonly replies: ReplyService) {}

  private get ctx() { return this.core.ctx; }
  private get repo() { return this.core.repo; }

  private async load(actor: Actor, assignmentId: string): Promise<AssignmentAccess> {
    const a = (await this.repo.assignment(assignmentId)) ?? notFound('办理任务不存在');
    const x = await this.core.access(actor, a!.suggestion_id);
    return { ...x, a: a! };
  }

  /** Inside a transaction, pass it: on SQLite a query outside the open transaction would wait for it forever. */
  private unitName = async (id: string, db: Queryable = this.ctx.db) => (await this.repo.with(db).org(id))?.name ?? '';

  /** 签收: the lead unit's acceptance starts the handling (and the reply draft); a co-unit's only its own part. */
  async accept(actor: Actor, assignmentId: string, version: number) {
    const x = await this.load(actor, assignmentId);
    authorize(assignmentPolicy, actor, 'handle', x);
    if (x.a.state === 'returned') conflict('该办理任务已退办', 'invalid_transition');
    if (x.a.state === 'accepted') conflict('已签收，无需重复签收', 'invalid_transition');
    if (x.a.state === 'return_requested') conflict('已申请退办，请等待交办方决定', 'invalid_transition');
    const next = x.a.role === 'lead' ? this.core.move(x.s.state, 'accept') : null;
    if (!next && !HANDLING_STATES.includes(x.s.state as SuggestionState)) conflict('该建议已不在办理阶段', 'invalid_transition');
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      await repo.updateVersioned('assignment', x.a.id, version, { state: 'accepted', accepted_at: now, updated_at: now }, '该办理任务');
      if (next) {
        await repo.updateVersioned('suggestion', x.s.id, x.s.version, { state: next, updated_at: now }, '该建议');
        await this.replies.createDraft(tx, { ...x.s, state: next }, x.a.unit_id, x.s.round, null);
      }
      const unit = await this.unitName(x.a.unit_id, tx);
      await this.core.event(tx, x.s, 'accepted', actor, { summary: `${unit}签收（${x.a.role === 'lead' ? '主办' : '协办'}）`, unit }, x.a.role === 'lead' ? 'deputy' : 'internal');
      await recordAudit(tx, this.ctx.clock, actor, { action: 'assignment.accept', entityType: 'assignment', entityId: x.a.id, before: { state: x.a.state }, after: { state: 'accepted' } });
    });
    return this.suggestions.detail(actor, x.s.id);
  }

  /** 退办: only before signing for it, within the rule set's window, and once. */
  async requestReturn(actor: Actor, assignmentId: string, b: z.infer<typeof ReturnRequestBody>) {
    const x = await this.load(actor, assignmentId);
    authorize(assignmentPolicy, actor, 'handle', x);
    if (x.a.state === 'return_requested') conflict('已提交退办申请，请等待交办方决定', 'invalid_transition');
    if (x.a.state === 'accepted') conflict('已签收办理，不能再申请退办', 'invalid_transition');
    if (x.a.state === 'returned') conflict('该办理任务已退办', 'invalid_transition');
    if (x.a.return_decision === 'rejected') conflict('退办申请已被交办方驳回，不能再次申请，请签收办理', 'invalid_transition');
    const today = this.core.today();
    if (today > x.a.return_due) conflict(`已超过退办期限（${x.a.return_due}），不能申请退办，请签收办理`, 'return_window_closed');
    const next = x.a.role === 'lead' ? this.core.move(x.s.state, 'request_return') : null;
    if (!next && !HANDLING_STATES.includes(x.s.state as SuggestionState)) conflict('该建议已不在办理阶段', 'invalid_transition');
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      await repo.updateVersioned('assignment', x.a.id, b.version, { state: 'return_requested', return_reason: b.reason, return_requested_at: now, updated_at: now }, '该办理任务');
      if (next) await repo.updateVersioned('suggestion', x.s.id, x.s.version, { state: next, updated_at: now }, '该建议');
      const unit = await this.unitName(x.a.unit_id, tx);
      await this.core.event(tx, x.s, 'return_requested', actor, { summary: `${unit}申请退办`, unit, reason: b.reason }, 'internal');
      await this.core.notify(tx, await repo.organizers(), { kind: 'suggestion.return_requested', title: `退办申请：${label(x.s)}`, suggestionId: x.s.id, body: `${unit}申请退办“${x.s.title}”。理由：${b.reason}`, key: `assignment:${x.a.id}:return_requested` });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'assignment.request_return', entityType: 'assignment', entityId: x.a.id, before: { state: x.a.state }, after: { state: 'return_requested', reason: b.reason } });
    });
    return this.suggestions.detail(actor, x.s.id);
  }

  /** The organizer approves (the assignment ends; a lead unit's goes to another unit) or refuses (back to the unit). */
  async decideReturn(actor: Actor, assignmentId: string, b: z.infer<typeof ReturnDecisionBody>) {
    const x = await this.load(actor, assignmentId);
    authorize(assignmentPolicy, actor, 'decide', x);
    if (x.a.state !== 'return_requested') conflict('该办理任务没有待决定的退办申请', 'invalid_transition');
    const lead = x.a.role === 'lead';
    const action = b.approve ? 'approve_return' : 'reject_return';
    const next = lead ? this.core.move(x.s.state, action) : null;
    const today = this.core.today();
    const now = this.ctx.clock.nowIso();
    const oldUnit = await this.unitName(x.a.unit_id);
    let newUnit: { id: string; name: string } | null = null;
    if (b.approve && lead && !b.newUnitId) badRequest('同意主办单位退办时，请选择改交的主办单位', 'validation_failed');
    if (b.approve && b.newUnitId) {
      if (b.newUnitId === x.a.unit_id) badRequest('改交的单位不能是申请退办的单位', 'validation_failed');
      if (x.assignments.some((a) => a.state !== 'returned' && a.unit_id === b.newUnitId)) conflict('该单位已在办理本建议，请选择其他单位', 'duplicate');
      const units = await this.suggestions.assertUnits([b.newUnitId]);
      newUnit = { id: b.newUnitId, name: units.get(b.newUnitId)!.name };
    }
    const rs = await this.core.ruleSetOfSession(x.s.session_id);
    const dates = newUnit ? assignmentDates(await this.core.calendar(), rs, today) : null;
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      await repo.updateVersioned('assignment', x.a.id, b.version, {
        state: b.approve ? 'returned' : 'assigned', return_decision: b.approve ? 'approved' : 'rejected', return_decision_note: b.note ?? null,
        return_decided_at: now, updated_at: now,
      }, '该办理任务');
      if (newUnit && dates) {
        await this.suggestions.insertAssignment(tx, x.s, newUnit.id, x.a.role as 'lead' | 'co', today, rs, dates);
      }
      if (lead) {
        const patch: Record<string, unknown> = { state: next, updated_at: now };
        if (newUnit && dates) {
          Object.assign(patch, {
            lead_unit_id: newUnit.id, assigned_on: today, reply_due: dates.replyDue.date, hard_due: dates.hardDue.date, extended_due: null,
            due_explain_json: JSON.stringify({ replyDue: dates.replyDue, hardDue: dates.hardDue }),
          });
        }
        await repo.updateVersioned('suggestion', x.s.id, x.s.version, patch, '该建议');
      }
      const summary = b.approve ? `同意${oldUnit}退办${newUnit ? `，改交${newUnit.name}${lead ? '主办' : '协办'}` : ''}` : `驳回${oldUnit}的退办申请，请其继续办理`;
      await this.core.event(tx, x.s, b.approve ? 'return_approved' : 'return_rejected', actor, { summary, unit: oldUnit, newUnit: newUnit?.name ?? null, note: b.note ?? null }, 'internal');
      if (newUnit && lead) await this.core.event(tx, x.s, 'reassigned', actor, { summary: `改交${newUnit.name}主办；答复期限 ${dates!.replyDue.date}`, leadUnit: newUnit.name, replyDue: dates!.replyDue.date }, 'deputy');
      await this.core.notify(tx, await repo.unitStaff([x.a.unit_id]), {
        kind: 'suggestion.return_decided', title: `退办申请${b.approve ? '已同意' : '被驳回'}：${label(x.s)}`, suggestionId: x.s.id,
        body: b.approve ? `交办方同意本单位退办“${x.s.title}”。` : `交办方驳回了退办申请，请签收并办理“${x.s.title}”。${b.note ? `说明：${b.note}` : ''}`, key: `assignment:${x.a.id}:return_decided`,
      });
      if (newUnit && dates) {
        await this.core.notify(tx, await repo.unitStaff([newUnit.id]), {
          kind: 'suggestion.assigned', title: `新交办：${label(x.s)}（${lead ? '主办' : '协办'}）`, suggestionId: x.s.id,
          body: `“${x.s.title}”改交本单位${lead ? `主办，答复期限 ${dates.replyDue.date}` : `协办，请在 ${dates.opinionDue.date} 前提出协办意见`}。`, key: `suggestion:${x.s.id}:assigned:${newUnit.id}:${today}`,
        });
      }
      await recordAudit(tx, this.ctx.clock, actor, { action: b.approve ? 'assignment.approve_return' : 'assignment.reject_return', entityType: 'assignment', entityId: x.a.id, before: { state: x.a.state }, after: { approve: b.approve, newUnitId: newUnit?.id ?? null, note: b.note ?? null } });
    });
    return this.suggestions.detail(actor, x.s.id);
  }

  /** A co-unit's opinion to the lead unit; may be revised until the reply is submitted. */
  async submitOpinion(actor: Actor, assignmentId: string, b: z.infer<typeof OpinionBody>) {
    const x = await this.load(actor, assignmentId);
    authorize(assignmentPolicy, actor, 'opinion', x);
    if (x.a.state === 'returned' || x.a.state === 'return_requested') conflict('已申请或完成退办，不能提交协办意见', 'invalid_transition');
    if (!HANDLING_STATES.includes(x.s.state as SuggestionState)) conflict('答复已提交或建议已办结，不能再提交协办意见', 'invalid_transition');
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      await repo.updateVersioned('assignment', x.a.id, b.version, {
        state: 'accepted', accepted_at: x.a.accepted_at ?? now, opinion_text: b.text, opinion_at: now, opinion_by: actor.userId, updated_at: now,
      }, '该协办意见');
      const unit = await this.unitName(x.a.unit_id, tx);
      await this.core.event(tx, x.s, 'opinion_submitted', actor, { summary: `${unit}${x.a.opinion_at ? '修改' : '提交'}协办意见`, unit }, 'internal');
      if (x.s.lead_unit_id) {
        await this.core.notify(tx, await repo.unitStaff([x.s.lead_unit_id]), { kind: 'suggestion.opinion', title: `协办意见：${label(x.s)}`, suggestionId: x.s.id, body: `${unit}提交了对“${x.s.title}”的协办意见。`, key: `assignment:${x.a.id}:opinion:${now}` });
      }
      await recordAudit(tx, this.ctx.clock, actor, { action: 'assignment.opinion', entityType: 'assignment', entityId: x.a.id, before: { opinionAt: x.a.opinion_at }, after: { opinionAt: now, length: b.text.length } });
    });
    return this.suggestions.detail(actor, x.s.id);
  }

  // ---------- extensions ----------

  async requestExtension(actor: Actor, suggestionId: string, b: z.infer<typeof ExtensionRequestCreate>) {
    const x = await this.core.access(actor, suggestionId);
    authorize(suggestionPolicy, actor, 'requestExtension', x);
    if (x.s.state !== 'in_progress' && x.s.state !== 'rehandling') conflict(x.s.state === 'assigned' ? '请先签收再申请延期' : '该建议当前不在办理中，不能申请延期', 'invalid_transition');
    const pending = (await this.repo.extensionRequests(suggestionId)).find((e) => e.state === 'pending');
    if (pending) conflict('已有待审核的延期申请，请等待交办方决定', 'invalid_transition');
    const current = effectiveDue(x.s)!;
    if (b.requestedDue <= current) badRequest(`延期后的期限须晚于现行期限 ${current}`, 'validation_failed');
    if (x.s.hard_due && b.requestedDue > x.s.hard_due) badRequest(`延期不能超过最长办理期限 ${x.s.hard_due}`, 'beyond_hard_deadline');
    const lead = x.assignments.find((a) => a.role === 'lead' && a.state !== 'returned')!;
    const now = this.ctx.clock.nowIso();
    const id = newId();
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      await repo.insertExtension({
        id, suggestion_id: suggestionId, assignment_id: lead.id, requested_due: b.requestedDue, reason: b.reason, state: 'pending',
        decided_due: null, decision_note: null, requested_by: actor.userId, requested_at: now, decided_by: null, decided_at: null, is_demo: 0, version: 1,
      });
      await this.touch(tx, x.s.id);
      await this.core.event(tx, x.s, 'extension_requested', actor, { summary: `申请延期至 ${b.requestedDue}`, requestedDue: b.requestedDue, reason: b.reason }, 'internal');
      await this.core.notify(tx, await repo.organizers(), { kind: 'suggestion.extension_requested', title: `延期申请：${label(x.s)}`, suggestionId, body: `主办单位申请将“${x.s.title}”的答复期限由 ${current} 延至 ${b.requestedDue}。理由：${b.reason}`, key: `extension:${id}:requested` });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'extension.request', entityType: 'extension_request', entityId: id, after: { suggestionId, requestedDue: b.requestedDue, reason: b.reason } });
    });
    return this.suggestions.detail(actor, suggestionId);
  }

  async decideExtension(actor: Actor, requestId: string, b: z.infer<typeof ExtensionDecisionBody>) {
    const e = (await this.repo.extensionRequest(requestId)) ?? notFound('延期申请不存在');
    const x = await this.core.access(actor, e!.suggestion_id);
    authorize(suggestionPolicy, actor, 'decide', x);
    if (e!.state !== 'pending') conflict('该延期申请已处理', 'invalid_transition');
    if (x.s.state !== 'in_progress' && x.s.state !== 'rehandling') conflict('该建议已不在办理中，延期申请失效', 'invalid_transition');
    const due = b.decidedDue ?? e!.requested_due;
    const current = effectiveDue(x.s)!;
    if (b.approve) {
      if (due <= current) badRequest(`批准的期限须晚于现行期限 ${current}`, 'validation_failed');
      if (x.s.hard_due && due > x.s.hard_due) badRequest(`延期不能超过最长办理期限 ${x.s.hard_due}`, 'beyond_hard_deadline');
    }
    const now = this.ctx.clock.nowIso();
    const today = this.core.today();
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      await repo.updateVersioned('extension_request', e!.id, b.version, {
        state: b.approve ? 'approved' : 'rejected', decided_due: b.approve ? due : null, decision_note: b.note ?? null, decided_by: actor.userId, decided_at: now,
      }, '该延期申请');
      if (b.approve) {
        const explain = JSON.parse(x.s.due_explain_json ?? '{}');
        explain.extendedDue = {
          date: due,
          lines: [`交办方于 ${today} 批准延期：由 ${current} 延至 ${due}`, `最长办理期限：${x.s.hard_due ?? '—'}，延期不超过此日`, ...(b.note ? [`说明：${b.note}`] : [])],
        };
        await repo.updateVersioned('suggestion', x.s.id, x.s.version, { extended_due: due, due_explain_json: JSON.stringify(explain), updated_at: now }, '该建议');
      } else {
        await this.touch(tx, x.s.id);
      }
      await this.core.event(tx, x.s, b.approve ? 'extension_approved' : 'extension_rejected', actor, { summary: b.approve ? `批准延期至 ${due}` : '不批准延期', decidedDue: b.approve ? due : null, note: b.note ?? null }, b.approve ? 'deputy' : 'internal');
      const unit = x.assignments.find((a) => a.id === e!.assignment_id)?.unit_id;
      if (unit) {
        await this.core.notify(tx, await repo.unitStaff([unit]), {
          kind: 'suggestion.extension_decided', title: `延期申请${b.approve ? '已批准' : '未批准'}：${label(x.s)}`, suggestionId: x.s.id,
          body: b.approve ? `“${x.s.title}”的答复期限延至 ${due}。` : `延期申请未获批准，请在 ${current} 前答复。${b.note ? `说明：${b.note}` : ''}`, key: `extension:${e!.id}:decided`,
        });
      }
      await recordAudit(tx, this.ctx.clock, actor, { action: b.approve ? 'extension.approve' : 'extension.reject', entityType: 'extension_request', entityId: e!.id, before: { state: 'pending', due: current }, after: { state: b.approve ? 'approved' : 'rejected', due: b.approve ? due : current } });
    });
    return this.suggestions.detail(actor, x.s.id);
  }

  private async touch(tx: Queryable, id: string) {
    await tx.updateTable('suggestion').set((eb) => ({ version: eb('version', '+', 1), updated_at: this.ctx.clock.nowIso() })).where('id', '=', id).execute();
  }
}
