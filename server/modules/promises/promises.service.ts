import type { AppContext } from '../../platform/context.js';
import type { Viewer } from '../../platform/auth/roles.js';
import { PromisesCore } from './promises.core.js';
import { ProposalsService } from './proposals.service.js';
import { LifecycleService } from './lifecycle.service.js';
import { EvidenceService } from './evidence.service.js';
import { DeliveryService, deliverySummaries } from './delivery.service.js';
import { LedgerService } from './ledger.service.js';
import { PublicPromisesService } from './public.service.js';
import { SourceLinkService } from './source-link.service.js';

/** The promises module's services, built once per process. */
export function promiseServices(ctx: AppContext) {
  const core = new PromisesCore(ctx);
  return {
    core,
    proposals: new ProposalsService(core),
    lifecycle: new LifecycleService(core),
    evidence: new EvidenceService(core),
    delivery: new DeliveryService(core),
    ledger: new LedgerService(core),
    public: new PublicPromisesService(core),
    sources: new SourceLinkService(core),
  };
}

export type PromiseServices = ReturnType<typeof promiseServices>;

/**
 * For the suggestions module: call after a reply is submitted (after its transaction commits). Proposes the
 * reply's promises for the lead unit to confirm. Never throws: a failure here must not undo a submitted
 * reply; the daily job proposes whatever was missed.
 */
export async function onReplySubmitted(ctx: AppContext, replyId: string, actor: Viewer): Promise<void> {
  try {
    const proposals = new ProposalsService(new PromisesCore(ctx));
    await proposals.proposeForReply(replyId, actor ?? { system: '系统' }, 'submit');
  } catch (err) {
    // The reply stays submitted; the daily job proposes for replies without an extraction run.
    ctx.logger.warn({ err, replyId }, 'promise proposal after reply submission failed; the daily job will retry');
  }
}

/**
 * For the similar-suggestions list: whether each earlier suggestion's promises were kept. `publicOnly` lists
 * the suggestions the viewer reads only through the portal (their unpublished replies' promises are not counted).
 */
export async function promiseDeliveryOf(ctx: AppContext, suggestionIds: string[], publicOnly: string[] = []) {
  return deliverySummaries(ctx.db, ctx.clock.today(), suggestionIds, { publicOnly }, new PromisesCore(ctx));
}
