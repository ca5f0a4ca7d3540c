/**
 * What every part of the promises module shares: the repository, loading a promise with the facts its policy
 * needs, presenting rows for a viewer, the history entry that goes with every change, and notifications.
 */
import type { AppContext } from '../../platform/context.js';
import type { Actor, Viewer } from '../../platform/auth/roles.js';
import type { Queryable } from '../../platform/db/database.js';
import { authorize } from '../../platform/policy/policy.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { notifyUsers } from '../../platform/notifications/notifications.js';
import { DUE_SOON_DAYS } from '../../../domain/promise-states.js';
import { addDays } from '../../../domain/calendar/dates.js';
import { PromisesRepo, type PromiseFilter, type PromiseRow, type PromiseScope } from './promises.repo.js';
import { PromiseSources, deriveRow, sourceKey, type Derived } from './promise-sources.js';
import type { PromiseTable } from './promises.tables.js';
import { accessOf, presentPromise, type Change, type Signer } from './promises.present.js';
import { promisePolicy, type PromiseAccess } from './promises.policy.js';

export type EventActor = Actor | { system: string };

export class PromisesCore {
  readonly repo: PromisesRepo;
  readonly sources: PromiseSources;

  constructor(readonly ctx: AppContext) {
    this.repo = new PromisesRepo(ctx.db);
    this.sources = new PromiseSources(ctx);
  }

  /** The promises as read: linked ones take progress, status and done date from their source (never stored). */
  async derive<T extends PromiseTable>(rows: T[]): Promise<Array<Derived<T>>> {
    const linked = rows.filter((r) => r.source_kind && r.source_id);
    const facts = linked.length ? await this.sources.facts(linked) : new Map();
    return rows.map((r) => deriveRow(r, r.source_kind && r.source_id ? facts.get(sourceKey(r.source_kind, r.source_id)) : undefined));
  }

  /**
   * The ledger's rows, derived. Status and the due-date clocks of a linked promise come from its source, so
   * SQL lets linked rows through those filters and they are checked here after deriving (then paged here).
   */
  async list(f: PromiseFilter, page?: { limit: number; offset: number }): Promise<Array<Derived<PromiseRow>>> {
    if (!hasDerivedFilter(f)) return this.derive(await this.repo.list(f, page));
    const rows = (await this.derive(await this.repo.list(f))).filter((r) => !r.source_kind || matchesDerived(r, f));
    return page ? rows.slice(page.offset, page.offset + page.limit) : rows;
  }

  async count(f: PromiseFilter): Promise<number> {
    if (!hasDerivedFilter(f)) return this.repo.count(f);
    return (await this.list(f)).length;
  }

  today() {
    return this.ctx.clock.today();
  }

  soonUntil(today = this.today()) {
    return addDays(today, DUE_SOON_DAYS);
  }

  /** The viewer's row scope (promises.scope.ts, the same declaration as `promisePolicy.read`). */
  scopeOf(actor: Viewer): PromiseScope {
    return { kind: 'viewer', viewer: actor };
  }

  /** The promise, its signers and its access facts; 404 when missing, 401/403 unless `action` is allowed. */
  async load(actor: Viewer, id: string, action: 'read' | 'review' | 'update' | 'rate' = 'read', db: Queryable = this.ctx.db): Promise<{ p: PromiseRow; signers: Signer[]; access: PromiseAccess }> {
    const repo = this.repo.with(db);
    const p = (await repo.get(id)) ?? notFound('承诺不存在');
    const signers = await repo.signers([p!.suggestion_id]);
    const access = accessOf(p!, signers);
    // Someone who may not even read it is told only that (not what else they could not do).
    authorize(promisePolicy, actor, 'read', access);
    if (action !== 'read') authorize(promisePolicy, actor, action, access);
    return { p: p!, signers, access };
  }

  async present(actor: Viewer, raw: PromiseRow[]) {
    const rows = await this.derive(raw);
    const ids = rows.map((r) => r.id);
    const [ratings, signers] = await Promise.all([this.repo.ratings(ids), this.repo.signers([...new Set(rows.map((r) => r.suggestion_id))])]);
    const today = this.today();
    return rows.map((p) => presentPromise(p, { today, actor, ratings, signers }));
  }

  /** One entry in the promise's history. */
  async event(db: Queryable, p: { id: string; is_demo: number }, kind: string, actor: EventActor, changes: Change[] | null, note: string | null, opts: { internal?: boolean; at?: string } = {}) {
    await this.repo.with(db).insertEvent({
      id: newId(), promise_id: p.id, kind,
      actor_id: 'userId' in actor ? actor.userId : null,
      actor_name: 'system' in actor ? actor.system : actor.displayName,
      actor_org_name: 'system' in actor ? null : actor.orgUnitName,
      at: opts.at ?? this.ctx.clock.nowIso(),
      changes_json: changes && changes.length ? JSON.stringify(changes) : null,
      note: note || null,
      internal: opts.internal ? 1 : 0,
      is_demo: p.is_demo,
    });
  }

  async notify(db: Queryable, userIds: string[], n: { kind: string; title: string; body: string; link: string; key: string }) {
    if (!userIds.length) return 0;
    return notifyUsers(db, this.ctx.clock, userIds, { kind: n.kind, title: n.title, body: n.body, link: n.link, dedupeKey: n.key });
  }

  async ownerStaff(db: Queryable, orgId: string, except?: string) {
    return (await this.repo.with(db).staffOf([orgId])).map((u) => u.id).filter((id) => id !== except);
  }

  /** Tells the suggestion's deputies that a promise can now be rated; once per promise and reason. */
  async notifyDeputiesToRate(db: Queryable, p: { id: string; text: string; suggestion_id: string; suggestion_number: number | null; suggestion_title: string }, reason: 'done' | 'dropped' | { due: string }) {
    const signers = (await this.repo.with(db).signers([p.suggestion_id])).filter((g) => g.status === 'accepted' && g.user_id);
    const label = p.suggestion_number !== null ? `第${p.suggestion_number}号建议` : `建议“${p.suggestion_title}”`;
    const short = p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text;
    const why = reason === 'done' ? '已完成' : reason === 'dropped' ? '已终止' : `已到期（${reason.due}）`;
    const key = `promise:${p.id}:rate:${typeof reason === 'string' ? reason : `due:${reason.due}`}`;
    return this.notify(db, signers.map((g) => g.user_id!), {
      kind: 'promise.rate', title: `请评价承诺落实情况：${label}`, link: `/promises/${p.id}`, key,
      body: `答复中承诺的“${short}”${why}，请评价落实情况（兑现、部分兑现或未兑现）。`,
    });
  }
}

const CLOSED = ['done', 'dropped'];

export const hasDerivedFilter = (f: PromiseFilter) => !!(f.statuses?.length || f.overdue || f.dueSoon || f.openEnded);

/** The derived-state part of the filter (`PromisesRepo.applyFilter`), on a derived row. */
export function matchesDerived(r: Pick<PromiseTable, 'status' | 'due' | 'confirmed'>, f: PromiseFilter): boolean {
  if (f.statuses?.length && !f.statuses.includes(r.status)) return false;
  const open = !CLOSED.includes(r.status);
  if (f.overdue && !(r.confirmed === 1 && open && r.due !== null && r.due < f.today)) return false;
  if (f.dueSoon && !(open && r.due !== null && r.due >= f.today && r.due <= f.soonUntil)) return false;
  if (f.openEnded && !(open && r.due === null)) return false;
  return true;
}

/** The changes between two sets of values, as history entries (unchanged fields left out). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const out: Change[] = [];
  for (const field of Object.keys(after)) {
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field, before: a, after: b });
  }
  return out;
}
