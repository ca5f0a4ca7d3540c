import type { Kysely } from 'kysely';
import { columnTypes } from '../../platform/db/column-types.js';

/** 0400: promises of replies, their history, evidence, the deputies' delivery ratings and extraction runs. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('promise')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id'))
    .addColumn('reply_id', 'text', (c) => c.notNull().references('reply.id'))
    // No foreign key: a point deleted from a draft must not be blocked by a proposal made from it.
    .addColumn('reply_point_id', 'text')
    .addColumn('point_ordinal', 'integer')
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text')
    .addColumn('due', 'text')
    .addColumn('due_rule', 'text')
    .addColumn('original_due', 'text')
    .addColumn('open_ended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('action', 'text')
    .addColumn('target_value', t.real)
    .addColumn('target_unit', 'text')
    .addColumn('target_comparator', 'text')
    .addColumn('achieved_value', t.real)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_on', 'text')
    .addColumn('status_reason', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('extracted_status', 'text')
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('discarded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('discarded_at', 'text')
    .addColumn('discarded_by', 'text')
    .addColumn('discard_reason', 'text')
    .addColumn('project_id', 'text', (c) => c.references('project.id').onDelete('set null'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('promise_reply_idx').on('promise').columns(['reply_id', 'point_ordinal']).execute();
  await db.schema.createIndex('promise_suggestion_idx').on('promise').column('suggestion_id').execute();
  await db.schema.createIndex('promise_owner_idx').on('promise').columns(['owner_org_id', 'status']).execute();
  await db.schema.createIndex('promise_due_idx').on('promise').columns(['confirmed', 'discarded', 'due']).execute();
  await db.schema.createIndex('promise_project_idx').on('promise').column('project_id').execute();

  await db.schema
    .createTable('promise_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('promise_id', 'text', (c) => c.notNull().references('promise.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_org_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('changes_json', 'text')
    .addColumn('note', 'text')
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('promise_event_promise_idx').on('promise_event').columns(['promise_id', 'at']).execute();

  await db.schema
    .createTable('promise_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('promise_id', 'text', (c) => c.notNull().references('promise.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.references('file_blob.id'))
    .addColumn('happened_on', 'text', (c) => c.notNull())
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('voided_by', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('promise_evidence_promise_idx').on('promise_evidence').columns(['promise_id', 'happened_on']).execute();

  await db.schema
    .createTable('delivery_rating')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('promise_id', 'text', (c) => c.notNull().references('promise.id'))
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id'))
    .addColumn('deputy_id', 'text', (c) => c.notNull().references('deputy.id'))
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('promise_version', 'integer', (c) => c.notNull())
    .addColumn('promise_status', 'text', (c) => c.notNull())
    .addColumn('rated_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // One rating per deputy per state of the promise: a double click or two tabs cannot rate twice.
  await db.schema.createIndex('delivery_rating_uq').on('delivery_rating').columns(['promise_id', 'deputy_id', 'promise_version']).unique().execute();
  await db.schema.createIndex('delivery_rating_suggestion_idx').on('delivery_rating').column('suggestion_id').execute();

  await db.schema
    .createTable('promise_extraction')
    .addColumn('reply_id', 'text', (c) => c.primaryKey().references('reply.id'))
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('ran_by_name', 'text', (c) => c.notNull())
    .addColumn('proposed', 'integer', (c) => c.notNull())
    .addColumn('reply_date', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
