import type { Kysely } from 'kysely';

/**
 * 0401: a promise may take its progress from one source — a key project, a project milestone, a year's
 * greening target or a park facility (`source_kind` + `source_id`; no foreign key, the kinds live in
 * different tables). Nothing of the source is copied: progress, status and done date are derived when read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('promise').addColumn('source_kind', 'text').execute();
  await db.schema.alterTable('promise').addColumn('source_id', 'text').execute();
  await db.schema.createIndex('promise_source_idx').on('promise').columns(['source_kind', 'source_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
