import type { z } from 'zod';
import { indexSuggestion } from './search/search.indexer.js';
import type { Actor, Viewer } from '../../platform/auth/roles.js';
import { allowed, authorize } from '../../platform/policy/policy.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Queryable } from '../../platform/db/database.js';
import { HANDLING_STATES } from '../../../domain/suggestion-states.js';
import { EVENT_LABELS, label, type SuggestionsCore } from './core.js';
import { assignmentDates } from './deadlines.js';
import { dueSoonWorkdays } from './rule-set.js';
import { presentDetail, presentList } from './present.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import type { SuggestionFilter } from './suggestions.repo.js';
import { suggestionPolicy, setupPolicy, type SuggestionAccess } from './suggestions.policy.js';
import { suggestionScope } from './suggestions.scope.js';
import type {
  AssignBody, InviteSignerBody, KeySupervisionBody, NotAdmitBody, SuggestionCreate, SuggestionListQuery, SuggestionUpdate,
  SupervisionActionCreate,
} from './suggestions.schemas.js';
import { SUPERVISION_KIND_LABELS } from './suggestions.schemas.js';
import type { AssignmentTable, SuggestionTable } from './suggestions.tables.js';

const ASSIGNABLE_KINDS = new Set(['bureau', 'zone', 'company', 'office', 'other']);

const auditView = (s: SuggestionTable) => ({
  number: s.number, title: s.title, state: s.state, round: s.round, leadUnitId: s.lead_unit_id, assignedOn: s.assigned_on,
  replyDue: s.reply_due, hardDue: s.hard_due, extendedDue: s.extended_due, keySupervision: s.key_supervision,
});

/** Registration, co-signing, admission, assignment, supervision, and the reading side (list, detail, timeline). */
export class SuggestionService {
  constructor(private readonly core: SuggestionsCore) {}

  private get ctx() { return this.core.ctx; }
  private get repo() { return this.core.repo; }

  async detail(actor: Viewer, id: string) {
    const x = await this.core.access(actor, id);
    authorize(suggestionPolicy, actor, 'read', x);
    return presentDetail(this.core, actor, x);
  }

  async list(actor: Actor, q: z.infer<typeof SuggestionListQuery>) {
    authorize(setupPolicy, actor, 'list', null);
    const f: SuggestionFilter = {
      scope: suggestionScope.where(actor),
      sessionId: q.sessionId, unitId: q.unitId, deputyId: q.deputyId, category: q.category, q: q.q,
      states: q.state === undefined ? undefined : [q.state].flat(),
      keySupervision: q.keySupervision === undefined ? undefined : q.keySupervision === '1',
    };
    if (q.clock) await this.applyClockFilter(f, q.clock);
    const { total, rows } = await this.repo.listSuggestions(f, q.page, q.pageSize);
    return { total, page: q.page, pageSize: q.pageSize, items: await presentList(this.core, rows) };
  }

  /** Overdue and due soon are derived: translate them into date bounds per rule set. */
  async applyClockFilter(f: SuggestionFilter, clock: 'overdue' | 'due_soon') {
    const today = this.core.today();
    f.states = (f.states ?? [...HANDLING_STATES]).filter((s) => HANDLING_STATES.includes(s as never));
    if (!f.states.length) f.states = ['-'];
    if (clock === 'overdue') {
      f.dueBefore = today;
      return;
    }
    f.dueFrom = today;
    const mc = await this.core.calendar();
    const bySession = await this.core.ruleSetsBySession();
    const groups = new Map<number, string[]>();
    for (const [sessionId, rs] of bySession) {
      const n = dueSoonWorkdays(rs);
      groups.set(n, [...(groups.get(n) ?? []), sessionId]);
    }
    f.dueSoon = [...groups].map(([n, sessionIds]) => ({ sessionIds, before: mc.workdays(today, n + 1).date }));
  }

  async events(actor: Viewer, id: string) {
    const x = await this.core.access(actor, id);
    authorize(suggestionPolicy, actor, 'read', x);
    const vis = allowed(suggestionPolicy, actor, 'readInternal', x) ? ['internal', 'deputy', 'public'] : ['deputy', 'public'];
    return (await this.repo.events(id, vis)).map((e) => ({
      id: e.id, kind: e.kind, label: EVENT_LABELS[e.kind] ?? e.kind, actorName: e.actor_name, at: e.at,
      detail: e.detail_json ? JSON.parse(e.detail_json) : null, visibility: e.visibility as 'internal' | 'deputy' | 'public',
    }));
  }

  // ---------- registration and co-signing ----------

  async create(actor: Actor, b: z.infer<typeof SuggestionCreate>) {
    authorize(setupPolicy, actor, 'create', null);
    const session = (await this.repo.session(b.sessionId)) ?? badRequest('所选届次不存在', 'session_missing');
    const byOrganizer = actor.role === 'organizer';
    let lead: string;
    if (byOrganizer) {
      if (!b.leadDeputyId) badRequest('请选择领衔代表', 'validation_failed');
      lead = b.leadDeputyId!;
    } else {
      const me = (await this.core.viewerDeputyId(actor)) ?? forbidden('您的账号未关联代表信息，请联系交办方');
      if (b.leadDeputyId && b.leadDeputyId !== me) forbidden('代表只能以本人名义领衔提出建议');
      if (b.number !== undefined) forbidden('建议编号由交办方立案时编定');
      lead = me!;
    }
    const co = [...new Set(b.coSignerIds)].filter((d) => d !== lead);
    const deputies = await this.repo.deputiesByIds([lead, ...co]);
    if (!deputies.some((d) => d.id === lead)) badRequest('领衔代表不存在', 'deputy_missing');
    if (deputies.length !== co.length + 1) badRequest('附议代表中有不存在的人员', 'deputy_missing');
    if (b.number !== undefined && (await this.repo.numberTaken(session!.id, b.number))) conflict(`${session!.short_name}已有第${b.number}号建议`, 'duplicate_number');
    const now = this.ctx.clock.nowIso();
    const row: SuggestionTable = {
      id: newId(), session_id: session!.id, number: b.number ?? null, title: b.title, body: b.body, category: b.category, kind: b.kind,
      lead_deputy_id: lead, state: byOrganizer ? 'submitted' : 'draft', not_admitted_reason: null, round: 1,
      submitted_at: byOrganizer ? now : null, admitted_at: null, assigned_on: null, reply_due: null, hard_due: null, extended_due: null,
      due_explain_json: null, key_supervision: 0, lead_unit_id: null, final_satisfaction: null, closed_at: null, search_text: null,
      is_demo: 0, version: 1, created_by: actor.userId, created_at: now, updated_at: now,
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      try {
        await repo.insertSuggestion(row);
      } catch (err) {
        if (isUniqueViolation(err)) conflict(`${session!.short_name}已有第${b.number}号建议`, 'duplicate_number');
        throw err;
      }
      await repo.insertSigner({ id: newId(), suggestion_id: row.id, deputy_id: lead, role: 'lead', status: 'accepted', invited_at: now, responded_at: now, is_demo: 0 });
      for (const d of co) {
        await repo.insertSigner({ id: newId(), suggestion_id: row.id, deputy_id: d, role: 'co', status: byOrganizer ? 'accepted' : 'invited', invited_at: now, responded_at: byOrganizer ? now : null, is_demo: 0 });
      }
      await this.core.event(tx, row, byOrganizer ? 'registered' : 'created', actor, { summary: byOrganizer ? `登记${label(row)}，${co.length} 名附议代表` : '起草建议' }, 'deputy');
      if (!byOrganizer) await this.notifyInvitations(tx, row, co, actor);
      await indexSuggestion(tx, row.id);
      await recordAudit(tx, this.ctx.clock, actor, { action: 'suggestion.create', entityType: 'suggestion', entityId: row.id, after: { ...auditView(row), leadDeputyId: lead, coSignerIds: co } });
    });
    return this.detail(actor, row.id);
  }

  private async notifyInvitations(tx: Queryable, s: SuggestionTable, deputyIds: string[], actor: Actor) {
    const deputies = await this.repo.with(tx).deputiesByIds(deputyIds);
    const users = deputies.map((d) => d.user_id).filter((u): u is string => !!u);
    await this.core.notify(tx, users, {
      kind: 'suggestion.invitation', title: '附议邀请', suggestionId: s.id,
      body: `${actor.displayName}代表邀请您附议建议“${s.title}”，请查看后确认是否附议。`, key: `suggestion:${s.id}:invite`,
    });
  }

  async update(actor: Actor, id: string, b: z.infer<typeof SuggestionUpdate>) {
    const x = await this.core.access(actor, id);
    authorize(suggestionPolicy, actor, 'edit', x);
    const s = x.s;
    if (actor.role === 'deputy' && s.state !== 'draft') conflict('建议已提交，不能再修改；如需更正请联系交办方', 'invalid_transition');
    if (actor.role === 'organizer' && !['submitted', 'admitted'].includes(s.state)) conflict('建议已交办，不能再修改内容', 'invalid_transition');
    if (b.number !== undefined && actor.role !== 'organizer') forbidden('建议编号由交办方编定');
    if (b.number !== undefined && (await this.repo.numberTaken(s.session_id, b.number, s.id))) conflict(`本届次已有第${b.number}号建议`, 'duplicate_number');
    const patch = {
      number: b.number ?? s.number, title: b.title ?? s.title, body: b.body ?? s.body, category: b.category ?? s.category,
      kind: b.kind ?? s.kind, updated_at: this.ctx.clock.nowIso(),
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      try {
        await this.repo.with(tx).updateVersioned('suggestion', id, b.version, patch, '该建议');
      } catch (err) {
        if (isUniqueViolation(err)) conflict(`本届次已有第${b.number}号建议`, 'duplicate_number');
        throw err;
      }
      const changed = Object.keys(b).filter((k) => k !== 'version');
      await this.core.event(tx, s, 'edited', actor, { summary: '修改建议内容', fields: changed }, 'internal');
      await indexSuggestion(tx, id);
      await recordAudit(tx, this.ctx.clock, actor, { action: 'suggestion.update', entityType: 'suggestion', entityId: id, before: { number: s.number, title: s.title, body: s.body, category: s.category, kind: s.kind }, after: patch });
    });
    return this.detail(actor, id);
  }

  async submit(actor: Actor, id: string, version: number) {
    const x = await this.core.access(actor, id);
    authorize(suggestionPolicy, actor, 'submit', x);
    const state = this.core.move(x.s.state, 'submit');
    const pending = x.signers.filter((g) => g.status === 'invited');
    if (pending.length) conflict(`尚有 ${pending.length} 名代表（${pending.map((g) => g.name).join('、')}）未答复附议邀请，请等待答复或撤回邀请后再提交`, 'signers_pending');
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).updateVersioned('suggestion', id, version, { state, submitted_at: now, updated_at: now }, '该建议');
      await this.core.event(tx, x.s, 'submitted', actor, { summary: '建议已提交，等待立案' }, 'deputy');
      await this.core.notify(tx, await this.repo.with(tx).organizers(), {
        kind: 'suggestion.submitted', title: '新提交的建议', suggestionId: id, body: `${actor.displayName}代表提交了建议“${x.s.title}”，请审核立案。`, key: `suggestion:${id}:submitted`,
      });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'suggestion.submit', entityType: 'suggestion', entityId: id, before: { state: x.s.state }, after: { state } });
    });
    return this.detail(actor, id);
  }

  async invite(actor: Actor, id: string, b: z.infer<typeof InviteSignerBody>) {
    const x = await this.core.access(actor, id);
    authorize(suggestionPolicy, actor, 'invite', x);
    const byOrganizer = actor.role === 'organizer';
    if (byOrganizer ? !['submitted', 'admitted'].includes(x.s.state) : x.s.state !== 'draft') {
      conflict(byOrganizer ? '建议已交办，不能再增加附议代表' : '建议已提交，不能再邀请附议代表', 'invalid_transition');
    }
    const [d] = await this.repo.deputiesByIds([b.deputyId]);
    if (!d) badRequest('所选代表不存在', 'deputy_missing');
    const existing = x.signers.find((g) => g.deputy_id === b.deputyId);
    if (existing && existing.status !== 'declined') conflict(`${d!.name}已在本建议的代表名单中`, 'duplicate');
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      if (existing) await repo.deleteSigner(existing.id);
      await repo.insertSigner({ id: newId(), suggestion_id: id, deputy_id: d!.id, role: 'co', status: byOrganizer ? 'accepted' : 'invited', invited_at: now, responded_at: byOrganizer ? now : null, is_demo: x.s.is_demo });
      await this.touch(tx, x.s);
      await this.core.event(tx, x.s, byOrganizer ? 'signer_added' : 'signer_invited', actor, { summary: `${byOrganizer ? '增加附议代表' : '邀请附议'}：${d!.name}`, deputyName: d!.name }, 'deputy');
      if (!byOrganizer) await this.notifyInvitations(tx, x.s, [d!.id], actor);
      await recordAudit(tx, this.ctx.clock, actor, { action: 'suggestion.signer_add', entityType: 'suggestion', entityId: id, after: { deputyId: d!.id, status: byOrganizer ? 'accepted' : 'invited' } });
    });
    return this.detail(actor, id);
  }

  async removeSigner(actor: Actor, id: string, deputyId: string) {
    const x = await this.core.access(actor, id);
    authorize(suggestionPolicy, actor, 'invite', x);
    const byOrganizer = actor.role === 'organizer';
    if (byOrganizer ? !['submitted', 'admitted'].includes(x.s.state) : x.s.state !== 'draft') conflict('建议已提交或交办，不能再移除附议代表', 'invalid_transition');
    const g = x.signers.find((v) => v.deputy_id === deputyId) ?? notFound('该代表不在本建议的代表名单中');
    if (g!.role === 'lead') conflict('不能移除领衔代表', 'invalid_transition');
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).deleteSigner(g!.id);
      await this.touch(tx, x.s);
      await this.core.event(tx, x.s, 'signer_removed', actor, { summary: `移除附议代表：${g!.name}`, deputyName: g!.name }, 'deputy');
      await recordAudit(tx, this.ctx.clock, actor, { action: 'suggestion.signer_remove', entityType: 'suggestion', entityId: id, before: { deputyId, status: g!.status } });
    });
    return this.detail(actor, id);
  }

  /** An invited deputy signs (accepts) or declines. */
  async sign(actor: Actor, id: string, accept: boolean) {
    const x = await this.core.access(actor, id);
    authorize(suggestionPolicy, actor, 'sign', x);
    if (x.s.state !== 'draft') conflict('建议已提交，附议邀请已失效', 'invalid_transition');
    const g = x.signers.find((v) => v.deputy_id === x.viewerDeputyId)!;
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      const r = await this.repo.with(tx).setSignerStatus(g.id, accept ? 'accepted' : 'declined', now);
      if (Number(r.numUpdatedRows) !== 1) conflict('附议邀请已变化，请刷新后重试', 'stale_write');
      await this.touch(tx, x.s);
      await this.core.event(tx, x.s, accept ? 'signer_accepted' : 'signer_declined', actor, { summary: `${g.name}${accept ? '同意附议' : '谢绝附议'}`, deputyName: g.name }, 'deputy');
      const lead = x.signers.find((v) => v.role === 'lead');
      if (lead?.user_id) {
        await this.core.notify(tx, [lead.user_id], {
          kind: 'suggestion.signature', title: accept ? '代表同意附议' : '代表谢绝附议', suggestionId: id,
          body: `${g.name}代表${accept ? '同意附议' : '谢绝附议'}您的建议“${x.s.title}”。`, key: `suggestion:${id}:sign:${g.deputy_id}:${now}`,
        });
      }
      await recordAudit(tx, this.ctx.clock, actor, { action: accept ? 'suggestion.sign' : 'suggestion.decline', entityType: 'suggestion', entityId: id, after: { deputyId: g.deputy_id } });
    });
    if (accept) return this.detail(actor, id);
    // Having declined, the deputy no longer reads the suggestion; this last answer still shows what they did.
    return presentDetail(this.core, actor, await this.core.access(actor, id));
  }

  /** Bumps the suggestion's version: changes to its signers are changes to it. */
  private async touch(tx: Queryable, s: SuggestionTable) {
    await tx.updateTable('suggestion').set((eb) => ({ version: eb('version', '+', 1), updated_at: this.ctx.clock.nowIso() })).where('id', '=', s.id).execute();
  }

  // ---------- admission ----------

  async admit(actor: Actor, id: string, version: number) {
    const x = await this.core.access(actor, id);
    authorize(suggestionPolicy, actor, 'admit', x);
    const state = this.core.move(x.s.state, 'admit');
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      const number = x.s.number ?? (await repo.nextNumber(x.s.session_id));
      try {
        await repo.updateVersioned('suggestion', id, version, { state, number, admitted_at: now, updated_at: now }, '该建议');
      } catch (err) {
        if (isUniqueViolation(err)) conflict('编号已被同时立案的其他建议占用，请重试', 'duplicate_number');
        throw err;
      }
      await this.core.event(tx, x.s, 'admitted', actor, { summary: `立案为第${number}号建议`, number }, 'deputy');
      await this.core.notify(tx, this.core.signerUserIds(x), { kind: 'suggestion.admitted', title: '建议已立案', suggestionId: id, body: `您的建议“${x.s.title}”已立案，编号第${number}号。`, key: `suggestion:${id}:admitted` });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'suggestion.admit', entityType: 'suggestion', entityId: id, before: { state: x.s.state, number: x.s.number }, after: { state, number } });
    });
    return this.detail(actor, id);
  }

  async notAdmit(actor: Actor, id: string, b: z.infer<typeof NotAdmitBody>) {
    const x = await this.core.access(actor, id);
    authorize(suggestionPolicy, actor, 'admit', x);
    const state = this.core.move(x.s.state, 'not_admit');
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).updateVersioned('suggestion', id, b.version, { state, not_admitted_reason: b.reason, updated_at: now }, '该建议');
      await this.core.event(tx, x.s, 'not_admitted', actor, { summary: '不予立案', reason: b.reason }, 'deputy');
      await this.core.notify(tx, this.core.signerUserIds(x), { kind: 'suggestion.not_admitted', title: '建议不予立案', suggestionId: id, body: `您的建议“${x.s.title}”不予立案。理由：${b.reason}`, key: `suggestion:${id}:not_admitted` });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'suggestion.not_admit', entityType: 'suggestion', entityId: id, before: { state: x.s.state }, after: { state, reason: b.reason } });
    });
    return this.detail(actor, id);
  }

  // ---------- assignment ----------

  async assign(actor: Actor, id: string, b: z.infer<typeof AssignBody>) {
    const x = await this.core.access(actor, id);
    authorize(suggestionPolicy, actor, 'assign', x);
    const state = this.core.move(x.s.state, 'assign');
    const today = this.core.today();
    const assignedOn = b.assignedOn ?? today;
    if (assignedOn > today) badRequest(`交办日期不能晚于今天（${today}）`, 'validation_failed');
    const session = (await this.repo.session(x.s.session_id))!;
    if (assignedOn < session.starts_on) badRequest(`交办日期不能早于会议开幕日期（${session.starts_on}）`, 'validation_failed');
    const coIds = [...new Set(b.coUnitIds)];
    if (coIds.includes(b.leadUnitId)) badRequest('主办单位不能同时是协办单位', 'validation_failed');
    const units = await this.assertUnits([b.leadUnitId, ...coIds]);
    const rs = await this.core.ruleSetOfSession(x.s.session_id);
    const dates = assignmentDates(await this.core.calendar(), rs, assignedOn);
    const now = this.ctx.clock.nowIso();
    const patch = {
      state, assigned_on: assignedOn, lead_unit_id: b.leadUnitId, reply_due: dates.replyDue.date, hard_due: dates.hardDue.date,
      extended_due: null, due_explain_json: JSON.stringify({ replyDue: dates.replyDue, hardDue: dates.hardDue }), updated_at: now,
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      await repo.updateVersioned('suggestion', id, b.version, patch, '该建议');
      await this.insertAssignment(tx, x.s, b.leadUnitId, 'lead', assignedOn, rs, dates);
      for (const u of coIds) await this.insertAssignment(tx, x.s, u, 'co', assignedOn, rs, dates);
      const names = (uid: string) => units.get(uid)!.name;
      const summary = `交办${names(b.leadUnitId)}主办${coIds.length ? `，${coIds.map(names).join('、')}协办` : ''}；答复期限 ${dates.replyDue.date}`;
      await this.core.event(tx, x.s, 'assigned', actor, { summary, leadUnit: names(b.leadUnitId), coUnits: coIds.map(names), assignedOn, replyDue: dates.replyDue.date }, 'deputy');
      await this.core.notify(tx, await repo.unitStaff([b.leadUnitId]), {
        kind: 'suggestion.assigned', title: `新交办：${label(x.s)}（主办）`, suggestionId: id,
        body: `“${x.s.title}”已交由本单位主办，请在 ${dates.returnDue.date} 前签收或申请退办，答复期限 ${dates.replyDue.date}。`, key: `suggestion:${id}:assigned:${b.leadUnitId}:${assignedOn}`,
      });
      await this.core.notify(tx, await repo.unitStaff(coIds), {
        kind: 'suggestion.assigned', title: `新交办：${label(x.s)}（协办）`, suggestionId: id,
        body: `“${x.s.title}”由${names(b.leadUnitId)}主办、本单位协办，请在 ${dates.opinionDue.date} 前向主办单位提出协办意见。`, key: `suggestion:${id}:assigned-co:${assignedOn}`,
      });
      await this.core.notify(tx, this.core.signerUserIds(x), { kind: 'suggestion.assigned', title: '建议已交办', suggestionId: id, body: `您的建议“${x.s.title}”已交${names(b.leadUnitId)}主办，答复期限 ${dates.replyDue.date}。`, key: `suggestion:${id}:assigned-deputy:${assignedOn}` });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'suggestion.assign', entityType: 'suggestion', entityId: id, before: auditView(x.s), after: { ...auditView({ ...x.s, ...patch }), coUnitIds: coIds } });
    });
    return this.detail(actor, id);
  }

  /** Units that exist and may handle suggestions (not the organizer, not an enterprise). */
  async assertUnits(ids: string[]) {
    const orgs = await this.repo.orgs(ids);
    const map = new Map(orgs.map((o) => [o.id, o]));
    for (const id of ids) {
      const o = map.get(id);
      if (!o) badRequest('所选承办单位不存在', 'org_missing');
      if (!ASSIGNABLE_KINDS.has(o!.kind)) badRequest(`“${o!.name}”不是承办单位，不能交办`, 'org_not_unit');
    }
    return map;
  }

  async insertAssignment(tx: Queryable, s: SuggestionTable, unitId: string, role: 'lead' | 'co', assignedOn: string, _rs: unknown, dates: ReturnType<typeof assignmentDates>) {
    const now = this.ctx.clock.nowIso();
    const row: AssignmentTable = {
      id: newId(), suggestion_id: s.id, unit_id: unitId, role, state: 'assigned', assigned_on: assignedOn, accepted_at: null,
      return_due: dates.returnDue.date, return_reason: null, return_requested_at: null, return_decision: null, return_decision_note: null,
      return_decided_at: null, opinion_due: role === 'co' ? dates.opinionDue.date : null, opinion_text: null, opinion_at: null, opinion_by: null,
      due_explain_json: JSON.stringify(role === 'co' ? { returnDue: dates.returnDue, opinionDue: dates.opinionDue } : { returnDue: dates.returnDue }),
      is_demo: s.is_demo, version: 1, created_at: now, updated_at: now,
    };
    await this.repo.with(tx).insertAssignment(row);
    return row;
  }

  // ---------- supervision ----------

  async setKeySupervision(actor: Actor, id: string, b: z.infer<typeof KeySupervisionBody>) {
    const x = await this.core.access(actor, id);
    authorize(suggestionPolicy, actor, 'supervise', x);
    if (['draft', 'submitted', 'not_admitted'].includes(x.s.state)) conflict('建议尚未立案，不能列为重点督办', 'invalid_transition');
    const value = b.keySupervision ? 1 : 0;
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.repo.with(tx).updateVersioned('suggestion', id, b.version, { key_supervision: value, updated_at: this.ctx.clock.nowIso() }, '该建议');
      await this.core.event(tx, x.s, value ? 'key_supervision_on' : 'key_supervision_off', actor, { summary: value ? '列为重点督办建议' : '取消重点督办' }, 'deputy');
      if (value && x.s.lead_unit_id) {
        await this.core.notify(tx, await this.repo.with(tx).unitStaff([x.s.lead_unit_id]), { kind: 'suggestion.key_supervision', title: `${label(x.s)}列为重点督办`, suggestionId: id, body: `“${x.s.title}”已列为重点督办建议，请加快办理。`, key: `suggestion:${id}:key:${this.ctx.clock.nowIso()}` });
      }
      await recordAudit(tx, this.ctx.clock, actor, { action: 'suggestion.key_supervision', entityType: 'suggestion', entityId: id, before: { keySupervision: x.s.key_supervision }, after: { keySupervision: value } });
    });
    return this.detail(actor, id);
  }

  async addSupervisionAction(actor: Actor, id: string, b: z.infer<typeof SupervisionActionCreate>) {
    const x = await this.core.access(actor, id);
    authorize(suggestionPolicy, actor, 'supervise', x);
    if (['draft', 'submitted', 'not_admitted', 'admitted'].includes(x.s.state)) conflict('建议尚未交办，无需督办', 'invalid_transition');
    if (b.happenedOn > this.core.today()) badRequest('督办日期不能晚于今天', 'validation_failed');
    const now = this.ctx.clock.nowIso();
    await this.ctx.db.transaction().execute(async (tx) => {
      const repo = this.repo.with(tx);
      await repo.insertSupervision({ id: newId(), suggestion_id: id, kind: b.kind, happened_on: b.happenedOn, note: b.note, actor_id: actor.userId, actor_name: actor.displayName, created_at: now, is_demo: 0 });
      await this.touch(tx, x.s);
      await this.core.event(tx, x.s, 'supervision_action', actor, { summary: `${SUPERVISION_KIND_LABELS[b.kind]}（${b.happenedOn}）`, kind: b.kind, happenedOn: b.happenedOn }, 'internal');
      const units = x.assignments.filter((a) => a.state !== 'returned').map((a) => a.unit_id);
      await this.core.notify(tx, await repo.unitStaff(units), { kind: 'suggestion.supervision', title: `督办：${label(x.s)}`, suggestionId: id, body: `${SUPERVISION_KIND_LABELS[b.kind]}：${b.note.slice(0, 80)}`, key: `suggestion:${id}:supervision:${now}` });
      await recordAudit(tx, this.ctx.clock, actor, { action: 'suggestion.supervision_action', entityType: 'suggestion', entityId: id, after: b });
    });
    return this.detail(actor, id);
  }
}

export type { SuggestionAccess };
