import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * Login throttle counters (one row per key, updated by a single atomic upsert) and keyed checkpoints of
 * the audit chain.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('auth_throttle')
    .addColumn('throttle_key', 'text', (c) => c.primaryKey())
    .addColumn('fails', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('next_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_throttle_last_at_idx').on('auth_throttle').column('last_at').execute();

  await db.schema
    .createTable('audit_checkpoint')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', t.bigint, (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('entries', t.bigint, (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_checkpoint_seq_idx').on('audit_checkpoint').column('seq').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
