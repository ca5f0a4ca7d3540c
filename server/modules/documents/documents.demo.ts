import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/ids.js';
import { formatDocNumber, parseDocNumber } from '../../../domain/docnumber.js';
import type { DemoRefs } from '../../demo/modules.js';
import { registryRepo as repo } from './registry.repo.js';
import { replyTitle } from './reply-document.js';

/**
 * The documents module's demo data: the numbers of the replies already in the demo (高工信发〔2024〕37号 …) are
 * entered in the registry, so the registry and the replies agree and the next number follows them.
 */
export async function seedDocuments(ctx: AppContext, _refs: DemoRefs): Promise<void> {
  const replies = await ctx.db.selectFrom('reply')
    .innerJoin('suggestion', 'suggestion.id', 'reply.suggestion_id')
    .innerJoin('congress_session', 'congress_session.id', 'suggestion.session_id')
    .select(['reply.id', 'reply.doc_number', 'reply.unit_id', 'suggestion.kind', 'suggestion.number', 'suggestion.title', 'congress_session.body', 'congress_session.short_name'])
    .where('reply.doc_number', 'is not', null).execute();
  if (!replies.length) return;
  const now = ctx.clock.nowIso();
  await ctx.db.transaction().execute(async (tx) => {
    let entered = 0;
    for (const r of replies) {
      const n = parseDocNumber(r.doc_number!);
      if (!n || (await repo.findBySerial(tx, n.prefix, n.year, n.serial))) continue;
      await repo.ensureCounter(tx, n.prefix, n.year, now);
      await repo.raiseCounter(tx, n.prefix, n.year, n.serial, now);
      await repo.insert(tx, {
        id: newId(), prefix: n.prefix, year: n.year, serial: n.serial, number_text: formatDocNumber(n), state: 'manual', voided_from: null,
        title: replyTitle({ session: { body: r.body, short_name: r.short_name }, suggestion: { kind: r.kind, number: r.number, title: r.title } }),
        ref_type: 'reply', ref_id: r.id, org_unit_id: r.unit_id, note: '演示数据：已有答复的文号', void_reason: null, created_by: null,
        created_by_name: '演示数据', created_at: now, voided_by: null, voided_by_name: null, voided_at: null, version: 1, updated_at: now,
      });
      entered++;
    }
    await recordAudit(tx, ctx.clock, { system: '演示数据' }, { action: 'demo.seed_documents', entityType: 'system', entityId: null, after: { docNumbers: entered } });
  });
}
