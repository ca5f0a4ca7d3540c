import type { Kysely } from 'kysely';

/** The document-number registry: one counter row per (prefix, year) and one row per number given out. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('doc_number_counter')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('next_serial', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('doc_number_counter_uq').on('doc_number_counter').columns(['prefix', 'year']).unique().execute();

  await db.schema
    .createTable('doc_number')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('number_text', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('voided_from', 'text')
    .addColumn('title', 'text')
    .addColumn('ref_type', 'text')
    .addColumn('ref_id', 'text')
    .addColumn('org_unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('note', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_by', 'text')
    .addColumn('voided_by_name', 'text')
    .addColumn('voided_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('doc_number_uq').on('doc_number').columns(['prefix', 'year', 'serial']).unique().execute();
  await db.schema.createIndex('doc_number_text_idx').on('doc_number').column('number_text').execute();
  await db.schema.createIndex('doc_number_ref_idx').on('doc_number').columns(['ref_type', 'ref_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('doc_number').ifExists().execute();
  await db.schema.dropTable('doc_number_counter').ifExists().execute();
}
