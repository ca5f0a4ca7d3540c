/** The queries of publication: replies with what a review needs, and the public reads of published ones. */
import { sql } from 'kysely';
import type { Dialect, Queryable } from '../../../platform/db/database.js';

export const PUBLICATION_STATES = ['draft', 'reviewed', 'published'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** A submitted reply with its suggestion, session, rule set and unit. */
export function replyContextQuery(db: Queryable) {
  return db.selectFrom('reply as r')
    .innerJoin('suggestion as s', 's.id', 'r.suggestion_id')
    .innerJoin('congress_session as cs', 'cs.id', 's.session_id')
    .innerJoin('rule_set as rs', 'rs.id', 'cs.rule_set_id')
    .innerJoin('org_unit as u', 'u.id', 'r.unit_id')
    .selectAll('r')
    .select([
      's.number as s_number', 's.title as s_title', 's.kind as s_kind', 's.category as s_category', 's.session_id as s_session_id',
      'cs.body as cs_body', 'cs.short_name as cs_short_name', 'rs.publish_workdays as rs_publish_workdays', 'rs.class_scheme_json as rs_class_scheme_json',
      'u.name as u_name', 'u.official_phone as u_official_phone',
    ]);
}

export type ReplyContext = Awaited<ReturnType<ReturnType<typeof replyContextQuery>['executeTakeFirstOrThrow']>>;

export async function pointsOf(db: Queryable, replyIds: string[]) {
  if (!replyIds.length) return [];
  return db.selectFrom('reply_point as p').leftJoin('org_unit as o', 'o.id', 'p.responsible_org_id')
    .select(['p.id', 'p.reply_id', 'p.ordinal', 'p.heading', 'p.text', 'o.name as org_name'])
    .where('p.reply_id', 'in', replyIds).orderBy('p.reply_id').orderBy('p.ordinal').execute();
}

export type PointRow = Awaited<ReturnType<typeof pointsOf>>[number];

/** Names of the deputies a reply is addressed to: the lead first, then co-signers who signed. */
export async function addresseesOf(db: Queryable, suggestionId: string) {
  const rows = await db.selectFrom('suggestion_signer as g').innerJoin('deputy as d', 'd.id', 'g.deputy_id')
    .select(['g.id', 'd.name', 'g.role', 'g.status', 'g.invited_at']).where('g.suggestion_id', '=', suggestionId).execute();
  return rows.filter((r) => r.role === 'lead' || r.status === 'accepted')
    .sort((a, b) => (a.role === b.role ? a.invited_at.localeCompare(b.invited_at) || a.id.localeCompare(b.id) : a.role === 'lead' ? -1 : 1))
    .map((r) => r.name);
}

/**
 * Submitted, unpublished replies counted by the day their publication period starts (the submission's
 * date in China Standard Time, else the reply's date) and their rule set's working days.
 */
export async function openRepliesByStartDay(db: Queryable, dialect: Dialect, sessionId?: string) {
  const day = dialect === 'postgres'
    ? sql<string | null>`coalesce(to_char(r.submitted_at::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM-DD'), r.reply_date)`
    : sql<string | null>`coalesce(date(r.submitted_at, '+8 hours'), r.reply_date)`;
  let q = db.selectFrom('reply as r')
    .innerJoin('suggestion as s', 's.id', 'r.suggestion_id')
    .innerJoin('congress_session as cs', 'cs.id', 's.session_id')
    .innerJoin('rule_set as rs', 'rs.id', 'cs.rule_set_id')
    .select([day.as('from_day'), 'rs.publish_workdays as workdays'])
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('r.state', '=', 'submitted').where('r.publication_state', '!=', 'published');
  if (sessionId) q = q.where('s.session_id', '=', sessionId);
  const rows = await q.groupBy([day, 'rs.publish_workdays']).execute();
  return rows.map((r) => ({ from: r.from_day, workdays: Number(r.workdays), n: Number(r.n) }));
}
