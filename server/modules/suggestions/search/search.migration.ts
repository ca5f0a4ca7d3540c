import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../../platform/db/database.js';

/**
 * The full-text index of suggestions and replies. SQLite: an FTS5 table over `suggestion_search` (external
 * content, kept in step by triggers). PostgreSQL: a stored tsvector of the same tokens with a GIN index.
 * Both index the space-separated bigram tokens made by domain/text/bigrams.ts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  let t = db.schema.createTable('suggestion_search');
  t = pg ? t.addColumn('seq', 'bigserial', (c) => c.primaryKey()) : t.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
  await t
    .addColumn('doc_key', 'text', (c) => c.notNull().unique())
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reply_id', 'text')
    .addColumn('reply_state', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('match_text', 'text', (c) => c.notNull())
    .addColumn('source_stamp', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('suggestion_search_suggestion_idx').on('suggestion_search').columns(['suggestion_id', 'kind']).execute();

  await db.schema
    .createTable('suggestion_term')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .execute();

  if (pg) {
    await sql`alter table suggestion_search add column tsv tsvector generated always as (to_tsvector('simple', search_text)) stored`.execute(db);
    await sql`create index suggestion_search_tsv_idx on suggestion_search using gin (tsv)`.execute(db);
  } else {
    await sql`create virtual table suggestion_fts using fts5(search_text, content='suggestion_search', content_rowid='seq', tokenize='unicode61')`.execute(db);
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
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') {
    for (const tr of ['suggestion_search_ai', 'suggestion_search_ad', 'suggestion_search_au']) await sql`drop trigger if exists ${sql.raw(tr)}`.execute(db);
    await sql`drop table if exists suggestion_fts`.execute(db);
  }
  await db.schema.dropTable('suggestion_term').ifExists().execute();
  await db.schema.dropTable('suggestion_search').ifExists().execute();
}
