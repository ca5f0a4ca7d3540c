/**
 * The promise ledger (承诺台账): every confirmed promise the viewer may read, with filters that combine (unit,
 * session, status, overdue, due in the next 30 days, open-ended), summaries by unit, session or status, an
 * .xlsx export, one promise with its history and evidence, and the counts for the home page.
 */
import type { z } from 'zod';
import type { Actor, Viewer } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/policy/policy.js';
import { PROMISE_STATUSES, PROMISE_STATUS_LABELS, promiseClock, type PromiseStatus } from '../../../domain/promise-states.js';
import { ProjectsService } from '../projects/projects.service.js';
import type { PromisesCore } from './promises.core.js';
import { ledgerPolicy } from './promises.policy.js';
import { contradicts, latestRatings, presentEvent, sessionName, type PromiseView } from './promises.present.js';
import type { PromiseFilter } from './promises.repo.js';
import type { LedgerQuery, SummaryQuery } from './promises.schemas.js';
import { ledgerWorkbook } from './ledger-xlsx.js';
import { DELIVERY_LABELS, type DeliveryRating } from '../../../domain/promise-states.js';

type Query = z.infer<typeof LedgerQuery>;
const EXPORT_LIMIT = 10_000;

export class LedgerService {
  private projects: ProjectsService;

  constructor(private readonly core: PromisesCore) {
    this.projects = new ProjectsService(core.ctx);
  }

  private filter(actor: Viewer, q: Partial<Query>): PromiseFilter {
    const today = this.core.today();
    return {
      scope: this.core.scopeOf(actor), review: q.review ?? 'confirmed', unitId: q.unitId, sessionId: q.sessionId, suggestionId: q.suggestionId,
      replyId: q.replyId, projectId: q.projectId, statuses: q.status, overdue: q.overdue, dueSoon: q.dueSoon, openEnded: q.openEnded, q: q.q,
      today, soonUntil: this.core.soonUntil(today),
    };
  }

  async list(actor: Viewer, q: Query) {
    authorize(ledgerPolicy, actor, 'ledger', null);
    const f = this.filter(actor, q);
    const [total, rows, all] = await Promise.all([
      this.core.count(f),
      this.core.list(f, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
      // The counts above the table: the same filter without the derived clocks, so the tabs show what each adds.
      this.core.list({ ...f, overdue: false, dueSoon: false, openEnded: false }),
    ]);
    const views = await this.core.present(actor, rows);
    const clocks = all.map((r) => promiseClock({ status: r.status as PromiseStatus, due: r.due, confirmed: r.confirmed === 1 }, f.today));
    return {
      today: f.today,
      total,
      page: q.page,
      pageSize: q.pageSize,
      counts: {
        all: all.length,
        overdue: clocks.filter((c) => c === 'overdue').length,
        dueSoon: clocks.filter((c) => c === 'due_soon' || c === 'due_today').length,
        openEnded: clocks.filter((c) => c === 'open_ended').length,
        done: all.filter((r) => r.status === 'done').length,
      },
      items: views,
      filters: await this.filterOptions(actor),
    };
  }

  /** The units and sessions that have promises the viewer may read: the ledger's filter choices. */
  private async filterOptions(actor: Viewer) {
    const rows = await this.core.repo.list({ ...this.filter(actor, {}), review: 'all' });
    const units = new Map<string, string>();
    const sessions = new Map<string, string>();
    for (const r of rows) {
      units.set(r.owner_org_id, r.owner_name);
      sessions.set(r.session_id, sessionName(r));
    }
    return {
      units: [...units].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      sessions: [...sessions].map(([id, name]) => ({ id, name })),
      statuses: PROMISE_STATUSES.map((s) => ({ value: s, label: PROMISE_STATUS_LABELS[s] })),
    };
  }

  /** Counts grouped by unit, session or status, for the same filters as the list. */
  async summary(actor: Viewer, q: z.infer<typeof SummaryQuery>) {
    authorize(ledgerPolicy, actor, 'ledger', null);
    const f = this.filter(actor, q);
    const views = await this.core.present(actor, await this.core.list(f));
    const groups = new Map<string, { key: string; name: string; items: PromiseView[] }>();
    for (const v of views) {
      const [key, name] = q.groupBy === 'unit' ? [v.owner.id, v.owner.name] : q.groupBy === 'session' ? [v.suggestion.sessionId, v.suggestion.sessionName] : [v.status, v.statusLabel];
      if (!groups.has(key)) groups.set(key, { key, name, items: [] });
      groups.get(key)!.items.push(v);
    }
    const order = q.groupBy === 'status' ? (k: string) => PROMISE_STATUSES.indexOf(k as PromiseStatus) : () => 0;
    return {
      today: f.today,
      groupBy: q.groupBy,
      groups: [...groups.values()].sort((a, b) => order(a.key) - order(b.key) || b.items.length - a.items.length).map((g) => ({
        key: g.key,
        name: g.name,
        total: g.items.length,
        done: g.items.filter((v) => v.status === 'done').length,
        inProgress: g.items.filter((v) => v.status === 'in_progress').length,
        overdue: g.items.filter((v) => v.clock === 'overdue').length,
        dueSoon: g.items.filter((v) => v.clock === 'due_soon' || v.clock === 'due_today').length,
        openEnded: g.items.filter((v) => v.clock === 'open_ended').length,
        slipped: g.items.filter((v) => v.status === 'slipped').length,
        dropped: g.items.filter((v) => v.status === 'dropped').length,
        kept: g.items.reduce((n, v) => n + v.delivery.kept, 0),
        partly: g.items.reduce((n, v) => n + v.delivery.partly, 0),
        notKept: g.items.reduce((n, v) => n + v.delivery.notKept, 0),
        doneRate: g.items.length ? Math.round((g.items.filter((v) => v.status === 'done').length / g.items.length) * 1000) / 10 : 0,
      })),
    };
  }

  async export(actor: Viewer, q: Query) {
    authorize(ledgerPolicy, actor, 'ledger', null);
    const f = this.filter(actor, q);
    const rows = await this.core.list(f, { limit: EXPORT_LIMIT, offset: 0 });
    const views = await this.core.present(actor, rows);
    const buffer = await ledgerWorkbook(views, { today: f.today, filters: describeFilters(q, views), by: actor ? `${actor.displayName}${actor.orgUnitName ? `（${actor.orgUnitName}）` : ''}` : '' });
    return { buffer, fileName: `承诺台账_${f.today}.xlsx` };
  }

  /** One promise with its history, evidence, ratings and linked project. */
  async detail(actor: Viewer, id: string) {
    const { p } = await this.core.load(actor, id, 'read');
    const [view] = await this.core.present(actor, [p]);
    const staff = !!actor && actor.role !== 'deputy';
    const [events, evidence, ratings, signers] = await Promise.all([
      this.core.repo.events([p.id]), this.core.repo.evidence([p.id]), this.core.repo.ratings([p.id]), this.core.repo.signers([p.suggestion_id]),
    ]);
    // Deputies read the promise as the public record plus their own suggestion's ratings: no internal notes.
    const history = events.filter((e) => staff || !e.internal || e.kind === 'rated').map((e) => presentEvent(e)).reverse();
    const project = p.project_id ? (await this.projects.lookup([p.project_id]))[0] ?? null : null;
    const latest = latestRatings(ratings);
    return {
      ...view,
      history,
      evidence: evidence.filter((e) => staff || !e.internal).map((e) => ({
        id: e.id, note: e.note, happenedOn: e.happened_on, internal: e.internal === 1, by: e.created_by_name, at: e.created_at,
        voided: e.voided_at !== null, voidReason: e.void_reason, version: e.version,
        file: e.file_id ? { name: e.file_name!, mime: e.file_mime!, size: e.file_size!, sm3: e.file_hash!, url: `/api/promises/${p.id}/evidence/${e.id}/file` } : null,
      })),
      ratings: signers.filter((g) => g.status === 'accepted').map((g) => {
        const mine = ratings.filter((r) => r.deputy_id === g.deputy_id);
        const last = latest.find((r) => r.deputy_id === g.deputy_id);
        return {
          deputyId: g.deputy_id, name: g.name, role: g.role,
          latest: last ? {
            rating: last.rating as DeliveryRating, label: DELIVERY_LABELS[last.rating as DeliveryRating], comment: last.comment, ratedAt: last.rated_at, promiseStatus: last.promise_status, current: last.promise_version === p.version,
            /** A 兑现 that the promise as read now (from its source) does not bear out: shown, not counted. */
            setAside: contradicts(last, view.source ? view.status : undefined),
          } : null,
          history: mine.map((r) => ({ rating: r.rating as DeliveryRating, label: DELIVERY_LABELS[r.rating as DeliveryRating], comment: r.comment, ratedAt: r.rated_at })),
        };
      }),
      project: project ? { id: project.id, name: project.name, ownerOrgName: project.ownerOrgName, status: project.status, progress: project.progress, light: project.light } : view.project,
    };
  }

  /** The home-page counts: for staff their own unit's promises; for deputies what waits for their rating. */
  async dashboard(actor: Actor) {
    authorize(ledgerPolicy, actor, 'ledger', null);
    const today = this.core.today();
    const soonUntil = this.core.soonUntil(today);
    if (actor.role === 'deputy') {
      const rows = await this.core.list({ scope: this.core.scopeOf(actor), today, soonUntil });
      const views = await this.core.present(actor, rows);
      const toRate = views.filter((v) => v.can.rate);
      return { today, role: 'deputy' as const, toRate: toRate.length, toRateItems: toRate.slice(0, 5), total: views.length, done: views.filter((v) => v.status === 'done').length, overdue: views.filter((v) => v.clock === 'overdue').length, dueSoon: 0, proposals: 0, items: [] as PromiseView[] };
    }
    const base: PromiseFilter = { scope: this.core.scopeOf(actor), today, soonUntil, ...(actor.orgUnitId && (actor.role === 'unit_staff' || actor.role === 'zone_staff') ? { unitId: actor.orgUnitId } : {}) };
    const open = await this.core.list({ ...base, statuses: ['planned', 'in_progress', 'slipped'] });
    const views = await this.core.present(actor, open);
    const proposals = await this.core.count({ ...this.filter(actor, { review: 'proposed' }) });
    const urgent = views.filter((v) => v.clock === 'overdue' || v.clock === 'due_today' || v.clock === 'due_soon');
    return {
      today, role: 'staff' as const, toRate: 0, toRateItems: [] as PromiseView[], total: views.length, done: 0,
      overdue: views.filter((v) => v.clock === 'overdue').length,
      dueSoon: views.filter((v) => v.clock === 'due_soon' || v.clock === 'due_today').length,
      proposals,
      items: urgent.slice(0, 6),
    };
  }
}

function describeFilters(q: Partial<Query>, views: PromiseView[]): string {
  const parts: string[] = [];
  if (q.unitId) parts.push(`责任单位：${views.find((v) => v.owner.id === q.unitId)?.owner.name ?? q.unitId}`);
  if (q.sessionId) parts.push(`届次：${views.find((v) => v.suggestion.sessionId === q.sessionId)?.suggestion.sessionName ?? q.sessionId}`);
  if (q.status?.length) parts.push(`状态：${q.status.map((s) => PROMISE_STATUS_LABELS[s as PromiseStatus]).join('、')}`);
  if (q.overdue) parts.push('已逾期');
  if (q.dueSoon) parts.push('30 天内到期');
  if (q.openEnded) parts.push('无明确时限');
  if (q.review === 'proposed') parts.push('待确认');
  if (q.q) parts.push(`关键词：${q.q}`);
  return parts.length ? parts.join('；') : '全部';
}
