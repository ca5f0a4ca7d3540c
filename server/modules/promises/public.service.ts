/**
 * The public promise ledger (no login): only CONFIRMED promises of PUBLISHED replies, each with the history of
 * its status and progress. Never: proposals, discarded promises, promises of unpublished replies, internal
 * notes, people's names, or evidence files. Every text passes the personal-data redaction before it leaves.
 */
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { redact } from '../../../domain/text/redact.js';
import { PROMISE_STATUS_LABELS, promiseClock, targetText, type PromiseStatus } from '../../../domain/promise-states.js';
import type { PromisesCore } from './promises.core.js';
import { CLOCK_LABELS, deliveryOf, presentEvent, sessionName, type RatingRow } from './promises.present.js';
import type { PromiseFilter, PromiseRow } from './promises.repo.js';
import type { PublicLedgerQuery } from './promises.schemas.js';
import type { PromiseEventTable } from './promises.tables.js';

/** History entries the public reads: what was confirmed and how it moved, not how staff reviewed it. */
const PUBLIC_KINDS = new Set(['confirmed', 'created', 'status', 'progress', 'evidence', 'edited']);

export class PublicPromisesService {
  constructor(private readonly core: PromisesCore) {}

  private get ctx(): AppContext { return this.core.ctx; }

  private async keepNumbers(): Promise<string[]> {
    const rows = await this.ctx.db.selectFrom('org_unit').select('official_phone').where('official_phone', 'is not', null).execute();
    return rows.map((r) => r.official_phone!).filter(Boolean);
  }

  private filter(q: Partial<z.infer<typeof PublicLedgerQuery>>): PromiseFilter {
    const today = this.core.today();
    return {
      scope: { kind: 'all' }, review: 'confirmed', publishedOnly: true, unitId: q.unitId, sessionId: q.sessionId, replyId: q.replyId,
      statuses: q.view === 'done' ? ['done'] : q.status,
      overdue: q.overdue || q.view === 'overdue', dueSoon: q.dueSoon || q.view === 'due30' || q.view === 'dueSoon',
      today, soonUntil: this.core.soonUntil(today),
    };
  }

  async list(q: z.infer<typeof PublicLedgerQuery>) {
    const f = this.filter(q);
    const [total, rows, all] = await Promise.all([
      this.core.count(f),
      this.core.list(f, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
      this.core.list({ ...this.filter({}), unitId: q.unitId, sessionId: q.sessionId, replyId: q.replyId }),
    ]);
    const items = await this.present(rows, f.today);
    const clocks = all.map((r) => promiseClock({ status: r.status as PromiseStatus, due: r.due, confirmed: true }, f.today));
    const units = new Map<string, string>();
    const sessions = new Map<string, string>();
    for (const r of await this.core.repo.list(this.filter({}))) {
      units.set(r.owner_org_id, r.owner_name);
      sessions.set(r.session_id, sessionName(r));
    }
    return {
      total, page: q.page, pageSize: q.pageSize, today: f.today,
      counts: {
        total: all.length,
        done: all.filter((r) => r.status === 'done').length,
        overdue: clocks.filter((c) => c === 'overdue').length,
        dueSoon: clocks.filter((c) => c === 'due_soon' || c === 'due_today').length,
      },
      items,
      filters: {
        units: [...units].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
        sessions: [...sessions].map(([id, name]) => ({ id, name })),
      },
    };
  }

  async get(id: string) {
    const p = await this.core.repo.get(id);
    const visible = p && p.confirmed === 1 && p.discarded === 0 && p.reply_state === 'submitted' && p.reply_publication_state === 'published';
    if (!visible) notFound('该承诺不存在或尚未公开');
    return (await this.present([p!], this.core.today()))[0];
  }

  private async present(raw: PromiseRow[], today: string) {
    const rows = await this.core.derive(raw);
    const ids = rows.map((r) => r.id);
    const [events, ratings, keep] = await Promise.all([this.core.repo.events(ids), this.core.repo.ratings(ids), this.keepNumbers()]);
    const clean = (s: string | null) => (s ? redact(s, { keepNumbers: keep }).text : s);
    return rows.map((p) => {
      const clock = promiseClock({ status: p.status as PromiseStatus, due: p.due, confirmed: true }, today);
      const history = events.filter((e) => e.promise_id === p.id && isPublicEvent(e, p)).map((e) => {
        const v = presentEvent(e, { public: true });
        const note = e.internal ? null : clean(v.note);
        const changes = v.changes.map((c) => `${c.label} ${c.before ?? '—'} → ${c.after ?? '—'}`).join('，');
        const text = `${v.by ? `${v.by} ` : ''}${v.label}${changes ? `：${changes}` : ''}${note ? `。${note}` : ''}`;
        return { at: v.at, kind: v.kind, label: v.label, by: v.by, changes: v.changes, note, text };
      }).filter((h) => h.kind === 'evidence' ? h.note !== null : true).reverse();
      return {
        id: p.id,
        text: clean(p.text)!,
        owner: { id: p.owner_org_id, name: p.owner_name },
        ownerName: p.owner_name,
        replyId: p.reply_id,
        due: p.due,
        originalDue: p.original_due && p.original_due !== p.due ? p.original_due : null,
        openEnded: p.due === null,
        action: p.action,
        target: targetText({ value: p.target_value, unit: p.target_unit, comparator: p.target_comparator }),
        achievedValue: p.achieved_value,
        status: p.status as PromiseStatus,
        statusLabel: PROMISE_STATUS_LABELS[p.status as PromiseStatus],
        progress: p.progress,
        doneOn: p.done_on,
        statusReason: p.source?.isPublic ? clean(p.status_reason) : null,
        overdue: clock === 'overdue',
        clock,
        clockLabel: CLOCK_LABELS[clock],
        suggestion: { number: p.suggestion_number, title: clean(p.suggestion_title)!, sessionName: sessionName(p) },
        reply: { id: p.reply_id, docNumber: p.reply_doc_number, unitName: p.reply_unit_name, replyDate: p.reply_date },
        point: p.point_ordinal !== null ? { ordinal: p.point_ordinal, heading: p.point_heading ? clean(p.point_heading) : null } : null,
        project: p.project_id && p.project_name ? { id: p.project_id, name: p.project_name } : null,
        // The portal names a source only when the source itself is public.
        source: p.source ? {
          kindLabel: p.source.kindLabel, name: p.source.isPublic ? p.source.name : null, stateText: p.source.isPublic ? p.source.stateText : null,
          note: p.source.isPublic ? p.source.note : `进度和状态取自关联的${p.source.kindLabel}`,
        } : null,
        delivery: deliveryOf(ratings.filter((r) => r.promise_id === p.id) as RatingRow[], p.source ? p.status : undefined),
        isDemo: p.is_demo === 1,
        history,
      };
    });
  }
}

/** Public: confirmation and later changes; edits made while the promise was still a proposal stay internal. */
function isPublicEvent(e: PromiseEventTable, p: PromiseRow): boolean {
  if (!PUBLIC_KINDS.has(e.kind)) return false;
  if (e.kind === 'edited' && (!p.confirmed_at || e.at < p.confirmed_at || e.internal === 1)) return false;
  return true;
}
