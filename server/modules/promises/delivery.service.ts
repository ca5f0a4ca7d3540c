/**
 * The deputies' second judgement: not how the reply was worded (答复满意, the suggestions module's rating)
 * but whether what it promised was delivered (落实满意: 兑现 / 部分兑现 / 未兑现), rated per promise once it
 * falls due or is done.
 *
 * Re-rating: one rating per deputy per version of the promise. When the promise changes after a deputy
 * rated it (a new status, progress, date or evidence), the deputy may rate again; the new rating is a new row
 * and the latest rating of each deputy is the one counted. Rating the same version twice is refused (409).
 */
import type { z } from 'zod';
import { sql } from 'kysely';
import type { Actor, Viewer } from '../../platform/auth/roles.js';
import type { Queryable } from '../../platform/db/database.js';
import { authorize } from '../../platform/policy/policy.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { conflict } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { DELIVERY_LABELS, deliveryRateable, promiseClock, type PromiseStatus } from '../../../domain/promise-states.js';
import { SATISFACTION_LABELS, type Satisfaction } from '../../../domain/suggestion-states.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import type { PromisesCore } from './promises.core.js';
import { ledgerPolicy } from './promises.policy.js';
import { SuggestionsCore } from '../suggestions/core.js';
import { suggestionPolicy } from '../suggestions/suggestions.policy.js';
import { contradicts, latestRatings, type RatingRow } from './promises.present.js';
import { deriveRow, sourceKey } from './promise-sources.js';
import type { PromiseTable } from './promises.tables.js';
import { PromisesRepo } from './promises.repo.js';
import type { DeliverySummaryT, RateBody } from './promises.schemas.js';


export class DeliveryService {
  constructor(private readonly core: PromisesCore) {}

  private get ctx() { return this.core.ctx; }

  async rate(actor: Actor, id: string, b: z.infer<typeof RateBody>) {
    const loaded = await this.core.load(actor, id, 'rate');
    const signers = loaded.signers;
    // Rated on the promise as read: a linked promise's status comes from its source.
    const [p] = await this.core.derive([loaded.p]);
    const today = this.core.today();
    if (p.discarded || !deliveryRateable({ status: p.status as PromiseStatus, due: p.due, confirmed: p.confirmed === 1 }, today)) {
      conflict(p.due ? `该承诺尚未到期（完成时限 ${p.due}），到期或完成后才能评价落实情况` : '该承诺尚未完成，完成或终止后才能评价落实情况', 'not_due');
    }
    if (b.promiseVersion !== p.version) conflict('该承诺刚刚有了新的进展，请刷新后查看再评价', 'stale_write');
    const deputy = signers.find((g) => g.user_id === actor.userId && g.status === 'accepted')!;
    const now = this.ctx.clock.nowIso();
    const ratingId = newId();
    const previous = latestRatings(await this.core.repo.ratings([p.id])).find((r) => r.deputy_id === deputy.deputy_id);
    // A linked promise moves with its source without a write of its own: when the deputy rated this version in
    // another (derived) status, the new state of the promise gets its own version, so the rating is a new one.
    const movedBySource = !!p.source && previous?.promise_version === p.version && previous.promise_status !== p.status;
    await this.ctx.db.transaction().execute(async (tx) => {
      const version = movedBySource ? await this.core.repo.with(tx).updateVersioned('promise', p.id, p.version, { updated_at: now }, '该承诺') : p.version;
      try {
        await this.core.repo.with(tx).insertRating({
          id: ratingId, promise_id: p.id, suggestion_id: p.suggestion_id, deputy_id: deputy.deputy_id, rating: b.rating, comment: b.comment ?? null,
          promise_version: version, promise_status: p.status, rated_at: now, is_demo: 0,
        });
      } catch (err) {
        if (isUniqueViolation(err)) conflict('您已评价过该承诺的当前进展；承诺有新的进展后可以重新评价', 'already_rated');
        throw err;
      }
      await this.core.event(tx, p, 'rated', actor, [{ field: 'rating', before: previous?.rating ?? null, after: b.rating }], b.comment ?? null, { internal: true });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'promise.rate', entityType: 'delivery_rating', entityId: ratingId, after: { promiseId: p.id, deputyId: deputy.deputy_id, rating: b.rating, promiseVersion: version, promiseStatus: p.status, rerate: !!previous } });
      const staff = [...new Set([...(await this.core.ownerStaff(tx, p.owner_org_id)), ...(await this.core.ownerStaff(tx, p.reply_unit_id))])];
      await this.core.notify(tx, staff, {
        kind: 'promise.rated', title: `代表评价承诺落实：${DELIVERY_LABELS[b.rating]}`, link: `/promises/${p.id}`,
        body: `${deputy.name}代表对“${p.text.slice(0, 40)}${p.text.length > 40 ? '…' : ''}”的落实评价：${DELIVERY_LABELS[b.rating]}${b.comment ? `。意见：${b.comment}` : ''}`,
        key: `delivery-rating:${ratingId}`,
      });
    });
    return this.core.present(actor, [(await this.core.repo.get(p.id))!]).then((v) => v[0]);
  }

  /** The deputy's list: promises of their suggestions that have fallen due, with their own latest rating. */
  async toRate(actor: Actor, opts: { all: boolean }) {
    authorize(ledgerPolicy, actor, 'toRate', null);
    const today = this.core.today();
    const rows = await this.core.list({ scope: this.core.scopeOf(actor), today, soonUntil: this.core.soonUntil(today) });
    const views = (await this.core.present(actor, rows)).filter((v) => v.delivery.rateable && v.delivery.expected > 0);
    const pending = views.filter((v) => v.can.rate);
    return { today, pending: pending.length, items: opts.all ? views : pending };
  }

  /**
   * A suggestion's promises beside its two satisfactions: 答复满意 (the reply, from the suggestions module's
   * ratings) and 落实满意 (the delivery, from the deputies' ratings of the promises).
   */
  async ofSuggestion(actor: Viewer, suggestionId: string) {
    authorize(ledgerPolicy, actor, 'ledger', null);
    // The suggestion's own verdict: 404 when it does not exist, its detail's refusal when it may not be read.
    authorize(suggestionPolicy, actor, 'read', await new SuggestionsCore(this.ctx).access(actor, suggestionId));
    const signers = await this.core.repo.signers([suggestionId]);
    const today = this.core.today();
    const rows = await this.core.list({ scope: this.core.scopeOf(actor), suggestionId, today, soonUntil: this.core.soonUntil(today) });
    const views = await this.core.present(actor, rows);
    const replyRatings = await this.ctx.db.selectFrom('rating as rt').innerJoin('reply as r', 'r.id', 'rt.reply_id').innerJoin('deputy as d', 'd.id', 'rt.deputy_id')
      .select(['rt.deputy_id', 'd.name', 'rt.satisfaction', 'r.round']).where('rt.suggestion_id', '=', suggestionId).orderBy('r.round').execute();
    const delivery = (await this.core.repo.ratings(rows.map((r) => r.id)));
    const perDeputy = signers.filter((g) => g.status === 'accepted').map((g) => {
      const first = replyRatings.find((x) => x.deputy_id === g.deputy_id && x.round === 1);
      const last = [...replyRatings].reverse().find((x) => x.deputy_id === g.deputy_id);
      const mine = latestRatings(delivery).filter((x) => x.deputy_id === g.deputy_id);
      return {
        deputyId: g.deputy_id, name: g.name, role: g.role,
        replySatisfaction: (last?.satisfaction ?? null) as Satisfaction | null,
        replySatisfactionLabel: last ? SATISFACTION_LABELS[last.satisfaction as Satisfaction] : null,
        firstRoundSatisfactionLabel: first ? SATISFACTION_LABELS[first.satisfaction as Satisfaction] : null,
        delivery: { kept: mine.filter((x) => x.rating === 'kept').length, partly: mine.filter((x) => x.rating === 'partly').length, notKept: mine.filter((x) => x.rating === 'not_kept').length },
      };
    });
    const summary = (await deliverySummaries(this.ctx.db, today, [suggestionId], {}, this.core)).get(suggestionId) ?? null;
    return { today, items: views, deputies: perDeputy, summary };
  }
}

/**
 * Whether the promises of earlier suggestions were kept, for the similar-suggestions list shown while a deputy
 * drafts: counts of confirmed promises by outcome and the deputies' latest delivery ratings. `publicOnly`
 * counts only promises of published replies (for viewers who see those suggestions only through the portal).
 * Suggestions without confirmed promises are absent from the map.
 */
export async function deliverySummaries(db: Queryable, today: string, suggestionIds: string[], opts: { publicOnly?: string[] } = {}, core?: PromisesCore): Promise<Map<string, DeliverySummaryT>> {
  const out = new Map<string, DeliverySummaryT>();
  if (!suggestionIds.length) return out;
  const publicOnly = new Set(opts.publicOnly ?? []);
  const rows = await db.selectFrom('promise as p').innerJoin('reply as r', 'r.id', 'p.reply_id')
    .select(['p.id', 'p.suggestion_id', 'p.status', 'p.due', 'p.source_kind', 'p.source_id', 'p.progress', 'p.done_on', 'p.status_reason', 'p.open_ended',
      'p.achieved_value', 'p.target_value', 'p.target_unit', 'p.target_comparator', 'r.publication_state'])
    .where('p.suggestion_id', 'in', suggestionIds).where('p.confirmed', '=', 1).where('p.discarded', '=', 0)
    .where(sql<boolean>`r.state = 'submitted'`).execute();
  // Linked promises as read: their status comes from their source.
  const facts = core && rows.some((r) => r.source_kind) ? await core.sources.facts(rows) : null;
  const derived = rows.map((r) => {
    if (!facts || !r.source_kind || !r.source_id) return { ...r, linked: false };
    const d = deriveRow(r as unknown as PromiseTable, facts.get(sourceKey(r.source_kind, r.source_id)));
    return { ...r, status: d.status, due: d.due, linked: true };
  });
  const shown = derived.filter((r) => !publicOnly.has(r.suggestion_id) || r.publication_state === 'published');
  const ratings = latestRatings(await new PromisesRepo(db).ratings(shown.map((r) => r.id)) as RatingRow[]);
  for (const sid of suggestionIds) {
    const mine = shown.filter((r) => r.suggestion_id === sid);
    if (!mine.length) continue;
    const clocks = mine.map((r) => ({ r, clock: promiseClock({ status: r.status as PromiseStatus, due: r.due, confirmed: true }, today) }));
    const rs = ratings.filter((x) => mine.some((m) => m.id === x.promise_id && !(m.linked && contradicts(x, m.status))));
    const done = mine.filter((r) => r.status === 'done').length;
    const overdue = clocks.filter((c) => c.clock === 'overdue').length;
    const dropped = mine.filter((r) => r.status === 'dropped').length;
    const k = { kept: rs.filter((x) => x.rating === 'kept').length, partly: rs.filter((x) => x.rating === 'partly').length, notKept: rs.filter((x) => x.rating === 'not_kept').length };
    const rated = k.kept + k.partly + k.notKept;
    const verdict: DeliverySummaryT['verdict'] = rated > 0
      ? (k.kept === rated ? 'kept' : k.notKept === rated ? 'not_kept' : 'partly')
      : done === mine.length ? 'kept' : overdue + dropped > 0 ? (done > 0 ? 'partly' : 'not_kept') : 'pending';
    const parts = [`承诺 ${mine.length} 项`, `已完成 ${done} 项`];
    if (overdue) parts.push(`逾期 ${overdue} 项`);
    if (dropped) parts.push(`终止 ${dropped} 项`);
    if (rated) parts.push(`代表评价：兑现 ${k.kept}、部分兑现 ${k.partly}、未兑现 ${k.notKept}`);
    out.set(sid, {
      total: mine.length, done, inProgress: mine.filter((r) => r.status === 'in_progress').length, overdue, dropped,
      openEnded: mine.filter((r) => r.due === null && r.status !== 'done' && r.status !== 'dropped').length,
      ratings: k, verdict, label: parts.join('，'),
    });
  }
  return out;
}
