/**
 * Linking a promise to the one place its progress is recorded (a key project, a project milestone, a year's
 * greening target or a park facility), and unlinking it. Version-checked, in the promise's history and the
 * audit log. The lead unit or the owner may do it, as they may link the promise to a project.
 */
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { badRequest, conflict, staleWrite } from '../../platform/errors.js';
import type { PromisesCore } from './promises.core.js';
import { SOURCE_KIND_LABELS, sourceKey, type SourceKind } from './promise-sources.js';
import type { SourceBody } from './promises.schemas.js';
import type { PromiseTable } from './promises.tables.js';

export class SourceLinkService {
  constructor(private readonly core: PromisesCore) {}

  private get ctx() { return this.core.ctx; }

  /** What the promise may be linked to. */
  async options(actor: Actor, id: string) {
    await this.core.load(actor, id, 'review');
    return this.core.sources.options();
  }

  async set(actor: Actor, id: string, b: z.infer<typeof SourceBody>) {
    const { p } = await this.core.load(actor, id, 'review');
    if (p.discarded) conflict('该承诺已舍弃，请先恢复', 'invalid_transition');
    if (b.version !== p.version) staleWrite('该承诺');
    const [current] = await this.core.derive([p]);
    const now = this.ctx.clock.nowIso();
    let patch: Partial<PromiseTable>;
    let after: string | null;
    if (b.source) {
      if (p.source_kind === b.source.kind && p.source_id === b.source.id) badRequest('该承诺已关联这一来源', 'no_change');
      const fact = (await this.core.sources.facts([{ source_kind: b.source.kind, source_id: b.source.id }])).get(sourceKey(b.source.kind, b.source.id));
      if (!fact) badRequest(`所选的${SOURCE_KIND_LABELS[b.source.kind as SourceKind]}不存在，请刷新后重新选择`, 'source_missing');
      patch = { source_kind: b.source.kind, source_id: b.source.id, updated_at: now };
      // A project or its milestone: the promise is one of that project's 相关承诺.
      if ((b.source.kind === 'project' || b.source.kind === 'milestone') && fact!.projectId) patch.project_id = fact!.projectId;
      after = `${fact!.kindLabel}：${fact!.name}`;
    } else {
      if (!p.source_kind) badRequest('该承诺未关联进度来源', 'no_change');
      // From now on kept by hand, starting from what the source last said (not from the values stored before linking).
      patch = {
        source_kind: null, source_id: null, updated_at: now,
        progress: Math.round(current.progress), status: current.status, done_on: current.done_on, status_reason: current.status_reason,
        due: current.due, open_ended: current.open_ended, achieved_value: current.achieved_value,
        target_value: current.target_value, target_unit: current.target_unit, target_comparator: current.target_comparator,
      };
      after = null;
    }
    const before = current.source ? `${current.source.kindLabel}：${current.source.name ?? '（已不存在）'}` : null;
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.core.repo.with(tx).updateVersioned('promise', p.id, b.version, patch, '该承诺');
      await this.core.event(tx, p, 'linked', actor, [{ field: 'source', before, after }], b.note ?? null);
      await recordAudit(tx, this.ctx.clock, actor, {
        action: b.source ? 'promise.source.set' : 'promise.source.clear', entityType: 'promise', entityId: p.id,
        before: { source: p.source_kind ? { kind: p.source_kind, id: p.source_id } : null, label: before },
        after: { source: b.source ?? null, label: after, projectId: patch.project_id ?? p.project_id, note: b.note ?? null },
      });
    });
    return (await this.core.present(actor, [(await this.core.repo.get(p.id))!]))[0];
  }
}
