import type { Kysely } from 'kysely';

/**
 * Indexes for the organizer's dashboard counts, which otherwise read every suggestion of a state from the
 * table (100–400 ms each at 100,000 suggestions): overdue and due soon (state + due dates, covering),
 * key supervision (a flag set on few), and co-units' overdue opinions (role + opinion due date).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('suggestion_state_due_idx').on('suggestion').columns(['state', 'extended_due', 'reply_due', 'session_id', 'number']).execute();
  await db.schema.createIndex('suggestion_key_supervision_idx').on('suggestion').columns(['key_supervision', 'state']).execute();
  await db.schema.createIndex('assignment_role_opinion_due_idx').on('assignment').columns(['role', 'opinion_due']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assignment_role_opinion_due_idx').execute();
  await db.schema.dropIndex('suggestion_key_supervision_idx').execute();
  await db.schema.dropIndex('suggestion_state_due_idx').execute();
}
