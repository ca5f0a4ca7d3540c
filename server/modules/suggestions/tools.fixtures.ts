/**
 * Test data for the suggestion tools: a session of its own and suggestions in any state, written straight
 * into the tables (the workflow's own tests cover how they get there). Used by tests only.
 */
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/context.js';
import { indexSuggestion } from './search/search.indexer.js';

const CLASSES = [
  { code: 'A', label: '所提问题已经解决或基本解决' },
  { code: 'B', label: '所提问题列入计划拟解决' },
  { code: 'C', label: '所提问题因条件限制暂时难以解决' },
  { code: 'D', label: '所提问题留作参考' },
];

type Ctx = Pick<AppContext, 'db' | 'clock'>;
let counter = 0;

export async function fixtureSession(ctx: Ctx, opts: { body?: '人大' | '政协'; publishWorkdays?: number } = {}) {
  const now = ctx.clock.nowIso();
  const tag = `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const ruleSetId = newId();
  await ctx.db.insertInto('rule_set').values({
    id: ruleSetId, name: `测试规则${tag}`, jurisdiction: '测试', reply_months: 3, hard_months: 6, co_opinion_months: 1,
    return_window_count: 7, return_window_unit: 'workdays', rereply_months: 1, publish_workdays: opts.publishWorkdays ?? 20,
    class_scheme_json: JSON.stringify(CLASSES), class_mark_on_doc: 1, reply_mode: 'joint',
    reminders_json: JSON.stringify([{ kind: 'before', workdays: 10 }]), is_demo: 0, version: 1, created_at: now, updated_at: now,
  }).execute();
  const sessionId = newId();
  await ctx.db.insertInto('congress_session').values({
    id: sessionId, body: opts.body ?? '人大', term: '七', meeting: '六', short_name: '七届六次', full_name: `测试会议${tag}`,
    starts_on: '2024-03-01', ends_on: '2024-03-05', rule_set_id: ruleSetId, is_demo: 0, version: 1, created_at: now, updated_at: now,
  }).execute();
  return { sessionId, ruleSetId };
}

/** The deputy record of a demo account (made when the demo data has none), or a new deputy by name. */
export async function fixtureDeputy(ctx: Ctx, who: { username?: string; name?: string; body?: string }) {
  const now = ctx.clock.nowIso();
  if (who.username) {
    const u = await ctx.db.selectFrom('app_user').select(['id', 'display_name']).where('username', '=', who.username).executeTakeFirstOrThrow();
    const d = await ctx.db.selectFrom('deputy').select('id').where('user_id', '=', u.id).executeTakeFirst();
    if (d) return d.id;
    const id = newId();
    await ctx.db.insertInto('deputy').values({ id, name: u.display_name, user_id: u.id, body: who.body ?? '人大', delegation: null, phone_enc: null, is_demo: 0, version: 1, created_at: now, updated_at: now }).execute();
    return id;
  }
  const id = newId();
  await ctx.db.insertInto('deputy').values({ id, name: who.name!, user_id: null, body: who.body ?? '人大', delegation: null, phone_enc: null, is_demo: 0, version: 1, created_at: now, updated_at: now }).execute();
  return id;
}

export async function orgId(ctx: Ctx, shortName: string) {
  return (await ctx.db.selectFrom('org_unit').select('id').where('short_name', '=', shortName).executeTakeFirstOrThrow()).id;
}

export interface FixtureReply {
  state?: 'draft' | 'submitted';
  round?: number;
  docNumber?: string | null;
  classCode?: string | null;
  intro?: string | null;
  points?: Array<{ heading?: string | null; text: string; org?: string }>;
  contactPerson?: string | null;
  contactPhone?: string | null;
  replyDate?: string | null;
  dueOn?: string | null;
  submittedAt?: string | null;
}

export interface FixtureSuggestion {
  sessionId: string;
  number?: number | null;
  title: string;
  body: string;
  category?: string;
  state?: string;
  leadDeputyId: string;
  coDeputyIds?: string[];
  leadUnit?: string;
  coUnits?: string[];
  assignedOn?: string | null;
  replyDue?: string | null;
  extendedDue?: string | null;
  finalSatisfaction?: string | null;
  replies?: FixtureReply[];
  index?: boolean;
}

export async function fixtureSuggestion(ctx: Ctx, f: FixtureSuggestion) {
  const now = ctx.clock.nowIso();
  const id = newId();
  const leadUnitId = f.leadUnit ? await orgId(ctx, f.leadUnit) : null;
  await ctx.db.insertInto('suggestion').values({
    id, session_id: f.sessionId, number: f.number === undefined ? null : f.number, title: f.title, body: f.body, category: f.category ?? '营商环境',
    kind: '建议', lead_deputy_id: f.leadDeputyId, state: f.state ?? 'in_progress', not_admitted_reason: null, round: Math.max(1, ...(f.replies ?? []).map((r) => r.round ?? 1)),
    submitted_at: now, admitted_at: now, assigned_on: leadUnitId ? f.assignedOn ?? '2024-04-01' : null, reply_due: leadUnitId ? f.replyDue ?? '2024-07-01' : null,
    hard_due: leadUnitId ? '2024-10-08' : null, extended_due: f.extendedDue ?? null, due_explain_json: null, key_supervision: 0, lead_unit_id: leadUnitId,
    final_satisfaction: f.finalSatisfaction ?? null, closed_at: null, search_text: null, is_demo: 0, version: 1, created_by: null, created_at: now, updated_at: now,
  }).execute();
  const signers = [{ deputy: f.leadDeputyId, role: 'lead' }, ...(f.coDeputyIds ?? []).map((d) => ({ deputy: d, role: 'co' }))];
  for (const g of signers) {
    await ctx.db.insertInto('suggestion_signer').values({ id: newId(), suggestion_id: id, deputy_id: g.deputy, role: g.role, status: 'accepted', invited_at: now, responded_at: now, is_demo: 0 }).execute();
  }
  const units = [...(f.leadUnit ? [{ name: f.leadUnit, role: 'lead' }] : []), ...(f.coUnits ?? []).map((u) => ({ name: u, role: 'co' }))];
  for (const u of units) {
    await ctx.db.insertInto('assignment').values({
      id: newId(), suggestion_id: id, unit_id: await orgId(ctx, u.name), role: u.role, state: 'accepted', assigned_on: f.assignedOn ?? '2024-04-01', accepted_at: now,
      return_due: '2024-04-11', return_reason: null, return_requested_at: null, return_decision: null, return_decision_note: null, return_decided_at: null,
      opinion_due: u.role === 'co' ? '2024-05-06' : null, opinion_text: null, opinion_at: null, opinion_by: null, due_explain_json: null,
      is_demo: 0, version: 1, created_at: now, updated_at: now,
    }).execute();
  }
  const replyIds: string[] = [];
  for (const r of f.replies ?? []) {
    const rid = newId();
    replyIds.push(rid);
    await ctx.db.insertInto('reply').values({
      id: rid, suggestion_id: id, round: r.round ?? 1, state: r.state ?? 'submitted', unit_id: leadUnitId!, doc_number: r.docNumber ?? null,
      class_code: r.classCode ?? null, signer: null, contact_person: r.contactPerson ?? null, contact_phone: r.contactPhone ?? null, intro: r.intro ?? null,
      closing: '以上答复你们是否满意，如有意见，敬请反馈。', reply_date: r.replyDate ?? null, due_on: r.dueOn ?? null,
      submitted_at: (r.state ?? 'submitted') === 'submitted' ? r.submittedAt ?? now : null, submitted_by: null, publication_state: 'draft',
      published_json: null, redactions_json: null, published_at: null, is_demo: 0, version: 1, created_at: now, updated_at: now,
    }).execute();
    let ordinal = 1;
    for (const p of r.points ?? []) {
      await ctx.db.insertInto('reply_point').values({
        id: newId(), reply_id: rid, ordinal: ordinal++, heading: p.heading ?? null, text: p.text, responsible_org_id: p.org ? await orgId(ctx, p.org) : null,
        is_demo: 0, version: 1, created_at: now, updated_at: now,
      }).execute();
    }
  }
  if (f.index !== false) await ctx.db.transaction().execute((tx) => indexSuggestion(tx, id));
  return { id, replyIds };
}
