/**
 * Row scope of the search, taken from the module's one declaration (suggestions.scope.ts) and applied to the
 * index's own keys: a suggestion's text and its submitted replies are found by whoever may read the
 * suggestion; a reply draft by whoever may read that draft (the reply scope: never a deputy); published
 * replies by everyone, the public included.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Viewer } from '../../../platform/auth/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import { replyScope, suggestionScope } from '../suggestions.scope.js';
import { isDraftSql, isPublishedSql, keyExpr } from './search.keys.js';

/** SQL: the suggestion key of document `x` belongs to a suggestion the viewer may read. */
function readableKeySql(viewer: Viewer, x: RawBuilder<unknown>): RawBuilder<boolean> {
  const m = suggestionScope.membership(viewer);
  if (typeof m === 'boolean') return m ? sql<boolean>`1 = 1` : sql<boolean>`1 = 0`;
  // The scope's keys are suggestion ids; the index's keys are numbers: translate through the suggestions' own documents.
  return sql<boolean>`${keyExpr(x)} ${sql.raw(m.op)} (select ${keyExpr(sql`k0.seq`)} from suggestion_search k0 where k0.kind = 'suggestion' and k0.suggestion_id in (${m.keys}))`;
}

/** SQL: document `x`, a reply draft, is a draft the viewer may read (few documents are drafts: checked one by one). */
function draftReadableSql(viewer: Viewer, x: RawBuilder<unknown>): RawBuilder<boolean> {
  if (!viewer) return sql<boolean>`1 = 0`;
  return sql<boolean>`exists (select 1 from suggestion_search dr join reply rdr on rdr.id = dr.reply_id where dr.seq = ${x} and ${replyScope.where(viewer, 'rdr')})`;
}

/** Which index documents the viewer may find, for the document key `x`. */
export function visibleDocSql(viewer: Viewer, x: RawBuilder<unknown>): RawBuilder<boolean> {
  if (!viewer) return isPublishedSql(x);
  return sql<boolean>`(${isPublishedSql(x)} or (${readableKeySql(viewer, x)} and (not ${isDraftSql(x)} or ${draftReadableSql(viewer, x)})))`;
}

/** Which of the given suggestions the viewer may read as an insider (not only as the public reads them). */
export async function readableAmong(db: Queryable, viewer: Viewer, ids: string[]): Promise<Set<string>> {
  if (!ids.length || !viewer) return new Set();
  const rows = await db.selectFrom('suggestion').select('suggestion.id').where('suggestion.id', 'in', ids).where(suggestionScope.where(viewer)).execute();
  return new Set(rows.map((r) => r.id));
}

/** Which of the given replies the viewer may read (drafts: only insiders). */
export async function readableReplies(db: Queryable, viewer: Viewer, ids: string[]): Promise<Set<string>> {
  if (!ids.length || !viewer) return new Set();
  const rows = await db.selectFrom('reply').select('reply.id').where('reply.id', 'in', ids).where(replyScope.where(viewer)).execute();
  return new Set(rows.map((r) => r.id));
}
