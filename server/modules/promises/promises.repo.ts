import { sql, type Kysely } from 'kysely';
import type { Viewer } from '../../platform/auth/roles.js';
import { promiseScope } from './promises.scope.js';
import type { Queryable } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { updateVersioned } from '../../platform/db/versioned.js';
import type { DeliveryRatingTable, PromiseEventTable, PromiseEvidenceTable, PromiseTable } from './promises.tables.js';

/** A promise with the names and facts its views need (reply, suggestion, session, owner, project). */
export type PromiseRow = PromiseTable & {
  owner_name: string;
  owner_short_name: string;
  owner_kind: string;
  reply_unit_id: string;
  reply_unit_name: string;
  reply_round: number;
  reply_state: string;
  reply_doc_number: string | null;
  reply_date: string | null;
  reply_publication_state: string;
  suggestion_number: number | null;
  suggestion_title: string;
  suggestion_state: string;
  final_satisfaction: string | null;
  session_id: string;
  session_body: string;
  session_short_name: string;
  point_heading: string | null;
  project_name: string | null;
};

/**
 * Row scope: the viewer's (`promiseScope`, promises.scope.ts, the same declaration as `promisePolicy.read`),
 * or `all` for the public portal, which only ever lists promises of published replies (`publishedOnly`).
 */
export type PromiseScope = { kind: 'all' } | { kind: 'viewer'; viewer: Viewer };

export interface PromiseFilter {
  scope: PromiseScope;
  /** confirmed (default) | proposed | all (discarded ones only with `discarded`) */
  review?: 'confirmed' | 'proposed' | 'all';
  includeDiscarded?: boolean;
  unitId?: string;
  sessionId?: string;
  suggestionId?: string;
  replyId?: string;
  projectId?: string;
  statuses?: string[];
  /** Derived: confirmed, not done or dropped, due before `today`. */
  overdue?: boolean;
  /** Derived: not done or dropped, due from `today` to `soonUntil`. */
  dueSoon?: boolean;
  openEnded?: boolean;
  q?: string;
  today: string;
  soonUntil: string;
  /** Only promises of published replies (the public portal). */
  publishedOnly?: boolean;
}

type Versioned = 'promise' | 'promise_evidence';

/** Every query of the promises module; the same code on SQLite and PostgreSQL. */
export class PromisesRepo {
  constructor(readonly db: Queryable) {}

  with(db: Queryable) {
    return new PromisesRepo(db);
  }

  /** `update … where id = ? and version = ?`; no row → 409 stale write. */
  updateVersioned<T extends Versioned>(table: T, id: string, version: number, patch: Partial<DB[T]>, what: string): Promise<number> {
    return updateVersioned(this.db, table, id, version, patch, what);
  }

  private base() {
    return this.db.selectFrom('promise as p')
      .innerJoin('reply as r', 'r.id', 'p.reply_id')
      .innerJoin('suggestion as s', 's.id', 'p.suggestion_id')
      .innerJoin('congress_session as cs', 'cs.id', 's.session_id')
      .innerJoin('org_unit as o', 'o.id', 'p.owner_org_id')
      .innerJoin('org_unit as ru', 'ru.id', 'r.unit_id')
      .leftJoin('reply_point as rp', 'rp.id', 'p.reply_point_id')
      .leftJoin('project as pr', 'pr.id', 'p.project_id')
      .selectAll('p')
      .select([
        'o.name as owner_name', 'o.short_name as owner_short_name', 'o.kind as owner_kind',
        'r.unit_id as reply_unit_id', 'ru.name as reply_unit_name', 'r.round as reply_round', 'r.state as reply_state',
        'r.doc_number as reply_doc_number', 'r.reply_date as reply_date', 'r.publication_state as reply_publication_state',
        's.number as suggestion_number', 's.title as suggestion_title', 's.state as suggestion_state', 's.final_satisfaction as final_satisfaction',
        's.session_id as session_id', 'cs.body as session_body', 'cs.short_name as session_short_name',
        'rp.heading as point_heading', 'pr.name as project_name',
      ]);
  }

  async get(id: string): Promise<PromiseRow | undefined> {
    return (await this.base().where('p.id', '=', id).executeTakeFirst()) as PromiseRow | undefined;
  }

  /** Promises matching the filter, ordered by due date (open-ended last), then reply point. */
  async list(f: PromiseFilter, page?: { limit: number; offset: number }): Promise<PromiseRow[]> {
    let q = this.filtered(f)
      .orderBy(sql`case when p.due is null then 1 else 0 end`)
      .orderBy('p.due').orderBy('s.number').orderBy('p.point_ordinal').orderBy('p.created_at').orderBy('p.id');
    if (page) q = q.limit(page.limit).offset(page.offset);
    return (await q.execute()) as PromiseRow[];
  }

  async count(f: PromiseFilter): Promise<number> {
    const r = await this.filteredFrom(f).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  private filtered(f: PromiseFilter) {
    return this.applyFilter(this.base(), f);
  }

  /** The same joins and filter without the selected columns (for counting). */
  private filteredFrom(f: PromiseFilter) {
    const q = this.db.selectFrom('promise as p')
      .innerJoin('reply as r', 'r.id', 'p.reply_id')
      .innerJoin('suggestion as s', 's.id', 'p.suggestion_id')
      .innerJoin('congress_session as cs', 'cs.id', 's.session_id')
      .innerJoin('org_unit as o', 'o.id', 'p.owner_org_id');
    return this.applyFilter(q, f);
  }

  // The query builder's types differ between the two callers; the filter only uses the shared aliases.
  private applyFilter<Q>(query: Q, f: PromiseFilter): Q {
    let q = query as any;
    const closed = ['done', 'dropped'];
    if (f.scope.kind === 'viewer') q = q.where(promiseScope.where(f.scope.viewer, 'p'));
    const review = f.review ?? 'confirmed';
    if (review === 'confirmed') q = q.where('p.confirmed', '=', 1);
    if (review === 'proposed') q = q.where('p.confirmed', '=', 0);
    if (!f.includeDiscarded) q = q.where('p.discarded', '=', 0);
    if (f.publishedOnly) q = q.where('r.publication_state', '=', 'published').where('r.state', '=', 'submitted').where('p.confirmed', '=', 1);
    if (f.unitId) q = q.where('p.owner_org_id', '=', f.unitId);
    if (f.sessionId) q = q.where('s.session_id', '=', f.sessionId);
    if (f.suggestionId) q = q.where('p.suggestion_id', '=', f.suggestionId);
    if (f.replyId) q = q.where('p.reply_id', '=', f.replyId);
    if (f.projectId) q = q.where('p.project_id', '=', f.projectId);
    // Status and the due-date clocks of a promise linked to a source are derived from it when read: such rows
    // pass here and `PromisesCore.list` checks them after deriving.
    const derived: Array<(eb: any) => any> = [];
    if (f.statuses?.length) derived.push((eb) => eb('p.status', 'in', f.statuses));
    if (f.overdue) derived.push((eb) => eb.and([eb('p.confirmed', '=', 1), eb('p.status', 'not in', closed), eb('p.due', 'is not', null), eb('p.due', '<', f.today)]));
    if (f.dueSoon) derived.push((eb) => eb.and([eb('p.status', 'not in', closed), eb('p.due', '>=', f.today), eb('p.due', '<=', f.soonUntil)]));
    if (f.openEnded) derived.push((eb) => eb.and([eb('p.due', 'is', null), eb('p.status', 'not in', closed)]));
    if (derived.length) q = q.where((eb: any) => eb.or([eb('p.source_kind', 'is not', null), eb.and(derived.map((d) => d(eb)))]));
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb: any) => eb.or([
        eb('p.text', 'like', sql`${like} escape '\\'`),
        eb('s.title', 'like', sql`${like} escape '\\'`),
        eb('o.name', 'like', sql`${like} escape '\\'`),
      ]));
    }
    return q as Q;
  }

  insert(row: PromiseTable) {
    return this.db.insertInto('promise').values(row).execute();
  }

  /** Every promise of a reply, discarded ones included (to avoid proposing the same words twice). */
  ofReply(replyId: string) {
    return this.db.selectFrom('promise').selectAll().where('reply_id', '=', replyId).execute();
  }

  // ------------------------------------------------------------ history

  insertEvent(row: PromiseEventTable) {
    return this.db.insertInto('promise_event').values(row).execute();
  }

  events(promiseIds: string[], opts: { publicOnly?: boolean } = {}) {
    if (!promiseIds.length) return Promise.resolve([] as PromiseEventTable[]);
    let q = this.db.selectFrom('promise_event').selectAll().where('promise_id', 'in', promiseIds);
    if (opts.publicOnly) q = q.where('internal', '=', 0);
    return q.orderBy('at').orderBy('id').execute();
  }

  // ------------------------------------------------------------ evidence

  insertEvidence(row: PromiseEvidenceTable) {
    return this.db.insertInto('promise_evidence').values(row).execute();
  }

  evidence(promiseIds: string[]) {
    if (!promiseIds.length) return Promise.resolve([] as Array<PromiseEvidenceTable & { file_name: string | null; file_mime: string | null; file_size: number | null; file_hash: string | null }>);
    return this.db.selectFrom('promise_evidence as e').leftJoin('file_blob as f', 'f.id', 'e.file_id')
      .selectAll('e').select(['f.name as file_name', 'f.mime as file_mime', 'f.size as file_size', 'f.content_hash as file_hash'])
      .where('e.promise_id', 'in', promiseIds).orderBy('e.happened_on', 'desc').orderBy('e.created_at', 'desc').execute();
  }

  evidenceById(id: string) {
    return this.db.selectFrom('promise_evidence').selectAll().where('id', '=', id).executeTakeFirst();
  }

  file(id: string) {
    return this.db.selectFrom('file_blob').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insertFile(row: { id: string; name: string; mime: string; size: number; content_hash: string; data: Buffer; created_by: string | null; created_at: string }) {
    return this.db.insertInto('file_blob').values(row).execute();
  }

  // ------------------------------------------------------------ delivery ratings

  insertRating(row: DeliveryRatingTable) {
    return this.db.insertInto('delivery_rating').values(row).execute();
  }

  ratings(promiseIds: string[]) {
    if (!promiseIds.length) return Promise.resolve([] as Array<DeliveryRatingTable & { deputy_name: string; deputy_user_id: string | null }>);
    return this.db.selectFrom('delivery_rating as dr').innerJoin('deputy as d', 'd.id', 'dr.deputy_id')
      .selectAll('dr').select(['d.name as deputy_name', 'd.user_id as deputy_user_id'])
      .where('dr.promise_id', 'in', promiseIds).orderBy('dr.rated_at').orderBy('dr.id').execute();
  }

  // ------------------------------------------------------------ people and facts from the other modules (read only)

  /** The signers of suggestions (not declined), with their deputy and user ids. */
  signers(suggestionIds: string[]) {
    if (!suggestionIds.length) return Promise.resolve([] as Array<{ suggestion_id: string; deputy_id: string; role: string; status: string; name: string; user_id: string | null }>);
    return this.db.selectFrom('suggestion_signer as sg').innerJoin('deputy as d', 'd.id', 'sg.deputy_id')
      .select(['sg.suggestion_id', 'sg.deputy_id', 'sg.role', 'sg.status', 'd.name', 'd.user_id'])
      .where('sg.suggestion_id', 'in', suggestionIds).where('sg.status', '<>', 'declined')
      .orderBy(sql`case when sg.role = 'lead' then 0 else 1 end`).orderBy('sg.invited_at').execute();
  }

  /** A suggestion's assignments (unit and state), for the reply scope's verdict. */
  assignmentsOf(suggestionId: string) {
    return this.db.selectFrom('assignment').select(['unit_id', 'state']).where('suggestion_id', '=', suggestionId).execute();
  }

  deputyOfUser(userId: string) {
    return this.db.selectFrom('deputy').select(['id', 'name']).where('user_id', '=', userId).executeTakeFirst();
  }

  /** Active staff accounts (unit or zone staff) of organisations. */
  async staffOf(orgIds: string[]): Promise<Array<{ id: string; org_unit_id: string | null }>> {
    if (!orgIds.length) return [];
    return this.db.selectFrom('app_user').select(['id', 'org_unit_id']).where('org_unit_id', 'in', orgIds)
      .where('role', 'in', ['unit_staff', 'zone_staff']).where('disabled', '=', 0).execute();
  }

  reply(id: string) {
    return this.db.selectFrom('reply as r').innerJoin('suggestion as s', 's.id', 'r.suggestion_id').innerJoin('org_unit as u', 'u.id', 'r.unit_id')
      .selectAll('r').select(['s.number as suggestion_number', 's.title as suggestion_title', 's.session_id', 's.state as suggestion_state', 's.is_demo as suggestion_is_demo', 'u.name as unit_name'])
      .where('r.id', '=', id).executeTakeFirst();
  }

  points(replyId: string) {
    return this.db.selectFrom('reply_point').selectAll().where('reply_id', '=', replyId).orderBy('ordinal').execute();
  }

  orgs() {
    return this.db.selectFrom('org_unit').select(['id', 'name', 'short_name', 'kind']).execute();
  }

  org(id: string) {
    return this.db.selectFrom('org_unit').select(['id', 'name', 'short_name', 'kind']).where('id', '=', id).executeTakeFirst();
  }

  project(id: string) {
    return this.db.selectFrom('project').select(['id', 'name', 'owner_org_id']).where('id', '=', id).executeTakeFirst();
  }

  extraction(replyId: string) {
    return this.db.selectFrom('promise_extraction').selectAll().where('reply_id', '=', replyId).executeTakeFirst();
  }

  async saveExtraction(row: { reply_id: string; trigger: string; ran_at: string; ran_by_name: string; proposed: number; reply_date: string | null }) {
    await this.db.insertInto('promise_extraction').values(row)
      .onConflict((oc) => oc.column('reply_id').doUpdateSet({ trigger: row.trigger, ran_at: row.ran_at, ran_by_name: row.ran_by_name, proposed: row.proposed, reply_date: row.reply_date }))
      .execute();
  }

  /**
   * Submitted replies whose promises were never proposed (e.g. submitted before this module existed); only
   * the latest round of a suggestion: an earlier round's reply was superseded by the re-reply.
   */
  repliesWithoutExtraction(limit = 50) {
    return this.db.selectFrom('reply as r').leftJoin('promise_extraction as x', 'x.reply_id', 'r.id')
      .select('r.id').where('r.state', '=', 'submitted').where('x.reply_id', 'is', null)
      .where(sql<boolean>`not exists (select 1 from reply later where later.suggestion_id = r.suggestion_id and later.round > r.round and later.state = 'submitted')`)
      .orderBy('r.submitted_at').limit(limit).execute();
  }

  /** Confirmed promises still open with a due date on or before `until` (for reminders). */
  dueBy(until: string) {
    return this.db.selectFrom('promise as p').innerJoin('suggestion as s', 's.id', 'p.suggestion_id')
      .select(['p.id', 'p.text', 'p.due', 'p.status', 'p.owner_org_id', 'p.suggestion_id', 's.number as suggestion_number', 's.title as suggestion_title', 'p.source_kind', 'p.source_id'])
      .where('p.confirmed', '=', 1).where('p.discarded', '=', 0)
      // A linked promise's status and (for a milestone) date come from its source: the caller checks them derived.
      .where((eb) => eb.or([eb('p.source_kind', 'is not', null), eb.and([eb('p.status', 'not in', ['done', 'dropped']), eb('p.due', 'is not', null), eb('p.due', '<=', until)])]))
      .execute();
  }

  /** Confirmed promises that have fallen due for the deputies: done, dropped, or their date reached by `today`. */
  fallenDue(today: string) {
    return this.db.selectFrom('promise as p').innerJoin('suggestion as s', 's.id', 'p.suggestion_id')
      .select(['p.id', 'p.text', 'p.due', 'p.status', 'p.done_on', 'p.extracted_status', 'p.suggestion_id', 's.number as suggestion_number', 's.title as suggestion_title', 'p.source_kind', 'p.source_id'])
      .where('p.confirmed', '=', 1).where('p.discarded', '=', 0)
      .where((eb) => eb.or([eb('p.source_kind', 'is not', null), eb('p.status', 'in', ['done', 'dropped']), eb.and([eb('p.due', 'is not', null), eb('p.due', '<=', today)])]))
      .execute();
  }
}
