/**
 * Keeping a confirmed promise: the owner reports progress and changes its status (planned → in progress →
 * done; slipped with a reason and a new date; dropped with a reason). Every change is a history entry and an
 * audit record; marking it done (or dropping it) asks the deputies to rate its delivery.
 */
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { badRequest, conflict } from '../../platform/errors.js';
import { PromiseTransitionError, promiseTransition, transitionNeeds, type PromiseStatus } from '../../../domain/promise-states.js';
import { diff, type PromisesCore } from './promises.core.js';
import type { ProgressBody, StatusBody } from './promises.schemas.js';
import type { PromiseTable } from './promises.tables.js';
import { SOURCE_KIND_LABELS, refusalMessage, sourceKey, type SourceKind } from './promise-sources.js';

export class LifecycleService {
  constructor(private readonly core: PromisesCore) {}

  private get ctx() { return this.core.ctx; }

  private async forUpdate(actor: Actor, id: string) {
    const { p } = await this.core.load(actor, id, 'update');
    if (p.discarded) conflict('该承诺已舍弃', 'invalid_transition');
    if (!p.confirmed) conflict('请先确认该承诺，再更新状态和进度', 'unconfirmed');
    return p;
  }

  /**
   * A promise linked to a source keeps no progress of its own: entering it here would be a second truth. Refused
   * with where to enter it instead. Its own decisions stay: dropping it, and slipping its date (except for a
   * milestone, whose plan date is the promise's date).
   */
  private async refuseIfLinked(p: PromiseTable, what: 'progress' | PromiseStatus) {
    if (!p.source_kind || !p.source_id) return;
    if (what === 'dropped') return;
    if (what === 'slipped' && p.source_kind !== 'milestone') return;
    const facts = await this.core.sources.facts([p]);
    const fact = facts.get(sourceKey(p.source_kind, p.source_id));
    const kindLabel = SOURCE_KIND_LABELS[p.source_kind as SourceKind] ?? p.source_kind;
    const msg = fact ? refusalMessage(fact) : refusalMessage({ kind: p.source_kind as SourceKind, id: p.source_id, kindLabel, missing: true });
    conflict(what === 'slipped' ? `完成时限取自关联的里程碑计划日期：${msg}` : msg, 'derived_from_source');
  }

  async setStatus(actor: Actor, id: string, b: z.infer<typeof StatusBody>) {
    const stored = await this.forUpdate(actor, id);
    await this.refuseIfLinked(stored, b.status);
    // A linked promise moves from its status as read (from the source), not from what was stored before linking.
    const p = stored.source_kind ? (await this.core.derive([stored]))[0] : stored;
    const from = p.status as PromiseStatus;
    let to: PromiseStatus;
    try {
      to = promiseTransition(from, b.status);
    } catch (err) {
      if (err instanceof PromiseTransitionError) conflict(err.message, 'invalid_transition');
      throw err;
    }
    const needs = transitionNeeds(to!, from);
    const today = this.core.today();
    const missing: string[] = [];
    if (needs.reason && !b.reason) missing.push(to! === 'slipped' ? '请写明延期原因' : to! === 'dropped' ? '请写明终止原因' : '请写明重新打开的原因');
    if (needs.newDue && !b.newDue) missing.push('请填写新的完成时限');
    if (missing.length) badRequest(missing.join('；'), 'validation_failed', missing);
    if (needs.newDue) {
      if (b.newDue! < today) badRequest(`新的完成时限不能早于今天（${today}）`, 'due_in_past');
      if (p.due && b.newDue! <= p.due) badRequest(`新的完成时限应晚于原时限（${p.due}）`, 'due_not_later');
    }
    const doneOn = needs.doneOn ? b.doneOn ?? today : null;
    if (doneOn && doneOn > today) badRequest(`完成日期不能晚于今天（${today}）`, 'future_date');
    if (doneOn && p.reply_date && doneOn < p.reply_date && p.extracted_status !== 'done') {
      badRequest(`完成日期不能早于答复日期（${p.reply_date}）`, 'done_before_reply');
    }

    const now = this.ctx.clock.nowIso();
    const patch: Partial<PromiseTable> = { status: to!, updated_at: now };
    if (to! === 'done') Object.assign(patch, { progress: 100, done_on: doneOn, status_reason: null });
    if (to! === 'slipped') Object.assign(patch, { due: b.newDue!, open_ended: 0, due_rule: `延期：${b.reason}`, status_reason: b.reason, original_due: p.original_due ?? p.due });
    if (to! === 'dropped') Object.assign(patch, { status_reason: b.reason });
    if (to! === 'in_progress') Object.assign(patch, { done_on: null, status_reason: from === 'done' ? b.reason : p.status_reason });
    const before = { status: p.status, progress: p.progress, due: p.due, doneOn: p.done_on };
    const after = { status: to!, progress: patch.progress ?? p.progress, due: patch.due ?? p.due, doneOn: patch.done_on !== undefined ? patch.done_on : p.done_on };
    const note = [b.reason, b.note].filter(Boolean).join('；') || null;
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.core.repo.with(tx).updateVersioned('promise', p.id, b.version, patch, '该承诺');
      await this.core.event(tx, p, 'status', actor, diff(before, after), note, { internal: b.internal });
      await recordAudit(tx, this.ctx.clock, actor, { action: `promise.status.${to!}`, entityType: 'promise', entityId: p.id, before, after: { ...after, reason: b.reason ?? null } });
      if (to! === 'done' || to! === 'dropped') await this.core.notifyDeputiesToRate(tx, p, to! as 'done' | 'dropped');
      if (to! === 'slipped' || to! === 'dropped') {
        // The lead unit answers to the deputies for the reply: it hears when another unit's promise moves.
        const lead = (await this.core.ownerStaff(tx, p.reply_unit_id, actor.userId)).filter(() => p.reply_unit_id !== p.owner_org_id);
        await this.core.notify(tx, lead, {
          kind: 'promise.changed', title: `承诺${to! === 'slipped' ? '延期' : '终止'}：${p.owner_name}`, link: `/promises/${p.id}`,
          body: `“${p.text.slice(0, 40)}${p.text.length > 40 ? '…' : ''}”${to! === 'slipped' ? `延期至 ${b.newDue}` : '已终止'}。原因：${b.reason}`,
          key: `promise:${p.id}:${to!}:${now}`,
        });
      }
    });
    return this.core.present(actor, [(await this.core.repo.get(p.id))!]).then((v) => v[0]);
  }

  async setProgress(actor: Actor, id: string, b: z.infer<typeof ProgressBody>) {
    const p = await this.forUpdate(actor, id);
    await this.refuseIfLinked(p, 'progress');
    if (p.status === 'done' || p.status === 'dropped') {
      conflict(p.status === 'done' ? '该承诺已完成；如需继续推进，请先将状态改回“推进中”并写明原因' : '该承诺已终止，不能再更新进度', 'invalid_transition');
    }
    if (b.progress === p.progress && (b.achievedValue === undefined || b.achievedValue === p.achieved_value) && !b.note) {
      badRequest('进度没有变化', 'no_change');
    }
    const now = this.ctx.clock.nowIso();
    // Reporting progress on a planned promise means the work has started.
    const status = p.status === 'planned' && b.progress > 0 ? 'in_progress' : p.status;
    const patch: Partial<PromiseTable> = { progress: b.progress, status, updated_at: now };
    if (b.achievedValue !== undefined) patch.achieved_value = b.achievedValue;
    const before = { status: p.status, progress: p.progress, achievedValue: p.achieved_value };
    const after = { status, progress: b.progress, achievedValue: patch.achieved_value !== undefined ? patch.achieved_value : p.achieved_value };
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.core.repo.with(tx).updateVersioned('promise', p.id, b.version, patch, '该承诺');
      await this.core.event(tx, p, 'progress', actor, diff(before, after), b.note ?? null, { internal: b.internal });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'promise.progress', entityType: 'promise', entityId: p.id, before, after });
    });
    return this.core.present(actor, [(await this.core.repo.get(p.id))!]).then((v) => v[0]);
  }
}
