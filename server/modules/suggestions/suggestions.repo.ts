import type { Expression, SqlBool } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { updateVersioned } from '../../platform/db/versioned.js';
import type {
  AssignmentTable, CongressSessionTable, DeputyTable, ExtensionRequestTable, RatingTable, ReplyPointTable, ReplyTable,
  RuleSetTable, SuggestionEventTable, SuggestionSignerTable, SuggestionTable, SupervisionActionTable,
} from './suggestions.tables.js';

type Versioned = 'rule_set' | 'congress_session' | 'deputy' | 'suggestion' | 'assignment' | 'extension_request' | 'reply' | 'reply_point';


export interface SuggestionFilter {
  sessionId?: string;
  states?: string[];
  unitId?: string;
  deputyId?: string;
  category?: string;
  keySupervision?: boolean;
  q?: string;
  /** Row scope: `suggestionScope.where(actor)` (suggestions.scope.ts), over the table `suggestion`. Required: every reader is scoped. */
  scope: Expression<SqlBool>;
  /** Due date (extended ?? reply) strictly before this date. */
  dueBefore?: string;
  /** Due date on or after this date. */
  dueFrom?: string;
  /** Per rule set: due date before the rule set's threshold (sessions grouped by rule set). */
  dueSoon?: Array<{ sessionIds: string[]; before: string }>;
}

/** What a list row shows (the text, explanations and index copy stay out of a page of twenty). */
export const LIST_COLUMNS = [
  'id', 'session_id', 'number', 'title', 'category', 'kind', 'state', 'round', 'lead_deputy_id', 'lead_unit_id', 'assigned_on',
  'reply_due', 'extended_due', 'key_supervision', 'final_satisfaction', 'is_demo', 'updated_at',
] as const satisfies ReadonlyArray<keyof SuggestionTable>;
export type SuggestionListRow = Pick<SuggestionTable, (typeof LIST_COLUMNS)[number]>;
/** Names a list query joins in, so that presenting a page needs no further lookups for them. */
export interface ListNames { session_short_name: string; lead_unit_name: string | null }

/** Every query of the suggestions module; the same code on SQLite and PostgreSQL. */
export class SuggestionRepo {
  constructor(readonly db: Queryable) {}

  with(db: Queryable) {
    return new SuggestionRepo(db);
  }

  /** `update … where id = ? and version = ?`; no row → 409 stale write. Returns the new version. */
  updateVersioned<T extends Versioned>(table: T, id: string, version: number, patch: Partial<DB[T]>, what: string): Promise<number> {
    return updateVersioned(this.db, table, id, version, patch, what);
  }

  // ---- rule sets ----
  listRuleSets() { return this.db.selectFrom('rule_set').selectAll().orderBy('jurisdiction').orderBy('name').execute(); }
  ruleSet(id: string) { return this.db.selectFrom('rule_set').selectAll().where('id', '=', id).executeTakeFirst(); }
  ruleSetByName(jurisdiction: string, name: string) { return this.db.selectFrom('rule_set').selectAll().where('jurisdiction', '=', jurisdiction).where('name', '=', name).executeTakeFirst(); }
  insertRuleSet(r: RuleSetTable) { return this.db.insertInto('rule_set').values(r).execute(); }

  // ---- sessions ----
  async listSessions() {
    const rows = await this.db.selectFrom('congress_session').innerJoin('rule_set', 'rule_set.id', 'congress_session.rule_set_id')
      .selectAll('congress_session').select('rule_set.name as rule_set_name').orderBy('congress_session.starts_on', 'desc').execute();
    const counts = await this.db.selectFrom('suggestion').select('session_id').select((e) => e.fn.countAll<number>().as('n')).groupBy('session_id').execute();
    return rows.map((r) => ({ ...r, suggestion_count: Number(counts.find((c) => c.session_id === r.id)?.n ?? 0) }));
  }
  session(id: string) { return this.db.selectFrom('congress_session').selectAll().where('id', '=', id).executeTakeFirst(); }
  sessionByFullName(fullName: string) { return this.db.selectFrom('congress_session').selectAll().where('full_name', '=', fullName).executeTakeFirst(); }
  insertSession(r: CongressSessionTable) { return this.db.insertInto('congress_session').values(r).execute(); }
  sessionsOfRuleSets() { return this.db.selectFrom('congress_session').select(['id', 'rule_set_id']).execute(); }

  // ---- deputies ----
  listDeputies(f: { q?: string; body?: string }) {
    let q = this.db.selectFrom('deputy').leftJoin('app_user', 'app_user.id', 'deputy.user_id').selectAll('deputy').select('app_user.username as username');
    if (f.q) q = q.where('deputy.name', 'like', `%${f.q}%`);
    if (f.body) q = q.where('deputy.body', '=', f.body);
    return q.orderBy('deputy.name').execute();
  }
  deputy(id: string) { return this.db.selectFrom('deputy').leftJoin('app_user', 'app_user.id', 'deputy.user_id').selectAll('deputy').select('app_user.username as username').where('deputy.id', '=', id).executeTakeFirst(); }
  deputyByUser(userId: string) { return this.db.selectFrom('deputy').selectAll().where('user_id', '=', userId).executeTakeFirst(); }
  deputiesByIds(ids: string[]) { return ids.length ? this.db.selectFrom('deputy').selectAll().where('id', 'in', ids).execute() : Promise.resolve([] as DeputyTable[]); }
  insertDeputy(r: DeputyTable) { return this.db.insertInto('deputy').values(r).execute(); }
  user(id: string) { return this.db.selectFrom('app_user').select(['id', 'role', 'display_name']).where('id', '=', id).executeTakeFirst(); }

  // ---- suggestions ----
  suggestion(id: string) { return this.db.selectFrom('suggestion').selectAll().where('id', '=', id).executeTakeFirst(); }
  insertSuggestion(r: SuggestionTable) { return this.db.insertInto('suggestion').values(r).execute(); }
  numberTaken(sessionId: string, n: number, exceptId?: string) {
    let q = this.db.selectFrom('suggestion').select('id').where('session_id', '=', sessionId).where('number', '=', n);
    if (exceptId) q = q.where('id', '<>', exceptId);
    return q.executeTakeFirst();
  }
  async nextNumber(sessionId: string): Promise<number> {
    const r = await this.db.selectFrom('suggestion').select((e) => e.fn.max('number').as('m')).where('session_id', '=', sessionId).executeTakeFirst();
    return Number(r?.m ?? 0) + 1;
  }

  private filtered(f: SuggestionFilter) {
    let q = this.db.selectFrom('suggestion').where(f.scope);
    if (f.sessionId) q = q.where('suggestion.session_id', '=', f.sessionId);
    if (f.states?.length) q = q.where('suggestion.state', 'in', f.states);
    if (f.category) q = q.where('suggestion.category', '=', f.category);
    if (f.keySupervision !== undefined) q = q.where('suggestion.key_supervision', '=', f.keySupervision ? 1 : 0);
    if (f.q) {
      const n = /^\d{1,5}$/.test(f.q) ? Number(f.q) : null;
      q = q.where((eb) => eb.or([eb('suggestion.title', 'like', `%${f.q}%`), ...(n !== null ? [eb('suggestion.number', '=', n)] : [])]));
    }
    const unit = f.unitId;
    if (unit) q = q.where((eb) => eb.exists(eb.selectFrom('assignment').select('assignment.id').whereRef('assignment.suggestion_id', '=', 'suggestion.id').where('assignment.unit_id', '=', unit).where('assignment.state', '<>', 'returned')));
    const dep = f.deputyId;
    if (dep) q = q.where((eb) => eb.exists(eb.selectFrom('suggestion_signer').select('suggestion_signer.id').whereRef('suggestion_signer.suggestion_id', '=', 'suggestion.id').where('suggestion_signer.deputy_id', '=', dep).where('suggestion_signer.status', '<>', 'declined')));
    const due = (eb: any) => eb.fn.coalesce('suggestion.extended_due', 'suggestion.reply_due');
    if (f.dueBefore) q = q.where((eb) => eb(due(eb), '<', f.dueBefore!));
    if (f.dueFrom) q = q.where((eb) => eb(due(eb), '>=', f.dueFrom!));
    if (f.dueSoon) {
      const groups = f.dueSoon.filter((g) => g.sessionIds.length);
      q = groups.length
        ? q.where((eb) => eb.or(groups.map((g) => eb.and([eb('suggestion.session_id', 'in', g.sessionIds), eb(due(eb), '<', g.before)]))))
        : q.where((eb) => eb.val(1), '=', 0);
    }
    return q;
  }

  async listSuggestions(f: SuggestionFilter, page: number, pageSize: number): Promise<{ total: number; rows: Array<SuggestionListRow & ListNames> }> {
    const base = this.filtered(f);
    const total = await this.countSuggestions(f);
    // The page's ids come from the index alone (skipped rows are never read); then only those rows are read
    // with the names they show.
    const pageIds = base.select('suggestion.id')
      .orderBy('suggestion.session_id', 'desc').orderBy('suggestion.number', 'desc').orderBy('suggestion.created_at', 'desc')
      .limit(pageSize).offset((page - 1) * pageSize);
    const rows = await this.db.selectFrom('suggestion')
      .innerJoin('congress_session as ls', 'ls.id', 'suggestion.session_id')
      .leftJoin('org_unit as lu', 'lu.id', 'suggestion.lead_unit_id')
      .select(LIST_COLUMNS.map((c) => `suggestion.${c}` as const))
      .select(['ls.short_name as session_short_name', 'lu.name as lead_unit_name'])
      .where('suggestion.id', 'in', pageIds)
      .orderBy('suggestion.session_id', 'desc').orderBy('suggestion.number', 'desc').orderBy('suggestion.created_at', 'desc')
      .execute();
    return { total, rows };
  }

  async countSuggestions(f: SuggestionFilter): Promise<number> {
    const r = await this.filtered(f).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async countByState(f: SuggestionFilter) {
    const rows = await this.filtered(f).select('suggestion.state').select((e) => e.fn.countAll<number>().as('n')).groupBy('suggestion.state').execute();
    return rows.map((r) => ({ state: r.state, n: Number(r.n) }));
  }

  signers(suggestionIds: string[]) {
    if (!suggestionIds.length) return Promise.resolve([] as Array<SuggestionSignerTable & { name: string; user_id: string | null }>);
    return this.db.selectFrom('suggestion_signer').innerJoin('deputy', 'deputy.id', 'suggestion_signer.deputy_id')
      .selectAll('suggestion_signer').select(['deputy.name as name', 'deputy.user_id as user_id'])
      .where('suggestion_signer.suggestion_id', 'in', suggestionIds)
      .orderBy('suggestion_signer.role', 'desc').orderBy('suggestion_signer.invited_at').orderBy('suggestion_signer.id').execute();
  }
  insertSigner(r: SuggestionSignerTable) { return this.db.insertInto('suggestion_signer').values(r).execute(); }
  setSignerStatus(id: string, status: string, at: string) { return this.db.updateTable('suggestion_signer').set({ status, responded_at: at }).where('id', '=', id).executeTakeFirst(); }
  deleteSigner(id: string) { return this.db.deleteFrom('suggestion_signer').where('id', '=', id).execute(); }

  // ---- assignments ----
  assignment(id: string) { return this.db.selectFrom('assignment').selectAll().where('id', '=', id).executeTakeFirst(); }
  assignments(suggestionIds: string[]) {
    if (!suggestionIds.length) return Promise.resolve([] as AssignmentTable[]);
    return this.db.selectFrom('assignment').selectAll().where('suggestion_id', 'in', suggestionIds).orderBy('role', 'desc').orderBy('created_at').execute();
  }
  insertAssignment(r: AssignmentTable) { return this.db.insertInto('assignment').values(r).execute(); }
  unitAssignments(unitId: string, openOnly: boolean) {
    let q = this.db.selectFrom('assignment').selectAll().where('unit_id', '=', unitId).where('state', '<>', 'returned');
    if (openOnly) q = q.where((eb) => eb.exists(eb.selectFrom('suggestion').select('suggestion.id').whereRef('suggestion.id', '=', 'assignment.suggestion_id').where('suggestion.state', 'in', ['assigned', 'return_requested', 'in_progress', 'rehandling', 'awaiting_feedback'])));
    return q.orderBy('assigned_on', 'desc').execute();
  }
  pendingReturns() { return this.db.selectFrom('assignment').selectAll().where('state', '=', 'return_requested').orderBy('return_requested_at').execute(); }
  /** Active assignments of suggestions a unit is handling: the reminder job's worklist. */
  handlingAssignments() {
    return this.db.selectFrom('assignment').innerJoin('suggestion', 'suggestion.id', 'assignment.suggestion_id')
      .selectAll('assignment')
      .select(['suggestion.number as s_number', 'suggestion.title as s_title', 'suggestion.session_id as s_session_id', 'suggestion.state as s_state', 'suggestion.reply_due as s_reply_due', 'suggestion.extended_due as s_extended_due'])
      .where('assignment.state', '<>', 'returned')
      .where('suggestion.state', 'in', ['assigned', 'return_requested', 'in_progress', 'rehandling'])
      .execute();
  }
  async coOpinionsOverdue(today: string) {
    const r = await this.db.selectFrom('assignment').innerJoin('suggestion', 'suggestion.id', 'assignment.suggestion_id')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('assignment.role', '=', 'co').where('assignment.state', '<>', 'returned').where('assignment.opinion_at', 'is', null)
      .where('assignment.opinion_due', '<', today).where('suggestion.state', 'in', ['assigned', 'return_requested', 'in_progress', 'rehandling'])
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  // ---- extension requests ----
  extensionRequest(id: string) { return this.db.selectFrom('extension_request').selectAll().where('id', '=', id).executeTakeFirst(); }
  extensionRequests(suggestionId: string) { return this.db.selectFrom('extension_request').selectAll().where('suggestion_id', '=', suggestionId).orderBy('requested_at').execute(); }
  pendingExtensions() { return this.db.selectFrom('extension_request').selectAll().where('state', '=', 'pending').orderBy('requested_at').execute(); }
  insertExtension(r: ExtensionRequestTable) { return this.db.insertInto('extension_request').values(r).execute(); }

  // ---- supervision ----
  supervisionActions(suggestionId: string) { return this.db.selectFrom('supervision_action').selectAll().where('suggestion_id', '=', suggestionId).orderBy('happened_on').orderBy('created_at').execute(); }
  insertSupervision(r: SupervisionActionTable) { return this.db.insertInto('supervision_action').values(r).execute(); }

  // ---- timeline ----
  insertEvent(r: SuggestionEventTable) { return this.db.insertInto('suggestion_event').values(r).execute(); }
  events(suggestionId: string, visibilities: string[]) {
    return this.db.selectFrom('suggestion_event').selectAll().where('suggestion_id', '=', suggestionId).where('visibility', 'in', visibilities).orderBy('at').orderBy('id').execute();
  }

  // ---- replies ----
  reply(id: string) { return this.db.selectFrom('reply').selectAll().where('id', '=', id).executeTakeFirst(); }
  replyOfRound(suggestionId: string, round: number) { return this.db.selectFrom('reply').selectAll().where('suggestion_id', '=', suggestionId).where('round', '=', round).executeTakeFirst(); }
  replies(suggestionIds: string[]) {
    if (!suggestionIds.length) return Promise.resolve([] as ReplyTable[]);
    return this.db.selectFrom('reply').selectAll().where('suggestion_id', 'in', suggestionIds).orderBy('round').execute();
  }
  insertReply(r: ReplyTable) { return this.db.insertInto('reply').values(r).execute(); }
  points(replyIds: string[]) {
    if (!replyIds.length) return Promise.resolve([] as ReplyPointTable[]);
    return this.db.selectFrom('reply_point').selectAll().where('reply_id', 'in', replyIds).orderBy('reply_id').orderBy('ordinal').execute();
  }
  point(id: string) { return this.db.selectFrom('reply_point').selectAll().where('id', '=', id).executeTakeFirst(); }
  insertPoint(r: ReplyPointTable) { return this.db.insertInto('reply_point').values(r).execute(); }
  deletePoint(id: string, version: number) { return this.db.deleteFrom('reply_point').where('id', '=', id).where('version', '=', version).executeTakeFirst(); }
  async maxOrdinal(replyId: string) {
    const r = await this.db.selectFrom('reply_point').select((e) => e.fn.max('ordinal').as('m')).where('reply_id', '=', replyId).executeTakeFirst();
    return Number(r?.m ?? 0);
  }
  setOrdinal(id: string, ordinal: number, at: string) {
    return this.db.updateTable('reply_point').set((eb) => ({ ordinal, updated_at: at, version: eb('version', '+', 1) })).where('id', '=', id).execute();
  }

  // ---- ratings ----
  ratings(replyIds: string[]) {
    if (!replyIds.length) return Promise.resolve([] as Array<RatingTable & { deputy_name: string }>);
    return this.db.selectFrom('rating').innerJoin('deputy', 'deputy.id', 'rating.deputy_id').selectAll('rating').select('deputy.name as deputy_name')
      .where('rating.reply_id', 'in', replyIds).orderBy('rating.rated_at').execute();
  }
  insertRating(r: RatingTable) { return this.db.insertInto('rating').values(r).execute(); }

  // ---- people to notify ----
  async unitStaff(unitIds: string[]) {
    if (!unitIds.length) return [];
    const rows = await this.db.selectFrom('app_user').select('id').where('org_unit_id', 'in', unitIds).where('role', '=', 'unit_staff').where('disabled', '=', 0).execute();
    return rows.map((r) => r.id);
  }
  async organizers() {
    const rows = await this.db.selectFrom('app_user').select('id').where('role', '=', 'organizer').where('disabled', '=', 0).execute();
    return rows.map((r) => r.id);
  }
  orgs(ids: string[]) {
    if (!ids.length) return Promise.resolve([] as Array<{ id: string; name: string; short_name: string; official_phone: string | null; kind: string }>);
    return this.db.selectFrom('org_unit').select(['id', 'name', 'short_name', 'official_phone', 'kind']).where('id', 'in', ids).execute();
  }
  org(id: string) { return this.db.selectFrom('org_unit').select(['id', 'name', 'short_name', 'official_phone', 'kind']).where('id', '=', id).executeTakeFirst(); }
  userNames(ids: string[]) {
    if (!ids.length) return Promise.resolve([] as Array<{ id: string; display_name: string }>);
    return this.db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', ids).execute();
  }
}
