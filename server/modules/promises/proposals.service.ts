/**
 * Proposals: the promises read from a reply's text (unconfirmed until the unit confirms them), the reply's
 * panel of proposals and confirmed promises, promises added by hand, and confirming, editing, discarding.
 */
import type { z } from 'zod';
import type { Actor, Viewer } from '../../platform/auth/roles.js';
import type { Queryable } from '../../platform/db/database.js';
import { allowed, authorize } from '../../platform/policy/policy.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { badRequest, conflict, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { extractPromises, type ProposedPromise } from '../../../domain/text/promise-extract.js';
import { diff, type EventActor, type PromisesCore } from './promises.core.js';
import { matchOrg } from './owner-match.js';
import { promisePolicy, replyPromisePolicy, staffOf, type ReplyAccess } from './promises.policy.js';
import type { ConfirmBody, DiscardBody, EditBody, ManualCreate, RestoreBody } from './promises.schemas.js';
import type { PromiseTable } from './promises.tables.js';
import type { PromiseRow } from './promises.repo.js';
import { replyRow } from '../suggestions/suggestions.scope.js';

/** Text compared without punctuation or spaces: the same words proposed twice are one proposal. */
export const squeeze = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');

/** The reply's own unit speaking: 我们将…, 我局将…, 下一步，我委将… */
const SELF = /^(?:下一步|下步|同时|此外|今后)?[，,]?(?:我们|我局|本局|我委|本委|我办|本办|我单位|本单位|我中心|我公司|我集团)/;

type ReplyRow = NonNullable<Awaited<ReturnType<PromisesCore['repo']['reply']>>>;

export class ProposalsService {
  constructor(private readonly core: PromisesCore) {}

  private get ctx() { return this.core.ctx; }
  private get repo() { return this.core.repo; }

  private async replyAccess(replyId: string): Promise<{ r: ReplyRow; access: ReplyAccess }> {
    const r = (await this.repo.reply(replyId)) ?? notFound('答复不存在');
    const [promises, signers, assignments] = await Promise.all([this.repo.ofReply(replyId), this.repo.signers([r!.suggestion_id]), this.repo.assignmentsOf(r!.suggestion_id)]);
    return {
      r: r!,
      access: {
        replyUnitId: r!.unit_id,
        ownerOrgIds: [...new Set(promises.filter((p) => p.discarded === 0).map((p) => p.owner_org_id))],
        signerUserIds: signers.filter((g) => g.user_id).map((g) => g.user_id!),
        row: replyRow(r!, { state: r!.suggestion_state }, signers, assignments),
      },
    };
  }

  /**
   * Reads the reply's points and proposes the promises not proposed before (the same words are never
   * proposed twice, even after a discard). Runs when a reply is submitted, on the unit's request, and in
   * the daily sweep for replies submitted before. Returns how many were added.
   */
  async proposeForReply(replyId: string, by: EventActor, trigger: 'submit' | 'manual' | 'job' | 'demo', db?: Queryable): Promise<{ proposed: number; skipped: number }> {
    const run = async (tx: Queryable) => {
      const repo = this.repo.with(tx);
      const r = (await repo.reply(replyId)) ?? notFound('答复不存在');
      if (r!.state !== 'submitted') conflict('答复提交后才能提取承诺', 'reply_not_submitted');
      const points = await repo.points(replyId);
      const replyDate = r!.reply_date ?? this.core.today();
      const proposals = extractPromises({
        points: points.map((p) => ({ ordinal: p.ordinal, heading: p.heading, text: p.text })),
        replyDate,
        bodyText: [r!.intro, ...points.map((p) => [p.heading, p.text].filter(Boolean).join('\n')), r!.closing].filter(Boolean).join('\n'),
      });
      const existing = new Set((await repo.ofReply(replyId)).map((p) => squeeze(p.source_text ?? p.text)));
      const orgs = await repo.orgs();
      const now = this.ctx.clock.nowIso();
      let proposed = 0;
      let skipped = 0;
      for (const x of proposals) {
        const key = squeeze(x.text);
        if (!key || existing.has(key)) { skipped++; continue; }
        existing.add(key);
        const point = x.point !== null ? points.find((p) => p.ordinal === x.point) ?? null : null;
        // 我们/我局 is the unit that wrote the reply; else the organisation the text names; else the point's
        // responsible organisation; else the lead unit.
        const self = SELF.test(x.text);
        const matched = self ? null : matchOrg(x.owner, orgs);
        const owner = self ? { id: r!.unit_id } : matched ?? (point?.responsible_org_id ? { id: point.responsible_org_id } : null);
        const row = proposalRow(x, { replyId, suggestionId: r!.suggestion_id, pointId: point?.id ?? null, ownerOrgId: owner?.id ?? r!.unit_id, replyDate, now, isDemo: r!.is_demo, by });
        await repo.insert(row);
        await this.core.event(tx, row, 'proposed', by, null, !self && x.owner && !matched ? `答复中的责任主体“${x.owner}”不在单位名录中，暂定为${point?.responsible_org_id ? '该要点的责任单位' : '主办单位'}` : null, { internal: true });
        proposed++;
      }
      await repo.saveExtraction({ reply_id: replyId, trigger, ran_at: now, ran_by_name: 'system' in by ? by.system : by.displayName, proposed, reply_date: replyDate });
      await recordAudit(tx, this.ctx.clock, by, { action: 'promise.propose', entityType: 'reply', entityId: replyId, after: { trigger, proposed, skipped, replyDate } });
      if (proposed > 0 && trigger !== 'demo') {
        const staff = (await repo.staffOf([r!.unit_id])).map((u) => u.id).filter((id) => !('userId' in by) || id !== by.userId);
        await this.core.notify(tx, staff, {
          kind: 'promise.proposed', title: `请确认答复中的承诺：${r!.suggestion_number !== null ? `第${r!.suggestion_number}号建议` : r!.suggestion_title}`,
          body: `系统从答复中提取了 ${proposed} 项承诺建议（完成时限、目标、责任单位），请逐项确认、修改或舍弃。`,
          link: `/promises/reply/${replyId}`, key: `reply:${replyId}:promises-proposed:${now}`,
        });
      }
      return { proposed, skipped };
    };
    return db ? run(db) : this.ctx.db.transaction().execute(run);
  }

  /** The unit's 「从答复中提取承诺」 button. */
  async extract(actor: Actor, replyId: string) {
    const { access } = await this.replyAccess(replyId);
    authorize(replyPromisePolicy, actor, 'propose', access);
    const result = await this.proposeForReply(replyId, actor, 'manual');
    return { ...result, panel: await this.panel(actor, replyId) };
  }

  /** Everything the reply's promise panel shows: proposals with their source words, confirmed and discarded promises. */
  async panel(actor: Viewer, replyId: string) {
    const { r, access } = await this.replyAccess(replyId);
    authorize(replyPromisePolicy, actor, 'read', access);
    const rows = await this.repo.list({ scope: this.core.scopeOf(actor), review: 'all', includeDiscarded: true, replyId, today: this.core.today(), soonUntil: this.core.soonUntil() });
    const views = await this.core.present(actor, rows);
    const points = await this.repo.points(replyId);
    const extraction = await this.repo.extraction(replyId);
    const byPoint = (list: typeof views) => list.sort((a, b) => (a.point?.ordinal ?? 999) - (b.point?.ordinal ?? 999));
    return {
      reply: {
        id: r.id, round: r.round, state: r.state, docNumber: r.doc_number, replyDate: r.reply_date, unitId: r.unit_id, unitName: r.unit_name,
        published: r.publication_state === 'published', isDemo: r.is_demo === 1,
        suggestion: { id: r.suggestion_id, number: r.suggestion_number, title: r.suggestion_title },
      },
      points: points.map((p) => ({ id: p.id, ordinal: p.ordinal, heading: p.heading })),
      extraction: extraction ? { ranAt: extraction.ran_at, by: extraction.ran_by_name, trigger: extraction.trigger, proposed: extraction.proposed, replyDate: extraction.reply_date } : null,
      proposals: byPoint(views.filter((v) => !v.confirmed && !v.discarded)),
      confirmed: byPoint(views.filter((v) => v.confirmed && !v.discarded)),
      discarded: byPoint(views.filter((v) => v.discarded)),
      can: {
        propose: allowed(replyPromisePolicy, actor, 'propose', access) && r.state === 'submitted',
      },
    };
  }

  private async assertOwner(id: string) {
    const o = await this.repo.org(id);
    if (!o) badRequest('所选责任单位不存在', 'org_missing');
  }

  private async assertProject(id: string | null | undefined) {
    if (id && !(await this.repo.project(id))) badRequest('所选项目不存在', 'project_missing');
  }

  /** A promise the reply makes that the text did not yield: added by the lead unit, confirmed at once. */
  async addManual(actor: Actor, replyId: string, b: z.infer<typeof ManualCreate>) {
    const { r, access } = await this.replyAccess(replyId);
    authorize(replyPromisePolicy, actor, 'propose', access);
    if (r.state !== 'submitted') conflict('答复提交后才能登记承诺', 'reply_not_submitted');
    await this.assertOwner(b.ownerOrgId);
    await this.assertProject(b.projectId);
    const point = b.pointId ? (await this.repo.points(replyId)).find((p) => p.id === b.pointId) : null;
    if (b.pointId && !point) badRequest('所选答复要点不属于该答复', 'point_missing');
    const today = this.core.today();
    if (b.due && b.due < (r.reply_date ?? today)) badRequest(`完成时限不能早于答复日期（${r.reply_date ?? today}）`, 'due_in_past');
    const now = this.ctx.clock.nowIso();
    const row: PromiseTable = {
      id: newId(), suggestion_id: r.suggestion_id, reply_id: replyId, reply_point_id: point?.id ?? null, point_ordinal: point?.ordinal ?? null,
      owner_org_id: b.ownerOrgId, text: b.text, source_text: null, due: b.due ?? null, due_rule: b.due ? `${actor.orgUnitName ?? actor.displayName}登记` : '未写明期限',
      original_due: b.due ?? null, open_ended: b.due ? 0 : 1, action: b.action ?? null,
      target_value: b.target?.value ?? null, target_unit: b.target ? b.target.unit : null, target_comparator: b.target ? b.target.comparator : null,
      achieved_value: null, status: 'planned', progress: 0, done_on: null, status_reason: null, origin: 'manual', extracted_status: null,
      confirmed: 1, confirmed_at: now, confirmed_by: actor.userId, discarded: 0, discarded_at: null, discarded_by: null, discard_reason: null,
      project_id: b.projectId ?? null, source_kind: null, source_id: null, is_demo: 0, version: 1, created_by: actor.userId, created_at: now, updated_at: now,
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).insert(row);
      await this.core.event(tx, row, 'created', actor, null, null);
      await recordAudit(tx, this.ctx.clock, actor, { action: 'promise.create', entityType: 'promise', entityId: row.id, after: { replyId, text: row.text, due: row.due, ownerOrgId: row.owner_org_id } });
      await this.notifyNewOwner(tx, actor, row, r);
    });
    return this.detailOf(actor, row.id);
  }

  private async detailOf(actor: Viewer, id: string) {
    const p = (await this.repo.get(id))!;
    return (await this.core.present(actor, [p]))[0];
  }

  /** The owner learns of a promise it must keep, when someone else (the lead unit) put it on them. */
  private async notifyNewOwner(tx: Queryable, actor: Actor, p: { id: string; owner_org_id: string; text: string; due: string | null }, r: { suggestion_number: number | null; suggestion_title: string }) {
    if (staffOf(actor, p.owner_org_id)) return;
    const staff = await this.core.ownerStaff(tx, p.owner_org_id, actor.userId);
    const short = p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text;
    await this.core.notify(tx, staff, {
      kind: 'promise.assigned', title: `新的承诺由贵单位负责：${r.suggestion_number !== null ? `第${r.suggestion_number}号建议` : r.suggestion_title}`,
      body: `${actor.orgUnitName ?? actor.displayName}确认“${short}”由贵单位负责${p.due ? `，完成时限 ${p.due}` : '（无明确时限）'}，请及时更新进度。`,
      link: `/promises/${p.id}`, key: `promise:${p.id}:owner:${p.owner_org_id}`,
    });
  }

  private checkDue(p: PromiseRow, due: string | null | undefined) {
    if (due && p.reply_date && due < p.reply_date) badRequest(`完成时限不能早于答复日期（${p.reply_date}）`, 'due_in_past');
  }

  /** The editable fields from a body, as row columns and as the values the history compares. */
  private async editedFields(p: PromiseRow, b: z.infer<typeof EditBody> | z.infer<typeof ConfirmBody>) {
    if (p.source_kind) await this.refuseSourcedFields(p, b);
    if (b.ownerOrgId && b.ownerOrgId !== p.owner_org_id) await this.assertOwner(b.ownerOrgId);
    if (b.projectId) await this.assertProject(b.projectId);
    this.checkDue(p, b.due);
    const target = b.target === undefined ? undefined : b.target;
    const patch: Partial<PromiseTable> = {};
    if (b.text !== undefined) patch.text = b.text;
    if (b.due !== undefined) {
      patch.due = b.due;
      patch.open_ended = b.due ? 0 : 1;
      if (b.due !== p.due) patch.due_rule = b.due ? '由承办单位确认' : '未写明期限';
    }
    if (b.ownerOrgId !== undefined) patch.owner_org_id = b.ownerOrgId;
    if (b.action !== undefined) patch.action = b.action;
    if (target !== undefined) {
      patch.target_value = target?.value ?? null;
      patch.target_unit = target ? target.unit : null;
      patch.target_comparator = target ? target.comparator : null;
    }
    if (b.projectId !== undefined) patch.project_id = b.projectId;
    if ('achievedValue' in b && b.achievedValue !== undefined) patch.achieved_value = b.achievedValue;
    return patch;
  }

  /** What a linked promise takes from its source cannot be edited on the promise (one fact, entered once). */
  private async refuseSourcedFields(p: PromiseRow, b: z.infer<typeof EditBody> | z.infer<typeof ConfirmBody>) {
    const [d] = await this.core.derive([p]);
    const src = d.source!;
    const where = `该承诺的进度取自关联的${src.kindLabel}${src.name ? `“${src.name}”` : ''}`;
    if ((src.kind === 'project' || src.kind === 'milestone') && b.projectId !== undefined && b.projectId !== p.project_id) {
      conflict(`${where}，关联项目随之确定；如需更换，请先更换或解除进度来源`, 'derived_from_source');
    }
    if ('achievedValue' in b && b.achievedValue !== undefined && b.achievedValue !== d.achieved_value && src.kind === 'greening') {
      conflict(`${where}，完成数值请在园区生活的绿化记录中填报`, 'derived_from_source');
    }
    if (src.kind === 'greening' && b.target !== undefined && (b.target?.value ?? null) !== d.target_value) {
      conflict(`${where}，目标请在园区生活中修改该年度的绿化目标`, 'derived_from_source');
    }
    if (src.kind === 'milestone' && b.due !== undefined && b.due !== d.due) {
      conflict(`${where}，完成时限即里程碑的计划日期，请在重点项目调度中修改`, 'derived_from_source');
    }
  }

  /** The row after a patch, with the names of a new owner or project (what history and audit show). */
  private async merged(p: PromiseRow, patch: Partial<PromiseTable>): Promise<PromiseRow> {
    const next = { ...p, ...patch } as PromiseRow;
    if (patch.owner_org_id && patch.owner_org_id !== p.owner_org_id) next.owner_name = (await this.repo.org(patch.owner_org_id))?.name ?? patch.owner_org_id;
    if (patch.project_id && patch.project_id !== p.project_id) next.project_name = (await this.repo.project(patch.project_id))?.name ?? null;
    return next;
  }

  async confirm(actor: Actor, id: string, b: z.infer<typeof ConfirmBody>) {
    const { p } = await this.core.load(actor, id, 'review');
    if (p.discarded) conflict('该承诺已舍弃，请先恢复', 'invalid_transition');
    if (p.confirmed) conflict('该承诺已确认', 'invalid_transition');
    const patch = await this.editedFields(p, b);
    const status = b.status ?? (p.extracted_status === 'done' ? 'done' : 'planned');
    const today = this.core.today();
    if (b.doneOn && b.doneOn > today) badRequest(`完成日期不能晚于今天（${today}）`, 'future_date');
    const now = this.ctx.clock.nowIso();
    const due = patch.due !== undefined ? patch.due : p.due;
    const full: Partial<PromiseTable> = {
      ...patch, status, confirmed: 1, confirmed_at: now, confirmed_by: actor.userId, original_due: due ?? null, updated_at: now,
      progress: status === 'done' ? 100 : p.status === 'done' ? 0 : p.progress,
      achieved_value: status === 'done' || patch.achieved_value !== undefined ? patch.achieved_value ?? p.achieved_value : null,
      done_on: status === 'done' ? b.doneOn ?? p.done_on ?? p.reply_date ?? today : null,
    };
    const next = await this.merged(p, full);
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).updateVersioned('promise', p.id, b.version, full, '该承诺');
      const changes = diff(snapshot(p), snapshot(next));
      await this.core.event(tx, p, 'confirmed', actor, changes, b.note ?? null);
      await recordAudit(tx, this.ctx.clock, actor, { action: 'promise.confirm', entityType: 'promise', entityId: p.id, before: snapshot(p), after: snapshot(next) });
      await this.notifyNewOwner(tx, actor, { id: p.id, owner_org_id: full.owner_org_id ?? p.owner_org_id, text: full.text ?? p.text, due: due ?? null }, p);
      if (status === 'done' && p.extracted_status !== 'done') await this.core.notifyDeputiesToRate(tx, p, 'done');
    });
    return this.detailOf(actor, p.id);
  }

  async edit(actor: Actor, id: string, b: z.infer<typeof EditBody>) {
    const { p, access } = await this.core.load(actor, id, 'read');
    // The owner reports the achieved value; the wording, owner, date, target and project are the reviewers'.
    const onlyAchieved = Object.keys(b).every((k) => k === 'version' || k === 'achievedValue' || k === 'note');
    if (onlyAchieved) authorize(promisePolicy, actor, 'update', access);
    else authorize(promisePolicy, actor, 'review', access);
    if (p.discarded) conflict('该承诺已舍弃，请先恢复', 'invalid_transition');
    if (p.confirmed && b.due !== undefined && b.due !== p.due) {
      conflict('承诺确认后不能直接修改完成时限：如需推迟，请将状态改为“已延期”并写明原因和新的时限', 'use_slip');
    }
    const patch = await this.editedFields(p, b);
    const now = this.ctx.clock.nowIso();
    const next = await this.merged(p, patch);
    const changes = diff(snapshot(p), snapshot(next));
    if (!changes.length && !b.note) badRequest('没有需要保存的修改', 'no_change');
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).updateVersioned('promise', p.id, b.version, { ...patch, updated_at: now }, '该承诺');
      await this.core.event(tx, p, 'edited', actor, changes, b.note ?? null, { internal: !p.confirmed });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'promise.edit', entityType: 'promise', entityId: p.id, before: snapshot(p), after: snapshot(next) });
      if (p.confirmed && patch.owner_org_id && patch.owner_org_id !== p.owner_org_id) {
        await this.notifyNewOwner(tx, actor, { id: p.id, owner_org_id: patch.owner_org_id, text: next.text, due: next.due }, p);
      }
    });
    return this.detailOf(actor, p.id);
  }

  async discard(actor: Actor, id: string, b: z.infer<typeof DiscardBody>) {
    const { p } = await this.core.load(actor, id, 'review');
    if (p.discarded) conflict('该承诺已舍弃', 'invalid_transition');
    if (p.confirmed) conflict('已确认的承诺不能舍弃：不再履行的，请将状态改为“已终止”并写明原因', 'invalid_transition');
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).updateVersioned('promise', p.id, b.version, { discarded: 1, discarded_at: now, discarded_by: actor.userId, discard_reason: b.reason ?? null, updated_at: now }, '该承诺');
      await this.core.event(tx, p, 'discarded', actor, [{ field: 'discarded', before: false, after: true }], b.reason ?? null, { internal: true });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'promise.discard', entityType: 'promise', entityId: p.id, before: { discarded: false }, after: { discarded: true, reason: b.reason ?? null } });
    });
    return this.detailOf(actor, p.id);
  }

  async restore(actor: Actor, id: string, b: z.infer<typeof RestoreBody>) {
    const { p } = await this.core.load(actor, id, 'review');
    if (!p.discarded) conflict('该承诺未被舍弃', 'invalid_transition');
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).updateVersioned('promise', p.id, b.version, { discarded: 0, discarded_at: null, discarded_by: null, discard_reason: null, updated_at: now }, '该承诺');
      await this.core.event(tx, p, 'restored', actor, [{ field: 'discarded', before: true, after: false }], null, { internal: true });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'promise.restore', entityType: 'promise', entityId: p.id, before: { discarded: true }, after: { discarded: false } });
    });
    return this.detailOf(actor, p.id);
  }
}

/** The fields history and audit compare. */
export function snapshot(p: Pick<PromiseRow, 'text' | 'due' | 'owner_org_id' | 'owner_name' | 'action' | 'target_value' | 'target_unit' | 'target_comparator' | 'project_id' | 'project_name' | 'achieved_value' | 'status' | 'progress' | 'done_on'>) {
  return {
    text: p.text,
    due: p.due,
    owner: p.owner_name,
    action: p.action,
    target: p.target_value !== null ? { value: p.target_value, unit: p.target_unit ?? '', comparator: p.target_comparator ?? '>=' } : null,
    project: p.project_id ? p.project_name : null,
    achievedValue: p.achieved_value,
    status: p.status,
    progress: p.progress,
    doneOn: p.done_on,
  };
}

function proposalRow(x: ProposedPromise, c: { replyId: string; suggestionId: string; pointId: string | null; ownerOrgId: string; replyDate: string; now: string; isDemo: number; by: EventActor }): PromiseTable {
  const done = x.status === 'done';
  return {
    id: newId(), suggestion_id: c.suggestionId, reply_id: c.replyId, reply_point_id: c.pointId, point_ordinal: x.point,
    owner_org_id: c.ownerOrgId, text: x.text, source_text: x.text,
    due: done ? null : x.due, due_rule: x.dueRule, original_due: null, open_ended: x.openEnded ? 1 : 0, action: x.action,
    target_value: x.target?.value ?? null, target_unit: x.target?.unit ?? null, target_comparator: x.target?.comparator ?? null,
    achieved_value: done && x.target ? x.target.value : null,
    status: done ? 'done' : 'planned', progress: done ? 100 : 0, done_on: done ? x.due ?? c.replyDate : null, status_reason: null,
    origin: 'extracted', extracted_status: x.status,
    confirmed: 0, confirmed_at: null, confirmed_by: null, discarded: 0, discarded_at: null, discarded_by: null, discard_reason: null,
    project_id: null, source_kind: null, source_id: null, is_demo: c.isDemo, version: 1, created_by: 'userId' in c.by ? c.by.userId : null, created_at: c.now, updated_at: c.now,
  };
}
