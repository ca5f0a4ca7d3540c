/**
 * Evidence of delivery (佐证): a dated note, optionally with a photo or document. Evidence is never deleted:
 * a wrong upload is voided with a reason, and both stay in the history.
 */
import type { z } from 'zod';
import type { Actor, Viewer } from '../../platform/auth/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { badRequest, conflict, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { PromisesCore } from './promises.core.js';
import type { CheckedFile } from './evidence-files.js';
import type { EvidenceFields, VoidBody } from './promises.schemas.js';

export class EvidenceService {
  constructor(private readonly core: PromisesCore) {}

  private get ctx() { return this.core.ctx; }

  /** Checks the caller may add evidence before any upload is read. */
  async assertCanAdd(actor: Actor, id: string) {
    const { p } = await this.core.load(actor, id, 'update');
    if (p.discarded || !p.confirmed) conflict('请先确认该承诺，再上传佐证材料', 'unconfirmed');
    return p;
  }

  async add(actor: Actor, id: string, b: z.infer<typeof EvidenceFields>, file: CheckedFile | null, version: number) {
    const p = await this.assertCanAdd(actor, id);
    const today = this.core.today();
    if (b.happenedOn > today) badRequest(`日期不能晚于今天（${today}）`, 'future_date');
    const now = this.ctx.clock.nowIso();
    const evidenceId = newId();
    const fileId = file ? newId() : null;
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.core.repo.with(tx);
      // The promise's version moves too: a deputy who rated before new evidence may rate again.
      await repo.updateVersioned('promise', p.id, version, { updated_at: now }, '该承诺');
      if (file) {
        await repo.insertFile({ id: fileId!, name: file.name, mime: file.mime, size: file.size, content_hash: file.hash, data: file.data, created_by: actor.userId, created_at: now });
      }
      await repo.insertEvidence({
        id: evidenceId, promise_id: p.id, note: b.note, file_id: fileId, happened_on: b.happenedOn, internal: b.internal ? 1 : 0,
        created_by: actor.userId, created_by_name: actor.displayName, created_at: now, voided_at: null, voided_by: null, void_reason: null,
        is_demo: 0, version: 1,
      });
      await this.core.event(tx, p, 'evidence', actor, null, `${b.happenedOn}：${b.note}${file ? `（附件：${file.name}）` : ''}`, { internal: b.internal });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'promise.evidence', entityType: 'promise_evidence', entityId: evidenceId, after: { promiseId: p.id, happenedOn: b.happenedOn, internal: b.internal, file: file ? { name: file.name, size: file.size, sm3: file.hash } : null } });
    });
    return this.core.present(actor, [(await this.core.repo.get(p.id))!]).then((v) => v[0]);
  }

  async void(actor: Actor, id: string, evidenceId: string, b: z.infer<typeof VoidBody>) {
    const p = await this.assertCanAdd(actor, id);
    const e = await this.core.repo.evidenceById(evidenceId);
    if (!e || e.promise_id !== p.id) notFound('佐证材料不存在');
    if (e!.voided_at) conflict('该佐证材料已作废', 'invalid_transition');
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.core.repo.with(tx);
      await repo.updateVersioned('promise_evidence', e!.id, b.version, { voided_at: now, voided_by: actor.userId, void_reason: b.reason }, '该佐证材料');
      await repo.updateVersioned('promise', p.id, p.version, { updated_at: now }, '该承诺');
      await this.core.event(tx, p, 'evidence_void', actor, null, `作废 ${e!.happened_on} 的佐证：${b.reason}`, { internal: true });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'promise.evidence_void', entityType: 'promise_evidence', entityId: e!.id, before: { voided: false }, after: { voided: true, reason: b.reason } });
    });
    return this.core.present(actor, [(await this.core.repo.get(p.id))!]).then((v) => v[0]);
  }

  /** The file of a piece of evidence, for those who may read the promise (internal evidence: staff only). */
  async file(actor: Viewer, id: string, evidenceId: string) {
    const { p } = await this.core.load(actor, id, 'read');
    const e = await this.core.repo.evidenceById(evidenceId);
    if (!e || e.promise_id !== p.id || !e.file_id) notFound('佐证文件不存在');
    if (e!.internal && actor?.role === 'deputy') notFound('佐证文件不存在');
    const f = await this.core.repo.file(e!.file_id!);
    if (!f) notFound('佐证文件不存在');
    return f!;
  }
}
