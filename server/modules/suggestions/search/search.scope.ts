/**
 * Row scope of the search, in SQL, matching the workflow's `suggestionPolicy.read` and `readInternal`:
 * organizer and admin see every suggestion; unit staff those with an active assignment of their unit; a
 * deputy those they lead or co-sign (not declined). Drafts of replies are internal: deputies never find them.
 * Everyone, the public included, finds published replies.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Viewer } from '../../../platform/auth/roles.js';
import { isDraftSql, isPublishedSql, keyExpr } from './search.keys.js';

export type SearchScope =
  | { kind: 'all' }
  | { kind: 'unit'; unitId: string }
  | { kind: 'deputy'; userId: string }
  | { kind: 'public' };

export function scopeOf(actor: Viewer): SearchScope {
  if (!actor) return { kind: 'public' };
  if (actor.role === 'admin' || actor.role === 'organizer') return { kind: 'all' };
  if (actor.role === 'unit_staff' && actor.orgUnitId) return { kind: 'unit', unitId: actor.orgUnitId };
  if (actor.role === 'deputy') return { kind: 'deputy', userId: actor.userId };
  return { kind: 'public' };
}

/** True when the suggestion whose id is `sid` may be read by the scope. */
export function readableSql(scope: SearchScope, sid: RawBuilder<unknown>): RawBuilder<boolean> {
  switch (scope.kind) {
    case 'all':
      return sql<boolean>`1 = 1`;
    case 'unit':
      return sql<boolean>`exists (select 1 from assignment sa where sa.suggestion_id = ${sid} and sa.unit_id = ${scope.unitId} and sa.state <> 'returned')`;
    case 'deputy':
      return sql<boolean>`exists (select 1 from suggestion_signer sg join deputy sd on sd.id = sg.deputy_id where sg.suggestion_id = ${sid} and sd.user_id = ${scope.userId} and sg.status <> 'declined')`;
    case 'public':
      return sql<boolean>`1 = 0`;
  }
}

/**
 * Which of the given suggestions the scope may read, as one query that starts from those ids (the planner
 * would otherwise walk every assignment of a large unit).
 */
export function readableAmongSql(scope: { kind: 'unit'; unitId: string } | { kind: 'deputy'; userId: string }, ids: string[]): RawBuilder<{ id: string }> {
  return scope.kind === 'unit'
    // `unit_id || ''`: compare without the unit index, so the page's few ids drive the lookup.
    ? sql`select distinct sa.suggestion_id as id from assignment sa where sa.suggestion_id in (${sql.join(ids)}) and sa.unit_id || '' = ${scope.unitId} and sa.state <> 'returned'`
    : sql`select distinct sg.suggestion_id as id from suggestion_signer sg join deputy sd on sd.id = sg.deputy_id where sg.suggestion_id in (${sql.join(ids)}) and sd.user_id = ${scope.userId} and sg.status <> 'declined'`;
}

/** The index keys of the suggestions the scope may read (unit and deputy scopes), as a sub-select. */
function readableKeys(scope: { kind: 'unit'; unitId: string } | { kind: 'deputy'; userId: string }): RawBuilder<unknown> {
  const key = keyExpr(sql`k0.seq`);
  return scope.kind === 'unit'
    ? sql`select ${key} from assignment sa join suggestion_search k0 on k0.suggestion_id = sa.suggestion_id and k0.kind = 'suggestion' where sa.unit_id = ${scope.unitId} and sa.state <> 'returned'`
    : sql`select ${key} from deputy sd join suggestion_signer sg on sg.deputy_id = sd.id join suggestion_search k0 on k0.suggestion_id = sg.suggestion_id and k0.kind = 'suggestion' where sd.user_id = ${scope.userId} and sg.status <> 'declined'`;
}

/** Whether the scope may read drafts of replies (internal working papers) of suggestions it can read. */
export const seesDrafts = (scope: SearchScope) => scope.kind === 'all' || scope.kind === 'unit';

/**
 * Which index documents the scope may find, for the document key `x`: published replies always; the
 * suggestion's own text and submitted replies when the suggestion is readable; drafts when also internal.
 */
export function visibleDocSql(scope: SearchScope, x: RawBuilder<unknown>): RawBuilder<boolean> {
  switch (scope.kind) {
    case 'all':
      return sql<boolean>`1 = 1`;
    case 'public':
      return isPublishedSql(x);
    case 'unit':
      return sql<boolean>`(${isPublishedSql(x)} or ${keyExpr(x)} in (${readableKeys(scope)}))`;
    case 'deputy':
      return sql<boolean>`(${isPublishedSql(x)} or (not ${isDraftSql(x)} and ${keyExpr(x)} in (${readableKeys(scope)})))`;
  }
}
