/**
 * How a search document is numbered: its integer key (the FTS5 rowid on SQLite, `seq` on both) is the
 * suggestion's key times 256 plus a slot saying what the document is. Finding suggestions, telling drafts
 * from submitted and published replies, and paging by suggestion then need no join back to the documents.
 *
 *   slot 0                     the suggestion's own text
 *   slot 1 + 3(round−1) + 0    the reply of that round, as a draft
 *   slot 1 + 3(round−1) + 1    the reply of that round, submitted
 *   slot 1 + 3(round−1) + 2    the reply of that round, as published
 */
import { sql, type RawBuilder } from 'kysely';

export const SLOT_BITS = 8;
const SLOTS = 1 << SLOT_BITS;
export const MAX_ROUND = Math.floor((SLOTS - 2) / 3) + 1;

export type DocKind = 'suggestion' | 'reply' | 'published';

export function slotOf(kind: DocKind, round = 1, replyState = 'submitted'): number {
  if (kind === 'suggestion') return 0;
  if (round < 1 || round > MAX_ROUND) throw new Error(`reply round ${round} out of range for the search index`);
  return 1 + (round - 1) * 3 + (kind === 'published' ? 2 : replyState === 'draft' ? 0 : 1);
}

export const docSeq = (skey: number, slot: number) => skey * SLOTS + slot;
export const keyOfSeq = (seq: number) => Math.floor(seq / SLOTS);
export const slotOfSeq = (seq: number) => seq % SLOTS;

/** SQL: the suggestion key of a document key. */
export const keyExpr = (x: RawBuilder<unknown>) => sql<number>`(${x} >> ${sql.lit(SLOT_BITS)})`;
const slotExpr = (x: RawBuilder<unknown>) => sql<number>`(${x} & ${sql.lit(SLOTS - 1)})`;
/** SQL: the document is a published reply. */
export const isPublishedSql = (x: RawBuilder<unknown>) => sql<boolean>`(${slotExpr(x)} > 0 and (${slotExpr(x)} - 1) % 3 = 2)`;
/** SQL: the document is a reply draft. */
export const isDraftSql = (x: RawBuilder<unknown>) => sql<boolean>`(${slotExpr(x)} > 0 and (${slotExpr(x)} - 1) % 3 = 0)`;
/** SQL: the document is a suggestion's own text. */
export const isSuggestionSql = (x: RawBuilder<unknown>) => sql<boolean>`(${slotExpr(x)} = 0)`;
