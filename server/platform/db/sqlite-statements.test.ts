import { describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { withStatementCache } from './sqlite-statements.js';

describe('SQLite statement cache', () => {
  const raw = () => {
    const db = new SQLite(':memory:');
    db.exec('create table t (id integer primary key, v text)');
    return db;
  };

  it('hands out the same prepared statement for the same SQL and a new one for other SQL', () => {
    const c = withStatementCache(raw());
    const a = c.prepare('select * from t where id = ?');
    expect(c.prepare('select * from t where id = ?')).toBe(a);
    expect(c.prepare('select v from t')).not.toBe(a);
  });

  it('keeps at most `max` statements, dropping the least recently used', () => {
    const c = withStatementCache(raw(), 2);
    const a = c.prepare('select 1');
    const b = c.prepare('select 2');
    expect(c.prepare('select 1')).toBe(a); // a is now the most recent
    c.prepare('select 3'); // drops b
    expect(c.prepare('select 1')).toBe(a);
    expect(c.prepare('select 2')).not.toBe(b);
  });

  it('SQL with many parameters is prepared each time and not kept', () => {
    const c = withStatementCache(raw(), 10, 8);
    expect(c.prepare('select * from t where id in (?, ?)')).toBe(c.prepare('select * from t where id in (?, ?)'));
    const long = `select * from t where id in (${Array(20).fill('?').join(', ')})`;
    expect(c.prepare(long)).not.toBe(c.prepare(long));
  });

  it('a statement being iterated is not reused: nested queries of the same SQL work', async () => {
    const db = raw();
    db.exec("insert into t (v) values ('a'), ('b'), ('c')");
    const c = withStatementCache(db);
    const outer = c.prepare('select v from t order by id');
    const seen: string[] = [];
    for (const row of outer.iterate([]) as Iterable<{ v: string }>) {
      seen.push(row.v + (c.prepare('select v from t order by id').all([]) as unknown[]).length);
    }
    expect(seen).toEqual(['a3', 'b3', 'c3']);
  });

  it('works under Kysely, across a schema change', async () => {
    const k = new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(raw()) }) });
    await k.insertInto('t').values({ v: 'x' }).execute();
    expect(await k.selectFrom('t').selectAll().execute()).toEqual([{ id: 1, v: 'x' }]);
    await sql`alter table t add column w text`.execute(k);
    expect(await k.selectFrom('t').selectAll().execute()).toEqual([{ id: 1, v: 'x', w: null }]);
    await k.destroy();
  });
});
