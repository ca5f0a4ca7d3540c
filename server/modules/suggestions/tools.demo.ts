/**
 * Demo data of the suggestion tools, after the workflow's own: No. 187's reply (a public document, 高工信发〔2024〕37号)
 * is reviewed and published through the publication service on plausible days after it was sent, once the
 * load day has reached them; replies the demo marks as published get their public copy made the way
 * publication makes it (automatic redaction, official lines kept), and every suggestion is indexed for search.
 */
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/roles.js';
import { fixedClock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { parsePublished } from './publication/published.js';
import { replyContextQuery } from './publication/publication.repo.js';
import { PublicationService, publishedCopy } from './publication/publication.service.js';
import { parseRecord, type ReviewRecord } from './publication/review.js';
import { reindexStale } from './search/search.indexer.js';

/** Invented for the demo: the organizer reviewed No. 187's reply on the first day and published it on the second. */
export const REPLY_187_REVIEWED = '2024-09-03T10:00:00+08:00';
export const REPLY_187_PUBLISHED = '2024-09-05T10:00:00+08:00';

/** Reviews and publishes No. 187's reply as the organizer would, each step stamped with its own day. */
async function publishReply187(ctx: AppContext): Promise<void> {
  if (new Date(REPLY_187_PUBLISHED).getTime() > ctx.clock.now().getTime()) return;
  const reply = await ctx.db.selectFrom('reply as r').innerJoin('suggestion as s', 's.id', 'r.suggestion_id')
    .select(['r.id', 'r.version', 'r.suggestion_id']).where('s.number', '=', 187).where('s.is_demo', '=', 1).where('r.round', '=', 1)
    .where('r.state', '=', 'submitted').where('r.publication_state', '=', 'draft').executeTakeFirst();
  const user = await ctx.db.selectFrom('app_user').leftJoin('org_unit', 'org_unit.id', 'app_user.org_unit_id')
    .select(['app_user.id', 'app_user.username', 'app_user.display_name', 'app_user.role', 'app_user.org_unit_id', 'org_unit.name as org_name'])
    .where('app_user.username', '=', 'organizer').where('app_user.is_demo', '=', 1).executeTakeFirst();
  if (!reply || !user) return;
  const organizer: Actor = { userId: user.id, username: user.username, displayName: user.display_name, role: user.role as Actor['role'], orgUnitId: user.org_unit_id, orgUnitName: user.org_name };
  const on = (iso: string) => new PublicationService({ ...ctx, clock: fixedClock(new Date(iso).toISOString()) });
  const reviewed = await on(REPLY_187_REVIEWED).markReviewed(organizer, reply.id, { version: reply.version });
  await on(REPLY_187_PUBLISHED).publish(organizer, reply.id, { version: reviewed.version });
  await ctx.db.updateTable('suggestion_event').set({ is_demo: 1 }).where('suggestion_id', '=', reply.suggestion_id).where('kind', 'in', ['reply_reviewed', 'reply_published']).execute();
}

export async function seedSuggestionTools(ctx: AppContext): Promise<void> {
  await publishReply187(ctx);
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
