import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The embedded database as Kysely's SQLite dialect sees it, with prepared statements kept and reused by their
 * SQL text (Kysely prepares every query anew, which was a fifth of a list request's time). Least recently used
 * statements are dropped beyond `max`; a statement still being iterated is never handed out twice. SQL with
 * many parameters (an `in` list of hundreds of ids, each length its own text) is prepared without being kept.
 */
export function withStatementCache(db: SQLite.Database, max = 500, maxParams = 64): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      if (paramCount(sql) > maxParams) return db.prepare(sql);
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const st = db.prepare(sql);
      cache.delete(sql);
      cache.set(sql, st);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return st;
    },
  };
}

function paramCount(sql: string): number {
  let n = 0;
  for (let i = sql.indexOf('?'); i !== -1; i = sql.indexOf('?', i + 1)) n++;
  return n;
}
