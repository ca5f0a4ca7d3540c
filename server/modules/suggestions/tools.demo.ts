/**
 * Demo data of the suggestion tools, after the workflow's own: replies the demo marks as published get their
 * public copy made the way publication makes it (automatic redaction, official lines kept), and every
 * suggestion is indexed for search.
 */
import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { parsePublished } from './publication/published.js';
import { replyContextQuery } from './publication/publication.repo.js';
import { publishedCopy } from './publication/publication.service.js';
import { parseRecord, type ReviewRecord } from './publication/review.js';
import { reindexStale } from './search/search.indexer.js';

export async function seedSuggestionTools(ctx: AppContext): Promise<void> {
  const published = await replyContextQuery(ctx.db).where('r.publication_state', '=', 'published').where('r.state', '=', 'submitted').execute();
  let republished = 0;
  await ctx.db.transaction().execute(async (tx) => {
    for (const c of published) {
      if (parsePublished(c.published_json)) continue;
      const record = parseRecord(c.redactions_json);
      const { published: copy, applied } = await publishedCopy(tx, c, record);
      const next: ReviewRecord = { ...record, reviewedAt: c.published_at, reviewedBy: '演示数据', withdrawn: null, applied };
      await tx.updateTable('reply').set({ published_json: JSON.stringify(copy), redactions_json: JSON.stringify(next) }).where('id', '=', c.id).execute();
      republished++;
    }
    if (republished) await recordAudit(tx, ctx.clock, { system: '演示数据' }, { action: 'demo.seed_publication', entityType: 'system', entityId: null, after: { republished } });
  });
  await reindexStale(ctx.db, { max: 1_000_000 });
}
