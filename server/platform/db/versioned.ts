import type { Kysely } from 'kysely';
import { staleWrite } from '../errors.js';
import type { Queryable } from './database.js';
import type { DB } from './schema.js';

/** Tables whose rows carry an id and a version: the ones written with a version check. */
export type VersionedTable = { [K in keyof DB]: DB[K] extends { id: string; version: number } ? K : never }[keyof DB];

/** The shape every versioned table shares, as Kysely sees it here. */
type Versioned = Record<string, { id: string; version: number }>;

/**
 * `update … set …, version = version + 1 where id = ? and version = ?`. When no row matches, someone
 * else changed (or removed) the row first: a 409 `stale_write` with a Chinese message naming `what`.
 * Returns the new version. The one version-checked write every module uses.
 */
export async function updateVersioned<T extends VersionedTable>(db: Queryable, table: T, id: string, version: number, patch: Partial<DB[T]>, what: string): Promise<number> {
  // Kysely cannot type a table chosen at run time; the generic signature above keeps callers typed.
  const r = await (db as unknown as Kysely<Versioned>)
    .updateTable(table as string).set({ ...(patch as object), version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) staleWrite(what);
  return version + 1;
}

/** `delete … where id = ? and version = ?`; no row → 409 `stale_write`, as for an update. */
export async function deleteVersioned<T extends VersionedTable>(db: Queryable, table: T, id: string, version: number, what: string): Promise<void> {
  const r = await (db as unknown as Kysely<Versioned>)
    .deleteFrom(table as string).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) staleWrite(what);
}
