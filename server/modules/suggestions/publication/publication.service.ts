/**
 * Publication of replies (办理结果公开): the organizer previews the automatic redaction of a submitted reply,
 * keeps or adds redactions, marks it reviewed and publishes the redacted copy; a published reply can be
 * taken down with a reason. The publication deadline (rule set: working days after the reply) is derived.
 */
import type { AppContext } from '../../../platform/context.js';
import type { Actor, Viewer } from '../../../platform/auth/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import { authorize } from '../../../platform/policy/policy.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { badRequest, conflict, notFound, staleWrite } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { todayInShanghai } from '../../../../domain/calendar/index.js';
import type { ProvisionalCalendar } from '../../../../domain/calendar/provisional.js';
import { deadlineClock } from '../../../../domain/deadline-clock.js';
import { indexSuggestion } from '../search/search.indexer.js';
import { classLabelOf } from '../tools.shared.js';
import { parsePublished, type PublishedReply } from './published.js';
import { addresseesOf, openRepliesByStartDay, pointsOf, replyContextQuery, type PointRow, type PublicationState, type ReplyContext } from './publication.repo.js';
import { publicationPolicy } from './publication.policy.js';
import { appliedOf, FINDING_LABELS, parseRecord, reviewFields, type ManualRedaction, type ReviewField, type ReviewRecord } from './review.js';

export const PUBLICATION_STATE_LABELS: Record<PublicationState, string> = { draft: '待审核', reviewed: '已审核待公开', published: '已公开' };
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 关于市人大七届六次会议第187号建议的答复 */
export function replyTitle(c: Pick<ReplyContext, 'cs_body' | 'cs_short_name' | 's_number' | 's_kind'>): string {
  const what = c.s_kind === '提案' ? '提案' : '建议';
  return `关于市${c.cs_body}${c.cs_short_name}会议${c.s_number ? `第${c.s_number}号` : ''}${what}的答复`;
}

/** The fields of a reply that are published, in reading order. */
export function publishedFields(c: ReplyContext, points: PointRow[]): ReviewField[] {
  const fields: ReviewField[] = [{ key: 'suggestionTitle', label: '建议标题', text: c.s_title }];
  if (c.intro) fields.push({ key: 'intro', label: '开头语', text: c.intro });
  for (const p of points) {
    const n = CN_NUM[p.ordinal - 1] ?? String(p.ordinal);
    if (p.heading) fields.push({ key: `point:${p.id}:heading`, label: `第${n}点 标题`, text: p.heading });
    fields.push({ key: `point:${p.id}:text`, label: `第${n}点 内容`, text: p.text });
  }
  fields.push({ key: 'closing', label: '结束语', text: c.closing });
  // The signer (签发人) is not on the official document, so not on its public copy either.
  if (c.contact_person) fields.push({ key: 'contactPerson', label: '联系人', text: c.contact_person });
  if (c.contact_phone) fields.push({ key: 'contactPhone', label: '联系电话', text: c.contact_phone });
  return fields;
}

const keepNumbersOf = (c: ReplyContext) => (c.u_official_phone ? [c.u_official_phone] : []);

function instantDate(iso: string | null) {
  return iso ? todayInShanghai(new Date(iso)) : null;
}

/**
 * Whether an unpublished reply whose publication period starts on `from` is overdue today: as its own
 * deadline shows it (a year not imported counted with weekends only, as everywhere).
 */
function publicationOverdue(pc: ProvisionalCalendar, today: string, from: string, workdays: number): boolean {
  return deadlineClock(pc.cal, today, pc.workdays(from, workdays).date, 5).status === 'overdue';
}

/** The redacted copy of a reply as the public will read it, with the list of what was hidden. */
export async function publishedCopy(db: Queryable, c: ReplyContext, record: ReviewRecord): Promise<{ published: PublishedReply; applied: NonNullable<ReviewRecord['applied']> }> {
  const points = await pointsOf(db, [c.id]);
  const reviewed = reviewFields(publishedFields(c, points), record, { keepNumbers: keepNumbersOf(c) });
  const text = (key: string) => reviewed.find((f) => f.key === key)?.redacted ?? null;
  const names = await addresseesOf(db, c.suggestion_id);
  const applied = appliedOf(reviewed);
  const published: PublishedReply = {
    title: replyTitle(c),
    suggestion: { id: c.suggestion_id, number: c.s_number, title: text('suggestionTitle') ?? c.s_title, sessionId: c.s_session_id, sessionName: `${c.cs_body}${c.cs_short_name}`, kind: c.s_kind, category: c.s_category },
    unit: { id: c.unit_id, name: c.u_name },
    docNumber: c.doc_number,
    round: c.round,
    classCode: c.class_code,
    classLabel: classLabelOf(c.rs_class_scheme_json, c.class_code),
    addressee: addresseeLine(names, c.cs_body),
    intro: text('intro'),
    points: points.map((p) => ({ ordinal: p.ordinal, heading: p.heading ? text(`point:${p.id}:heading`) : null, text: text(`point:${p.id}:text`) ?? '', responsibleOrgName: p.org_name })),
    closing: text('closing') ?? c.closing,
    signature: { organ: c.u_name, date: c.reply_date },
    contactPerson: text('contactPerson'),
    contactPhone: text('contactPhone'),
    replyDate: c.reply_date,
    redactionCount: applied.length,
  };
  return { published, applied };
}

/** 尊敬的郜义鹏、李科代表： */
export const addresseeLine = (names: string[], body: string) => `尊敬的${names.join('、')}${body === '政协' ? '委员' : '代表'}：`;

export class PublicationService {
  constructor(private readonly ctx: AppContext) {}

  private async context(id: string, db: Queryable = this.ctx.db): Promise<ReplyContext> {
    const c = await replyContextQuery(db).where('r.id', '=', id).executeTakeFirst();
    if (!c) notFound('答复不存在');
    return c!;
  }

  /** Due date of publication: the rule set's working days after the day the reply was submitted. */
  private deadline(pc: ProvisionalCalendar, c: ReplyContext) {
    const from = instantDate(c.submitted_at) ?? c.reply_date;
    if (!from) return null;
    const due = pc.workdays(from, c.rs_publish_workdays);
    const clock = c.publication_state === 'published' ? null : deadlineClock(pc.cal, this.ctx.clock.today(), due.date, 5);
    return { dueDate: due.date, from, workdays: c.rs_publish_workdays, lines: due.lines, provisional: due.provisional ?? false, clock };
  }

  private review(c: ReplyContext, points: PointRow[], record: ReviewRecord) {
    return reviewFields(publishedFields(c, points), record, { keepNumbers: keepNumbersOf(c) });
  }

  private summary(c: ReplyContext, cal: ProvisionalCalendar, findings: number | null) {
    const record = parseRecord(c.redactions_json);
    const state = c.publication_state as PublicationState;
    return {
      replyId: c.id,
      suggestionId: c.suggestion_id,
      suggestionNumber: c.s_number,
      suggestionTitle: c.s_title,
      sessionName: `${c.cs_body}${c.cs_short_name}`,
      unitName: c.u_name,
      round: c.round,
      docNumber: c.doc_number,
      replyDate: c.reply_date,
      submittedAt: c.submitted_at,
      publicationState: state,
      publicationStateLabel: PUBLICATION_STATE_LABELS[state] ?? state,
      publishedAt: c.published_at,
      reviewedAt: record.reviewedAt ?? null,
      withdrawn: record.withdrawn ?? null,
      deadline: this.deadline(cal, c),
      findings,
      version: c.version,
    };
  }

  async list(actor: Viewer, f: { status: 'pending' | 'reviewed' | 'published' | 'all'; sessionId?: string; page: number; pageSize: number }) {
    authorize(publicationPolicy, actor, 'read', null);
    let q = replyContextQuery(this.ctx.db).where('r.state', '=', 'submitted');
    if (f.status === 'pending') q = q.where('r.publication_state', '=', 'draft');
    else if (f.status !== 'all') q = q.where('r.publication_state', '=', f.status);
    if (f.sessionId) q = q.where('s.session_id', '=', f.sessionId);
    const total = await q.clearSelect().select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.orderBy('r.submitted_at').orderBy('r.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
    const cal = await this.ctx.calendar.provisional();
    const points = await pointsOf(this.ctx.db, rows.map((r) => r.id));
    const counts = await this.statusCounts(f.sessionId);
    return {
      total: Number(total.n),
      page: f.page,
      pageSize: f.pageSize,
      counts,
      items: rows.map((c) => {
        const reviewed = this.review(c, points.filter((p) => p.reply_id === c.id), parseRecord(c.redactions_json));
        return this.summary(c, cal, reviewed.reduce((n, x) => n + x.findings.filter((y) => !y.kept).length, 0));
      }),
    };
  }

  /** How many replies are in each state, and how many unpublished ones are past their publication deadline. */
  async statusCounts(sessionId?: string) {
    let q = this.ctx.db.selectFrom('reply as r').innerJoin('suggestion as s', 's.id', 'r.suggestion_id')
      .select('r.publication_state').select((e) => e.fn.countAll<number>().as('n')).where('r.state', '=', 'submitted');
    if (sessionId) q = q.where('s.session_id', '=', sessionId);
    const rows = await q.groupBy('r.publication_state').execute();
    const n = (s: string) => Number(rows.find((r) => r.publication_state === s)?.n ?? 0);
    // Overdue is derived: unpublished replies are counted by the day their publication period starts and the
    // rule set's working days, and each such day is computed once (50,000 replies one by one took 8 s).
    const cal = await this.ctx.calendar.provisional();
    const today = this.ctx.clock.today();
    let overdue = 0;
    for (const g of await openRepliesByStartDay(this.ctx.db, this.ctx.dialect, sessionId)) {
      if (g.from && publicationOverdue(cal, today, g.from, g.workdays)) overdue += g.n;
    }
    return { pending: n('draft'), reviewed: n('reviewed'), published: n('published'), overdue };
  }

  async counts(actor: Viewer) {
    authorize(publicationPolicy, actor, 'read', null);
    return this.statusCounts();
  }

  /** The review screen: every published field with its findings, and the redacted result. */
  async get(actor: Viewer, id: string) {
    authorize(publicationPolicy, actor, 'read', null);
    const c = await this.context(id);
    if (c.state !== 'submitted') notFound('该答复尚未提交，不能审核公开');
    return this.view(c);
  }

  private async view(c: ReplyContext) {
    const points = await pointsOf(this.ctx.db, [c.id]);
    const record = parseRecord(c.redactions_json);
    const fields = this.review(c, points, record);
    const cal = await this.ctx.calendar.provisional();
    return {
      ...this.summary(c, cal, fields.reduce((n, x) => n + x.findings.filter((y) => !y.kept).length, 0)),
      title: replyTitle(c),
      officialPhone: c.u_official_phone,
      classCode: c.class_code,
      classLabel: classLabelOf(c.rs_class_scheme_json, c.class_code),
      addressee: await this.addressee(c),
      fields: fields.map((f) => ({
        key: f.key, label: f.label, text: f.text, redacted: f.redacted, segments: f.segments,
        findings: f.findings.map((x) => ({
          key: x.key, kind: x.kind, kindLabel: FINDING_LABELS[x.kind], original: x.original, replacement: x.replacement,
          start: x.start, end: x.end, source: x.source, manualId: x.manualId, kept: x.kept,
        })),
      })),
      manual: record.manual,
      published: c.publication_state === 'published' ? parsePublished(c.published_json) : null,
    };
  }

  private async addressee(c: ReplyContext) {
    return addresseeLine(await addresseesOf(this.ctx.db, c.suggestion_id), c.cs_body);
  }

  private assertSubmitted(c: ReplyContext) {
    if (c.state !== 'submitted') conflict('该答复尚未提交，不能审核公开', 'not_submitted');
  }

  /** Saves the reviewer's choices. A reviewed reply goes back to 待审核: the review covered other choices. */
  async saveDecisions(actor: Viewer, id: string, body: { version: number; keep: string[]; manual: Array<{ field: string; start: number; end: number } | { phrase: string }> }) {
    authorize(publicationPolicy, actor, 'review', null);
    const a = actor as Actor;
    const c = await this.context(id);
    this.assertSubmitted(c);
    if (c.publication_state === 'published') conflict('该答复已公开，请先撤回再调整隐去内容', 'already_published');
    const points = await pointsOf(this.ctx.db, [c.id]);
    const fields = publishedFields(c, points);
    const manual: ManualRedaction[] = body.manual.map((m) => {
      if ('phrase' in m) {
        if (!fields.some((f) => f.text.includes(m.phrase))) badRequest(`答复中没有“${m.phrase}”，无法隐去`, 'phrase_missing');
        return { id: newId(), phrase: m.phrase };
      }
      const field = fields.find((f) => f.key === m.field);
      if (!field) badRequest('要隐去的位置不存在，请刷新后重试', 'field_missing');
      if (m.end > field!.text.length || m.start >= m.end) badRequest('要隐去的范围不正确', 'range_invalid');
      return { id: newId(), field: m.field, start: m.start, end: m.end };
    });
    const before = parseRecord(c.redactions_json);
    const next: ReviewRecord = { ...before, keep: [...new Set(body.keep)], manual, reviewedAt: null, reviewedBy: null };
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.update(tx, c, { redactions_json: JSON.stringify(next), publication_state: 'draft' }, body.version);
      await recordAudit(tx, this.ctx.clock, a, {
        action: 'reply.redaction_decisions', entityType: 'reply', entityId: c.id,
        before: { state: c.publication_state, keep: before.keep, manual: before.manual }, after: { state: 'draft', keep: next.keep, manual: next.manual },
      });
    });
    return this.view(await this.context(id));
  }

  async markReviewed(actor: Viewer, id: string, body: { version: number }) {
    authorize(publicationPolicy, actor, 'review', null);
    const a = actor as Actor;
    const c = await this.context(id);
    this.assertSubmitted(c);
    if (c.publication_state === 'published') conflict('该答复已公开', 'already_published');
    if (c.publication_state === 'reviewed') conflict('该答复已审核，无需重复审核', 'already_reviewed');
    const record = { ...parseRecord(c.redactions_json), reviewedAt: this.ctx.clock.nowIso(), reviewedBy: a.displayName };
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.update(tx, c, { redactions_json: JSON.stringify(record), publication_state: 'reviewed' }, body.version);
      await this.event(tx, a, c, 'reply_reviewed', 'internal', { summary: `第 ${c.round} 轮答复已完成公开前审核（隐去个人信息）`, replyId: c.id, round: c.round });
      await recordAudit(tx, this.ctx.clock, a, { action: 'reply.review', entityType: 'reply', entityId: c.id, before: { state: c.publication_state }, after: { state: 'reviewed' } });
    });
    return this.view(await this.context(id));
  }

  async publish(actor: Viewer, id: string, body: { version: number }) {
    authorize(publicationPolicy, actor, 'publish', null);
    const a = actor as Actor;
    const c = await this.context(id);
    this.assertSubmitted(c);
    if (c.publication_state === 'published') conflict('该答复已公开', 'already_published');
    if (c.publication_state !== 'reviewed') conflict('该答复尚未审核隐去个人信息，请先审核再公开', 'not_reviewed');
    const record = parseRecord(c.redactions_json);
    const { published, applied } = await publishedCopy(this.ctx.db, c, record);
    const now = this.ctx.clock.nowIso();
    const nextRecord: ReviewRecord = { ...record, withdrawn: null, applied };
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.update(tx, c, { publication_state: 'published', published_json: JSON.stringify(published), published_at: now, redactions_json: JSON.stringify(nextRecord) }, body.version);
      await this.event(tx, a, c, 'reply_published', 'public', { summary: `第 ${c.round} 轮答复已公开${published.redactionCount ? `，隐去个人信息 ${published.redactionCount} 处` : ''}`, replyId: c.id, round: c.round, redactions: published.redactionCount });
      await recordAudit(tx, this.ctx.clock, a, {
        action: 'reply.publish', entityType: 'reply', entityId: c.id, before: { state: c.publication_state },
        after: { state: 'published', publishedAt: now, redactions: applied.map((x) => ({ field: x.field, kind: x.kind })) },
      });
      await indexSuggestion(tx, c.suggestion_id);
    });
    return this.view(await this.context(id));
  }

  async unpublish(actor: Viewer, id: string, body: { version: number; reason: string }) {
    authorize(publicationPolicy, actor, 'publish', null);
    const a = actor as Actor;
    const c = await this.context(id);
    if (c.publication_state !== 'published') conflict('该答复未公开，无需撤回', 'not_published');
    const now = this.ctx.clock.nowIso();
    const record: ReviewRecord = { ...parseRecord(c.redactions_json), reviewedAt: null, reviewedBy: null, withdrawn: { reason: body.reason, at: now, by: a.displayName } };
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.update(tx, c, { publication_state: 'draft', published_json: null, published_at: null, redactions_json: JSON.stringify(record) }, body.version);
      await this.event(tx, a, c, 'reply_unpublished', 'internal', { summary: `撤回第 ${c.round} 轮答复的公开：${body.reason}`, replyId: c.id, round: c.round, reason: body.reason });
      await recordAudit(tx, this.ctx.clock, a, { action: 'reply.unpublish', entityType: 'reply', entityId: c.id, before: { state: 'published', publishedAt: c.published_at }, after: { state: 'draft', reason: body.reason } });
      await indexSuggestion(tx, c.suggestion_id);
    });
    return this.view(await this.context(id));
  }

  private async update(tx: Queryable, c: ReplyContext, patch: Record<string, unknown>, version: number) {
    if (version !== c.version) staleWrite('该答复');
    const r = await tx.updateTable('reply').set({ ...patch, version: version + 1, updated_at: this.ctx.clock.nowIso() })
      .where('id', '=', c.id).where('version', '=', version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) staleWrite('该答复');
  }

  private async event(tx: Queryable, a: Actor, c: ReplyContext, kind: string, visibility: 'internal' | 'public', detail: Record<string, unknown>) {
    await tx.insertInto('suggestion_event').values({
      id: newId(), suggestion_id: c.suggestion_id, kind, actor_id: a.userId, actor_name: a.displayName, at: this.ctx.clock.nowIso(),
      detail_json: JSON.stringify(detail), visibility, is_demo: 0,
    }).execute();
  }
}
