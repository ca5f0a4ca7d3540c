import type { Db } from '../../platform/db/database.js';
import { auditEntityLabel } from '../../platform/audit/labels.js';

type Resolver = (db: Db, ids: string[]) => Promise<Array<{ id: string; name: string }>>;

const clip = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);
const numbered = (number: number | null, title: string) => `${number ? `第${number}号 ` : ''}${clip(title)}`;

/** How to name each kind of object the audit log records: one query per kind on a page. */
const RESOLVERS: Record<string, Resolver> = {
  app_user: async (db, ids) => (await db.selectFrom('app_user').select(['id', 'display_name', 'username']).where('id', 'in', ids).execute())
    .map((r) => ({ id: r.id, name: `${r.display_name}（${r.username}）` })),
  org_unit: async (db, ids) => (await db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', ids).execute()),
  rule_set: async (db, ids) => (await db.selectFrom('rule_set').select(['id', 'name']).where('id', 'in', ids).execute()),
  congress_session: async (db, ids) => (await db.selectFrom('congress_session').select(['id', 'full_name as name']).where('id', 'in', ids).execute()),
  deputy: async (db, ids) => (await db.selectFrom('deputy').select(['id', 'name']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, name: `${r.name}代表` })),
  suggestion: async (db, ids) => (await db.selectFrom('suggestion').select(['id', 'number', 'title']).where('id', 'in', ids).execute())
    .map((r) => ({ id: r.id, name: numbered(r.number, r.title) })),
  assignment: async (db, ids) => (await db.selectFrom('assignment as a').innerJoin('suggestion as s', 's.id', 'a.suggestion_id').innerJoin('org_unit as o', 'o.id', 'a.unit_id')
    .select(['a.id', 'a.role', 's.number', 's.title', 'o.short_name']).where('a.id', 'in', ids).execute())
    .map((r) => ({ id: r.id, name: `${r.short_name}${r.role === 'lead' ? '主办' : '协办'}：${numbered(r.number, r.title)}` })),
  extension_request: async (db, ids) => (await db.selectFrom('extension_request as e').innerJoin('suggestion as s', 's.id', 'e.suggestion_id')
    .select(['e.id', 's.number', 's.title']).where('e.id', 'in', ids).execute()).map((r) => ({ id: r.id, name: numbered(r.number, r.title) })),
  reply: async (db, ids) => (await db.selectFrom('reply as r').innerJoin('suggestion as s', 's.id', 'r.suggestion_id')
    .select(['r.id', 'r.doc_number', 's.number', 's.title']).where('r.id', 'in', ids).execute())
    .map((r) => ({ id: r.id, name: `${numbered(r.number, r.title)}的答复${r.doc_number ? `（${r.doc_number}）` : ''}` })),
  reply_point: async (db, ids) => (await db.selectFrom('reply_point').select(['id', 'ordinal', 'text']).where('id', 'in', ids).execute())
    .map((r) => ({ id: r.id, name: `第${r.ordinal}点：${clip(r.text, 30)}` })),
  rating: async (db, ids) => (await db.selectFrom('rating as r').innerJoin('deputy as d', 'd.id', 'r.deputy_id').innerJoin('suggestion as s', 's.id', 'r.suggestion_id')
    .select(['r.id', 'd.name', 's.number', 's.title']).where('r.id', 'in', ids).execute()).map((r) => ({ id: r.id, name: `${r.name}代表对 ${numbered(r.number, r.title)}` })),
  doc_number: async (db, ids) => (await db.selectFrom('doc_number').select(['id', 'number_text as name']).where('id', 'in', ids).execute()),
  promise: async (db, ids) => (await db.selectFrom('promise').select(['id', 'text']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, name: clip(r.text) })),
  promise_evidence: async (db, ids) => (await db.selectFrom('promise_evidence as e').innerJoin('promise as p', 'p.id', 'e.promise_id')
    .select(['e.id', 'p.text']).where('e.id', 'in', ids).execute()).map((r) => ({ id: r.id, name: `承诺“${clip(r.text, 30)}”的佐证` })),
  delivery_rating: async (db, ids) => (await db.selectFrom('delivery_rating as r').innerJoin('deputy as d', 'd.id', 'r.deputy_id').innerJoin('promise as p', 'p.id', 'r.promise_id')
    .select(['r.id', 'd.name', 'p.text']).where('r.id', 'in', ids).execute()).map((r) => ({ id: r.id, name: `${r.name}代表对承诺“${clip(r.text, 30)}”` })),
  project: async (db, ids) => (await db.selectFrom('project').select(['id', 'name']).where('id', 'in', ids).execute()),
  project_component: async (db, ids) => (await db.selectFrom('project_component as c').innerJoin('project as p', 'p.id', 'c.project_id')
    .select(['c.id', 'c.name', 'p.name as project']).where('c.id', 'in', ids).execute()).map((r) => ({ id: r.id, name: `${r.project} · ${r.name}` })),
  project_progress_update: async (db, ids) => (await db.selectFrom('project_progress_update as u').innerJoin('project_component as c', 'c.id', 'u.component_id').innerJoin('project as p', 'p.id', 'u.project_id')
    .select(['u.id', 'u.as_of', 'c.name', 'p.name as project']).where('u.id', 'in', ids).execute()).map((r) => ({ id: r.id, name: `${r.project} · ${r.name}（${r.as_of}）` })),
  project_milestone: async (db, ids) => (await db.selectFrom('project_milestone as m').innerJoin('project as p', 'p.id', 'm.project_id')
    .select(['m.id', 'm.name', 'p.name as project']).where('m.id', 'in', ids).execute()).map((r) => ({ id: r.id, name: `${r.project} · ${r.name}` })),
  project_monthly: async (db, ids) => (await db.selectFrom('project_monthly as m').innerJoin('project as p', 'p.id', 'm.project_id')
    .select(['m.id', 'm.month', 'p.name as project']).where('m.id', 'in', ids).execute()).map((r) => ({ id: r.id, name: `${r.project} · ${r.month}` })),
  coordination_issue: async (db, ids) => (await db.selectFrom('coordination_issue').select(['id', 'title']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, name: clip(r.title) })),
  project_stage_template: async (db, ids) => (await db.selectFrom('project_stage_template').select(['id', 'name']).where('id', 'in', ids).execute()),
  park_facility: async (db, ids) => (await db.selectFrom('park_facility').select(['id', 'name']).where('id', 'in', ids).execute()),
  bus_route: async (db, ids) => (await db.selectFrom('bus_route').select(['id', 'route_no']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, name: `${r.route_no}路` })),
  greening_year: async (db, ids) => (await db.selectFrom('greening_year').select(['id', 'year']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, name: `${r.year}年` })),
  greening_entry: async (db, ids) => (await db.selectFrom('greening_entry').select(['id', 'entry_date', 'place']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, name: `${r.entry_date} ${clip(r.place, 20)}` })),
  utility_service: async (db, ids) => (await db.selectFrom('utility_service').select(['id', 'name']).where('id', 'in', ids).execute()),
  school_enrolment: async (db, ids) => (await db.selectFrom('school_enrolment').select(['id', 'school_name', 'year']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, name: `${r.school_name}（${r.year}年）` })),
};

/** A name recorded in the entry itself, for objects since deleted (or kinds without a resolver). */
function recordedName(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  for (const k of ['displayName', 'name', 'title', 'schoolName', 'routeNo', 'numberText', 'number_text', 'text']) {
    if (typeof d[k] === 'string' && d[k]) return clip(d[k] as string);
  }
  return null;
}

export interface AuditNameInput { entityType: string; entityId: string | null; before: unknown; after: unknown }

/**
 * The display name of each entry's object: looked up by kind (users, units, suggestions, replies, promises,
 * projects, …); else a name the entry recorded; else the kind in Chinese with a short id. Returns one per row.
 */
export async function auditObjectNames(db: Db, rows: AuditNameInput[]): Promise<Array<string | null>> {
  const byType = new Map<string, Set<string>>();
  for (const r of rows) if (r.entityId && RESOLVERS[r.entityType]) (byType.get(r.entityType) ?? byType.set(r.entityType, new Set()).get(r.entityType)!).add(r.entityId);
  const names = new Map<string, string>();
  await Promise.all([...byType].map(async ([type, ids]) => {
    for (const r of await RESOLVERS[type](db, [...ids])) names.set(`${type}:${r.id}`, r.name);
  }));
  return rows.map((r) => {
    if (!r.entityId) return null;
    if (r.entityType === 'calendar_year') return `${r.entityId}年`;
    return names.get(`${r.entityType}:${r.entityId}`) ?? recordedName(r.before) ?? recordedName(r.after) ?? `${auditEntityLabel(r.entityType)} ${r.entityId.slice(0, 8)}`;
  });
}
