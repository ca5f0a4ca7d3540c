import type { Kysely } from 'kysely';

/** Tables of the suggestions module: rule sets, sessions, deputies, suggestions and everything hanging off them. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rule_set')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('reply_months', 'integer', (c) => c.notNull())
    .addColumn('hard_months', 'integer', (c) => c.notNull())
    .addColumn('co_opinion_months', 'integer', (c) => c.notNull())
    .addColumn('return_window_count', 'integer', (c) => c.notNull())
    .addColumn('return_window_unit', 'text', (c) => c.notNull())
    .addColumn('rereply_months', 'integer', (c) => c.notNull())
    .addColumn('publish_workdays', 'integer', (c) => c.notNull())
    .addColumn('class_scheme_json', 'text', (c) => c.notNull())
    .addColumn('class_mark_on_doc', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('reply_mode', 'text', (c) => c.notNull())
    .addColumn('reminders_json', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rule_set_name_uq').on('rule_set').columns(['jurisdiction', 'name']).unique().execute();

  await db.schema
    .createTable('congress_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('meeting', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull().unique())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('rule_set_id', 'text', (c) => c.notNull().references('rule_set.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deputy')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.unique().references('app_user.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('delegation', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deputy_name_idx').on('deputy').column('name').execute();

  await db.schema
    .createTable('suggestion')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('congress_session.id'))
    .addColumn('number', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lead_deputy_id', 'text', (c) => c.notNull().references('deputy.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('not_admitted_reason', 'text')
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('submitted_at', 'text')
    .addColumn('admitted_at', 'text')
    .addColumn('assigned_on', 'text')
    .addColumn('reply_due', 'text')
    .addColumn('hard_due', 'text')
    .addColumn('extended_due', 'text')
    .addColumn('due_explain_json', 'text')
    .addColumn('key_supervision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lead_unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('final_satisfaction', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('search_text', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Several drafts may have no number yet: both databases allow repeated NULLs in a unique index.
  await db.schema.createIndex('suggestion_session_number_uq').on('suggestion').columns(['session_id', 'number']).unique().execute();
  await db.schema.createIndex('suggestion_state_idx').on('suggestion').columns(['state', 'reply_due']).execute();
  await db.schema.createIndex('suggestion_lead_unit_idx').on('suggestion').column('lead_unit_id').execute();
  await db.schema.createIndex('suggestion_lead_deputy_idx').on('suggestion').column('lead_deputy_id').execute();

  await db.schema
    .createTable('suggestion_signer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id'))
    .addColumn('deputy_id', 'text', (c) => c.notNull().references('deputy.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('suggestion_signer_uq').on('suggestion_signer').columns(['suggestion_id', 'deputy_id']).unique().execute();
  await db.schema.createIndex('suggestion_signer_deputy_idx').on('suggestion_signer').column('deputy_id').execute();

  await db.schema
    .createTable('assignment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('return_due', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('return_requested_at', 'text')
    .addColumn('return_decision', 'text')
    .addColumn('return_decision_note', 'text')
    .addColumn('return_decided_at', 'text')
    .addColumn('opinion_due', 'text')
    .addColumn('opinion_text', 'text')
    .addColumn('opinion_at', 'text')
    .addColumn('opinion_by', 'text')
    .addColumn('due_explain_json', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assignment_suggestion_idx').on('assignment').column('suggestion_id').execute();
  await db.schema.createIndex('assignment_unit_idx').on('assignment').columns(['unit_id', 'state']).execute();

  await db.schema
    .createTable('extension_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id'))
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id'))
    .addColumn('requested_due', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decided_due', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('extension_request_suggestion_idx').on('extension_request').columns(['suggestion_id', 'state']).execute();

  await db.schema
    .createTable('supervision_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('happened_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('supervision_action_suggestion_idx').on('supervision_action').column('suggestion_id').execute();

  await db.schema
    .createTable('suggestion_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('suggestion_event_suggestion_idx').on('suggestion_event').columns(['suggestion_id', 'at']).execute();

  await db.schema
    .createTable('reply')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('doc_number', 'text')
    .addColumn('class_code', 'text')
    .addColumn('signer', 'text')
    .addColumn('contact_person', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('intro', 'text')
    .addColumn('closing', 'text', (c) => c.notNull())
    .addColumn('reply_date', 'text')
    .addColumn('due_on', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('publication_state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('published_json', 'text')
    .addColumn('redactions_json', 'text')
    .addColumn('published_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reply_suggestion_round_uq').on('reply').columns(['suggestion_id', 'round']).unique().execute();
  await db.schema.createIndex('reply_publication_idx').on('reply').column('publication_state').execute();

  await db.schema
    .createTable('reply_point')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reply_id', 'text', (c) => c.notNull().references('reply.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('heading', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('responsible_org_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reply_point_reply_idx').on('reply_point').columns(['reply_id', 'ordinal']).execute();

  await db.schema
    .createTable('rating')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reply_id', 'text', (c) => c.notNull().references('reply.id'))
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id'))
    .addColumn('deputy_id', 'text', (c) => c.notNull().references('deputy.id'))
    .addColumn('satisfaction', 'text', (c) => c.notNull())
    .addColumn('met_in_person', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('rated_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('rating_reply_deputy_uq').on('rating').columns(['reply_id', 'deputy_id']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['rating', 'reply_point', 'reply', 'suggestion_event', 'supervision_action', 'extension_request', 'assignment', 'suggestion_signer', 'suggestion', 'deputy', 'congress_session', 'rule_set']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
