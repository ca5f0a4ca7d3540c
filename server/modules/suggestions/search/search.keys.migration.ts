import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../../platform/db/database.js';

/**
 * Integer keys for suggestions in the search index: documents are numbered suggestion key × 256 + slot
 * (see search.keys.ts). The index built before is cleared; the reindex (demo seed, periodic job, or
 * POST /api/suggestions/search/reindex) builds it again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  let t = db.schema.createTable('suggestion_search_key');
  t = pg ? t.addColumn('skey', 'bigserial', (c) => c.primaryKey()) : t.addColumn('skey', 'integer', (c) => c.primaryKey().autoIncrement());
  await t.addColumn('suggestion_id', 'text', (c) => c.notNull().unique().references('suggestion.id')).execute();

  if (pg) {
    await sql`delete from suggestion_search`.execute(db);
  } else {
    for (const tr of ['suggestion_search_ai', 'suggestion_search_ad', 'suggestion_search_au']) await sql`drop trigger if exists ${sql.raw(tr)}`.execute(db);
    await sql`delete from suggestion_search`.execute(db);
    await sql`insert into suggestion_fts(suggestion_fts) values ('delete-all')`.execute(db);
    await sql`create trigger suggestion_search_ai after insert on suggestion_search begin
      insert into suggestion_fts(rowid, search_text) values (new.seq, new.search_text);
    end`.execute(db);
    await sql`create trigger suggestion_search_ad after delete on suggestion_search begin
      insert into suggestion_fts(suggestion_fts, rowid, search_text) values ('delete', old.seq, old.search_text);
    end`.execute(db);
    await sql`create trigger suggestion_search_au after update of search_text on suggestion_search begin
      insert into suggestion_fts(suggestion_fts, rowid, search_text) values ('delete', old.seq, old.search_text);
      insert into suggestion_fts(rowid, search_text) values (new.seq, new.search_text);
    end`.execute(db);
  }
  await sql`delete from suggestion_term`.execute(db);
  await sql`update suggestion set search_text = null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('suggestion_search_key').ifExists().execute();
}
